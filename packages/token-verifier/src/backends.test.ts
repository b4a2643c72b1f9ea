import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  ENTRIES,
  JWKS_URL,
  SECRET,
  idClaims,
  makeClock,
  makeKey,
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
