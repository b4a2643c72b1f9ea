// The device authorization flow (RFC 8628) at the emulator over HTTP, with the tenant's clock moved by the test.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { RunningMockTenant } from '../src/index.js'
import { MOCK_API, SEEDED_USER_ID, claims, send, startTenant, type Clock } from './auth-http.js'

const DEVICE_CODE = 'urn:ietf:params:oauth:grant-type:device_code'

let t: RunningMockTenant
let clock: Clock
beforeAll(async () => {
  ;({ t, clock } = await startTenant())
})
beforeEach(() => t.reset())
afterAll(() => t.close())

async function deviceCode(extra: Record<string, string> = {}) {
  const r = await send(t, 'POST', '/oauth/device/code', {
    form: { client_id: t.clients.web.clientId, scope: 'openid profile offline_access', ...extra },
  })
  expect(r.status).toBe(200)
  return r.body as { device_code: string; user_code: string; interval: number }
}

const poll = (code: string) =>
  send(t, 'POST', '/oauth/token', {
    form: {
      grant_type: DEVICE_CODE,
      client_id: t.clients.web.clientId,
      client_secret: t.clients.web.clientSecret,
      device_code: code,
    },
  })

describe('POST /oauth/device/code', () => {
  it('returns a device code, a user code and where to type it (form body, no secret needed)', async () => {
    const r = await send(t, 'POST', '/oauth/device/code', {
      form: { client_id: t.clients.web.clientId, scope: 'openid', audience: MOCK_API },
    })
    expect(r.status).toBe(200)
    expect(r.body).toEqual({
      device_code: expect.stringMatching(/^mock-device-/),
      user_code: expect.stringMatching(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/),
      verification_uri: `${t.url}/activate`,
      verification_uri_complete: `${t.url}/activate?user_code=${String(r.body['user_code'])}`,
      expires_in: 900,
      interval: 5,
    })
  })

  it('refuses an unknown client, a client without the grant, and an unknown audience', async () => {
    const unknown = await send(t, 'POST', '/oauth/device/code', { form: { client_id: 'nobody' } })
    expect(unknown.status).toBe(401)
    const m2m = await send(t, 'POST', '/oauth/device/code', {
      form: { client_id: t.clients.m2m.clientId },
    })
    expect(m2m).toMatchObject({ status: 403, body: { error: 'unauthorized_client' } })
    const api = await send(t, 'POST', '/oauth/device/code', {
      form: { client_id: t.clients.web.clientId, audience: 'https://unknown.test/' },
    })
    expect(api).toMatchObject({ status: 403, body: { error: 'access_denied' } })
  })
})

describe('the device_code grant', () => {
  it('pending (403), slow_down (429) when polled too fast, then tokens once the user approves', async () => {
    const code = await deviceCode({ audience: MOCK_API })
    expect(await poll(code.device_code)).toMatchObject({
      status: 403,
      body: { error: 'authorization_pending' },
    })
    clock.tick(2_000)
    expect(await poll(code.device_code)).toMatchObject({
      status: 429,
      body: { error: 'slow_down' },
    })
    // slow_down added 5 s: 5 s later is still too soon, 10 s is not
    clock.tick(5_000)
    expect((await poll(code.device_code)).status).toBe(429)
    clock.tick(15_000)
    expect((await poll(code.device_code)).body['error']).toBe('authorization_pending')
    t.authentication.approveUserCode(code.user_code)
    clock.tick(15_000)
    const tokens = await poll(code.device_code)
    expect(tokens.status).toBe(200)
    expect(tokens.body).toMatchObject({ token_type: 'Bearer', refresh_token: expect.any(String) })
    expect(claims(tokens.body['id_token'])).toMatchObject({ sub: SEEDED_USER_ID })
    expect(claims(tokens.body['access_token'])['aud']).toContain(MOCK_API)
    // a device code is used once
    clock.tick(15_000)
    expect(await poll(code.device_code)).toMatchObject({
      status: 403,
      body: { error: 'invalid_grant' },
    })
  })

  it('approves for another user; access_denied after a denial; expired_token after expires_in', async () => {
    const forAlan = await deviceCode({ scope: 'openid email' })
    t.authentication.approveUserCode(forAlan.user_code.toLowerCase(), 'alan.lovelace@example.com')
    expect(claims((await poll(forAlan.device_code)).body['id_token'])['email']).toBe(
      'alan.lovelace@example.com',
    )
    const denied = await deviceCode()
    t.authentication.denyUserCode(denied.user_code)
    expect(await poll(denied.device_code)).toMatchObject({
      status: 403,
      body: { error: 'access_denied' },
    })
    const late = await deviceCode()
    clock.tick(900_000)
    expect(await poll(late.device_code)).toMatchObject({
      status: 403,
      body: { error: 'expired_token' },
    })
    expect(() => t.authentication.approveUserCode(late.user_code)).toThrow(/Unknown user code/)
    expect(() => t.authentication.denyUserCode('BCDF-GHJK')).toThrow(/Unknown user code/)
  })

  it('refuses a device code of another client', async () => {
    const code = await deviceCode()
    t.authentication.approveUserCode(code.user_code)
    const registered = await send(t, 'POST', '/oidc/register', {
      json: {
        redirect_uris: ['http://127.0.0.1:7777/cb'],
        token_endpoint_auth_method: 'none',
        grant_types: [DEVICE_CODE],
      },
    })
    const other = await send(t, 'POST', '/oauth/token', {
      json: {
        grant_type: DEVICE_CODE,
        client_id: registered.body['client_id'],
        device_code: code.device_code,
      },
    })
    expect(other).toMatchObject({ status: 403, body: { error: 'invalid_grant' } })
    const noGrant = await send(t, 'POST', '/oauth/token', {
      json: {
        grant_type: DEVICE_CODE,
        client_id: t.clients.m2m.clientId,
        client_secret: t.clients.m2m.clientSecret,
        device_code: code.device_code,
      },
    })
    expect(noGrant).toMatchObject({ status: 403, body: { error: 'unauthorized_client' } })
    // the device's own client still gets its tokens
    expect((await poll(code.device_code)).status).toBe(200)
  })
})

describe('/activate', () => {
  it('shows a form for the user code, and approves the device after a login', async () => {
    const code = await deviceCode()
    const page = await send(t, 'GET', `/activate?user_code=${code.user_code}`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    expect(page.text).toContain(`name="user_code" value="${code.user_code}"`)
    const wrong = await send(t, 'POST', '/activate', {
      form: { user_code: code.user_code, username: t.user.username, password: 'nope' },
    })
    expect(wrong.status).toBe(401)
    expect(wrong.text).toContain('Wrong email or password.')
    expect((await poll(code.device_code)).body['error']).toBe('authorization_pending')
    const ok = await send(t, 'POST', '/activate', {
      form: {
        user_code: code.user_code,
        username: t.user.username,
        password: t.user.password,
        action: 'approve',
      },
    })
    expect([ok.status, ok.text]).toEqual([200, expect.stringContaining('Device approved')])
    clock.tick(5_000)
    expect((await poll(code.device_code)).status).toBe(200)
    const unknown = await send(t, 'POST', '/activate', { form: { user_code: 'XXXX-XXXX' } })
    expect([unknown.status, unknown.text]).toEqual([400, expect.stringContaining('not valid')])
  })

  it('denies the device when the user cancels', async () => {
    const code = await deviceCode()
    const r = await send(t, 'POST', '/activate', {
      form: { user_code: code.user_code, action: 'deny' },
    })
    expect(r.text).toContain('Device denied')
    expect((await poll(code.device_code)).body['error']).toBe('access_denied')
  })
})
