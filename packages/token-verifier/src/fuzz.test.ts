import { beforeAll, describe, expect, it } from 'vitest'
import {
  CLIENT_ID,
  ENTRIES,
  ISSUER,
  JWKS_URL,
  b64url,
  encodeJson,
  idClaims,
  makeClock,
  makeKey,
  signToken,
  useJwksServer,
  type TestKey,
} from './test-utils/index.js'

// Deterministic fuzzing: a seeded PRNG, so a failure reproduces. Every input must end in a TokenValidationError
// (or verify), never a TypeError, a SyntaxError or an unhandled rejection.
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const jwks = useJwksServer()
let key: TestKey
beforeAll(async () => {
  key = await makeKey('RS256')
})

const CHARS = 'ABCxyz019-_+/=. \n\t\u0000é😀"{}[]'
const ODD_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1e308,
  -1e308,
  2 ** 53 + 1,
  '',
  'x',
  'none',
  'RS256',
  'HS256',
  [],
  [1],
  ['a', 2],
  {},
  { a: { b: [null] } },
  '__proto__',
  'x'.repeat(300),
]

describe.each(ENTRIES)('fuzzing (%s entry)', (_name, entry) => {
  const {
    AsymmetricSignatureVerifier,
    TokenVerifier,
    AccessTokenVerifier,
    isTokenValidationError,
    isJwksFetchError,
  } = entry
  const clock = makeClock()

  const expectOnlyValidationErrors = async (
    verify: (token: string) => Promise<unknown>,
    tokens: string[],
    expected: (e: unknown) => boolean = isTokenValidationError,
  ) => {
    const outcomes = await Promise.allSettled(tokens.map((t) => verify(t)))
    const foreign = outcomes.flatMap((o, i) =>
      o.status === 'rejected' && !expected(o.reason) ? [[tokens[i], o.reason]] : [],
    )
    expect(foreign).toEqual([])
    return outcomes
  }

  it('mutated tokens: character edits, truncations, splices and random segments', async () => {
    jwks.reset({ keys: [key.jwk] })
    const tv = new TokenVerifier({
      signatureVerifier: new AsymmetricSignatureVerifier(JWKS_URL, { now: clock.now }),
      issuer: ISSUER,
      audience: CLIENT_ID,
      now: clock.now,
    })
    const random = prng(1)
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
    const valid = signToken(key, idClaims())
    const tokens: string[] = []
    for (let i = 0; i < 1500; i++) {
      let t = valid
      const edits = 1 + Math.floor(random() * 3)
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random() * (t.length + 1))
        switch (Math.floor(random() * 6)) {
          case 0:
            t = t.slice(0, at) + pick([...CHARS]) + t.slice(at + 1)
            break
          case 1:
            t = t.slice(0, at) + pick([...CHARS]) + t.slice(at)
            break
          case 2:
            t = t.slice(0, at) + t.slice(at + 1 + Math.floor(random() * 20))
            break
          case 3:
            t = t.slice(0, at)
            break
          case 4:
            t = t
              .split('.')
              .sort(() => random() - 0.5)
              .join('.')
            break
          default:
            t = Array.from({ length: 1 + Math.floor(random() * 4) }, () =>
              b64url(
                Buffer.from(
                  Array.from({ length: Math.floor(random() * 64) }, () =>
                    Math.floor(random() * 256),
                  ),
                ),
              ),
            ).join('.')
        }
      }
      if (t !== valid) tokens.push(t)
    }
    const outcomes = await expectOnlyValidationErrors((t) => tv.verify(t), tokens)
    // Mutations can only hit the signature (never a valid one) or the structure: nothing verifies.
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toEqual([])
    expect(jwks.requests).toBeLessThanOrEqual(1)
  })

  it('validly signed tokens with hostile headers and claims', async () => {
    jwks.reset({ keys: [key.jwk] })
    const sv = new AsymmetricSignatureVerifier(JWKS_URL, { now: clock.now })
    const tv = new TokenVerifier({
      signatureVerifier: sv,
      issuer: ISSUER,
      audience: CLIENT_ID,
      now: clock.now,
    })
    const atv = new AccessTokenVerifier({
      issuer: ISSUER,
      audience: CLIENT_ID,
      signatureVerifier: sv,
      requireAtJwt: true,
      now: clock.now,
    })
    const random = prng(2)
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
    const tokens: string[] = []
    for (let i = 0; i < 400; i++) {
      const payload: Record<string, unknown> = idClaims({
        nonce: 'n',
        org_id: 'org_1',
        auth_time: 0,
        azp: CLIENT_ID,
      })
      const header: Record<string, unknown> = { typ: 'at+jwt' }
      for (const claim of Object.keys(payload))
        if (random() < 0.15) payload[claim] = pick(ODD_VALUES)
      for (const name of ['alg', 'kid', 'crit', 'typ', 'jku', 'jwk', 'x5u', 'b64'])
        if (random() < 0.08) header[name] = pick(ODD_VALUES)
      tokens.push(
        random() < 0.1
          ? `${encodeJson(pick(ODD_VALUES))}.${encodeJson(payload)}.${b64url('sig')}`
          : signToken(key, payload, header),
      )
    }
    for (const options of [
      {},
      { nonce: 'n', maxAge: 10, organization: 'org_1' },
      { organization: 'Acme' },
    ]) {
      await expectOnlyValidationErrors((t) => tv.verify(t, options), tokens)
    }
    await expectOnlyValidationErrors(
      (t) => atv.verify(t, { requiredScopes: 'a', requiredPermissions: 'b' }),
      tokens,
    )
  })

  it('hostile JWKS responses end in JwksFetchError or a verification', async () => {
    const random = prng(3)
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
    const token = signToken(key, idClaims())
    for (let i = 0; i < 60; i++) {
      const entryKey: Record<string, unknown> = { ...key.jwk }
      for (const member of ['kty', 'n', 'e', 'kid', 'alg', 'use', 'key_ops', 'crv', 'x'])
        if (random() < 0.2) entryKey[member] = pick(ODD_VALUES)
      jwks.reset(
        pick([
          { keys: [entryKey] },
          { keys: [pick(ODD_VALUES), entryKey] },
          pick(ODD_VALUES),
          { keys: pick(ODD_VALUES) },
          '{"keys":[',
          '',
        ]),
      )
      const tv = new TokenVerifier({
        signatureVerifier: new AsymmetricSignatureVerifier(JWKS_URL, { now: clock.now }),
        issuer: ISSUER,
        audience: CLIENT_ID,
        now: clock.now,
      })
      await expectOnlyValidationErrors(
        (t) => tv.verify(t),
        [token],
        (e) => isTokenValidationError(e) || isJwksFetchError(e),
      )
    }
  })
})
