import { createHash } from 'node:crypto'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { BASE, bodyOf, DOMAIN, tokenResponse, useServer } from './test-utils/msw.js'
import { buildAuthorizeUrl, codeChallengeS256, generateCodeVerifier, GetToken } from './index.js'

const server = useServer()
const sha256url = (s: string) => createHash('sha256').update(s).digest('base64url')
const redirectUri = 'https://app.example.com/callback'

describe('PKCE', () => {
  it('generates 43-character base64url verifiers, each different', () => {
    const verifiers = Array.from({ length: 50 }, generateCodeVerifier)
    for (const v of verifiers) expect(v).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(new Set(verifiers).size).toBe(50)
  })

  it('derives the S256 challenge as base64url(sha256(verifier))', async () => {
    for (const verifier of [generateCodeVerifier(), 'a'.repeat(128), 'A-._~'.repeat(9)]) {
      await expect(codeChallengeS256(verifier)).resolves.toBe(sha256url(verifier))
    }
  })
})

describe('buildAuthorizeUrl', () => {
  it('builds the /authorize URL with challenge, state and nonce, and keeps the verifier out of it', async () => {
    const result = await buildAuthorizeUrl({
      domain: DOMAIN,
      clientId: 'CID',
      redirectUri,
      audience: 'https://api.example.com/',
    })
    const url = new URL(result.url)
    expect(url.origin + url.pathname).toBe(`${BASE}/authorize`)
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'CID',
      redirect_uri: redirectUri,
      scope: 'openid profile email',
      audience: 'https://api.example.com/',
      state: result.state,
      nonce: result.nonce,
      code_challenge: sha256url(result.codeVerifier),
      code_challenge_method: 'S256',
    })
    expect(result.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(result.state).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(result.nonce).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(result.url).not.toContain(result.codeVerifier)
  })

  it('sends the organization, invitation and login parameters, leaving out empty ones', async () => {
    const result = await buildAuthorizeUrl({
      domain: DOMAIN,
      clientId: 'CID',
      redirectUri,
      organization: 'org_123',
      invitation: 'inv-1',
      connection: 'Username-Password-Authentication',
      screenHint: 'signup',
      loginHint: 'ana@example.com',
      acrValues: 'http://schemas.openid.net/pape/policies/2007/06/multi-factor',
      maxAge: 3600,
      dpopJkt: '0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I',
      audience: '',
      prompt: '',
    })
    const query = Object.fromEntries(new URL(result.url).searchParams)
    expect(query).toMatchObject({
      organization: 'org_123',
      invitation: 'inv-1',
      connection: 'Username-Password-Authentication',
      screen_hint: 'signup',
      login_hint: 'ana@example.com',
      acr_values: 'http://schemas.openid.net/pape/policies/2007/06/multi-factor',
      max_age: '3600',
      dpop_jkt: '0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I',
    })
    expect(query).not.toHaveProperty('audience')
    expect(query).not.toHaveProperty('prompt')
  })

  it('rejects a max_age that is not a whole number of seconds', async () => {
    await expect(
      buildAuthorizeUrl({ domain: DOMAIN, clientId: 'CID', redirectUri, maxAge: 1.5 }),
    ).rejects.toThrow(/maxAge: expected an integer number of seconds >= 0/)
  })

  it('takes your own values, extra parameters and http for a local tenant', async () => {
    const codeVerifier = 'v'.repeat(64)
    const result = await buildAuthorizeUrl({
      domain: 'localhost:4000',
      protocol: 'http',
      clientId: 'CID',
      redirectUri,
      scope: 'openid',
      state: 'my-state',
      nonce: 'my-nonce',
      codeVerifier,
      organization: 'org_1',
      prompt: 'login',
      params: { ui_locales: 'fr' },
    })
    const url = new URL(result.url)
    expect(url.origin).toBe('http://localhost:4000')
    expect(url.searchParams.get('code_challenge')).toBe(sha256url(codeVerifier))
    expect([...url.searchParams.keys()].sort()).toEqual(
      [
        'client_id',
        'code_challenge',
        'code_challenge_method',
        'nonce',
        'organization',
        'prompt',
        'redirect_uri',
        'response_type',
        'scope',
        'state',
        'ui_locales',
      ].sort(),
    )
    expect(result).toMatchObject({ codeVerifier, state: 'my-state', nonce: 'my-nonce' })
  })

  it('rejects a bad verifier, domain or missing client id', async () => {
    await expect(
      buildAuthorizeUrl({ domain: DOMAIN, clientId: '', redirectUri, codeVerifier: 'short' }),
    ).rejects.toThrow(
      'Invalid authorize URL options:\n  - clientId: expected a non-empty string\n  - codeVerifier: expected 43 to 128 characters of A-Z a-z 0-9 - . _ ~',
    )
    await expect(
      buildAuthorizeUrl({ domain: `https://${DOMAIN}`, clientId: 'CID', redirectUri }),
    ).rejects.toThrow(/domain: expected a host name/)
  })

  it('pairs with GetToken.authorizationCodePkce: the verifier sent matches the challenge in the URL', async () => {
    const { url, codeVerifier } = await buildAuthorizeUrl({
      domain: DOMAIN,
      clientId: 'CID',
      redirectUri,
    })
    let sent: Record<string, unknown> = {}
    server.use(
      http.post(`${BASE}/oauth/token`, async ({ request }) => {
        sent = await bodyOf(request)
        return HttpResponse.json(tokenResponse())
      }),
    )
    await new GetToken(DOMAIN, 'CID').authorizationCodePkce(
      codeVerifier,
      'code-from-callback',
      redirectUri,
    )
    expect(sha256url(sent['code_verifier'] as string)).toBe(
      new URL(url).searchParams.get('code_challenge'),
    )
    expect(sent).toEqual({
      client_id: 'CID',
      code_verifier: codeVerifier,
      code: 'code-from-callback',
      grant_type: 'authorization_code',
      redirect_uri: redirectUri,
    })
  })
})
