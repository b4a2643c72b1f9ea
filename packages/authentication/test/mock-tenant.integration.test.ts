// The package against the tenant emulator over real HTTP on 127.0.0.1.
import { startMockTenant, type RunningMockTenant } from '@auth0-ts/mock-tenant'
import { decodeJwt } from 'jose'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  Auth0Error,
  createTokenProvider,
  GetToken,
  isRateLimitError,
  RateLimitError,
  Users,
} from '../src/index.js'

let t: RunningMockTenant
beforeAll(async () => {
  t = await startMockTenant({ port: 0 })
})
afterEach(() => t.setRateLimit(null))
afterAll(() => t.close())

describe('against the mock tenant', () => {
  it('logs the seeded user in with the password-realm grant, then reads userinfo', async () => {
    const { web } = t.clients
    const getToken = new GetToken(t.domain, web.clientId, {
      clientSecret: web.clientSecret,
      protocol: 'http',
    })
    const tokens = await getToken.login(t.user.username, t.user.password, {
      realm: t.user.connection,
      scope: 'openid profile email',
    })
    expect(tokens).toMatchObject({
      token_type: 'Bearer',
      access_token: expect.any(String),
      expires_in: expect.any(Number),
    })
    const profile = await new Users(t.domain, { protocol: 'http' }).userinfo(tokens.access_token)
    expect(profile.sub).toEqual(expect.any(String))

    const wrong = await getToken
      .login(t.user.username, 'not-the-password', { realm: t.user.connection })
      .catch((e: unknown) => e)
    expect(wrong).toBeInstanceOf(Auth0Error)
    expect([(wrong as Auth0Error).statusCode, (wrong as Auth0Error).errorCode]).toEqual([
      403,
      'invalid_grant',
    ])
    expect(String(wrong)).not.toContain('not-the-password')
  })

  it('gets a client-credentials token with a client secret', async () => {
    const { m2m } = t.clients
    const getToken = new GetToken(t.domain, m2m.clientId, {
      clientSecret: m2m.clientSecret,
      protocol: 'http',
    })
    const { access_token } = await getToken.clientCredentials(t.managementAudience)
    expect(decodeJwt(access_token)).toMatchObject({ iss: t.issuer, aud: t.managementAudience })
  })

  it('gets a client-credentials token with a private_key_jwt assertion', async () => {
    const { m2mJwt } = t.clients
    const getToken = new GetToken(t.domain, m2mJwt.clientId, {
      clientAssertionSigningKey: m2mJwt.privateKeyPem,
      protocol: 'http',
    })
    const first = await getToken.clientCredentials(t.managementAudience)
    const second = await getToken.clientCredentials(t.managementAudience)
    expect(decodeJwt(first.access_token)).toMatchObject({
      iss: t.issuer,
      aud: t.managementAudience,
    })
    expect(second.access_token).toEqual(expect.any(String)) // a fresh jti each time: the emulator refuses replays
  })

  it('caches the token in a provider', async () => {
    const { m2m } = t.clients
    const provider = createTokenProvider({
      domain: t.domain,
      clientId: m2m.clientId,
      clientSecret: m2m.clientSecret,
      protocol: 'http',
      audience: t.managementAudience,
    })
    const [a, b] = await Promise.all([provider(), provider.getToken()])
    const c = await provider.getToken()
    expect(a).toBe(b)
    expect(c).toBe(a)
    expect(provider.stats).toMatchObject({ fetches: 1, hits: 1, misses: 2 })
  })

  it('surfaces a 429 as a RateLimitError with resetAt', async () => {
    const { m2m } = t.clients
    t.setRateLimit({ burst: 1, perSecond: 0.01 })
    const getToken = new GetToken(t.domain, m2m.clientId, {
      clientSecret: m2m.clientSecret,
      protocol: 'http',
      restOptions: { retries: 0 },
    })
    await getToken.clientCredentials(t.managementAudience)
    const error = await getToken.clientCredentials(t.managementAudience).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RateLimitError)
    if (!isRateLimitError(error)) throw error
    expect(error.statusCode).toBe(429)
    const nowS = Date.now() / 1000
    expect(error.resetAt).toBeGreaterThan(nowS)
    expect(error.resetAt).toBeLessThanOrEqual(Math.ceil(nowS) + 101)
    expect(error.retryAfter).toBeGreaterThanOrEqual(1)
  })
})
