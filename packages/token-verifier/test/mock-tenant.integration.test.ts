// End to end over real HTTP: the mock tenant (127.0.0.1, port 0) issues tokens; we fetch its JWKS and verify them.
import { startMockTenant, type RunningMockTenant } from '@auth0-ts/mock-tenant'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENTRIES } from '../src/test-utils/index.js'

let tenant: RunningMockTenant
beforeAll(async () => {
  tenant = await startMockTenant({ port: 0 })
})
afterAll(() => tenant.close())

const MOCK_API = 'https://api.mock.test/'

async function passwordRealmLogin(
  extra: Record<string, string> = {},
): Promise<{ id_token: string; access_token: string }> {
  const { clientId, clientSecret } = tenant.clients.web
  const response = await fetch(`${tenant.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'http://auth0.com/oauth/grant-type/password-realm',
      client_id: clientId,
      client_secret: clientSecret,
      username: tenant.user.username,
      password: tenant.user.password,
      realm: tenant.user.connection,
      scope: 'openid profile email',
      ...extra,
    }),
  })
  expect(response.status).toBe(200)
  return (await response.json()) as { id_token: string; access_token: string }
}

describe.each(ENTRIES)('against the mock tenant (%s entry)', (_name, entry) => {
  const { AsymmetricSignatureVerifier, TokenVerifier, AccessTokenVerifier } = entry

  it('verifies the ID token of a password-realm login with the tenant JWKS', async () => {
    const { id_token: idToken } = await passwordRealmLogin()
    const sv = new AsymmetricSignatureVerifier(`${tenant.url}/.well-known/jwks.json`)
    const tv = new TokenVerifier({
      signatureVerifier: sv,
      issuer: tenant.issuer,
      audience: tenant.clients.web.clientId,
    })
    const claims = await tv.verify(idToken, { maxAge: 60 })
    expect(claims).toMatchObject({
      iss: tenant.issuer,
      aud: tenant.clients.web.clientId,
      email: tenant.user.username,
    })
    expect(claims.sub).toMatch(/^auth0\|/)

    const other = new TokenVerifier({
      signatureVerifier: sv,
      issuer: tenant.issuer,
      audience: 'another-client',
    })
    await expect(other.verify(idToken)).rejects.toMatchObject({ code: 'aud_mismatch' })
  })

  it('verifies the access token for the API audience', async () => {
    const { access_token: accessToken } = await passwordRealmLogin({
      audience: MOCK_API,
      scope: 'openid read:messages',
    })
    const atv = new AccessTokenVerifier({
      issuer: tenant.issuer,
      audience: MOCK_API,
      jwksUrl: `${tenant.url}/.well-known/jwks.json`,
    })
    await expect(
      atv.verify(accessToken, { requiredScopes: 'read:messages' }),
    ).resolves.toMatchObject({ iss: tenant.issuer })
    await expect(
      atv.verify(accessToken, { requiredScopes: 'write:messages' }),
    ).rejects.toMatchObject({ code: 'scope_insufficient' })
  })
})
