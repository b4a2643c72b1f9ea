import { importJWK } from 'jose/key/import'
import {
  type Algorithm,
  type AsymmetricAlgorithm,
  type PublicJwk,
  type SymmetricAlgorithm,
} from './algorithms.js'

/**
 * How keys are imported and signatures checked. The package's `#crypto-backend` import picks one: `backend.node.ts`
 * (`node:crypto`) under the `node` condition, `backend.web.ts` (Web Crypto) everywhere else.
 */
export interface CryptoBackend<K = unknown> {
  importPublicKey(jwk: PublicJwk, alg: AsymmetricAlgorithm): Promise<K>
  importSecret(secret: Uint8Array<ArrayBuffer>, alg: SymmetricAlgorithm): Promise<K>
  /** `busy`: other verifications are in flight, so a back-end may move the check off the calling thread. */
  verify(
    alg: Algorithm,
    key: K,
    signature: Uint8Array<ArrayBuffer>,
    data: Uint8Array<ArrayBuffer>,
    busy: boolean,
  ): Promise<boolean> | boolean
  /** The SHA-256 digest of `data`: a DPoP proof's `ath` and its key's thumbprint. */
  sha256(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array> | Uint8Array
}

/** Imports a public JWK with jose, which checks that the key suits the algorithm. */
export async function importPublicCryptoKey(
  jwk: PublicJwk,
  alg: AsymmetricAlgorithm,
): Promise<CryptoKey> {
  const key = await importJWK({ ...jwk }, alg)
  if (key instanceof Uint8Array) throw new TypeError('not a public key')
  return key
}
