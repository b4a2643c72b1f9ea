// Token exchange, multi-resource refresh, the authorize URL's organization parameters and the logout URLs against the
// tenant emulator over real HTTP.
import type { RunningMockTenant } from '@auth0-ts/mock-tenant'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  Auth0Error,
  GetToken,
  buildAuthorizeUrl,
  buildLogoutUrl,
  buildOidcLogoutUrl,
  createTokenProvider,
} from '../src/index.js'
import { MOCK_API, SEEDED_USER_ID, claims, recorder, startTenant, type Clock } from './emulator.js'

const LEGACY = 'urn:acme:legacy-token'
/** The legacy system's tokens, and whose they are. */
const LEGACY_TOKENS = new Map([['legacy-7f3a', 'auth0|65a000000000000000000001']])

let t: RunningMockTenant
let clock: Clock
beforeAll(async () => {
  ;({ t, clock } = await startTenant({
    authentication: {
      tokenExchange: [
        { subjectTokenType: LEGACY, resolveUser: (token) => LEGACY_TOKENS.get(token) },
      ],
    },
  }))
})
beforeEach(() => t.reset())
afterAll(() => t.close())

function webGetToken() {
  const wire = recorder()
  const getToken = new GetToken(t.domain, t.clients.web.clientId, {
    clientSecret: t.clients.web.clientSecret,
    protocol: 'http',
    fetch: wire.fetch,
    now: clock.read,
  })
  return { wire, getToken }
}

describe('GetToken.tokenExchange (RFC 8693)', () => {
  it('trades a token of a configured subject_token_type for the tokens of its user', async () => {
    const { wire, getToken } = webGetToken()
    const tokens = await getToken.tokenExchange('legacy-7f3a', LEGACY, {
      audience: MOCK_API,
      scope: 'openid read:messages',
      organization: 'mock-org',
    })
    expect(wire.sent.at(-1)).toMatchObject({
      method: 'POST',
      path: '/oauth/token',
      body: {
        grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
        client_id: t.clients.web.clientId,
        client_secret: t.clients.web.clientSecret,
        subject_token: 'legacy-7f3a',
        subject_token_type: LEGACY,
        audience: MOCK_API,
        scope: 'openid read:messages',
        organization: 'mock-org',
      },
      status: 200,
    })
    expect(tokens).toMatchObject({
      token_type: 'Bearer',
      issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
    })
    expect(claims(tokens.access_token)).toMatchObject({
      sub: 'auth0|65a000000000000000000001',
      aud: [MOCK_API, `${t.issuer}userinfo`],
      scope: 'openid read:messages',
      org_id: 'org_MockOrganization1',
    })
    expect(claims(tokens.id_token)).toMatchObject({ org_name: 'mock-org' })
  })

  it('surfaces a refused subject token as invalid_grant, without the token in the error', async () => {
    const { getToken } = webGetToken()
    const error = await getToken.tokenExchange('legacy-unknown', LEGACY).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Auth0Error)
    expect([(error as Auth0Error).statusCode, (error as Auth0Error).errorCode]).toEqual([
      403,
      'invalid_grant',
    ])
    expect(JSON.stringify(error)).not.toContain('legacy-unknown')
    const unknownType = await getToken.tokenExchange('x', 'urn:other').catch((e: unknown) => e)
    expect((unknownType as Auth0Error).errorCode).toBe('invalid_request')
  })
})

describe('multi-resource refresh', () => {
  it('refreshes for another API with refreshToken(..., { audience, scope })', async () => {
    const { wire, getToken } = webGetToken()
    const login = await getToken.login(t.user.username, t.user.password, {
      realm: t.user.connection,
      scope: 'openid offline_access',
    })
    const refreshed = await getToken.refreshToken(login.refresh_token as string, {
      audience: MOCK_API,
      scope: 'openid read:messages',
    })
    expect(wire.sent.at(-1)?.body).toMatchObject({
      grant_type: 'refresh_token',
      refresh_token: login.refresh_token,
      audience: MOCK_API,
      scope: 'openid read:messages',
    })
    expect(claims(refreshed.access_token)).toMatchObject({
      sub: SEEDED_USER_ID,
      aud: [MOCK_API, `${t.issuer}userinfo`],
      scope: 'openid read:messages',
    })
    const other = await getToken
      .refreshToken(login.refresh_token as string, { audience: 'https://unknown.test/' })
      .catch((e: unknown) => e)
    expect((other as Auth0Error).errorCode).toBe('access_denied')
  })

  it('the token provider holds one client-credentials token per audience', async () => {
    const wire = recorder()
    const provider = createTokenProvider({
      domain: t.domain,
      clientId: t.clients.m2m.clientId,
      clientSecret: t.clients.m2m.clientSecret,
      protocol: 'http',
      fetch: wire.fetch,
      now: clock.read,
      audience: t.managementAudience,
    })
    const api = provider.forAudience(MOCK_API)
    const [management, mine] = await Promise.all([provider.getToken(), api.getToken()])
    expect(await api.getToken()).toBe(mine)
    expect(wire.sent.map((s) => s.body['audience']).sort()).toEqual(
      [MOCK_API, t.managementAudience].sort(),
    )
    expect(claims(management)['aud']).toBe(t.managementAudience)
    expect(claims(mine)).toMatchObject({ aud: MOCK_API, scope: 'read:messages write:messages' })
  })
})

describe('organizations and logout', () => {
  it('an authorize URL with organization gives an ID token with org_id and org_name', async () => {
    const redirectUri = t.clients.web.redirectUris[0] as string
    const { url, codeVerifier, nonce } = await buildAuthorizeUrl({
      domain: t.domain,
      clientId: t.clients.web.clientId,
      redirectUri,
      protocol: 'http',
      organization: 'org_MockOrganization1',
      loginHint: t.user.username,
      acrValues: 'http://schemas.openid.net/pape/policies/2007/06/multi-factor',
      maxAge: 0,
      // the emulator logs in directly with credentials in the request, instead of showing its form
      params: { username: t.user.username, password: t.user.password },
    })
    const sent = new URL(url)
    expect(Object.fromEntries(sent.searchParams)).toMatchObject({
      organization: 'org_MockOrganization1',
      login_hint: t.user.username,
      max_age: '0',
    })
    const redirect = await fetch(url, { redirect: 'manual' })
    const code = new URL(String(redirect.headers.get('location'))).searchParams.get(
      'code',
    ) as string
    const tokens = await webGetToken().getToken.authorizationCodePkce(
      codeVerifier as string,
      code,
      redirectUri,
    )
    expect(claims(tokens.id_token)).toMatchObject({
      nonce,
      org_id: 'org_MockOrganization1',
      org_name: 'mock-org',
      acr: 'http://schemas.openid.net/pape/policies/2007/06/multi-factor',
    })
  })

  it('the logout URLs redirect to an allowed URL, with state for /oidc/logout', async () => {
    const returnTo = t.clients.web.redirectUris[0] as string
    const v2 = buildLogoutUrl({
      domain: t.domain,
      protocol: 'http',
      clientId: t.clients.web.clientId,
      returnTo,
      federated: true,
    })
    expect(new URL(v2).search).toContain('federated')
    const first = await fetch(v2, { redirect: 'manual' })
    expect([first.status, first.headers.get('location')]).toEqual([302, returnTo])

    const login = await webGetToken().getToken.login(t.user.username, t.user.password, {
      realm: t.user.connection,
      scope: 'openid',
    })
    expect(t.authentication.sessions(SEEDED_USER_ID)).toHaveLength(1)
    const oidc = buildOidcLogoutUrl({
      domain: t.domain,
      protocol: 'http',
      idTokenHint: login.id_token,
      postLogoutRedirectUri: returnTo,
      state: 'after-logout',
    })
    const second = await fetch(oidc, { redirect: 'manual' })
    expect([second.status, second.headers.get('location')]).toEqual([
      302,
      `${returnTo}?state=after-logout`,
    ])
    expect(t.authentication.sessions(SEEDED_USER_ID)).toEqual([])
  })
})
