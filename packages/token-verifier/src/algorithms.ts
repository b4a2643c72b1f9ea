import { decodeBase64url } from './jwt.js'

/** The asymmetric JWS algorithms a JWKS-backed verifier accepts. */
export const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
] as const
/** The HMAC JWS algorithms a shared-secret verifier accepts. */
export const SYMMETRIC_ALGORITHMS = ['HS256', 'HS384', 'HS512'] as const

/** An asymmetric JWS algorithm. */
export type AsymmetricAlgorithm = (typeof ASYMMETRIC_ALGORITHMS)[number]
/** An HMAC JWS algorithm. */
export type SymmetricAlgorithm = (typeof SYMMETRIC_ALGORITHMS)[number]
/** Any JWS algorithm this package verifies. */
export type Algorithm = AsymmetricAlgorithm | SymmetricAlgorithm

export type Hash = 'SHA-256' | 'SHA-384' | 'SHA-512'
type Family = 'RSA' | 'PSS' | 'EC' | 'OKP' | 'HMAC'

interface AlgorithmSpec {
  readonly family: Family
  readonly hash: Hash
  readonly crv?: string
  /** Exact signature length in bytes, or [min, max]. */
  readonly signatureLength: number | readonly [number, number]
}

const RSA_LENGTHS = [256, 1024] as const // 2048- to 8192-bit moduli
const bits = (n: 256 | 384 | 512): Hash => `SHA-${n}`

/** What each algorithm needs: its key family, hash, curve and signature size. */
export const ALGORITHMS: Readonly<Record<Algorithm, AlgorithmSpec>> = {
  RS256: { family: 'RSA', hash: bits(256), signatureLength: RSA_LENGTHS },
  RS384: { family: 'RSA', hash: bits(384), signatureLength: RSA_LENGTHS },
  RS512: { family: 'RSA', hash: bits(512), signatureLength: RSA_LENGTHS },
  PS256: { family: 'PSS', hash: bits(256), signatureLength: RSA_LENGTHS },
  PS384: { family: 'PSS', hash: bits(384), signatureLength: RSA_LENGTHS },
  PS512: { family: 'PSS', hash: bits(512), signatureLength: RSA_LENGTHS },
  ES256: { family: 'EC', hash: bits(256), crv: 'P-256', signatureLength: 64 },
  ES384: { family: 'EC', hash: bits(384), crv: 'P-384', signatureLength: 96 },
  ES512: { family: 'EC', hash: bits(512), crv: 'P-521', signatureLength: 132 },
  EdDSA: { family: 'OKP', hash: bits(512), crv: 'Ed25519', signatureLength: 64 },
  HS256: { family: 'HMAC', hash: bits(256), signatureLength: 32 },
  HS384: { family: 'HMAC', hash: bits(384), signatureLength: 48 },
  HS512: { family: 'HMAC', hash: bits(512), signatureLength: 64 },
}

/** True when a signature of this many bytes can be valid for `alg`: a cheap check before any key lookup. */
export function signatureLengthFits(alg: Algorithm, length: number): boolean {
  const expected = ALGORITHMS[alg].signatureLength
  return typeof expected === 'number'
    ? length === expected
    : length >= expected[0] && length <= expected[1]
}

export const isAsymmetricAlgorithm = (alg: unknown): alg is AsymmetricAlgorithm =>
  typeof alg === 'string' && (ASYMMETRIC_ALGORITHMS as readonly string[]).includes(alg)
export const isSymmetricAlgorithm = (alg: unknown): alg is SymmetricAlgorithm =>
  typeof alg === 'string' && (SYMMETRIC_ALGORITHMS as readonly string[]).includes(alg)

/** The public members of a verification key from a JWKS, after validation. Private members are never kept. */
export type PublicJwk =
  | { readonly kty: 'RSA'; readonly n: string; readonly e: string }
  | {
      readonly kty: 'EC'
      readonly crv: 'P-256' | 'P-384' | 'P-521'
      readonly x: string
      readonly y: string
    }
  | { readonly kty: 'OKP'; readonly crv: 'Ed25519'; readonly x: string }

/** A usable key of a JWKS: its public members plus what restricts its use. */
export interface JwksKey {
  readonly kid: string | undefined
  readonly alg: string | undefined
  readonly jwk: PublicJwk
}

const EC_SIZES: Readonly<Record<string, number>> = { 'P-256': 32, 'P-384': 48, 'P-521': 66 }
const byteLength = (value: unknown): number =>
  typeof value === 'string' ? (decodeBase64url(value)?.length ?? -1) : -1

function publicJwk(key: Record<string, unknown>): PublicJwk | undefined {
  const { kty, crv, n, e, x, y } = key
  if (kty === 'RSA') {
    const modulus = typeof n === 'string' ? decodeBase64url(n) : undefined
    if (modulus === undefined || byteLength(e) <= 0) return undefined
    const leadingZero = modulus[0] === 0 ? 1 : 0
    // RSA keys under 2048 bits are refused, as jose and RFC 7518 §3.3 require.
    return (modulus.length - leadingZero) * 8 >= 2048
      ? { kty, n: n as string, e: e as string }
      : undefined
  }
  if (kty === 'EC' && (crv === 'P-256' || crv === 'P-384' || crv === 'P-521')) {
    const size = EC_SIZES[crv]
    return byteLength(x) === size && byteLength(y) === size
      ? { kty, crv, x: x as string, y: y as string }
      : undefined
  }
  if (kty === 'OKP' && crv === 'Ed25519')
    return byteLength(x) === 32 ? { kty, crv, x: x as string } : undefined
  return undefined
}

/**
 * Keeps a JWKS entry only if it is a well-formed public signature key of a supported type: `use` (if any) is
 * `sig`, `key_ops` (if any) includes `verify`, `kid` and `alg` (if any) are strings. Symmetric (`oct`) keys are
 * never usable, so an HMAC token can never be checked against a published key.
 */
export function toJwksKey(entry: unknown): JwksKey | undefined {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return undefined
  const key = entry as Record<string, unknown>
  const { kid, alg, use, key_ops: ops } = key
  if (kid !== undefined && typeof kid !== 'string') return undefined
  if (alg !== undefined && !isAsymmetricAlgorithm(alg)) return undefined
  if (use !== undefined && use !== 'sig') return undefined
  if (ops !== undefined && !(Array.isArray(ops) && ops.includes('verify'))) return undefined
  const jwk = publicJwk(key)
  return jwk && { kid, alg, jwk }
}

/** True when `key` may verify a signature made with `alg`: right family, curve and declared `alg`. */
export function keyFits(key: JwksKey, alg: AsymmetricAlgorithm): boolean {
  if (key.alg !== undefined && key.alg !== alg) return false
  const spec = ALGORITHMS[alg]
  switch (key.jwk.kty) {
    case 'RSA':
      return spec.family === 'RSA' || spec.family === 'PSS'
    case 'EC':
    case 'OKP':
      return key.jwk.crv === spec.crv
  }
}
