import {
  constants,
  createHash,
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

type VerifyKey = Parameters<typeof verify>[2]

/** Checks handed to the thread pool and not finished yet. */
let pooled = 0
/**
 * The most checks queued in the pool at once; past it, the main thread checks too. With 4 (libuv's pool size), 32
 * verifications in flight on 2 cores left most checks on the main thread, beside decoding: 1.17× raw jose against
 * 1.64× with 64 (`pnpm bench`, median of 3). The bound keeps the pool's other users (fs, dns.lookup, zlib) from
 * queueing behind more than about a millisecond of checks.
 */
const POOL_LIMIT = 64

/** `crypto.verify` with a callback: the check runs in libuv's thread pool, off the main thread. */
const verifyInPool = (
  hash: string | null,
  data: Uint8Array,
  key: VerifyKey,
  signature: Uint8Array,
): Promise<boolean> => {
  pooled++
  return new Promise((resolve, reject) =>
    verify(hash, data, key, signature, (error, valid) => {
      pooled--
      if (error) reject(error)
      else resolve(valid)
    }),
  )
}

/**
 * The Node backend: jose still imports (and checks) every public key, then `node:crypto` verifies. Same algorithms,
 * same strictness as Web Crypto: PSS salt length equals the hash length and ECDSA signatures must be raw IEEE P1363.
 * Alone, a check runs synchronously, which skips the promise and the thread hop. When other verifications are in
 * flight it goes to libuv's thread pool, so other cores verify while the main thread decodes and checks claims; once
 * {@link POOL_LIMIT} checks wait there, the main thread checks the next ones itself rather than sit idle.
 */
export const cryptoBackend: CryptoBackend<KeyObject> = {
  importPublicKey: async (jwk, alg) => KeyObject.from(await importPublicCryptoKey(jwk, alg)),
  importSecret: async (secret) => createSecretKey(secret),
  verify: (alg, key, signature, data, busy) => {
    const { family, hash } = ALGORITHMS[alg]
    if (family === 'HMAC') {
      const mac = createHmac(nodeHash(alg), key).update(data).digest()
      return mac.length === signature.length && timingSafeEqual(mac, signature)
    }
    const digest = family === 'OKP' ? null : nodeHash(alg)
    const options: VerifyKey =
      family === 'PSS'
        ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: Number(hash.slice(4)) / 8 }
        : family === 'EC'
          ? { key, dsaEncoding: 'ieee-p1363' }
          : key
    return busy && pooled < POOL_LIMIT
      ? verifyInPool(digest, data, options, signature)
      : verify(digest, data, options, signature)
  },
  sha256: (data) => createHash('sha256').update(data).digest(),
}
