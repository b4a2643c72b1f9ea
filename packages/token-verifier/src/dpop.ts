// DPoP on the resource server (RFC 9449 §4.3, §7 and §9): the proof's structural checks (no crypto), its signature,
// its claims against the request, the key thumbprint, server nonces and the WWW-Authenticate challenge. The
// access-token verifier runs them in order around its own token checks (access-token-verifier.ts).
import type { ReplayStore } from '@auth0-ts/core'
import { checkOptions, fn, positive, rule } from '@auth0-ts/core/internal'
import {
  ASYMMETRIC_ALGORITHMS,
  isAsymmetricAlgorithm,
  keyFits,
  signatureLengthFits,
  toJwksKey,
  type AsymmetricAlgorithm,
  type PublicJwk,
} from './algorithms.js'
import type { CryptoBackend } from './backend.js'
import {
  show,
  TokenValidationError,
  type OAuthErrorCode,
  type TokenValidationErrorCode,
} from './errors.js'
import { decodeBase64url, decodeJsonObject } from './jwt.js'

/** Where a verifier gets the server nonces it requires in DPoP proofs (RFC 9449 §9), and checks them. */
export interface DPoPNonceSource {
  /** A fresh nonce, sent to the client in a `DPoP-Nonce` header. */
  issue(): string | Promise<string>
  /** Whether a proof's `nonce` is one this server issued and still accepts. */
  check(nonce: string): boolean | Promise<boolean>
}

/** The DPoP options of an `AccessTokenVerifier`. */
export interface DPoPOptions {
  /** Refuse the `Bearer` scheme: every request must carry a DPoP-bound token and its proof. @default false */
  required?: boolean
  /** The proof algorithms accepted, announced as `algs` in challenges. @default every asymmetric algorithm */
  algorithms?: readonly AsymmetricAlgorithm[]
  /** How old a proof may be, by its `iat`, in seconds (plus `leeway`). @default 300 */
  maxAge?: number
  /** Clock skew accepted on a proof's `iat`, either way, in seconds. @default 30 */
  leeway?: number
  /** Where the `jti` of every accepted proof is kept for its lifetime. @default createMemoryReplayStore() */
  replayStore?: ReplayStore
  /** Require a server nonce in every proof, issued and checked by this source (see `createDPoPNonces`). */
  nonces?: DPoPNonceSource
  /** The longest proof accepted, in characters, checked before anything is parsed. @default 8192 */
  maxProofLength?: number
}

/** The DPoP settings after validation. */
export interface DPoPSettings {
  readonly required: boolean
  readonly algorithms: readonly AsymmetricAlgorithm[]
  readonly maxAge: number
  readonly leeway: number
  readonly replayStore: ReplayStore
  readonly nonces: DPoPNonceSource | undefined
  readonly maxProofLength: number
}

/** A proof after every structural check, before any crypto. */
export interface DecodedProof {
  readonly alg: AsymmetricAlgorithm
  readonly jwk: PublicJwk
  readonly jti: string
  readonly htm: string
  readonly htu: string
  readonly iat: number
  readonly ath: unknown
  readonly nonce: unknown
  readonly signingInput: Uint8Array<ArrayBuffer>
  readonly signature: Uint8Array<ArrayBuffer>
}

/** The longest `jti` accepted: the replay store keeps it, so a proof cannot make it hold kilobytes. */
const MAX_JTI_LENGTH = 256
// Members that only a private (or symmetric) key has (RFC 7518 §6.2.2, §6.3.2, §6.4.1; RFC 8037 §2).
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const
const DPOP_TYP = /^(application\/)?dpop\+jwt$/i
const ascii = new TextEncoder()

function fail(code: TokenValidationErrorCode, message: string): never {
  throw new TokenValidationError(code, message)
}
function malformed(why: string): never {
  fail('dpop_proof_malformed', `The DPoP proof could not be decoded: ${why}.`)
}

/**
 * The structural checks of RFC 9449 §4.3, with no crypto: one `DPoP` header; the size cap; a compact JWS of strict
 * base64url JSON objects; `typ` `dpop+jwt`; an allowed asymmetric `alg`; a well-formed public `jwk` with no private
 * member that fits `alg`; `jti`, `htm`, `htu` and `iat` of the right types; a signature of plausible length.
 *
 * @throws TokenValidationError with a `dpop_*` code
 */
export function decodeProof(value: unknown, settings: DPoPSettings): DecodedProof {
  let proof = value
  if (Array.isArray(proof)) {
    if (proof.length > 1)
      fail('dpop_proof_multiple', `The request has ${proof.length} DPoP headers; one is expected.`)
    proof = proof[0]
  }
  if (proof === undefined || proof === null || proof === '')
    fail('dpop_proof_missing', 'The request has no DPoP proof (DPoP header).')
  if (typeof proof !== 'string') malformed('the DPoP header is not a string')
  if (proof.length > settings.maxProofLength)
    fail(
      'dpop_proof_too_large',
      `The DPoP proof is ${proof.length} characters long; the limit is ${settings.maxProofLength}.`,
    )
  // fetch's Headers and Node join repeated headers with ", ": a compact JWS never holds a comma.
  if (proof.includes(','))
    fail('dpop_proof_multiple', 'The request has more than one DPoP header; one is expected.')
  const [head, body, signatureText, extra] = proof.split('.')
  if (
    head === undefined ||
    body === undefined ||
    signatureText === undefined ||
    extra !== undefined
  )
    malformed('a compact JWS has exactly three segments')
  const header = decodeJsonObject(head)
  if (header === undefined) malformed('the header is not a base64url-encoded JSON object')
  const payload = decodeJsonObject(body)
  if (payload === undefined) malformed('the payload is not a base64url-encoded JSON object')

  const { typ, alg, jwk, crit } = header
  if (!(typeof typ === 'string' && DPOP_TYP.test(typ)))
    fail('dpop_typ_invalid', `The DPoP proof type (typ) must be "dpop+jwt", found "${show(typ)}".`)
  if (!isAsymmetricAlgorithm(alg) || !settings.algorithms.includes(alg))
    fail(
      'dpop_alg_invalid',
      `The DPoP proof algorithm "${show(alg)}" is not accepted; expected one of "${settings.algorithms.join('", "')}".`,
    )
  const algorithm: AsymmetricAlgorithm = alg
  if (crit !== undefined) malformed('critical header parameters (crit) are not supported')
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk))
    fail('dpop_jwk_invalid', 'The DPoP proof header has no public key (jwk).')
  const members = jwk as Record<string, unknown>
  const secret = PRIVATE_MEMBERS.filter((m) => m in members)
  // Named, never shown: the values are key material.
  if (secret.length > 0)
    fail(
      'dpop_jwk_invalid',
      `The DPoP proof key (jwk) has private members (${secret.join(', ')}); only a public key is accepted.`,
    )
  const key = toJwksKey(members)
  if (key === undefined)
    fail(
      'dpop_jwk_invalid',
      'The DPoP proof key (jwk) is not a well-formed public RSA (2048 bits or more), EC (P-256, P-384, P-521) or Ed25519 key.',
    )
  if (!keyFits(key, algorithm))
    fail('dpop_jwk_invalid', `The DPoP proof key (jwk) cannot verify "${algorithm}" signatures.`)

  const { jti, htm, htu, iat, ath, nonce } = payload
  if (typeof jti !== 'string' || jti === '' || jti.length > MAX_JTI_LENGTH)
    malformed(`"jti" must be a string of 1 to ${MAX_JTI_LENGTH} characters`)
  if (typeof htm !== 'string' || htm === '') malformed('"htm" must be a non-empty string')
  if (typeof htu !== 'string' || htu === '') malformed('"htu" must be a non-empty string')
  if (typeof iat !== 'number' || !Number.isFinite(iat)) malformed('"iat" must be a finite number')
  const signature = decodeBase64url(signatureText)
  if (signature === undefined) malformed('the signature is not base64url-encoded')
  if (!signatureLengthFits(algorithm, signature.length))
    fail('dpop_signature_invalid', 'Invalid DPoP proof signature.')
  return {
    alg: algorithm,
    jwk: key.jwk,
    jti,
    htm,
    htu,
    iat,
    ath,
    nonce,
    signingInput: ascii.encode(`${head}.${body}`),
    signature,
  }
}

/** Checks the proof's signature with its own `jwk`: the first crypto. */
export async function verifyProofSignature<K>(
  proof: DecodedProof,
  backend: CryptoBackend<K>,
): Promise<void> {
  let key: K
  try {
    key = await backend.importPublicKey(proof.jwk, proof.alg)
  } catch (cause) {
    throw new TokenValidationError(
      'dpop_jwk_invalid',
      `The DPoP proof key (jwk) could not be imported for "${proof.alg}".`,
      { cause },
    )
  }
  let valid: boolean
  try {
    valid = await backend.verify(proof.alg, key, proof.signature, proof.signingInput, false)
  } catch {
    valid = false
  }
  if (!valid) fail('dpop_signature_invalid', 'Invalid DPoP proof signature.')
}

/** What the proof is checked against: the request as the server received it. */
export interface ProofTarget {
  /** The request method, upper-cased. */
  readonly method: string
  /** The request URI, normalised, without query or fragment. */
  readonly uri: string
  /** The current time, in epoch seconds. */
  readonly now: number
}

/** `htm`, `htu` and `iat` against the request (RFC 9449 §4.3, checks 8, 9 and 11). */
export function checkProofClaims(
  proof: DecodedProof,
  target: ProofTarget,
  settings: DPoPSettings,
): void {
  if (proof.htm !== target.method)
    fail(
      'dpop_htm_mismatch',
      `The DPoP proof is for "${show(proof.htm)}" requests; this request is "${show(target.method)}".`,
    )
  if (/[?#]/.test(proof.htu))
    fail('dpop_htu_mismatch', 'The DPoP proof URI (htu) must not have a query or a fragment.')
  const htu = normalizeUri(proof.htu)
  if (htu !== target.uri)
    fail(
      'dpop_htu_mismatch',
      `The DPoP proof is for "${show(htu ?? proof.htu)}"; this request is for "${show(target.uri)}".`,
    )
  const { maxAge, leeway } = settings
  if (proof.iat < target.now - maxAge - leeway)
    fail(
      'dpop_iat_invalid',
      `The DPoP proof was issued at ${proof.iat}, more than ${maxAge} s before the current time (${target.now}).`,
    )
  if (proof.iat > target.now + leeway)
    fail(
      'dpop_iat_invalid',
      `The DPoP proof was issued at ${proof.iat}, after the current time (${target.now}).`,
    )
}

const UNRESERVED = /[A-Za-z0-9\-._~]/

/**
 * An absolute http(s) URI in RFC 3986 §6.2.2 and §6.2.3 normal form, without query or fragment: lower-case scheme
 * and host, no default port, dot segments removed, unreserved characters decoded and other escapes upper-cased.
 * `undefined` when it is not one (or has credentials).
 */
export function normalizeUri(value: string | URL): string | undefined {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return undefined
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password)
    return undefined
  const path = url.pathname.replace(/%[0-9A-Fa-f]{2}/g, (escape) => {
    const char = String.fromCharCode(parseInt(escape.slice(1), 16))
    return UNRESERVED.test(char) ? char : escape.toUpperCase()
  })
  return `${url.protocol}//${url.host}${path}`
}

/** Unpadded base64url, with Web APIs only. */
function base64url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** The base64url SHA-256 of a token's ASCII: a proof's `ath` (RFC 9449 §4.2). */
export async function accessTokenHash<K>(
  token: string,
  backend: CryptoBackend<K>,
): Promise<string> {
  return base64url(await backend.sha256(ascii.encode(token)))
}

/** The RFC 7638 JWK SHA-256 thumbprint of a public key: the `jkt` a bound token carries in `cnf`. */
export async function jwkThumbprint<K>(jwk: PublicJwk, backend: CryptoBackend<K>): Promise<string> {
  // The required members in lexicographic order, no whitespace; the values are validated base64url, so
  // JSON.stringify adds no escape.
  const canonical =
    jwk.kty === 'RSA'
      ? { e: jwk.e, kty: jwk.kty, n: jwk.n }
      : jwk.kty === 'EC'
        ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }
        : { crv: jwk.crv, kty: jwk.kty, x: jwk.x }
  return base64url(await backend.sha256(ascii.encode(JSON.stringify(canonical))))
}

/** What {@link AccessTokenVerifier.challenge} returns: the status and headers of the refusal. */
export interface Challenge {
  /** 401, or 403 for `insufficient_scope` and 400 for `invalid_request` (RFC 6750 §3.1). */
  status: 400 | 401 | 403
  headers: {
    /** The challenges: `DPoP algs="…"` with the error, and `Bearer` when the API accepts it. */
    'www-authenticate': string
    /** A fresh server nonce, with `use_dpop_nonce` (RFC 9449 §9). */
    'dpop-nonce'?: string
  }
}

const STATUS: Readonly<Record<OAuthErrorCode, Challenge['status']>> = {
  invalid_request: 400,
  invalid_token: 401,
  insufficient_scope: 403,
  invalid_dpop_proof: 401,
  use_dpop_nonce: 401,
}

/** A value for a quoted-string `error_description`: printable ASCII, no `"` or `\` (RFC 6750 §3), at most 200. */
const quotable = (text: string): string =>
  text
    .replace(/["\\]/g, "'")
    .replace(/[^\x20-\x7e]/g, '?')
    .slice(0, 200)

/**
 * The `WWW-Authenticate` challenges (RFC 6750 §3, RFC 9449 §7.1) for a refusal: `DPoP algs="…"`, and `Bearer` when the
 * API accepts it; the error, with its description, goes on the challenge of the scheme the request used.
 */
export function challengeFor(
  error: TokenValidationError | undefined,
  scheme: 'Bearer' | 'DPoP' | undefined,
  settings: DPoPSettings,
): Challenge {
  const errorCode = error?.errorCode
  const params =
    error !== undefined && errorCode !== undefined
      ? `error="${errorCode}", error_description="${quotable(error.message)}"`
      : undefined
  const onBearer = scheme === 'Bearer' && !settings.required
  let value = `DPoP algs="${settings.algorithms.join(' ')}"`
  if (params !== undefined && !onBearer) value += `, ${params}`
  if (!settings.required)
    value += onBearer && params !== undefined ? `, Bearer ${params}` : ', Bearer'
  const nonce = error?.dpopNonce
  return {
    status: errorCode === undefined ? 401 : STATUS[errorCode],
    headers: {
      'www-authenticate': value,
      ...(nonce !== undefined && { 'dpop-nonce': nonce }),
    },
  }
}

/** Options of {@link createDPoPNonces}. */
export interface DPoPNoncesOptions {
  /**
   * The key nonces are signed with. Give every process behind one API the same secret (16 bytes or more), so that a
   * nonce issued by one is accepted by all. @default a random key, for this instance only
   */
  secret?: string | Uint8Array
  /** How long a nonce is accepted after it is issued, in seconds. @default 300 */
  lifetime?: number
  /** Clock in epoch milliseconds, for tests. @default Date.now */
  now?: () => number
}

const secretRule = rule(
  'a string or Uint8Array of 16 bytes or more',
  (v) =>
    (typeof v === 'string' && ascii.encode(v).length >= 16) ||
    (v instanceof Uint8Array && v.length >= 16),
)
const NONCE = /^([0-9a-z]{1,11})\.([A-Za-z0-9_-]{43})$/
/** Clock difference accepted between the processes that share a nonce secret, in seconds. */
const NONCE_SKEW = 30

/**
 * Server nonces for DPoP (RFC 9449 §9), with nothing to store: a nonce is its issue time and an HMAC of it, accepted
 * for `lifetime` seconds. Pass it as `dpop.nonces` to require a nonce in every proof; a proof without a current one is
 * refused with `use_dpop_nonce` and a fresh nonce for the `DPoP-Nonce` header. Web Crypto only.
 *
 * @throws OptionsError when an option is invalid
 * @example
 * ```ts
 * const atv = new AccessTokenVerifier({ issuer, audience, jwksUrl,
 *   dpop: { nonces: createDPoPNonces({ secret: process.env.DPOP_NONCE_SECRET }) } })
 * ```
 */
export function createDPoPNonces(options: DPoPNoncesOptions = {}): DPoPNonceSource {
  checkOptions('createDPoPNonces options', options, {
    secret: secretRule,
    lifetime: positive,
    now: fn,
  })
  const { secret, lifetime = 300, now = Date.now } = options
  const raw =
    typeof secret === 'string'
      ? ascii.encode(secret)
      : secret === undefined
        ? crypto.getRandomValues(new Uint8Array(32))
        : new Uint8Array(secret)
  let key: Promise<CryptoKey> | undefined
  const hmacKey = () =>
    (key ??= crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ]))
  const signed = (seconds: number) => ascii.encode(`dpop-nonce.${seconds}`)
  return {
    async issue() {
      const seconds = Math.floor(now() / 1000)
      const mac = await crypto.subtle.sign('HMAC', await hmacKey(), signed(seconds))
      return `${seconds.toString(36)}.${base64url(new Uint8Array(mac))}`
    },
    async check(nonce) {
      const match = typeof nonce === 'string' ? NONCE.exec(nonce) : null
      const mac = match ? decodeBase64url(match[2] as string) : undefined
      if (!match || mac === undefined) return false
      const seconds = parseInt(match[1] as string, 36)
      const age = now() / 1000 - seconds
      if (age < -NONCE_SKEW || age > lifetime) return false
      return crypto.subtle.verify('HMAC', await hmacKey(), mac, signed(seconds))
    },
  }
}

/** The default proof algorithms: every asymmetric one this package verifies. */
export const DPOP_ALGORITHMS: readonly AsymmetricAlgorithm[] = ASYMMETRIC_ALGORITHMS
