import {
  constants,
  createHmac,
  createSecretKey,
  KeyObject,
  timingSafeEqual,
  verify,
} from 'node:crypto'
import { ALGORITHMS, type Algorithm } from './algorithms.js'
import { importPublicCryptoKey, type CryptoBackend } from './backend.js'

const NODE_HASH: Readonly<Record<string, string>> = {
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
}
const nodeHash = (alg: Algorithm): string => NODE_HASH[ALGORITHMS[alg].hash] as string

/**
 * The Node backend: jose still imports (and checks) every public key, then `node:crypto` verifies synchronously,
 * which skips Web Crypto's promise and copy overhead. Same algorithms, same strictness: PSS salt length equals
 * the hash length and ECDSA signatures must be raw IEEE P1363, as in Web Crypto.
 */
export const cryptoBackend: CryptoBackend<KeyObject> = {
  importPublicKey: async (jwk, alg) => KeyObject.from(await importPublicCryptoKey(jwk, alg)),
  importSecret: async (secret) => createSecretKey(secret),
  verify: (alg, key, signature, data) => {
    const { family, hash } = ALGORITHMS[alg]
    switch (family) {
      case 'HMAC': {
        const mac = createHmac(nodeHash(alg), key).update(data).digest()
        return mac.length === signature.length && timingSafeEqual(mac, signature)
      }
      case 'RSA':
        return verify(nodeHash(alg), data, key, signature)
      case 'PSS':
        return verify(
          nodeHash(alg),
          data,
          { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: Number(hash.slice(4)) / 8 },
          signature,
        )
      case 'EC':
        return verify(nodeHash(alg), data, { key, dsaEncoding: 'ieee-p1363' }, signature)
      case 'OKP':
        return verify(null, data, key, signature)
    }
  },
}
