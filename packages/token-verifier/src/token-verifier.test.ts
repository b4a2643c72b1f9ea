import { beforeAll, describe, expect, it } from 'vitest'
import { ASYMMETRIC_ALGORITHMS, SYMMETRIC_ALGORITHMS } from './algorithms.js'
import {
  CLIENT_ID,
  ENTRIES,
  ISSUER,
  JWKS_URL,
  NOW,
  SECRET,
  b64url,
  encodeJson,
  idClaims,
  makeClock,
  makeKeys,
  rejection,
  signRawToken,
  signToken,
  thrown,
  useJwksServer,
  type TestKey,
} from './test-utils/index.js'

const jwks = useJwksServer()
let keys: Awaited<ReturnType<typeof makeKeys>>
let rs: TestKey
beforeAll(async () => {
  keys = await makeKeys()
  rs = keys.RS256
})

describe.each(ENTRIES)('TokenVerifier (%s entry)', (_name, entry) => {
  const {
    AsymmetricSignatureVerifier,
    SymmetricSignatureVerifier,
    TokenVerifier,
    TokenValidationError,
    isTokenValidationError,
    OptionsError,
  } = entry
  const clock = makeClock()
  const verifier = (
    options: { leeway?: number; maxTokenLength?: number; algorithm?: 'RS256' } = {},
  ) => {
    jwks.reset({ keys: Object.values(keys).map((k) => k.jwk) })
    const sv = new AsymmetricSignatureVerifier(JWKS_URL, {
      now: clock.now,
      ...(options.algorithm ? { algorithm: options.algorithm } : {}),
    })
    const { algorithm: _a, ...rest } = options
    return new TokenVerifier({
      signatureVerifier: sv,
      issuer: ISSUER,
      audience: CLIENT_ID,
      now: clock.now,
      ...rest,
    })
  }
  const failure = async (token: unknown, verifyOptions = {}, tv = verifier()) => {
    const error = await rejection(tv.verify(token as string, verifyOptions))
    expect(error).toBeInstanceOf(TokenValidationError)
    expect(isTokenValidationError(error)).toBe(true)
    return error
  }

  it("verifies auth0-python's example: an RS256 ID token from the JWKS, returning its claims", async () => {
    const tv = verifier()
    const token = signToken(rs, idClaims({ name: 'Jane' }))
    await expect(tv.verify(token)).resolves.toEqual(idClaims({ name: 'Jane' }))
    expect(jwks.requests).toBe(1)
  })

  it.each(ASYMMETRIC_ALGORITHMS)(
    'verifies %s with a key from the JWKS, and refuses a tampered payload',
    async (alg) => {
      jwks.reset({ keys: [keys[alg].jwk] })
      const tv = new TokenVerifier({
        signatureVerifier: new AsymmetricSignatureVerifier(JWKS_URL, {
          algorithm: alg,
          now: clock.now,
        }),
        issuer: ISSUER,
        audience: CLIENT_ID,
        now: clock.now,
      })
      const token = signToken(keys[alg])
      await expect(tv.verify(token)).resolves.toMatchObject({ sub: 'auth0|user1' })
      const [h, , s] = token.split('.')
      const forged = `${h}.${encodeJson(idClaims({ sub: 'auth0|admin' }))}.${s}`
      expect((await rejection(tv.verify(forged))).code).toBe('signature_invalid')
    },
  )

  it.each(SYMMETRIC_ALGORITHMS)(
    'verifies %s with the client secret, and refuses another secret',
    async (alg) => {
      const tv = (secret: string) =>
        new TokenVerifier({
          signatureVerifier: new SymmetricSignatureVerifier(secret, { algorithm: alg }),
          issuer: ISSUER,
          audience: CLIENT_ID,
          now: clock.now,
        })
      const token = signToken({ alg, secret: SECRET })
      await expect(tv(SECRET).verify(token)).resolves.toMatchObject({ iss: ISSUER })
      const error = await rejection(tv('another-secret').verify(token))
      expect(error).toMatchObject({
        code: 'signature_invalid',
        message: 'Invalid token signature.',
      })
    },
  )

  it('accepts a Uint8Array secret', async () => {
    const sv = new SymmetricSignatureVerifier(new TextEncoder().encode(SECRET))
    const tv = new TokenVerifier({
      signatureVerifier: sv,
      issuer: ISSUER,
      audience: CLIENT_ID,
      now: clock.now,
    })
    await expect(tv.verify(signToken({ alg: 'HS256', secret: SECRET }))).resolves.toMatchObject({
      sub: 'auth0|user1',
    })
  })

  describe('claims (auth0-python checks and messages)', () => {
    const cases: [string, Record<string, unknown>, object, string, string][] = [
      [
        'iss missing',
        { iss: undefined },
        {},
        'iss_missing',
        'Issuer (iss) claim must be a string present in the ID token',
      ],
      [
        'iss not a string',
        { iss: 1 },
        {},
        'iss_missing',
        'Issuer (iss) claim must be a string present in the ID token',
      ],
      [
        'iss mismatch',
        { iss: 'https://evil/' },
        {},
        'iss_mismatch',
        `Issuer (iss) claim mismatch in the ID token; expected "${ISSUER}", found "https://evil/"`,
      ],
      [
        'sub missing',
        { sub: undefined },
        {},
        'sub_missing',
        'Subject (sub) claim must be a string present in the ID token',
      ],
      [
        'sub not a string',
        { sub: 42 },
        {},
        'sub_missing',
        'Subject (sub) claim must be a string present in the ID token',
      ],
      [
        'sub empty (stricter than auth0-python)',
        { sub: '' },
        {},
        'sub_missing',
        'Subject (sub) claim must be a non-empty string in the ID token',
      ],
      [
        'aud missing',
        { aud: undefined },
        {},
        'aud_missing',
        'Audience (aud) claim must be a string or array of strings present in the ID token',
      ],
      [
        'aud a number',
        { aud: 5 },
        {},
        'aud_missing',
        'Audience (aud) claim must be a string or array of strings present in the ID token',
      ],
      [
        'aud an array of non-strings',
        { aud: [CLIENT_ID, 5] },
        {},
        'aud_missing',
        'Audience (aud) claim must be a string or array of strings present in the ID token',
      ],
      [
        'aud string mismatch',
        { aud: 'other' },
        {},
        'aud_mismatch',
        `Audience (aud) claim mismatch in the ID token; expected "${CLIENT_ID}" but found "other"`,
      ],
      [
        'aud array mismatch',
        { aud: ['a', 'b'] },
        {},
        'aud_mismatch',
        `Audience (aud) claim mismatch in the ID token; expected "${CLIENT_ID}" but was not one of "a, b"`,
      ],
      [
        'exp missing',
        { exp: undefined },
        {},
        'exp_missing',
        'Expiration Time (exp) claim must be a number present in the ID token',
      ],
      [
        'exp a string',
        { exp: String(NOW + 100) },
        {},
        'exp_missing',
        'Expiration Time (exp) claim must be a number present in the ID token',
      ],
      [
        'exp past the leeway',
        { exp: NOW - 61 },
        {},
        'exp_expired',
        `Expiration Time (exp) claim error in the ID token; current time (${NOW}) is after expiration time (${NOW - 1})`,
      ],
      [
        'iat missing',
        { iat: undefined },
        {},
        'iat_missing',
        'Issued At (iat) claim must be a number present in the ID token',
      ],
      [
        'iat a string',
        { iat: 'yesterday' },
        {},
        'iat_missing',
        'Issued At (iat) claim must be a number present in the ID token',
      ],
      [
        'nbf not a number',
        { nbf: 'soon' },
        {},
        'nbf_invalid',
        'Not Before (nbf) claim must be a number in the ID token',
      ],
      [
        'nbf beyond the leeway',
        { nbf: NOW + 61 },
        {},
        'nbf_future',
        `Not Before (nbf) claim error in the ID token; current time (${NOW}) is before the not-before time (${NOW + 1})`,
      ],
      [
        'nonce missing',
        {},
        { nonce: 'n1' },
        'nonce_missing',
        'Nonce (nonce) claim must be a string present in the ID token',
      ],
      [
        'nonce mismatch',
        { nonce: 'n2' },
        { nonce: 'n1' },
        'nonce_mismatch',
        'Nonce (nonce) claim mismatch in the ID token; expected "n1", found "n2"',
      ],
      [
        'org_id missing',
        {},
        { organization: 'org_123' },
        'org_id_missing',
        'Organization (org_id) claim must be a string present in the ID token',
      ],
      [
        'org_id mismatch',
        { org_id: 'org_456' },
        { organization: 'org_123' },
        'org_id_mismatch',
        'Organization (org_id) claim mismatch in the ID token; expected "org_123", found "org_456"',
      ],
      [
        'org_name missing',
        { org_id: 'org_123' },
        { organization: 'acme' },
        'org_name_missing',
        'Organization (org_name) claim must be a string present in the ID token',
      ],
      [
        'org_name mismatch',
        { org_name: 'globex' },
        { organization: 'Acme' },
        'org_name_mismatch',
        'Organization (org_name) claim mismatch in the ID token; expected "acme", found "globex"',
      ],
      [
        'azp missing with several audiences',
        { aud: [CLIENT_ID, 'api'] },
        {},
        'azp_missing',
        'Authorized Party (azp) claim must be a string present in the ID token when Audience (aud) claim has multiple values',
      ],
      [
        'azp mismatch',
        { aud: [CLIENT_ID, 'api'], azp: 'other' },
        {},
        'azp_mismatch',
        `Authorized Party (azp) claim mismatch in the ID token; expected "${CLIENT_ID}", found "other"`,
      ],
      [
        'azp mismatch with a single audience (OIDC Core 3.1.3.7; stricter than auth0-python)',
        { azp: 'other' },
        {},
        'azp_mismatch',
        `Authorized Party (azp) claim mismatch in the ID token; expected "${CLIENT_ID}", found "other"`,
      ],
      [
        'azp mismatch with a one-value aud array',
        { aud: [CLIENT_ID], azp: 'other' },
        {},
        'azp_mismatch',
        `Authorized Party (azp) claim mismatch in the ID token; expected "${CLIENT_ID}", found "other"`,
      ],
      [
        'azp present but not a string',
        { azp: 7 },
        {},
        'azp_missing',
        'Authorized Party (azp) claim must be a string present in the ID token',
      ],
      [
        'an issuer with a Cyrillic е, escaped because it renders like the expected one',
        { iss: 'https://tenant.\u0435xample.com/' },
        {},
        'iss_mismatch',
        `Issuer (iss) claim mismatch in the ID token; expected "${ISSUER}", found "https://tenant.\\u0435xample.com/"`,
      ],
      [
        'an NFD nonce against an NFC one, escaped',
        { nonce: 'cafe\u0301' },
        { nonce: 'caf\u00e9' },
        'nonce_mismatch',
        'Nonce (nonce) claim mismatch in the ID token; expected "caf\\u00e9", found "cafe\\u0301"',
      ],
      [
        'an audience with a zero-width space, escaped',
        { aud: `${CLIENT_ID}\u200b` },
        {},
        'aud_mismatch',
        `Audience (aud) claim mismatch in the ID token; expected "${CLIENT_ID}" but found "${CLIENT_ID}\\u200b"`,
      ],
      [
        'an audience list with a Cyrillic С, escaped',
        { aud: ['\u0421ID', 'api'] },
        {},
        'aud_mismatch',
        `Audience (aud) claim mismatch in the ID token; expected "${CLIENT_ID}" but was not one of "\\u0421ID, api"`,
      ],
      [
        'an organization name that differs visibly, shown as it is',
        { org_name: 'thé' },
        { organization: 'Café' },
        'org_name_mismatch',
        'Organization (org_name) claim mismatch in the ID token; expected "café", found "thé"',
      ],
      [
        'auth_time missing with maxAge',
        {},
        { maxAge: 300 },
        'auth_time_missing',
        'Authentication Time (auth_time) claim must be a number present in the ID token when Max Age (max_age) is specified',
      ],
      [
        'auth_time too old',
        { auth_time: NOW - 361 },
        { maxAge: 300 },
        'auth_time_expired',
        `Authentication Time (auth_time) claim in the ID token indicates that too much time has passed since the last end-user authentication. Current time (${NOW}) is after last auth at (${NOW - 1})`,
      ],
    ]
    it.each(cases)('%s', async (_title, overrides, verifyOptions, code, message) => {
      const error = await failure(signToken(rs, idClaims(overrides)), verifyOptions)
      expect({ code: error.code, message: error.message }).toEqual({ code, message })
    })

    const nonFinite: [string, string, object, string, string][] = [
      [
        'exp',
        '1e400',
        {},
        'exp_missing',
        'Expiration Time (exp) claim must be a finite number in the ID token',
      ],
      [
        'exp',
        '-1e400',
        {},
        'exp_missing',
        'Expiration Time (exp) claim must be a finite number in the ID token',
      ],
      [
        'iat',
        '1e400',
        {},
        'iat_missing',
        'Issued At (iat) claim must be a finite number in the ID token',
      ],
      [
        'nbf',
        '-1e400',
        {},
        'nbf_invalid',
        'Not Before (nbf) claim must be a finite number in the ID token',
      ],
      [
        'auth_time',
        '1e400',
        { maxAge: 60 },
        'auth_time_missing',
        'Authentication Time (auth_time) claim must be a finite number in the ID token when Max Age (max_age) is specified',
      ],
    ]
    it.each(nonFinite)(
      'says a date claim must be a finite number: %s %s',
      async (claim, raw, verifyOptions, code, message) => {
        const fields = Object.entries(idClaims())
          .filter(([name]) => name !== claim)
          .map(([name, value]) => `${JSON.stringify(name)}:${JSON.stringify(value)}`)
        const error = await failure(
          signRawToken(rs, `{${[...fields, `"${claim}":${raw}`].join(',')}}`),
          verifyOptions,
        )
        expect({ code: error.code, message: error.message }).toEqual({ code, message })
      },
    )

    const passing: [string, Record<string, unknown>, object][] = [
      ['exp within the 60 s default leeway', { exp: NOW - 59 }, {}],
      ['nbf within the leeway', { nbf: NOW + 59 }, {}],
      ['nbf in the past', { nbf: NOW - 100 }, {}],
      ['aud array with one value and no azp', { aud: [CLIENT_ID] }, {}],
      ['aud array with azp', { aud: [CLIENT_ID, 'api'], azp: CLIENT_ID }, {}],
      ['a single audience with the matching azp', { azp: CLIENT_ID }, {}],
      ['nonce equal', { nonce: 'n1' }, { nonce: 'n1' }],
      ['org_id equal', { org_id: 'org_123' }, { organization: 'org_123' }],
      ['org_name compared lower-cased', { org_name: 'acme' }, { organization: 'ACME' }],
      ['auth_time within maxAge + leeway', { auth_time: NOW - 359 }, { maxAge: 300 }],
    ]
    it.each(passing)('accepts %s', async (_title, overrides, verifyOptions) => {
      await expect(
        verifier().verify(signToken(rs, idClaims(overrides)), verifyOptions),
      ).resolves.toMatchObject(overrides)
    })

    it('makes the leeway configurable, 0 included', async () => {
      const token = signToken(rs, idClaims({ exp: NOW - 1 }))
      expect((await failure(token, {}, verifier({ leeway: 0 }))).code).toBe('exp_expired')
      await expect(verifier({ leeway: 5 }).verify(token)).resolves.toBeDefined()
    })

    it('uses the injected clock', async () => {
      const tv = verifier()
      const token = signToken(rs, idClaims({ exp: NOW + 100 }))
      await expect(tv.verify(token)).resolves.toBeDefined()
      clock.ms = (NOW + 161) * 1000
      try {
        expect((await failure(token, {}, tv)).code).toBe('exp_expired')
      } finally {
        clock.ms = NOW * 1000
      }
    })
  })

  describe('attacks and hostile input (none of them reaches the JWKS)', () => {
    const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    // A 256-byte signature leaves 4 unused bits in its last character: setting one decodes to the same bytes.
    const nonCanonical = (s: string) => ALPHABET[ALPHABET.indexOf(s.at(-1) as string) | 1]
    const parts = () => signToken(rs).split('.') as [string, string, string]
    const cases: [string, () => unknown, string][] = [
      ['undefined', () => undefined, 'token_missing'],
      ['empty string', () => '', 'token_missing'],
      ['a number', () => 42, 'token_missing'],
      ['an object', () => ({ toString: () => 'x.y.z' }), 'token_missing'],
      ['two segments', () => parts().slice(0, 2).join('.'), 'token_malformed'],
      ['four segments', () => [...parts(), 'x'].join('.'), 'token_malformed'],
      [
        'padding in the header',
        () => {
          const [h, p, s] = parts()
          return `${h}=.${p}.${s}`
        },
        'token_malformed',
      ],
      [
        'padding in the signature',
        () => {
          const [h, p, s] = parts()
          return `${h}.${p}.${s}==`
        },
        'token_malformed',
      ],
      [
        'whitespace in the payload',
        () => {
          const [h, p, s] = parts()
          return `${h}.${p.slice(0, 4)} ${p.slice(4)}.${s}`
        },
        'token_malformed',
      ],
      [
        'a newline before the signature',
        () => {
          const [h, p, s] = parts()
          return `${h}.${p}.\n${s}`
        },
        'token_malformed',
      ],
      [
        'standard base64 characters',
        () => {
          const [h, p, s] = parts()
          return `${h}.${p}.${s.replace(/-/g, '+').replace(/_/g, '/')}+/`
        },
        'token_malformed',
      ],
      [
        'a foreign character',
        () => {
          const [h, p, s] = parts()
          return `${h}.${p}é.${s}`
        },
        'token_malformed',
      ],
      [
        'non-canonical trailing bits',
        () => {
          const [h, p, s] = parts()
          return `${h}.${p}.${s.slice(0, -1)}${nonCanonical(s)}`
        },
        'token_malformed',
      ],
      [
        'a header that is not JSON',
        () => {
          const [, p, s] = parts()
          return `${b64url('{alg:RS256}')}.${p}.${s}`
        },
        'token_malformed',
      ],
      [
        'a header that is a JSON array',
        () => {
          const [, p, s] = parts()
          return `${encodeJson(['RS256'])}.${p}.${s}`
        },
        'token_malformed',
      ],
      [
        'a header that is null',
        () => {
          const [, p, s] = parts()
          return `${encodeJson(null)}.${p}.${s}`
        },
        'token_malformed',
      ],
      [
        'a payload that is a JSON string',
        () => {
          const [h, , s] = parts()
          return `${h}.${encodeJson('claims')}.${s}`
        },
        'token_malformed',
      ],
      [
        'a payload with invalid UTF-8',
        () => {
          const [h, , s] = parts()
          return `${h}.${b64url(Buffer.from([0x7b, 0xff, 0x7d]))}.${s}`
        },
        'token_malformed',
      ],
      [
        'a header without alg',
        () => signToken(rs, idClaims(), { alg: undefined }),
        'token_malformed',
      ],
      ['a numeric kid', () => signToken(rs, idClaims(), { kid: 7 }), 'token_malformed'],
      ['a b64 header', () => signToken(rs, idClaims(), { b64: false }), 'token_malformed'],
      [
        'alg none with an empty signature',
        () => {
          const [, p] = parts()
          return `${encodeJson({ alg: 'none', typ: 'JWT' })}.${p}.`
        },
        'alg_mismatch',
      ],
      [
        'alg none with a signature',
        () => signToken(rs, idClaims(), { alg: 'none' }),
        'alg_mismatch',
      ],
      ['alg NONE', () => signToken(rs, idClaims(), { alg: 'NONE' }), 'alg_mismatch'],
      [
        'HS256 against an RS256 verifier (key confusion)',
        () => signToken({ alg: 'HS256', secret: JSON.stringify(rs.jwk) }),
        'alg_mismatch',
      ],
      ['another asymmetric alg', () => signToken(keys.ES256), 'alg_mismatch'],
      [
        'an unknown crit',
        () => signToken(rs, idClaims(), { crit: ['exp'], exp: 1 }),
        'crit_unsupported',
      ],
      ['an empty crit', () => signToken(rs, idClaims(), { crit: [] }), 'crit_unsupported'],
      [
        'an empty signature',
        () => {
          const [h, p] = parts()
          return `${h}.${p}.`
        },
        'signature_invalid',
      ],
      [
        'a truncated signature',
        () => {
          const [h, p, s] = parts()
          return `${h}.${p}.${s.slice(0, 40)}`
        },
        'signature_invalid',
      ],
    ]
    it.each(cases)('%s', async (_title, make, code) => {
      const error = await failure(make())
      expect(error.code).toBe(code)
      expect(jwks.requests).toBe(0)
    })

    it('caps the size before parsing, with no request', async () => {
      const huge = 'a'.repeat(70_000)
      expect((await failure(huge)).code).toBe('token_too_large')
      const token = signToken(rs)
      const error = await failure(token, {}, verifier({ maxTokenLength: token.length - 1 }))
      expect(error).toMatchObject({
        code: 'token_too_large',
        message: `The ID token is ${token.length} characters long; the limit is ${token.length - 1}.`,
      })
      await expect(verifier({ maxTokenLength: token.length }).verify(token)).resolves.toBeDefined()
      expect(jwks.requests).toBe(1)
    })

    it('never fetches or uses jku, x5u or jwk headers', async () => {
      const attacker = keys.RS384 // a key the attacker controls, not in the tenant's set
      jwks.reset({ keys: [rs.jwk] })
      const tv = new TokenVerifier({
        signatureVerifier: new AsymmetricSignatureVerifier(JWKS_URL, { now: clock.now }),
        issuer: ISSUER,
        audience: CLIENT_ID,
        now: clock.now,
      })
      const embedded = { ...attacker.jwk, alg: 'RS256', kid: rs.kid }
      const header = {
        jku: 'https://attacker.example/jwks.json',
        x5u: 'https://attacker.example/cert.pem',
        jwk: embedded,
        kid: rs.kid,
      }
      const forged = signToken({ ...attacker, alg: 'RS256' }, idClaims(), header)
      expect((await rejection(tv.verify(forged))).code).toBe('signature_invalid')
      // the same headers on a genuine token change nothing: the tenant's key verifies it
      await expect(tv.verify(signToken(rs, idClaims(), header))).resolves.toBeDefined()
      expect(jwks.requests).toBe(1) // msw fails the test on any request to attacker.example
    })

    it('never lets an HMAC token verify against a published key, even an oct key in the JWKS', async () => {
      jwks.reset({ keys: [rs.jwk, { kty: 'oct', kid: 'hmac', k: b64url(SECRET) }] })
      const sv = new AsymmetricSignatureVerifier(JWKS_URL, { now: clock.now })
      const tv = new TokenVerifier({
        signatureVerifier: sv,
        issuer: ISSUER,
        audience: CLIENT_ID,
        now: clock.now,
      })
      expect(
        (
          await rejection(
            tv.verify(signToken({ alg: 'HS256', secret: SECRET }, idClaims(), { kid: 'hmac' })),
          )
        ).code,
      ).toBe('alg_mismatch')
    })

    it('refuses an asymmetric token on a symmetric verifier', async () => {
      const tv = new TokenVerifier({
        signatureVerifier: new SymmetricSignatureVerifier(SECRET),
        issuer: ISSUER,
        audience: CLIENT_ID,
        now: clock.now,
      })
      const error = await rejection(tv.verify(signToken(rs)))
      expect(error).toMatchObject({
        code: 'alg_mismatch',
        message:
          'Signature algorithm of "RS256" is not supported. Expected the token to be signed with "HS256"',
      })
    })

    it('refuses a kid whose key is of another type, without refetching', async () => {
      const token = signToken({ ...rs, kid: keys.ES256.kid })
      const error = await failure(token)
      expect(error).toMatchObject({ code: 'key_invalid' })
      expect(jwks.requests).toBe(1)
    })

    it('keeps the token and attacker-controlled control characters out of messages and JSON', async () => {
      const token = signToken(
        rs,
        idClaims({ iss: 'https://evil/\n[ERROR] forged log line' + 'x'.repeat(500) }),
      )
      const error = await failure(token)
      expect(error.message).not.toContain('\n')
      expect(error.message.length).toBeLessThan(250)
      for (const text of [error.message, String(error), JSON.stringify(error)]) {
        expect(text).not.toContain(token.split('.')[2])
        expect(text).not.toContain(SECRET)
      }
      expect(JSON.parse(JSON.stringify(error))).toEqual({
        name: 'TokenValidationError',
        code: 'iss_mismatch',
        errorCode: 'invalid_token',
        message: error.message,
      })
    })
  })

  describe('construction', () => {
    it('lists every invalid option in one OptionsError', () => {
      const error = thrown(
        () =>
          new TokenVerifier({
            signatureVerifier: {} as never,
            issuer: '',
            audience: 3 as never,
            leeway: -1,
            extra: 1,
          } as never),
      )
      expect(error).toBeInstanceOf(OptionsError)
      expect(error).toBeInstanceOf(TypeError)
      expect(error).toMatchObject({
        name: 'OptionsError',
        code: 'invalid_options',
        message:
          'Invalid TokenVerifier options:\n  - extra: unknown option\n  - signatureVerifier: expected an instance of SignatureVerifier\n  - issuer: expected a non-empty string\n  - audience: expected a non-empty string\n  - leeway: expected a finite number >= 0',
        problems: [
          'extra: unknown option',
          'signatureVerifier: expected an instance of SignatureVerifier',
          'issuer: expected a non-empty string',
          'audience: expected a non-empty string',
          'leeway: expected a finite number >= 0',
        ],
      })
      expect(thrown(() => new TokenVerifier(undefined as never)).message).toBe(
        'Invalid TokenVerifier options:\n  - (root): expected an object',
      )
    })

    it('lists every problem of a signature verifier, positional arguments included', () => {
      const rsa = thrown(
        () =>
          new AsymmetricSignatureVerifier('not a url', {
            algorithm: 'HS256' as never,
            cooldown: -1,
            jwksUrl: JWKS_URL,
          } as never),
      )
      expect(rsa).toBeInstanceOf(OptionsError)
      expect(rsa.message).toBe(
        'Invalid AsymmetricSignatureVerifier options:\n  - jwksUrl: expected an absolute http(s) URL\n  - jwksUrl: unknown option\n  - algorithm: expected one of "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA", or a non-empty array of them\n  - cooldown: expected a finite number >= 0',
      )
      expect(
        thrown(() => new AsymmetricSignatureVerifier(JWKS_URL, { algorithm: 'none' as never })),
      ).toBeInstanceOf(OptionsError)
      const hs = thrown(() => new SymmetricSignatureVerifier('', { algorithm: 'RS256' as never }))
      expect(hs).toBeInstanceOf(OptionsError)
      expect(hs.message).toBe(
        'Invalid SymmetricSignatureVerifier options:\n  - clientSecret: expected a non-empty string or Uint8Array\n  - algorithm: expected one of "HS256", "HS384", "HS512"',
      )
    })

    it('checks per-call options', async () => {
      const error = await rejection(verifier().verify(signToken(rs), { maxAge: -5, x: 1 } as never))
      expect(error).toBeInstanceOf(OptionsError)
      expect(error.message).toBe(
        'Invalid TokenVerifier.verify options:\n  - x: unknown option\n  - maxAge: expected a finite number >= 0',
      )
    })

    it('does not expose the client secret', () => {
      const sv = new SymmetricSignatureVerifier(SECRET)
      expect(JSON.stringify(sv)).not.toContain(SECRET)
      expect(String(Object.values(sv))).not.toContain(SECRET)
    })

    it('verifySignature checks the signature only and returns the payload', async () => {
      const sv = new SymmetricSignatureVerifier(SECRET)
      const claims = idClaims({ exp: NOW - 10_000 })
      await expect(
        sv.verifySignature(signToken({ alg: 'HS256', secret: SECRET }, claims)),
      ).resolves.toEqual(claims)
    })
  })
})
