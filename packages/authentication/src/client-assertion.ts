// private_key_jwt client authentication (RFC 7523): a short-lived JWT signed with the client's private key. What can be
// checked without crypto is here; the signer and jose are loaded on the first assertion, so that an application that
// authenticates with a secret never loads them.

/**
 * Algorithms accepted for `clientAssertionSigningAlg`.
 *
 * @example
 * ```ts
 * const choices = CLIENT_ASSERTION_ALGS.join(', ') // 'RS256, RS384, RS512, PS256, ...'
 * ```
 */
export const CLIENT_ASSERTION_ALGS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
] as const

/** An algorithm for signing client assertions. */
export type ClientAssertionSigningAlg = (typeof CLIENT_ASSERTION_ALGS)[number]

/**
 * The `client_assertion_type` sent with a private_key_jwt client assertion (RFC 7523 §2.2).
 *
 * @example
 * ```ts
 * body.set('client_assertion_type', CLIENT_ASSERTION_TYPE)
 * ```
 */
export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'

const PEM = /-----BEGIN ([A-Z ]*?)PRIVATE KEY-----([\s\S]*?)-----END \1PRIVATE KEY-----/

/** Problems with a signing key that can be seen without importing it (no key material in the messages). */
export function signingKeyProblems(key: unknown): string[] {
  if (typeof key !== 'string') {
    return isCryptoKey(key) && key.type === 'private'
      ? []
      : ['clientAssertionSigningKey: expected a PEM private key or a private CryptoKey']
  }
  const kind = PEM.exec(key)?.[1]
  if (kind === undefined)
    return ['clientAssertionSigningKey: expected a PEM private key ("-----BEGIN PRIVATE KEY-----")']
  if (kind === 'ENCRYPTED ')
    return ['clientAssertionSigningKey: encrypted PEM keys are not supported; decrypt it first']
  if (kind === '' || kind === 'RSA ') return []
  return [
    `clientAssertionSigningKey: "${kind}PRIVATE KEY" is not supported; convert it to PKCS#8 ("openssl pkcs8 -topk8 -nocrypt")`,
  ]
}

function isCryptoKey(value: unknown): value is CryptoKey {
  return typeof CryptoKey !== 'undefined' && value instanceof CryptoKey
}

/** Signs client assertions with one key, imported once on first use. */
export interface AssertionSigner {
  sign(clientId: string, audience: string): Promise<string>
}

/** Creates a signer; the signer module (and jose), then the key, are loaded on first use and shared by every call. */
export function createAssertionSigner(
  key: string | CryptoKey,
  alg: ClientAssertionSigningAlg,
  now: () => number,
): AssertionSigner {
  let signer: Promise<AssertionSigner> | undefined
  return {
    async sign(clientId, audience) {
      signer ??= import('./client-assertion-signer.js').then((m) => m.keySigner(key, alg, now))
      return (await signer).sign(clientId, audience)
    },
  }
}
