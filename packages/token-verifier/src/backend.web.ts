import { ALGORITHMS, type Algorithm } from './algorithms.js'
import { importPublicCryptoKey, type CryptoBackend } from './backend.js'

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
export const cryptoBackend: CryptoBackend<CryptoKey> = {
  importPublicKey: importPublicCryptoKey,
  importSecret: (secret, alg) =>
    crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: ALGORITHMS[alg].hash }, false, [
      'verify',
    ]),
  verify: (alg, key, signature, data) => crypto.subtle.verify(webParams(alg), key, signature, data),
  sha256: async (data) => new Uint8Array(await crypto.subtle.digest('SHA-256', data)),
}
