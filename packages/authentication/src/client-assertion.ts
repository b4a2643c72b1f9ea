// private_key_jwt client authentication (RFC 7523): a short-lived JWT signed with the client's private key.
import { importPKCS8, SignJWT } from 'jose'

/** Algorithms accepted for `clientAssertionSigningAlg`. */
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

export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'

const ASSERTION_LIFETIME_S = 180
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

function derLength(n: number): number[] {
  if (n < 0x80) return [n]
  const bytes: number[] = []
  for (let rest = n; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff)
  return [0x80 | bytes.length, ...bytes]
}

function base64ToBytes(b64: string): Uint8Array {
  const binary = atob(b64.replace(/\s+/g, ''))
  return Uint8Array.from(binary, (c) => c.charCodeAt(0))
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary)
}

/**
 * Wraps a PKCS#1 `RSA PRIVATE KEY` in a PKCS#8 envelope, since Web Crypto (and so jose) imports PKCS#8 only and
 * Auth0's own examples hand out PKCS#1 keys.
 */
function pkcs1ToPkcs8Pem(body: string): string {
  const pkcs1 = base64ToBytes(body)
  const rsaEncryption = [
    0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00,
  ]
  const inner = [0x02, 0x01, 0x00, ...rsaEncryption, 0x04, ...derLength(pkcs1.length), ...pkcs1]
  const der = Uint8Array.from([0x30, ...derLength(inner.length), ...inner])
  const lines = bytesToBase64(der).match(/.{1,64}/g) ?? []
  return `-----BEGIN PRIVATE KEY-----\n${lines.join('\n')}\n-----END PRIVATE KEY-----`
}

async function importSigningKey(
  key: string | CryptoKey,
  alg: ClientAssertionSigningAlg,
): Promise<CryptoKey> {
  if (typeof key !== 'string') return key
  const match = PEM.exec(key)
  const pem = match?.[1] === 'RSA ' ? pkcs1ToPkcs8Pem(match[2] ?? '') : (match?.[0] ?? key)
  try {
    return await importPKCS8(pem, alg)
  } catch (cause) {
    // jose and Web Crypto messages describe the failure, never the key itself.
    const reason = cause instanceof Error ? cause.message : 'unknown error'
    throw new TypeError(
      `clientAssertionSigningKey: could not import the private key for ${alg} (${reason})`,
      { cause },
    )
  }
}

/** Signs client assertions with one key, imported once on first use. */
export interface AssertionSigner {
  sign(clientId: string, audience: string): Promise<string>
}

/** Creates a signer; the key is imported lazily (import is async) and the import is shared by every call. */
export function createAssertionSigner(
  key: string | CryptoKey,
  alg: ClientAssertionSigningAlg,
  now: () => number,
): AssertionSigner {
  let imported: Promise<CryptoKey> | undefined
  return {
    async sign(clientId, audience) {
      imported ??= importSigningKey(key, alg)
      const iat = Math.floor(now() / 1000)
      return new SignJWT({})
        .setProtectedHeader({ alg, typ: 'JWT' })
        .setIssuer(clientId)
        .setSubject(clientId)
        .setAudience(audience)
        .setIssuedAt(iat)
        .setExpirationTime(iat + ASSERTION_LIFETIME_S)
        .setJti(crypto.randomUUID())
        .sign(await imported)
    },
  }
}
