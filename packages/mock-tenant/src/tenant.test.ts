import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMockTenant as createMswTenant } from './msw.js'
import { createMockTenant } from './tenant.js'
import { arr, call, obj, setup } from './test-utils/index.js'

describe('rate limiting', () => {
  it('answers 429 with Auth0 headers once the bucket is empty, and recovers on the injected clock', async () => {
    const clock = { now: Date.parse('2025-06-01T12:00:00.250Z') }
    const { tenant, api } = await setup({
      now: () => clock.now,
      rateLimit: { burst: 2, perSecond: 1 },
    })
    const first = await api('GET', '/roles')
    expect(first.status).toBe(200)
    expect(first.headers.get('x-ratelimit-limit')).toBe('2')
    expect(first.headers.get('x-ratelimit-remaining')).toBe('1')
    expect((await api('GET', '/roles')).headers.get('x-ratelimit-remaining')).toBe('0')
    const limited = await api('GET', '/roles')
    expect(limited).toMatchObject({
      status: 429,
      body: {
        statusCode: 429,
        error: 'Too Many Requests',
        message: 'Global limit has been reached',
        errorCode: 'too_many_requests',
      },
    })
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0')
    // the next token comes 1 s after 12:00:00.250, so the reset is 12:00:02 (rounded up)
    expect(limited.headers.get('x-ratelimit-reset')).toBe(
      String(Date.parse('2025-06-01T12:00:02Z') / 1000),
    )
    expect(limited.headers.get('retry-after')).toBe('1')
    clock.now += 1000
    expect((await api('GET', '/roles')).status).toBe(200)
    expect(tenant.rateLimit).toEqual({ burst: 2, perSecond: 1 })
    tenant.setRateLimit(null)
    expect(tenant.rateLimit).toBeNull()
    for (let i = 0; i < 5; i++) expect((await api('GET', '/roles')).status).toBe(200)
    expect(() => tenant.setRateLimit({ burst: 0, perSecond: 0 })).toThrow(TypeError)
  })

  it('limits the Authentication API too, and reset() clears the limit', async () => {
    const { tenant } = await setup({ rateLimit: { burst: 1, perSecond: 0.001 } })
    expect((await call(tenant, 'GET', '/.well-known/jwks.json')).status).toBe(200)
    const limited = await call(tenant, 'GET', '/.well-known/openid-configuration')
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(900)
    tenant.reset()
    expect((await call(tenant, 'GET', '/.well-known/openid-configuration')).status).toBe(200)
  })
})

describe('the tenant', () => {
  it('puts every header on every response, errors included', async () => {
    const { tenant, api } = await setup()
    for (const r of [
      await api('GET', '/users/nope'),
      await call(tenant, 'GET', '/nowhere'),
      await call(tenant, 'GET', '/.well-known/jwks.json'),
    ]) {
      expect(r.headers.get('x-ratelimit-limit')).toMatch(/^\d+$/)
      expect(r.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/)
      expect(r.headers.get('x-ratelimit-reset')).toMatch(/^\d+$/)
      expect(r.headers.get('x-auth0-requestid')).toMatch(/^[0-9a-f-]{36}$/)
    }
  })

  it('reset() brings back the seed', async () => {
    const { tenant, api } = await setup()
    await api('PATCH', '/connections/con_ErZf9LpXQDE0cNBr', { name: 'Changed' })
    await api('DELETE', `/users/${encodeURIComponent('auth0|65a000000000000000000001')}`)
    tenant.reset()
    expect((await api('GET', '/connections/con_ErZf9LpXQDE0cNBr')).body).toMatchObject({
      name: 'Amazon-Connection',
    })
    expect(
      (await api('GET', `/users/${encodeURIComponent('auth0|65a000000000000000000001')}`)).status,
    ).toBe(200)
  })

  it('turns an unexpected failure into a 500 in Auth0 shape, without a stack trace', async () => {
    const tenant = createMockTenant()
    const broken = new ReadableStream({ start: (c) => c.error(new Error('boom at secret.ts:1')) })
    const response = await tenant.handle(
      new Request(`${tenant.url}/oauth/token`, {
        method: 'POST',
        body: broken,
        duplex: 'half',
      } as RequestInit),
    )
    expect(response.status).toBe(500)
    const text = await response.text()
    expect(JSON.parse(text)).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Internal error',
      errorCode: 'internal_error',
    })
    expect(text).not.toMatch(/boom|\.ts:/)
  })

  it('answers an unknown route 404 before looking at its body', async () => {
    const { tenant, token } = await setup()
    for (const path of ['/api/v2/not-an-operation', '/nowhere']) {
      const r = await tenant.fetch(`${tenant.url}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'multipart/form-data; boundary=x',
        },
        body: '--x--',
      })
      expect(r.status).toBe(404)
      expect(await r.json()).toEqual({ statusCode: 404, error: 'Not Found', message: 'Not Found' })
    }
  })

  it('answers CORS preflights', async () => {
    const tenant = createMockTenant()
    const r = await tenant.fetch(`${tenant.url}/oauth/token`, {
      method: 'OPTIONS',
      headers: { 'access-control-request-headers': 'content-type' },
    })
    expect(r.status).toBe(204)
    expect(r.headers.get('access-control-allow-origin')).toBe('*')
    expect(r.headers.get('access-control-allow-headers')).toBe('content-type')
    expect(r.headers.get('x-ratelimit-remaining')).toBe('1000')
  })

  it('seeds deterministically and honours the seed size', async () => {
    const a = await setup({ seed: { users: 3, logs: 7 } })
    expect((await a.api('GET', '/users?include_totals=true')).body).toMatchObject({ total: 3 })
    expect(arr((await a.api('GET', '/logs?take=100')).body)).toHaveLength(7)
    const b = await setup({ seed: { users: 3, logs: 7 } })
    expect((await b.api('GET', '/users')).body).toEqual((await a.api('GET', '/users')).body)
  })

  it('rejects bad options with every problem listed', () => {
    expect(() =>
      createMockTenant({
        baseUrl: 'ftp://x/y',
        rateLimit: { burst: -1, perSecond: 1 },
        seed: { users: 0 },
      }),
    ).toThrow(/baseUrl[\s\S]*rateLimit\.burst[\s\S]*seed\.users/)
  })

  it('prints info with the addresses and fake credentials', () => {
    const tenant = createMockTenant({ baseUrl: 'https://tenant.mock.test' })
    const info = tenant.info
    expect(info).toMatchObject({
      url: 'https://tenant.mock.test',
      domain: 'tenant.mock.test',
      issuer: 'https://tenant.mock.test/',
      managementAudience: 'https://tenant.mock.test/api/v2/',
      user: { connection: 'Username-Password-Authentication' },
    })
    expect(info.clients.m2m.clientSecret).toMatch(/^mock-secret-/)
    expect(info.clients.web.clientSecret).toMatch(/^mock-secret-/)
    expect(info.clients.m2mJwt.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/)
    expect(info.clients.web.redirectUris).toContain('https://tenant.mock.test/callback')
  })
})

describe('msw handlers', () => {
  const tenant = createMswTenant({ baseUrl: 'https://tenant.mock.test' })
  const server = setupServer(...tenant.handlers)
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterAll(() => server.close())

  it('serve the same routes to the global fetch', async () => {
    const tokenResponse = await fetch('https://tenant.mock.test/oauth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: tenant.clients.m2m.clientId,
        client_secret: tenant.clients.m2m.clientSecret,
        audience: tenant.managementAudience,
      }),
    })
    expect(tokenResponse.status).toBe(200)
    const { access_token } = obj(await tokenResponse.json())
    const users = await fetch(
      `https://tenant.mock.test/api/v2/users/${encodeURIComponent('auth0|65a000000000000000000000')}`,
      {
        headers: { authorization: `Bearer ${String(access_token)}` },
      },
    )
    expect(users.status).toBe(200)
    expect(users.headers.get('x-ratelimit-limit')).toBe('1000')
    expect(await users.json()).toMatchObject({ email: tenant.user.username })
  })
})
