// Dynamic client registration and global token revocation at the emulator over HTTP.
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey } from 'jose'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { RunningMockTenant } from '../src/index.js'
import {
  SEEDED_USER_ID,
  claims,
  passwordGrant,
  send,
  startTenant,
  webClient,
  type Clock,
} from './auth-http.js'

const IDP = 'https://idp.example.com/'
const CONNECTION = 'Username-Password-Authentication'

let t: RunningMockTenant
let clock: Clock
let idpKey: CryptoKey
beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true })
  idpKey = privateKey
  const jwk = { ...(await exportJWK(publicKey)), kid: 'idp-1' }
  ;({ t, clock } = await startTenant({
    authentication: { globalTokenRevocation: { [CONNECTION]: { issuer: IDP, keys: [jwk] } } },
  }))
})
beforeEach(() => t.reset())
afterAll(() => t.close())

describe('POST /oidc/register', () => {
  it('registers a confidential client (201, a secret that never expires) that can log users in', async () => {
    const r = await send(t, 'POST', '/oidc/register', {
      json: { client_name: 'Partner app', redirect_uris: ['https://partner.example.com/cb'] },
    })
    expect(r.status).toBe(201)
    expect(r.body).toEqual({
      client_id: expect.any(String),
      client_secret: expect.any(String),
      client_secret_expires_at: 0,
      client_name: 'Partner app',
      redirect_uris: ['https://partner.example.com/cb'],
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['authorization_code', 'implicit', 'refresh_token'],
    })
    const clientId = String(r.body['client_id'])
    // the Management API sees it, as a third-party client
    const listed = await send(t, 'GET', `/api/v2/clients/${clientId}`, {
      headers: { authorization: `Bearer ${await t.managementToken()}` },
    })
    expect(listed.body).toMatchObject({
      client_id: clientId,
      name: 'Partner app',
      is_first_party: false,
    })
    // and it logs a user in through /authorize with its redirect URI and its secret (client_secret_basic)
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: 'https://partner.example.com/cb',
      username: t.user.username,
      password: t.user.password,
      scope: 'openid',
    })
    const code = new URL(
      String((await send(t, 'GET', `/authorize?${query}`)).headers.get('location')),
    ).searchParams.get('code') as string
    const basic = Buffer.from(`${clientId}:${String(r.body['client_secret'])}`).toString('base64')
    const tokens = await send(t, 'POST', '/oauth/token', {
      form: {
        grant_type: 'authorization_code',
        code,
        redirect_uri: 'https://partner.example.com/cb',
      },
      headers: { authorization: `Basic ${basic}` },
    })
    expect(claims(tokens.body['id_token'])).toMatchObject({ aud: clientId, sub: SEEDED_USER_ID })
  })

  it('registers a public client without a secret', async () => {
    const r = await send(t, 'POST', '/oidc/register', {
      json: { redirect_uris: ['http://127.0.0.1:7777/cb'], token_endpoint_auth_method: 'none' },
    })
    expect(r.status).toBe(201)
    expect(r.body).not.toHaveProperty('client_secret')
    expect(r.body).toMatchObject({
      client_secret_expires_at: 0,
      token_endpoint_auth_method: 'none',
    })
  })

  it("refuses bad metadata with RFC 7591's error codes", async () => {
    const cases: [unknown, string, RegExp][] = [
      [{}, 'invalid_redirect_uri', /^redirect_uris: /],
      [{ redirect_uris: [] }, 'invalid_redirect_uri', /at least one/],
      [
        { redirect_uris: ['not a url'] },
        'invalid_redirect_uri',
        /^redirect_uris\.0: expected an absolute URL/,
      ],
      [
        { redirect_uris: ['https://a.test/'], token_endpoint_auth_method: 'private_key_jwt' },
        'invalid_client_metadata',
        /^token_endpoint_auth_method/,
      ],
      [
        { redirect_uris: ['https://a.test/'], client_name: 7 },
        'invalid_client_metadata',
        /^client_name/,
      ],
    ]
    for (const [json, error, description] of cases) {
      const r = await send(t, 'POST', '/oidc/register', { json })
      expect([r.status, r.body['error']]).toEqual([400, error])
      expect(r.body['error_description']).toMatch(description)
    }
  })

  it('answers 403 when the tenant disables registration (a tenant option), until reset', async () => {
    t.authentication.configure({ dynamicRegistration: false })
    const before = t.authentication.settings
    const r = await send(t, 'POST', '/oidc/register', {
      json: { redirect_uris: ['https://a.test/'] },
    })
    expect(r).toMatchObject({ status: 403, body: { error: 'access_denied' } })
    expect(before.dynamicRegistration).toBe(false)
    t.reset()
    expect(
      (await send(t, 'POST', '/oidc/register', { json: { redirect_uris: ['https://a.test/'] } }))
        .status,
    ).toBe(201)
    const closed = await startTenant({ authentication: { dynamicRegistration: false } })
    try {
      expect(
        (
          await send(closed.t, 'POST', '/oidc/register', {
            json: { redirect_uris: ['https://a.test/'] },
          })
        ).status,
      ).toBe(403)
    } finally {
      await closed.t.close()
    }
  })
})

describe('POST /oauth/global-token-revocation/connection/{connection_name}', () => {
  const logoutToken = (claimsOverride: Record<string, unknown> = {}, key: CryptoKey = idpKey) =>
    new SignJWT({ jti: crypto.randomUUID(), ...claimsOverride })
      .setProtectedHeader({ alg: 'ES256', kid: 'idp-1' })
      .setIssuer(String(claimsOverride['iss'] ?? IDP))
      .setAudience(t.issuer)
      .setIssuedAt(Math.floor(clock.now / 1000))
      .setExpirationTime(Math.floor(clock.now / 1000) + 300)
      .sign(key)

  const revoke = (token: string | undefined, subject: unknown, connection = CONNECTION) =>
    send(t, 'POST', `/oauth/global-token-revocation/connection/${encodeURIComponent(connection)}`, {
      json: { subject },
      headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    })

  const subject = { format: 'iss_sub', iss: IDP, sub: '65a000000000000000000000' }
  const refresh = (token: unknown) =>
    send(t, 'POST', '/oauth/token', {
      json: { ...webClient(t), grant_type: 'refresh_token', refresh_token: token },
    })

  it("ends the user's sessions and refresh tokens (204); other users keep theirs", async () => {
    const mine = await passwordGrant(t, { scope: 'openid offline_access' })
    const theirs = await passwordGrant(t, {
      scope: 'openid offline_access',
      username: 'alan.lovelace@example.com',
      password: 'mock-password-1',
    })
    expect(t.authentication.sessions(SEEDED_USER_ID)).toHaveLength(1)
    const r = await revoke(await logoutToken(), subject)
    expect([r.status, r.text]).toEqual([204, ''])
    expect(t.authentication.sessions(SEEDED_USER_ID)).toEqual([])
    expect(await refresh(mine.body['refresh_token'])).toMatchObject({
      status: 403,
      body: { error: 'invalid_grant' },
    })
    expect((await refresh(theirs.body['refresh_token'])).status).toBe(200)
    expect(t.authentication.sessions('alan.lovelace@example.com')).toHaveLength(1)
  })

  it('answers 401 with WWW-Authenticate for a token the connection cannot verify', async () => {
    const other = (await generateKeyPair('ES256')).privateKey
    const cases: [string, string | undefined, string][] = [
      ['no token', undefined, 'Missing authentication'],
      ['another key', await logoutToken({}, other), 'Invalid token'],
      ['another issuer', await logoutToken({ iss: 'https://evil.test/' }), 'Invalid token'],
      ['not a JWT', 'opaque', 'Invalid token'],
    ]
    for (const [name, token, description] of cases) {
      const r = await revoke(token, subject)
      expect([name, r.status, r.body['error'], r.body['error_description']]).toEqual([
        name,
        401,
        'invalid_token',
        description,
      ])
      expect(r.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/)
    }
    const unknown = await revoke(await logoutToken(), subject, 'Amazon-Connection')
    expect(unknown.status).toBe(401)
    const soonExpired = await logoutToken()
    clock.tick(301_000)
    expect((await revoke(soonExpired, subject)).status).toBe(401)
  })

  it('answers 400 for a subject that is not iss_sub of the token issuer, and 204 for an unknown user', async () => {
    const token = await logoutToken()
    expect(await revoke(token, { ...subject, format: 'email' })).toMatchObject({
      status: 400,
      body: {
        error: 'invalid_request',
        error_description: expect.stringMatching(/^subject\.format/),
      },
    })
    expect(
      await revoke(await logoutToken(), { ...subject, iss: 'https://other.test/' }),
    ).toMatchObject({
      status: 400,
      body: { error: 'invalid_request' },
    })
    const login = await passwordGrant(t, { scope: 'openid offline_access' })
    expect((await revoke(await logoutToken(), { ...subject, sub: 'nobody' })).status).toBe(204)
    expect((await refresh(login.body['refresh_token'])).status).toBe(200)
  })
})
