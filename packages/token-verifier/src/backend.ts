import { importJWK } from 'jose'
import {
  ALGORITHMS,
  type Algorithm,
  type AsymmetricAlgorithm,
  type PublicJwk,
  type SymmetricAlgorithm,
} from './algorithms.js'

/** How keys are imported and signatures checked: Web Crypto by default, `node:crypto` in the Node entry. */
export interface CryptoBackend<K = unknown> {
  importPublicKey(jwk: PublicJwk, alg: AsymmetricAlgorithm): Promise<K>
  importSecret(secret: Uint8Array<ArrayBuffer>, alg: SymmetricAlgorithm): Promise<K>
  verify(
    alg: Algorithm,
    key: K,
    signature: Uint8Array<ArrayBuffer>,
    data: Uint8Array<ArrayBuffer>,
  ): Promise<boolean> | boolean
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

function webParams(alg: Algorithm): AlgorithmIdentifier | RsaPssParams | EcdsaParams {
  const { family, hash } = ALGORITHMS[alg]
  switch (family) {
    case 'RSA':
      return 'RSASSA-PKCS1-v1_5'
    case 'PSS':
      return { name: 'RSA-PSS', saltLength: Number(hash.slice(4)) / 8 }
    case 'EC':
      return { name: 'ECDSA', hash }
    case 'OKP':
      return 'Ed25519'
    case 'HMAC':
      return 'HMAC'
  }
}

/** The universal backend: jose imports keys, Web Crypto verifies. */
export const webCryptoBackend: CryptoBackend<CryptoKey> = {
  importPublicKey: importPublicCryptoKey,
  importSecret: (secret, alg) =>
    crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: ALGORITHMS[alg].hash }, false, [
      'verify',
    ]),
  verify: (alg, key, signature, data) => crypto.subtle.verify(webParams(alg), key, signature, data),
}
