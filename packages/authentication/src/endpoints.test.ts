// The Authentication API operations beyond auth0-python's: each on the wire, request then result.
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { BASE, bodyOf, DOMAIN, tokenResponse, useServer } from './test-utils/msw.js'
import {
  buildLogoutUrl,
  buildOidcLogoutUrl,
  ClientRegistration,
  GetToken,
  GlobalTokenRevocation,
  isAuth0Error,
  isOptionsError,
} from './index.js'

const server = useServer()
const OPTIONS = { clientSecret: 'client-secret-value' }

function tokenEndpoint(): Record<string, unknown>[] {
  const bodies: Record<string, unknown>[] = []
  server.use(
    http.post(`${BASE}/oauth/token`, async ({ request }) => {
      bodies.push(await bodyOf(request))
      return HttpResponse.json(tokenResponse())
    }),
  )
  return bodies
}

describe('GetToken.tokenExchange (custom token exchange, RFC 8693)', () => {
  it('sends the subject token, its type, audience, scope and organization, with client authentication', async () => {
    const bodies = tokenEndpoint()
    const tokens = await new GetToken(DOMAIN, 'CID', OPTIONS).tokenExchange(
      'external-token-1',
      'urn:acme:legacy-token',
      {
        audience: 'https://api.example.com/',
        scope: 'openid read:orders',
        organization: 'org_123',
      },
    )
    expect(bodies).toEqual([
      {
        client_id: 'CID',
        grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
        subject_token: 'external-token-1',
        subject_token_type: 'urn:acme:legacy-token',
        audience: 'https://api.example.com/',
        scope: 'openid read:orders',
        organization: 'org_123',
        client_secret: 'client-secret-value',
      },
    ])
    expect(tokens).toEqual(tokenResponse())
  })

  it('leaves out empty options and never echoes the subject token', async () => {
    const bodies = tokenEndpoint()
    await new GetToken(DOMAIN, 'CID').tokenExchange('external-token-1', 'urn:acme:legacy-token', {
      audience: '',
      scope: '',
      organization: '',
    })
    expect(Object.keys(bodies[0] ?? {}).sort()).toEqual([
      'client_id',
      'grant_type',
      'subject_token',
      'subject_token_type',
    ])
    server.use(
      http.post(`${BASE}/oauth/token`, async ({ request }) =>
        HttpResponse.json(
          { error: 'invalid_request', error_description: await request.text() },
          { status: 400 },
        ),
      ),
    )
    const error = await new GetToken(DOMAIN, 'CID')
      .tokenExchange('external-token-1', 'urn:acme:legacy-token')
      .catch((e: unknown) => e)
    expect(isAuth0Error(error) && error.errorCode).toBe('invalid_request')
    expect(String(error)).not.toContain('external-token-1')
  })
})

describe('GetToken.refreshToken for several APIs (multi-resource refresh tokens)', () => {
  it('sends audience and scope, and leaves out an empty audience', async () => {
    const bodies = tokenEndpoint()
    const getToken = new GetToken(DOMAIN, 'CID', OPTIONS)
    await getToken.refreshToken('refresh-1', {
      audience: 'https://orders.example.com/',
      scope: 'read:orders',
    })
    await getToken.refreshToken('refresh-1', { audience: '' })
    expect(bodies).toEqual([
      {
        client_id: 'CID',
        refresh_token: 'refresh-1',
        scope: 'read:orders',
        grant_type: 'refresh_token',
        audience: 'https://orders.example.com/',
        client_secret: 'client-secret-value',
      },
      {
        client_id: 'CID',
        refresh_token: 'refresh-1',
        scope: '',
        grant_type: 'refresh_token',
        client_secret: 'client-secret-value',
      },
    ])
  })
})

describe('ClientRegistration (/oidc/register)', () => {
  it('POSTs the redirect URIs, name, auth method and extra metadata, and returns the client', async () => {
    const registered = {
      client_id: 'new-client',
      client_secret: 'new-secret',
      client_name: 'My CLI',
      redirect_uris: ['http://127.0.0.1:8080/cb'],
      client_secret_expires_at: 0,
    }
    const seen: { headers: [string, string][]; body: Record<string, unknown> }[] = []
    server.use(
      http.post(`${BASE}/oidc/register`, async ({ request }) => {
        seen.push({ headers: [...request.headers], body: await bodyOf(request) })
        return HttpResponse.json(registered, { status: 201 })
      }),
    )
    const client = await new ClientRegistration(DOMAIN).register(['http://127.0.0.1:8080/cb'], {
      clientName: 'My CLI',
      tokenEndpointAuthMethod: 'client_secret_post',
      logo_uri: 'https://example.com/logo.png',
    })
    expect(seen[0]?.body).toEqual({
      logo_uri: 'https://example.com/logo.png',
      client_name: 'My CLI',
      redirect_uris: ['http://127.0.0.1:8080/cb'],
      token_endpoint_auth_method: 'client_secret_post',
    })
    expect(seen[0]?.headers.map(([k]) => k)).not.toContain('authorization')
    expect(client).toEqual(registered)
  })

  it('checks the redirect URIs before sending, and reports a refusal as an Auth0Error', async () => {
    const registration = new ClientRegistration(DOMAIN)
    const early = await registration.register([]).catch((e: unknown) => e)
    expect(isOptionsError(early) && early.problems).toEqual([
      'redirectUris: expected a non-empty array of non-empty strings',
    ])
    server.use(
      http.post(`${BASE}/oidc/register`, () =>
        HttpResponse.json(
          { error: 'insufficient_scope', error_description: 'Dynamic registration is disabled' },
          { status: 403 },
        ),
      ),
    )
    const error = await registration.register(['https://app/cb']).catch((e: unknown) => e)
    expect(isAuth0Error(error) && [error.statusCode, error.errorCode]).toEqual([
      403,
      'insufficient_scope',
    ])
  })
})

describe('GlobalTokenRevocation', () => {
  it('POSTs the iss_sub subject to the encoded connection, with the bearer token, and resolves to nothing', async () => {
    const seen: { path: string; authorization: string | null; body: Record<string, unknown> }[] = []
    server.use(
      http.post(`${BASE}/oauth/global-token-revocation/connection/:name`, async ({ request }) => {
        seen.push({
          path: new URL(request.url).pathname,
          authorization: request.headers.get('authorization'),
          body: await bodyOf(request),
        })
        return new HttpResponse(null, { status: 204 })
      }),
    )
    await expect(
      new GlobalTokenRevocation(DOMAIN).revoke(
        'okta workforce',
        { iss: 'https://acme.okta.com', sub: '00u1' },
        'signed-jwt-1',
      ),
    ).resolves.toBeUndefined()
    expect(seen).toEqual([
      {
        path: '/oauth/global-token-revocation/connection/okta%20workforce',
        authorization: 'Bearer signed-jwt-1',
        body: { subject: { format: 'iss_sub', iss: 'https://acme.okta.com', sub: '00u1' } },
      },
    ])
  })

  it('checks every required value before sending', async () => {
    const error = await new GlobalTokenRevocation(DOMAIN)
      .revoke('', { iss: '', sub: 'x' }, '')
      .catch((e: unknown) => e)
    expect(isOptionsError(error) && error.problems).toEqual([
      'connectionName: expected a non-empty string',
      'subject.iss: expected a non-empty string',
      'accessToken: expected a non-empty string',
    ])
  })
})

describe('logout URL builders', () => {
  it('buildLogoutUrl: /v2/logout with client_id, returnTo and the federated flag', () => {
    const url = buildLogoutUrl({
      domain: DOMAIN,
      clientId: 'CID',
      returnTo: 'https://app.example.com/bye?x=1',
      federated: true,
    })
    expect(url).toBe(
      `${BASE}/v2/logout?client_id=CID&returnTo=https%3A%2F%2Fapp.example.com%2Fbye%3Fx%3D1&federated`,
    )
    const parsed = new URL(url)
    expect(parsed.searchParams.get('returnTo')).toBe('https://app.example.com/bye?x=1')
    expect(parsed.searchParams.has('federated')).toBe(true)
    expect(buildLogoutUrl({ domain: DOMAIN })).toBe(`${BASE}/v2/logout`)
    expect(buildLogoutUrl({ domain: 'localhost:3000', protocol: 'http', returnTo: '' })).toBe(
      'http://localhost:3000/v2/logout',
    )
  })

  it('buildOidcLogoutUrl: /oidc/logout with the RP-Initiated Logout parameters, empty ones left out', () => {
    const url = new URL(
      buildOidcLogoutUrl({
        domain: DOMAIN,
        idTokenHint: 'id.token.value',
        postLogoutRedirectUri: 'https://app.example.com/',
        state: 's1',
        clientId: 'CID',
        logoutHint: 'sid-1',
        uiLocales: 'fr-CA fr',
        federated: false,
      }),
    )
    expect(url.origin + url.pathname).toBe(`${BASE}/oidc/logout`)
    expect([...url.searchParams]).toEqual([
      ['id_token_hint', 'id.token.value'],
      ['post_logout_redirect_uri', 'https://app.example.com/'],
      ['state', 's1'],
      ['client_id', 'CID'],
      ['logout_hint', 'sid-1'],
      ['ui_locales', 'fr-CA fr'],
    ])
    expect(buildOidcLogoutUrl({ domain: DOMAIN, state: '', federated: true })).toBe(
      `${BASE}/oidc/logout?federated`,
    )
  })

  it('are pure: nothing is sent, and bad options throw one OptionsError listing each', () => {
    // msw fails any request: none is made
    expect(() =>
      buildLogoutUrl({ domain: 'https://x', federated: 'yes', color: 1 } as never),
    ).toThrow(
      /Invalid logout URL options:\n {2}- color: unknown option\n {2}- federated: expected a boolean\n {2}- domain: expected a host name/,
    )
    expect(() => buildOidcLogoutUrl({ domain: DOMAIN, uiLocales: 3 } as never)).toThrow(
      /uiLocales: expected a string/,
    )
  })
})
