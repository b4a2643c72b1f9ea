import { beforeAll, describe, expect, it } from 'vitest'
import {
  ENTRIES,
  ISSUER,
  JWKS_URL,
  NOW,
  makeClock,
  makeKeys,
  rejection,
  signRawToken,
  signToken,
  thrown,
  useJwksServer,
  type TestKey,
} from './test-utils/index.js'

const API = 'https://api.example.com'
const jwks = useJwksServer()
let keys: Awaited<ReturnType<typeof makeKeys>>
let rs: TestKey
beforeAll(async () => {
  keys = await makeKeys()
  rs = keys.RS256
})

const atClaims = (overrides: Record<string, unknown> = {}) => ({
  iss: ISSUER,
  sub: 'auth0|user1',
  aud: [API, `${ISSUER}userinfo`],
  iat: NOW - 10,
  exp: NOW + 3600,
  client_id: 'CID',
  jti: 'jti-1',
  scope: 'openid read:messages write:messages',
  permissions: ['read:messages', 'delete:messages'],
  ...overrides,
})

describe.each(ENTRIES)('AccessTokenVerifier (%s entry)', (_name, entry) => {
  const {
    AccessTokenVerifier,
    AsymmetricSignatureVerifier,
    SymmetricSignatureVerifier,
    TokenValidationError,
    OptionsError,
  } = entry
  const clock = makeClock()
  const make = (options: Partial<ConstructorParameters<typeof AccessTokenVerifier>[0]> = {}) => {
    jwks.reset({ keys: Object.values(keys).map((k) => k.jwk) })
    return new AccessTokenVerifier({
      issuer: ISSUER,
      audience: API,
      jwksUrl: JWKS_URL,
      now: clock.now,
      ...options,
    })
  }
  const at = (
    overrides: Record<string, unknown> = {},
    header: Record<string, unknown> = { typ: 'at+jwt' },
    key: TestKey = rs,
  ) => signToken(key, atClaims(overrides), header)

  it('verifies an RFC 9068 access token and returns its claims', async () => {
    await expect(
      make({ requireAtJwt: true }).verify(at(), {
        requiredScopes: ['read:messages'],
        requiredPermissions: 'delete:messages',
      }),
    ).resolves.toEqual(atClaims())
    expect(jwks.requests).toBe(1)
  })

  it('accepts any of several audiences and a string aud', async () => {
    await expect(
      make({ audience: ['https://other', API] }).verify(at({ aud: API })),
    ).resolves.toMatchObject({ aud: API })
  })

  it('accepts the configured algorithms only', async () => {
    const atv = make({ algorithms: ['ES256', 'EdDSA'] })
    await expect(atv.verify(at({}, { typ: 'at+jwt' }, keys.ES256))).resolves.toBeDefined()
    await expect(atv.verify(at({}, { typ: 'at+jwt' }, keys.EdDSA))).resolves.toBeDefined()
    expect(await rejection(atv.verify(at()))).toMatchObject({
      code: 'alg_mismatch',
      message:
        'Signature algorithm of "RS256" is not supported. Expected the token to be signed with "ES256" or "EdDSA"',
    })
  })

  it('shares a signature verifier', async () => {
    jwks.reset({ keys: [rs.jwk] })
    const sv = new AsymmetricSignatureVerifier(JWKS_URL, { now: clock.now })
    const atv = new AccessTokenVerifier({
      issuer: ISSUER,
      audience: API,
      signatureVerifier: sv,
      now: clock.now,
    })
    await expect(atv.verify(at())).resolves.toBeDefined()
    const hs = new AccessTokenVerifier({
      issuer: ISSUER,
      audience: API,
      signatureVerifier: new SymmetricSignatureVerifier('s3cret'),
      now: clock.now,
    })
    expect((await rejection(hs.verify(at()))).code).toBe('alg_mismatch')
  })

  const cases: [string, () => string, object, object, string, string?][] = [
    ['missing token', () => '', {}, {}, 'token_missing', 'Access token is required but missing.'],
    [
      'typ JWT when at+jwt is required',
      () => at({}, { typ: 'JWT' }),
      { requireAtJwt: true },
      {},
      'typ_invalid',
      'The access token type (typ) header must be "at+jwt", found "JWT"',
    ],
    [
      'no typ when at+jwt is required',
      () => at({}, { typ: undefined }),
      { requireAtJwt: true },
      {},
      'typ_invalid',
    ],
    [
      'iss mismatch',
      () => at({ iss: 'https://evil/' }),
      {},
      {},
      'iss_mismatch',
      `Issuer (iss) claim mismatch in the access token; expected "${ISSUER}", found "https://evil/"`,
    ],
    [
      'aud mismatch',
      () => at({ aud: 'https://other' }),
      {},
      {},
      'aud_mismatch',
      `Audience (aud) claim mismatch in the access token; expected "${API}" but found "https://other"`,
    ],
    ['expired', () => at({ exp: NOW - 61 }), {}, {}, 'exp_expired'],
    ['exp missing', () => at({ exp: undefined }), {}, {}, 'exp_missing'],
    ['nbf in the future', () => at({ nbf: NOW + 61 }), {}, {}, 'nbf_future'],
    ['iat not a number', () => at({ iat: 'x' }), {}, {}, 'iat_missing'],
    ['sub not a string', () => at({ sub: 1 }), {}, {}, 'sub_missing'],
    [
      'an empty sub',
      () => at({ sub: '' }),
      {},
      {},
      'sub_missing',
      'Subject (sub) claim must be a non-empty string in the access token',
    ],
    [
      'an issuer that only renders like the expected one, escaped',
      () => at({ iss: ISSUER.replace('e', '\u0435') }),
      {},
      {},
      'iss_mismatch',
      `Issuer (iss) claim mismatch in the access token; expected "${ISSUER}", found "${ISSUER.replace('e', '\\u0435')}"`,
    ],
    [
      'a non-finite exp',
      () => signRawToken(rs, JSON.stringify(atClaims({ exp: 'INF' })).replace('"INF"', '1e400')),
      {},
      {},
      'exp_missing',
      'Expiration Time (exp) claim must be a finite number in the access token',
    ],
    [
      'no client_id with requireAtJwt',
      () => at({ client_id: undefined }),
      { requireAtJwt: true },
      {},
      'claim_missing',
      'Client ID (client_id) claim must be a string present in the access token (RFC 9068)',
    ],
    [
      'no jti with requireAtJwt',
      () => at({ jti: undefined }),
      { requireAtJwt: true },
      {},
      'claim_missing',
    ],
    [
      'no iat with requireAtJwt',
      () => at({ iat: undefined }),
      { requireAtJwt: true },
      {},
      'iat_missing',
    ],
    [
      'a missing scope',
      () => at(),
      {},
      { requiredScopes: ['read:messages', 'admin'] },
      'scope_insufficient',
      'Insufficient scope in the access token; missing "admin"',
    ],
    [
      'no scope claim',
      () => at({ scope: undefined }),
      {},
      { requiredScopes: 'read:messages' },
      'scope_insufficient',
    ],
    [
      'a scope that is only a prefix',
      () => at({ scope: 'read:messages-all' }),
      {},
      { requiredScopes: 'read:messages' },
      'scope_insufficient',
    ],
    [
      'a missing permission',
      () => at(),
      {},
      { requiredPermissions: ['read:messages', 'write:messages'] },
      'permissions_insufficient',
      'Insufficient permissions in the access token; missing "write:messages"',
    ],
    [
      'permissions not an array',
      () => at({ permissions: 'read:messages' }),
      {},
      { requiredPermissions: 'read:messages' },
      'permissions_insufficient',
    ],
  ]
  it.each(cases)('refuses %s', async (_title, token, options, verifyOptions, code, message) => {
    const error = await rejection(make(options).verify(token(), verifyOptions))
    expect(error).toBeInstanceOf(TokenValidationError)
    expect(error.code).toBe(code)
    if (message !== undefined) expect(error.message).toBe(message)
  })

  it('checks typ before any key lookup', async () => {
    await rejection(make({ requireAtJwt: true }).verify(at({}, { typ: 'JWT' })))
    expect(jwks.requests).toBe(0)
  })

  it('does not require RFC 9068 claims unless asked', async () => {
    await expect(
      make().verify(
        at({ sub: undefined, iat: undefined, client_id: undefined, jti: undefined }, {}),
      ),
    ).resolves.toBeDefined()
  })

  it('accepts application/at+jwt', async () => {
    await expect(
      make({ requireAtJwt: true }).verify(at({}, { typ: 'application/AT+JWT' })),
    ).resolves.toBeDefined()
  })

  it('validates its options, listing every problem in one OptionsError', () => {
    const neither = thrown(() => new AccessTokenVerifier({ issuer: ISSUER, audience: API }))
    expect(neither).toBeInstanceOf(OptionsError)
    expect(neither.message).toBe(
      'Invalid AccessTokenVerifier options:\n  - jwksUrl: is required (or signatureVerifier)',
    )
    const sv = new SymmetricSignatureVerifier('s')
    const both = thrown(
      () =>
        new AccessTokenVerifier({
          issuer: ISSUER,
          audience: API,
          jwksUrl: JWKS_URL,
          signatureVerifier: sv,
          cacheTtl: 5,
        }),
    )
    expect(both.problems).toEqual([
      'signatureVerifier: expected only one of jwksUrl and signatureVerifier',
      'cacheTtl: only applies with jwksUrl',
    ])
    expect(
      thrown(
        () =>
          new AccessTokenVerifier({
            issuer: ISSUER,
            audience: [],
            jwksUrl: JWKS_URL,
            algorithms: ['HS256' as never],
          }),
      ).message,
    ).toBe(
      'Invalid AccessTokenVerifier options:\n  - audience: expected a non-empty string, or a non-empty array of them\n  - algorithms: expected an array of one of "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"',
    )
  })

  it('checks per-call options', async () => {
    const error = await rejection(make().verify(at(), { requiredScopes: [] }))
    expect(error).toBeInstanceOf(OptionsError)
    expect(error.message).toBe(
      'Invalid AccessTokenVerifier.verify options:\n  - requiredScopes: expected a non-empty string, or a non-empty array of them',
    )
  })
})
