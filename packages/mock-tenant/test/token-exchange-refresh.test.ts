// Custom token exchange (RFC 8693) and multi-resource refresh at the emulator over HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { RunningMockTenant } from '../src/index.js'
import {
  MOCK_API,
  SEEDED_USER_ID,
  claims,
  passwordGrant,
  send,
  startTenant,
  webClient,
} from './auth-http.js'

const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange'
const LEGACY = 'urn:acme:legacy-token'

let t: RunningMockTenant
beforeAll(async () => {
  ;({ t } = await startTenant({
    authentication: {
      tokenExchange: [
        { subjectTokenType: LEGACY },
        {
          subjectTokenType: 'urn:acme:session',
          resolveUser: (token) =>
            token.startsWith('session-of:') ? token.slice('session-of:'.length) : undefined,
        },
      ],
    },
  }))
})
beforeEach(() => t.reset())
afterAll(() => t.close())

const exchange = (body: Record<string, unknown>, form = false) => {
  const fields = { ...webClient(t), grant_type: TOKEN_EXCHANGE, ...body }
  return form
    ? send(t, 'POST', '/oauth/token', {
        form: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)])),
      })
    : send(t, 'POST', '/oauth/token', { json: fields })
}

describe('the token-exchange grant', () => {
  it('trades a subject token of a configured type for the tokens of the user it names', async () => {
    const r = await exchange({ subject_token: t.user.username, subject_token_type: LEGACY })
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({
      token_type: 'Bearer',
      issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      scope: 'openid',
    })
    expect(claims(r.body['id_token'])).toMatchObject({
      sub: SEEDED_USER_ID,
      aud: t.clients.web.clientId,
    })
  })

  it('honours audience, scope and organization (form body), with org_id and org_name in the tokens', async () => {
    const r = await exchange(
      {
        subject_token: 'session-of:auth0|65a000000000000000000001',
        subject_token_type: 'urn:acme:session',
        audience: MOCK_API,
        scope: 'openid read:messages offline_access',
        organization: 'mock-org',
      },
      true,
    )
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({
      scope: 'openid read:messages offline_access',
      refresh_token: expect.any(String),
    })
    expect(claims(r.body['access_token'])).toMatchObject({
      sub: 'auth0|65a000000000000000000001',
      aud: [MOCK_API, `${t.issuer}userinfo`],
      scope: 'openid read:messages offline_access',
      org_id: 'org_MockOrganization1',
    })
    expect(claims(r.body['id_token'])).toMatchObject({
      org_id: 'org_MockOrganization1',
      org_name: 'mock-org',
    })
  })

  it('refuses an unknown type, a token the profile refuses, a non-member organization and missing fields', async () => {
    expect(
      await exchange({ subject_token: t.user.username, subject_token_type: 'urn:other' }),
    ).toMatchObject({
      status: 400,
      body: { error: 'invalid_request', error_description: expect.stringContaining('urn:other') },
    })
    expect(
      await exchange({ subject_token: 'forged', subject_token_type: 'urn:acme:session' }),
    ).toMatchObject({
      status: 403,
      body: { error: 'invalid_grant' },
    })
    expect(
      await exchange({ subject_token: 'nobody@example.com', subject_token_type: LEGACY }),
    ).toMatchObject({
      status: 403,
      body: { error: 'invalid_grant' },
    })
    // user 10 is not one of the organization's six members
    const outsider = await exchange({
      subject_token: 'auth0|65a000000000000000000010',
      subject_token_type: LEGACY,
      organization: 'org_MockOrganization1',
    })
    expect(outsider).toMatchObject({ status: 403, body: { error: 'access_denied' } })
    expect(await exchange({ subject_token_type: LEGACY })).toMatchObject({
      status: 400,
      body: { error_description: 'Missing required parameter: subject_token' },
    })
    const noSecret = await send(t, 'POST', '/oauth/token', {
      json: {
        client_id: t.clients.web.clientId,
        grant_type: TOKEN_EXCHANGE,
        subject_token: 'x',
        subject_token_type: LEGACY,
      },
    })
    expect(noSecret.status).toBe(401)
  })

  it('configure() replaces the profiles until reset()', async () => {
    t.authentication.configure({ tokenExchange: [] })
    expect(
      (await exchange({ subject_token: t.user.username, subject_token_type: LEGACY })).status,
    ).toBe(400)
    t.reset()
    expect(
      (await exchange({ subject_token: t.user.username, subject_token_type: LEGACY })).status,
    ).toBe(200)
  })
})

describe('refresh_token with audience (multi-resource refresh)', () => {
  async function refreshToken(scope = 'openid profile offline_access') {
    const r = await passwordGrant(t, { scope })
    return String(r.body['refresh_token'])
  }
  const refresh = (token: string, extra: Record<string, string> = {}) =>
    send(t, 'POST', '/oauth/token', {
      form: { ...webClient(t), grant_type: 'refresh_token', refresh_token: token, ...extra },
    })

  it('mints an access token for another API with its scopes; the user scopes carry over', async () => {
    const token = await refreshToken()
    const r = await refresh(token, { audience: MOCK_API, scope: 'openid read:messages' })
    expect(r.status).toBe(200)
    expect(r.body['scope']).toBe('openid read:messages')
    expect(claims(r.body['access_token'])).toMatchObject({
      aud: [MOCK_API, `${t.issuer}userinfo`],
      scope: 'openid read:messages',
      sub: SEEDED_USER_ID,
    })
    const defaults = await refresh(token, { audience: MOCK_API })
    expect(claims(defaults.body['access_token'])).toMatchObject({
      scope: 'openid profile offline_access',
    })
    // without audience, the original API as before
    const same = await refresh(token)
    expect(claims(same.body['access_token'])['aud']).toBe(`${t.issuer}userinfo`)
  })

  it('refuses a scope the other API does not define, and an API that does not exist', async () => {
    const token = await refreshToken()
    expect(await refresh(token, { audience: MOCK_API, scope: 'delete:everything' })).toMatchObject({
      status: 403,
      body: {
        error: 'access_denied',
        error_description: expect.stringContaining('delete:everything'),
      },
    })
    expect(await refresh(token, { audience: 'https://unknown.test/' })).toMatchObject({
      status: 403,
      body: {
        error: 'access_denied',
        error_description: 'Service not found: https://unknown.test/',
      },
    })
  })

  it('keeps the session id of the login across refreshes', async () => {
    const login = await passwordGrant(t, { scope: 'openid offline_access' })
    const sid = claims(login.body['id_token'])['sid']
    const again = await refresh(String(login.body['refresh_token']), { audience: MOCK_API })
    expect(claims(again.body['id_token'])['sid']).toBe(sid)
    expect(t.authentication.sessions(SEEDED_USER_ID)).toEqual([sid])
  })
})
