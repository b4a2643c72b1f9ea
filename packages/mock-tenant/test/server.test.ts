import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMockTenant, type RunningMockTenant } from '../src/index.js'

describe('startMockTenant', () => {
  let tenant: RunningMockTenant
  beforeAll(async () => {
    tenant = await startMockTenant({ port: 0, host: '127.0.0.1' })
  })
  afterAll(() => tenant.close())

  it('listens on 127.0.0.1 with a random port and names itself after it', () => {
    expect(tenant.port).toBeGreaterThan(0)
    expect(tenant.url).toBe(`http://127.0.0.1:${tenant.port}`)
    expect(tenant.domain).toBe(`127.0.0.1:${tenant.port}`)
    expect(tenant.issuer).toBe(`http://127.0.0.1:${tenant.port}/`)
    expect(tenant.managementAudience).toBe(`http://127.0.0.1:${tenant.port}/api/v2/`)
    expect(tenant.info.url).toBe(tenant.url)
  })

  it('serves real HTTP: discovery, a token, and a Management API call with a percent-encoded id', async () => {
    const discovery = await fetch(`${tenant.url}/.well-known/openid-configuration`)
    expect(discovery.status).toBe(200)
    expect(await discovery.json()).toMatchObject({
      issuer: tenant.issuer,
      jwks_uri: `${tenant.issuer}.well-known/jwks.json`,
    })
    const tokenResponse = await fetch(`${tenant.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: tenant.clients.m2m.clientId,
        client_secret: tenant.clients.m2m.clientSecret,
        audience: tenant.managementAudience,
      }),
    })
    expect(tokenResponse.status).toBe(200)
    expect(tokenResponse.headers.get('x-ratelimit-limit')).toBe('1000')
    const { access_token } = (await tokenResponse.json()) as { access_token: string }
    const user = await fetch(
      `${tenant.url}/api/v2/users/${encodeURIComponent('auth0|65a000000000000000000000')}?fields=email`,
      {
        headers: { authorization: `Bearer ${access_token}` },
      },
    )
    expect(user.status).toBe(200)
    expect(await user.json()).toEqual({ email: tenant.user.username })
    const deleted = await fetch(`${tenant.url}/api/v2/roles/rol_MockViewer000001`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${access_token}` },
    })
    expect(deleted.status).toBe(204)
    expect(await deleted.text()).toBe('')
  })

  it('redirects from /authorize over HTTP', async () => {
    const params = new URLSearchParams({
      response_type: 'code',
      client_id: tenant.clients.web.clientId,
      redirect_uri: tenant.clients.web.redirectUris[0] as string,
      username: tenant.user.username,
      password: tenant.user.password,
      state: 's',
    })
    const r = await fetch(`${tenant.url}/authorize?${params}`, { redirect: 'manual' })
    expect(r.status).toBe(302)
    expect(r.headers.get('location')).toMatch(
      new RegExp(`^${tenant.url}/callback\\?code=mock-code-[^&]+&state=s$`),
    )
  })

  it('closes, and then refuses connections', async () => {
    const other = await startMockTenant({ port: 0 })
    // keep-alive connections must not hold close() open
    await (await fetch(`${other.url}/.well-known/jwks.json`)).text()
    await other.close()
    await expect(fetch(`${other.url}/.well-known/jwks.json`)).rejects.toThrow()
  })

  it('rejects a bad port before binding', async () => {
    await expect(startMockTenant({ port: 70_000 })).rejects.toThrow(TypeError)
    await expect(startMockTenant({ rateLimit: { burst: 0, perSecond: 1 } })).rejects.toThrow(
      /rateLimit\.burst/,
    )
  })
})
