import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ASYMMETRIC_ALGORITHMS } from './algorithms.js'
import type { CryptoBackend } from './backend.js'
import {
  ENTRIES,
  JWKS_URL,
  SECRET,
  idClaims,
  makeClock,
  makeKey,
  makeKeys,
  signToken,
  useJwksServer,
  type TestKey,
} from './test-utils/index.js'

// ENTRIES is the one index loaded twice, once per back-end: prove that each copy really checks signatures where it
// claims to, and that the copies share the runtime-independent classes.
const jwks = useJwksServer()
let key: TestKey
beforeAll(async () => {
  key = await makeKey('RS256')
})
afterEach(() => vi.restoreAllMocks())

describe('the index on each crypto back-end', () => {
  it.each([
    ['web', 1],
    ['node', 0],
  ] as const)(
    'the %s entry checks signatures with Web Crypto %i time(s) per verification',
    async (name, subtleCalls) => {
      const entry = ENTRIES.find(([n]) => n === name)?.[1]
      if (entry === undefined) throw new Error(name)
      jwks.reset({ keys: [key.jwk] })
      const clock = makeClock()
      const rsa = new entry.TokenVerifier({
        signatureVerifier: new entry.AsymmetricSignatureVerifier(JWKS_URL, { now: clock.now }),
        issuer: idClaims().iss as string,
        audience: idClaims().aud as string,
        now: clock.now,
      })
      const hmac = new entry.SymmetricSignatureVerifier(SECRET)
      await rsa.verify(signToken(key)) // warm: the key is fetched and imported
      await hmac.verifySignature(signToken({ alg: 'HS256', secret: SECRET }))
      const verify = vi.spyOn(crypto.subtle, 'verify')
      await expect(rsa.verify(signToken(key))).resolves.toMatchObject({ sub: 'auth0|user1' })
      await expect(
        hmac.verifySignature(signToken({ alg: 'HS256', secret: SECRET })),
      ).resolves.toBeDefined()
      expect(verify).toHaveBeenCalledTimes(2 * subtleCalls)
      expect(jwks.requests).toBe(1)
    },
  )

  it('gives each entry its own verifier classes over one shared base and one error family', () => {
    const [[, web], [, node]] = ENTRIES
    expect(web.AsymmetricSignatureVerifier).not.toBe(node.AsymmetricSignatureVerifier)
    expect(web.SignatureVerifier).toBe(node.SignatureVerifier)
    expect(web.TokenVerifier).toBe(node.TokenVerifier)
    expect(web.TokenValidationError).toBe(node.TokenValidationError)
    expect(Object.keys(web).sort()).toEqual(Object.keys(node).sort())
  })
})

describe('the node back-end under load', () => {
  it('checks on the calling thread alone, in the thread pool when busy, and on both past the pool limit', async () => {
    const { cryptoBackend } = await import('./backend.node.js')
    const { importPublicCryptoKey } = await import('./backend.js')
    const { KeyObject, sign } = await import('node:crypto')
    const { n, e } = key.jwk as { n: string; e: string }
    const publicKey = KeyObject.from(await importPublicCryptoKey({ kty: 'RSA', n, e }, 'RS256'))
    const data = new TextEncoder().encode('header.payload')
    const signature = new Uint8Array(sign('sha256', data, key.privateKey))
    const check = (busy: boolean) => cryptoBackend.verify('RS256', publicKey, signature, data, busy)
    expect(check(false)).toBe(true) // synchronous: a boolean, not a promise
    // 64 checks queue in the pool (more than libuv's 4 threads: the main thread keeps to decoding), then the
    // caller's thread checks the next one itself
    const pooled: Promise<boolean>[] = []
    let next = check(true)
    while (next instanceof Promise && pooled.length < 1000) {
      pooled.push(next)
      next = check(true)
    }
    expect(pooled).toHaveLength(64)
    expect(next).toBe(true)
    await expect(Promise.all(pooled)).resolves.toEqual(pooled.map(() => true))
    const again = check(true)
    expect(again).toBeInstanceOf(Promise) // room in the pool again
    await expect(again).resolves.toBe(true)
    const tampered = new Uint8Array(signature)
    tampered[0] = (tampered[0] as number) ^ 1
    await expect(cryptoBackend.verify('RS256', publicKey, tampered, data, true)).resolves.toBe(
      false,
    )
  })

  it('tells the back-end it is busy only while other verifications are in flight', async () => {
    const { SecretSignatureVerifier } = await import('./signature-verifier.js')
    const seen: boolean[] = []
    const recording: CryptoBackend<string> = {
      importPublicKey: () => Promise.reject(new Error('unused')),
      importSecret: async () => 'key',
      verify: (_alg, _key, _signature, _data, busy) => (seen.push(busy), true),
      sha256: () => new Uint8Array(32),
    }
    const sv = new SecretSignatureVerifier(SECRET, {}, recording)
    const token = signToken({ alg: 'HS256', secret: SECRET })
    await sv.verifySignature(token)
    await sv.verifySignature(token)
    await Promise.all(Array.from({ length: 5 }, () => sv.verifySignature(token)))
    await sv.verifySignature(token)
    expect(seen).toEqual([false, false, true, true, true, true, true, false])
  })

  it.each(ENTRIES)(
    '%s entry: every algorithm verifies the same with many in flight',
    async (_n, entry) => {
      const keys = await makeKeys()
      jwks.reset({ keys: Object.values(keys).map((k) => k.jwk) })
      for (const alg of ASYMMETRIC_ALGORITHMS) {
        const sv = new entry.AsymmetricSignatureVerifier(JWKS_URL, { algorithm: alg })
        const good = signToken(keys[alg])
        const [header, payload] = good.split('.')
        const forged = `${header}.${payload}.${signToken({ ...keys[alg], kid: keys[alg].kid }, idClaims({ sub: 'x' })).split('.')[2]}`
        const outcomes = await Promise.allSettled(
          [good, forged, good, forged, good, forged].map((t) => sv.verifySignature(t)),
        )
        expect(
          outcomes.map((o) =>
            o.status === 'fulfilled' ? 'ok' : (o.reason as { code: string }).code,
          ),
        ).toEqual(['ok', 'signature_invalid', 'ok', 'signature_invalid', 'ok', 'signature_invalid'])
      }
    },
  )
})
