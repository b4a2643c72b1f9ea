// What a DPoP key pair is, checked without any crypto: small, so that clients built without `dpop` carry little of it.

/** A JWS algorithm for DPoP proofs (RFC 9449): ES256, or RS256, PS256 and EdDSA (Ed25519) where the runtime has them. */
export type DPoPAlgorithm = 'ES256' | 'RS256' | 'PS256' | 'EdDSA'

/** The algorithms accepted for DPoP proofs. */
const DPOP_ALGORITHMS: readonly DPoPAlgorithm[] = ['ES256', 'RS256', 'PS256', 'EdDSA']

const hashOf = (algorithm: KeyAlgorithm): string | undefined =>
  (algorithm as RsaHashedKeyAlgorithm).hash?.name

/** The JWS algorithm of a Web Crypto key, or `undefined` when DPoP does not accept it. */
export function dpopAlgorithmOf(key: CryptoKey): DPoPAlgorithm | undefined {
  const a = key.algorithm
  switch (a.name) {
    case 'ECDSA':
      return (a as EcKeyAlgorithm).namedCurve === 'P-256' ? 'ES256' : undefined
    case 'RSASSA-PKCS1-v1_5':
      return hashOf(a) === 'SHA-256' ? 'RS256' : undefined
    case 'RSA-PSS':
      return hashOf(a) === 'SHA-256' ? 'PS256' : undefined
    case 'Ed25519':
      return 'EdDSA'
    default:
      return undefined
  }
}

function isCryptoKey(value: unknown): value is CryptoKey {
  return typeof CryptoKey !== 'undefined' && value instanceof CryptoKey
}

/** Why a value is not a usable DPoP key pair, or `undefined` when it is; never describes key material. */
export function dpopKeyProblem(value: unknown): string | undefined {
  const expected = `a CryptoKeyPair of ${DPOP_ALGORITHMS.join(', ')} (P-256, SHA-256 or Ed25519)`
  if (typeof value !== 'object' || value === null) return expected
  const { privateKey, publicKey } = value as Partial<CryptoKeyPair>
  if (!isCryptoKey(privateKey) || !isCryptoKey(publicKey)) return expected
  if (privateKey.type !== 'private' || publicKey.type !== 'public')
    return `${expected}, with a private and a public key`
  if (!privateKey.usages.includes('sign')) return `${expected}, whose private key may sign`
  const alg = dpopAlgorithmOf(privateKey)
  if (alg === undefined || dpopAlgorithmOf(publicKey) !== alg)
    return `${expected}, not ${privateKey.algorithm.name}`
  return undefined
}
