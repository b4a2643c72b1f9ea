// Logout (`/v2/logout`, `/oidc/logout`) and the newer `/authorize` parameters at the emulator over HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { RunningMockTenant } from '../src/index.js'
import { SEEDED_USER_ID, claims, passwordGrant, send, startTenant, webClient } from './auth-http.js'

let t: RunningMockTenant
beforeAll(async () => {
  ;({ t } = await startTenant({
    authentication: { allowedLogoutUrls: ['https://app.example.com/'] },
  }))
})
beforeEach(() => t.reset())
afterAll(() => t.close())

/** The log events after the 150 the tenant starts with, oldest first, through the Management API. */
async function newLogs(): Promise<Record<string, unknown>[]> {
  const r = await send(t, 'GET', '/api/v2/logs?from=90000000000000000000150&take=100', {
    headers: { authorization: `Bearer ${await t.managementToken()}` },
  })
  return r.body as unknown as Record<string, unknown>[]
}

describe('GET /v2/logout', () => {
  it('redirects to an allowed returnTo (the client’s callback or the tenant’s list), and logs the logout', async () => {
    const callback = t.clients.web.redirectUris[0] as string
    const query = new URLSearchParams({
      client_id: t.clients.web.clientId,
      returnTo: `${callback}?after=logout`,
    })
    const r = await send(t, 'GET', `/v2/logout?${query}`)
    expect([r.status, r.headers.get('location')]).toEqual([302, `${callback}?after=logout`])
    const tenantWide = await send(
      t,
      'GET',
      `/v2/logout?returnTo=${encodeURIComponent('https://app.example.com/')}`,
    )
    expect(tenantWide.headers.get('location')).toBe('https://app.example.com/')
    const logs = (await newLogs()).filter((l) => l['type'] === 'slo')
    expect(logs).toEqual([
      expect.objectContaining({ description: 'Success Logout', client_id: t.clients.web.clientId }),
      expect.objectContaining({ description: 'Success Logout' }),
    ])
  })

  it('honours federated (a federated logout is logged as one); refuses a URL that is not allowed', async () => {
    const r = await send(
      t,
      'GET',
      `/v2/logout?client_id=${t.clients.web.clientId}&returnTo=${encodeURIComponent('https://app.example.com/')}&federated`,
    )
    expect(r.status).toBe(302)
    expect((await newLogs()).at(-1)).toMatchObject({
      type: 'slo',
      description: 'Success Logout (federated)',
    })
    const evil = await send(
      t,
      'GET',
      `/v2/logout?client_id=${t.clients.web.clientId}&returnTo=${encodeURIComponent('https://evil.test/')}`,
    )
    expect([evil.status, evil.text]).toEqual([
      400,
      expect.stringContaining('not one of the Allowed Logout URLs'),
    ])
    expect((await send(t, 'GET', '/v2/logout?client_id=nobody')).status).toBe(400)
    const noReturn = await send(t, 'GET', '/v2/logout')
    expect([noReturn.status, noReturn.text]).toEqual([200, 'You are logged out.'])
  })
})

describe('GET /oidc/logout', () => {
  it('ends the session of the id_token_hint and redirects with state', async () => {
    const login = await passwordGrant(t, { scope: 'openid' })
    const idToken = String(login.body['id_token'])
    expect(t.authentication.sessions(SEEDED_USER_ID)).toEqual([claims(idToken)['sid']])
    const callback = t.clients.web.redirectUris[0] as string
    const query = new URLSearchParams({
      id_token_hint: idToken,
      post_logout_redirect_uri: callback,
      state: 's-1',
    })
    const r = await send(t, 'GET', `/oidc/logout?${query}`)
    expect([r.status, r.headers.get('location')]).toEqual([302, `${callback}?state=s-1`])
    expect(t.authentication.sessions(SEEDED_USER_ID)).toEqual([])
    expect((await newLogs()).at(-1)).toMatchObject({
      type: 'slo',
      user_id: SEEDED_USER_ID,
      client_id: t.clients.web.clientId,
    })
  })

  it('ends the session named by logout_hint with a client_id, and refuses what it cannot trust', async () => {
    const sid = String(
      claims((await passwordGrant(t, { scope: 'openid' })).body['id_token'])['sid'],
    )
    const ok = await send(
      t,
      'GET',
      `/oidc/logout?${new URLSearchParams({ client_id: t.clients.web.clientId, logout_hint: sid, federated: '' })}`,
    )
    expect([ok.status, ok.text]).toEqual([200, 'You are logged out.'])
    expect(t.authentication.sessions(SEEDED_USER_ID)).toEqual([])
    expect((await newLogs()).at(-1)).toMatchObject({ description: 'Success Logout (federated)' })
    const idToken = String((await passwordGrant(t, { scope: 'openid' })).body['id_token'])
    const cases: [Record<string, string>, RegExp][] = [
      [{ id_token_hint: 'not-a-token' }, /not a valid ID token/],
      [{ id_token_hint: idToken, client_id: t.clients.m2m.clientId }, /not the audience/],
      [
        { post_logout_redirect_uri: 'https://app.example.com/' },
        /needs an id_token_hint or a client_id/,
      ],
      [
        { id_token_hint: idToken, post_logout_redirect_uri: 'https://evil.test/' },
        /not one of the Allowed Logout URLs/,
      ],
    ]
    for (const [params, reason] of cases) {
      const r = await send(t, 'GET', `/oidc/logout?${new URLSearchParams(params)}`)
      expect([r.status, r.text]).toEqual([400, expect.stringMatching(reason)])
    }
    expect(t.authentication.sessions(SEEDED_USER_ID)).toHaveLength(1)
  })
})

describe('/authorize parameters', () => {
  const authorize = (params: Record<string, string>) =>
    send(
      t,
      'GET',
      `/authorize?${new URLSearchParams({
        response_type: 'code',
        client_id: t.clients.web.clientId,
        redirect_uri: t.clients.web.redirectUris[0] as string,
        scope: 'openid profile',
        ...params,
      })}`,
    )
  const withLogin = (params: Record<string, string>) =>
    authorize({ username: t.user.username, password: t.user.password, ...params })
  async function idTokenOf(location: string | null) {
    const code = new URL(String(location)).searchParams.get('code') as string
    const r = await send(t, 'POST', '/oauth/token', {
      json: {
        ...webClient(t),
        grant_type: 'authorization_code',
        code,
        redirect_uri: t.clients.web.redirectUris[0],
      },
    })
    return claims(r.body['id_token'])
  }

  it('organization: org_id and org_name in the ID token; acr_values echoed as acr; max_age accepted', async () => {
    const r = await withLogin({
      organization: 'mock-org',
      acr_values: 'http://schemas.openid.net/pape/policies/2007/06/multi-factor',
      max_age: '0',
    })
    expect(await idTokenOf(r.headers.get('location'))).toMatchObject({
      org_id: 'org_MockOrganization1',
      org_name: 'mock-org',
      acr: 'http://schemas.openid.net/pape/policies/2007/06/multi-factor',
      auth_time: expect.any(Number),
    })
    const bad = new URL(String((await withLogin({ max_age: 'soon' })).headers.get('location')))
    expect(bad.searchParams.get('error')).toBe('invalid_request')
  })

  it('invitation: needs its organization; accepting it makes the user a member', async () => {
    const alone = new URL(
      String((await withLogin({ invitation: 'inv_1' })).headers.get('location')),
    )
    expect([alone.searchParams.get('error'), alone.searchParams.get('error_description')]).toEqual([
      'invalid_request',
      'An invitation needs the organization it is for',
    ])
    const outsider = { username: 'Ken.Lovelace@example.com', password: 'mock-password-7' }
    const refused = new URL(
      String((await authorize({ ...outsider, organization: 'mock-org' })).headers.get('location')),
    )
    expect(refused.searchParams.get('error')).toBe('access_denied')
    const invited = await authorize({ ...outsider, organization: 'mock-org', invitation: 'inv_1' })
    expect((await idTokenOf(invited.headers.get('location')))['org_id']).toBe(
      'org_MockOrganization1',
    )
    const members = await send(
      t,
      'GET',
      '/api/v2/organizations/org_MockOrganization1/members?per_page=50',
      {
        headers: { authorization: `Bearer ${await t.managementToken()}` },
      },
    )
    expect(JSON.stringify(members.body)).toContain('auth0|65a000000000000000000007')
  })

  it('login_hint fills the login page; screen_hint=signup shows sign-up and creates the user', async () => {
    const page = await authorize({ login_hint: 'hint@example.com', screen_hint: 'signup' })
    expect(page.text).toContain('value="hint@example.com"')
    expect(page.text).toContain('Sign up to the mock tenant')
    expect(page.text).toContain('name="screen_hint" value="signup"')
    const form = new URLSearchParams({
      response_type: 'code',
      client_id: t.clients.web.clientId,
      redirect_uri: t.clients.web.redirectUris[0] as string,
      scope: 'openid email',
      screen_hint: 'signup',
      username: 'hint@example.com',
      password: 'a-new-password-1',
    })
    const r = await send(t, 'POST', '/authorize', { form: Object.fromEntries(form) })
    expect(r.status).toBe(302)
    expect(await idTokenOf(r.headers.get('location'))).toMatchObject({ email: 'hint@example.com' })
    const weak = await send(t, 'POST', '/authorize', {
      form: { ...Object.fromEntries(form), username: 'weak@example.com', password: 'short' },
    })
    expect([weak.status, weak.text]).toEqual([401, expect.stringContaining('Password is too weak')])
  })

  it('connection names the database the login happens in', async () => {
    const r = await withLogin({ connection: 'Amazon-Connection' })
    expect(new URL(String(r.headers.get('location'))).searchParams.get('error')).toBe(
      'access_denied',
    )
    expect(
      (await withLogin({ connection: 'Username-Password-Authentication' })).headers.get('location'),
    ).toMatch(/code=/)
  })
})
