// DPoP (RFC 9449), client side, on Web Crypto alone: proofs, key pairs, thumbprints, and a fetch that sends a fresh
// proof with every request and answers a `use_dpop_nonce` challenge once. Loaded on first use by dpop-api.ts and by the
// clients built with `dpop`, so that nothing of it is loaded (or bundled) by an application without DPoP.
import { OptionsError } from '@auth0-ts/core'
import type { DPoPFetchOptions, DPoPProofOptions, FetchFunction } from './dpop-api.js'
import { dpopAlgorithmOf, dpopKeyProblem, type DPoPAlgorithm } from './dpop-key.js'

const SIGN_PARAMS: Readonly<
  Record<DPoPAlgorithm, AlgorithmIdentifier | EcdsaParams | RsaPssParams>
> = {
  ES256: { name: 'ECDSA', hash: 'SHA-256' },
  RS256: { name: 'RSASSA-PKCS1-v1_5' },
  PS256: { name: 'RSA-PSS', saltLength: 32 },
  EdDSA: { name: 'Ed25519' },
}

/** The required public members of each key type, in the lexicographic order RFC 7638 hashes them in. */
const PUBLIC_MEMBERS: Readonly<Record<string, readonly string[]>> = {
  EC: ['crv', 'kty', 'x', 'y'],
  RSA: ['e', 'kty', 'n'],
  OKP: ['crv', 'kty', 'x'],
}

const encoder = /* @__PURE__ */ new TextEncoder()

function base64url(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

const base64urlJson = (value: unknown): string => base64url(encoder.encode(JSON.stringify(value)))

async function sha256(text: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text))))
}

function checkKeyPair(keyPair: unknown, where: string): asserts keyPair is CryptoKeyPair {
  const problem = dpopKeyProblem(keyPair)
  if (problem !== undefined) throw new OptionsError(where, [`keyPair: expected ${problem}`])
}

// Exported once per public key: a proof for every request must not export the key each time.
const jwks = /* @__PURE__ */ new WeakMap<CryptoKey, Promise<Record<string, string>>>()

/** The public JWK of a key: only the members RFC 7638 names, so no private or extra member can leak into a proof. */
function publicJwk(publicKey: CryptoKey): Promise<Record<string, string>> {
  let jwk = jwks.get(publicKey)
  if (jwk === undefined) {
    jwk = crypto.subtle.exportKey('jwk', publicKey).then((full) => {
      const members = PUBLIC_MEMBERS[full.kty ?? '']
      if (members === undefined) throw new TypeError(`keyPair: a ${full.kty} key has no DPoP JWK`)
      const record = full as Record<string, unknown>
      return Object.fromEntries(members.map((m) => [m, String(record[m])]))
    })
    jwks.set(publicKey, jwk)
  }
  return jwk
}

/** The RFC 7638 JWK SHA-256 thumbprint of a key pair (see dpop-api.ts). */
export async function dpopThumbprint(keyPair: CryptoKeyPair): Promise<string> {
  checkKeyPair(keyPair, 'dpopThumbprint arguments')
  // The members are already in lexicographic order, and JSON.stringify adds no whitespace.
  return sha256(JSON.stringify(await publicJwk(keyPair.publicKey)))
}

/** A DPoP key pair whose private key is not extractable (see dpop-api.ts). */
export async function generateDPoPKeyPair(alg: DPoPAlgorithm = 'ES256'): Promise<CryptoKeyPair> {
  const rsa = { modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }
  const params: Record<
    DPoPAlgorithm,
    RsaHashedKeyGenParams | EcKeyGenParams | AlgorithmIdentifier
  > = {
    ES256: { name: 'ECDSA', namedCurve: 'P-256' },
    RS256: { name: 'RSASSA-PKCS1-v1_5', ...rsa },
    PS256: { name: 'RSA-PSS', ...rsa },
    EdDSA: { name: 'Ed25519' },
  }
  const algorithm = Object.hasOwn(params, alg) ? params[alg] : undefined
  if (algorithm === undefined)
    throw new OptionsError('generateDPoPKeyPair arguments', [
      `alg: expected one of ${Object.keys(params).join(', ')}`,
    ])
  return (await crypto.subtle.generateKey(algorithm, false, ['sign', 'verify'])) as CryptoKeyPair
}

/** A DPoP proof for one request (see dpop-api.ts). */
export async function createDPoPProof(
  keyPair: CryptoKeyPair,
  options: DPoPProofOptions,
): Promise<string> {
  checkKeyPair(keyPair, 'createDPoPProof arguments')
  const { method, url, accessToken, nonce, now = Date.now } = options
  const htu = URL.canParse(String(url)) ? new URL(url) : undefined
  if (typeof method !== 'string' || method === '' || htu === undefined)
    throw new OptionsError('createDPoPProof options', [
      ...(typeof method === 'string' && method !== '' ? [] : ['method: expected an HTTP method']),
      ...(htu ? [] : ['url: expected an absolute URL']),
    ])
  htu.search = ''
  htu.hash = ''
  const alg = dpopAlgorithmOf(keyPair.privateKey) as DPoPAlgorithm
  const header = { alg, typ: 'dpop+jwt', jwk: await publicJwk(keyPair.publicKey) }
  const payload = {
    jti: base64url(crypto.getRandomValues(new Uint8Array(16))),
    htm: method.toUpperCase(),
    htu: htu.href,
    iat: Math.floor(now() / 1000),
    ...(accessToken !== undefined && { ath: await sha256(accessToken) }),
    ...(nonce !== undefined && { nonce }),
  }
  const input = `${base64urlJson(header)}.${base64urlJson(payload)}`
  const signature = await crypto.subtle.sign(
    SIGN_PARAMS[alg],
    keyPair.privateKey,
    encoder.encode(input),
  )
  return `${input}.${base64url(new Uint8Array(signature))}`
}

/** The last `DPoP-Nonce` each origin sent, bounded so that a fetch to many origins keeps few. */
export class DPoPNonces {
  readonly #byOrigin = new Map<string, string>()

  get(origin: string): string | undefined {
    return this.#byOrigin.get(origin)
  }

  set(origin: string, nonce: string): void {
    this.#byOrigin.delete(origin)
    this.#byOrigin.set(origin, nonce)
    if (this.#byOrigin.size > 64)
      this.#byOrigin.delete(this.#byOrigin.keys().next().value as string)
  }
}

/** Whether a response asks for the proof to be sent again with the server's nonce (RFC 9449 §8 and §9). */
async function isNonceChallenge(response: Response): Promise<boolean> {
  if (response.status !== 400 && response.status !== 401) return false
  if (/use_dpop_nonce/.test(response.headers.get('www-authenticate') ?? '')) return true
  if (response.status !== 400) return false
  try {
    const body = (await response.clone().json()) as { error?: unknown } | null
    return body?.error === 'use_dpop_nonce'
  } catch {
    return false
  }
}

/**
 * Wraps a fetch so that every request carries a fresh DPoP proof (with `ath` when its `Authorization` uses the `DPoP`
 * scheme; none when it uses `Bearer`), remembers each origin's `DPoP-Nonce`, and sends a request once more when the server answers
 * `use_dpop_nonce` with a new nonce.
 */
export function withDPoP(
  base: FetchFunction,
  keyPair: CryptoKeyPair,
  nonces: DPoPNonces,
  now: () => number,
): FetchFunction {
  return async (input, init) => {
    const request = new Request(input, init)
    const { origin } = new URL(request.url)
    const authorization = request.headers.get('authorization') ?? ''
    // A bearer token (an MFA token, say) is not bound to the key: such a request goes as it is.
    if (/^Bearer\s/i.test(authorization)) return base(request)
    const accessToken = /^DPoP\s+(\S+)\s*$/i.exec(authorization)?.[1]
    // A request's body can be sent once: keep a copy for the one retry.
    const spare = request.body === null ? request : request.clone()
    const send = async (req: Request, nonce: string | undefined): Promise<Response> => {
      const headers = new Headers(req.headers)
      const proof = { method: req.method, url: req.url, accessToken, nonce, now }
      headers.set('dpop', await createDPoPProof(keyPair, proof))
      const response = await base(new Request(req, { headers }))
      const next = response.headers.get('dpop-nonce')
      if (next) nonces.set(origin, next)
      return response
    }
    const sent = nonces.get(origin)
    const response = await send(request, sent)
    const nonce = nonces.get(origin)
    if (nonce === undefined || nonce === sent || !(await isNonceChallenge(response)))
      return response
    await response.body?.cancel()
    return send(spare, nonce)
  }
}

/** The fetch of `dpopFetch`, its options already checked (see dpop-api.ts). */
export function dpopFetchWith(keyPair: CryptoKeyPair, options: DPoPFetchOptions): FetchFunction {
  const { token, now = Date.now } = options
  const base: FetchFunction = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const send = withDPoP(base, keyPair, new DPoPNonces(), now)
  return async (input, init) => {
    if (token === undefined) return send(input, init)
    const request = new Request(input, init)
    const value = typeof token === 'string' ? token : await token({ signal: request.signal })
    if (typeof value !== 'string' || value === '')
      throw new TypeError('token: the token function must return a non-empty string')
    const headers = new Headers(request.headers)
    headers.set('authorization', `DPoP ${value}`)
    return send(new Request(request, { headers }))
  }
}
