// Dynamic client registration and global token revocation against the tenant emulator over real HTTP.
import type { RunningMockTenant } from '@auth0-ts/mock-tenant'
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey } from 'jose'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { Auth0Error, ClientRegistration, GetToken, GlobalTokenRevocation } from '../src/index.js'
import { SEEDED_USER_ID, claims, recorder, startTenant, type Clock } from './emulator.js'

const IDP = 'https://idp.example.com/'
const CONNECTION = 'Username-Password-Authentication'

let t: RunningMockTenant
let clock: Clock
let idpKey: CryptoKey
beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true })
  idpKey = privateKey
  ;({ t, clock } = await startTenant({
    authentication: {
      globalTokenRevocation: { [CONNECTION]: { issuer: IDP, keys: [await exportJWK(publicKey)] } },
    },
  }))
})
beforeEach(() => t.reset())
afterAll(() => t.close())

describe('ClientRegistration.register', () => {
  it('registers a client (201) whose credentials then work', async () => {
    const wire = recorder()
    const registration = new ClientRegistration(t.domain, { protocol: 'http', fetch: wire.fetch })
    const redirectUri = 'https://partner.example.com/callback'
    const client = await registration.register([redirectUri], {
      clientName: 'Partner app',
      tokenEndpointAuthMethod: 'client_secret_post',
    })
    expect(wire.sent[0]).toMatchObject({
      method: 'POST',
      path: '/oidc/register',
      headers: { 'content-type': expect.stringContaining('application/json') },
      body: {
        client_name: 'Partner app',
        redirect_uris: [redirectUri],
        token_endpoint_auth_method: 'client_secret_post',
      },
      status: 201,
    })
    expect(wire.sent[0]?.headers).not.toHaveProperty('authorization')
    expect(client).toMatchObject({
      client_id: expect.any(String),
      client_secret: expect.any(String),
      client_secret_expires_at: 0,
      client_name: 'Partner app',
      redirect_uris: [redirectUri],
    })

    // the new client logs the user in (without PKCE) and exchanges the code with its own secret
    const authorize = new URLSearchParams({
      response_type: 'code',
      client_id: client.client_id,
      redirect_uri: redirectUri,
      scope: 'openid',
      username: t.user.username,
      password: t.user.password,
    })
    const location = (
      await fetch(`${t.url}/authorize?${authorize}`, { redirect: 'manual' })
    ).headers.get('location')
    const code = new URL(String(location)).searchParams.get('code') as string
    const tokens = await new GetToken(t.domain, client.client_id, {
      clientSecret: client.client_secret as string,
      protocol: 'http',
    }).authorizationCode(code, redirectUri)
    expect(claims(tokens.id_token)).toMatchObject({ aud: client.client_id, sub: SEEDED_USER_ID })
  })

  it('a public client gets no secret; a tenant without registration answers 403', async () => {
    const registration = new ClientRegistration(t.domain, { protocol: 'http' })
    const pub = await registration.register(['http://127.0.0.1:7777/cb'], {
      tokenEndpointAuthMethod: 'none',
    })
    expect(pub).not.toHaveProperty('client_secret')
    t.authentication.configure({ dynamicRegistration: false })
    const error = await registration.register(['https://a.example.com/cb']).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Auth0Error)
    expect([(error as Auth0Error).statusCode, (error as Auth0Error).errorCode]).toEqual([
      403,
      'access_denied',
    ])
  })
})

describe('GlobalTokenRevocation.revoke', () => {
  const idpToken = (key: CryptoKey = idpKey) =>
    new SignJWT({ jti: crypto.randomUUID() })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(IDP)
      .setAudience(t.issuer)
      .setIssuedAt(Math.floor(clock.now / 1000))
      .setExpirationTime(Math.floor(clock.now / 1000) + 300)
      .sign(key)

  it("ends the user's sessions and refresh tokens", async () => {
    const getToken = new GetToken(t.domain, t.clients.web.clientId, {
      clientSecret: t.clients.web.clientSecret,
      protocol: 'http',
      now: clock.read,
    })
    const login = await getToken.login(t.user.username, t.user.password, {
      realm: CONNECTION,
      scope: 'openid offline_access',
    })
    expect(t.authentication.sessions(SEEDED_USER_ID)).toHaveLength(1)

    const wire = recorder()
    const revocation = new GlobalTokenRevocation(t.domain, { protocol: 'http', fetch: wire.fetch })
    const token = await idpToken()
    const subject = { iss: IDP, sub: '65a000000000000000000000' }
    await expect(revocation.revoke(CONNECTION, subject, token)).resolves.toBeUndefined()
    expect(wire.sent[0]).toMatchObject({
      method: 'POST',
      path: `/oauth/global-token-revocation/connection/${encodeURIComponent(CONNECTION)}`,
      headers: { authorization: `Bearer ${token}` },
      body: { subject: { format: 'iss_sub', ...subject } },
      status: 204,
    })
    expect(t.authentication.sessions(SEEDED_USER_ID)).toEqual([])
    const refresh = await getToken
      .refreshToken(login.refresh_token as string)
      .catch((e: unknown) => e)
    expect((refresh as Auth0Error).errorCode).toBe('invalid_grant')
  })

  it('a token signed by another key is a 401, without the token in the error', async () => {
    const revocation = new GlobalTokenRevocation(t.domain, { protocol: 'http' })
    const forged = await idpToken((await generateKeyPair('ES256')).privateKey)
    const error = await revocation
      .revoke(CONNECTION, { iss: IDP, sub: '65a000000000000000000000' }, forged)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Auth0Error)
    expect([(error as Auth0Error).statusCode, (error as Auth0Error).errorCode]).toEqual([
      401,
      'invalid_token',
    ])
    expect(JSON.stringify(error)).not.toContain(forged)
  })
})
