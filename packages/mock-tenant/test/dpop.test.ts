// DPoP (RFC 9449) at the emulator over HTTP: bound tokens, the proof checks, nonces, /userinfo, and bound tokens
// refused as Bearer.
import { SignJWT, calculateJwkThumbprint, exportJWK, generateKeyPair, generateSecret } from 'jose'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { RunningMockTenant } from '../src/index.js'
import {
  MOCK_API,
  SEEDED_USER_ID,
  claims,
  clientCredentials,
  dpopKey,
  passwordGrant,
  proof,
  rawJws,
  send,
  startTenant,
  type Clock,
  type DPoPKey,
  type Reply,
} from './auth-http.js'

let t: RunningMockTenant
let clock: Clock
let key: DPoPKey
beforeAll(async () => {
  ;({ t, clock } = await startTenant())
  key = await dpopKey()
})
beforeEach(() => t.reset())
afterAll(() => t.close())

describe('POST /oauth/token with a DPoP proof', () => {
  it('binds the access token to the proof key: token_type DPoP and cnf.jkt, the RFC 7638 thumbprint', async () => {
    const r = await clientCredentials(t, { dpop: await proof(t, clock, key) })
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ token_type: 'DPoP', expires_in: 86400 })
    expect(claims(r.body['access_token'])).toMatchObject({
      cnf: { jkt: await calculateJwkThumbprint(key.jwk, 'sha256') },
      aud: t.managementAudience,
    })
    expect(r.headers.get('dpop-nonce')).toBeNull()
  })

  it('issues a bearer token when no proof is sent', async () => {
    const r = await clientCredentials(t)
    expect(r.body).toMatchObject({ token_type: 'Bearer' })
    expect(claims(r.body['access_token'])).not.toHaveProperty('cnf')
  })

  it.each(['ES256', 'RS256', 'PS256', 'EdDSA'] as const)('accepts %s proofs', async (alg) => {
    const k = await dpopKey(alg)
    const r = await passwordGrant(t, { scope: 'openid' }, { dpop: await proof(t, clock, k) })
    expect(r.status).toBe(200)
    expect(r.body['token_type']).toBe('DPoP')
    expect(claims(r.body['access_token'])['cnf']).toEqual({ jkt: k.jkt })
  })

  it('refuses hostile proofs, each with 400 invalid_dpop_proof and its reason', async () => {
    const other = await dpopKey()
    const { privateKey: rsaPrivate, publicKey: rsaPublic } = await generateKeyPair('RS256', {
      extractable: true,
    })
    const privateJwk = await exportJWK(rsaPrivate)
    const nowS = Math.floor(clock.now / 1000)
    const base = { jti: 'j-1', htm: 'POST', htu: `${t.url}/oauth/token`, iat: nowS }
    const hmac = await new SignJWT(base)
      .setProtectedHeader({ alg: 'HS256', typ: 'dpop+jwt', jwk: key.jwk })
      .sign(await generateSecret('HS256'))
    const signedByOther = (await proof(t, clock, key)).split('.')
    const swapped = `${signedByOther[0]}.${signedByOther[1]}.${(await proof(t, clock, other)).split('.')[2]}`
    const cases: [string, string | string[], RegExp][] = [
      ['wrong typ', await proof(t, clock, key, { header: { typ: 'JWT' } }), /typ/],
      ['alg none', rawJws({ alg: 'none', typ: 'dpop+jwt', jwk: key.jwk }, base), /compact JWS/],
      [
        'alg none, signed',
        rawJws({ alg: 'none', typ: 'dpop+jwt', jwk: key.jwk }, base, 'AA'),
        /alg/,
      ],
      ['HMAC', hmac, /alg/],
      [
        'a private jwk',
        await new SignJWT(base)
          .setProtectedHeader({ alg: 'RS256', typ: 'dpop+jwt', jwk: privateJwk })
          .sign(rsaPrivate),
        /public key/,
      ],
      ['no jwk', await proof(t, clock, key, { header: { jwk: undefined } }), /jwk/],
      [
        'a jwk of another type',
        await new SignJWT(base)
          .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: await exportJWK(rsaPublic) })
          .sign(key.privateKey),
        /does not fit/,
      ],
      ['a bad signature', swapped, /signature/],
      ['htu with a query', await proof(t, clock, key, { htu: `${t.url}/oauth/token?x=1` }), /htu/],
      [
        'htu on another host',
        await proof(t, clock, key, { htu: 'http://evil.test/oauth/token' }),
        /htu/,
      ],
      ['another path', await proof(t, clock, key, { htu: `${t.url}/oauth/revoke` }), /htu/],
      ['wrong htm', await proof(t, clock, key, { method: 'GET' }), /htm/],
      ['a stale iat', await proof(t, clock, key, { iat: nowS - 301 }), /iat/],
      ['an iat in the future', await proof(t, clock, key, { iat: nowS + 61 }), /iat/],
      ['no jti', await proof(t, clock, key, { claims: { jti: undefined } }), /jti/],
      ['two DPoP headers', [await proof(t, clock, key), await proof(t, clock, key)], /one DPoP/],
      ['oversize', `${'a'.repeat(9000)}.b.c`, /too large/],
      ['not a JWS', 'not-a-jws', /compact JWS/],
      ['garbage header', 'e30x.e30.AA', /header/],
    ]
    for (const [name, dpop, reason] of cases) {
      const headers = new Headers()
      for (const value of Array.isArray(dpop) ? dpop : [dpop]) headers.append('dpop', value)
      const r = await send(t, 'POST', '/oauth/token', {
        json: {
          grant_type: 'client_credentials',
          client_id: t.clients.m2m.clientId,
          client_secret: t.clients.m2m.clientSecret,
          audience: t.managementAudience,
        },
        headers: Object.fromEntries(headers),
      })
      expect([name, r.status, r.body['error']]).toEqual([name, 400, 'invalid_dpop_proof'])
      expect([name, r.body['error_description']]).toEqual([name, expect.stringMatching(reason)])
    }
  })

  it('refuses a replayed jti, and accepts the same jti from another key', async () => {
    const first = await proof(t, clock, key, { jti: 'once' })
    expect((await clientCredentials(t, { dpop: first })).status).toBe(200)
    const replay = await clientCredentials(t, { dpop: first })
    expect(replay).toMatchObject({
      status: 400,
      body: {
        error: 'invalid_dpop_proof',
        error_description: 'The DPoP proof jti was already used',
      },
    })
    const other = await dpopKey()
    expect(
      (await clientCredentials(t, { dpop: await proof(t, clock, other, { jti: 'once' }) })).status,
    ).toBe(200)
  })

  it('binds an authorization code to dpop_jkt: only that key may exchange it', async () => {
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: t.clients.web.clientId,
      redirect_uri: t.clients.web.redirectUris[0] as string,
      username: t.user.username,
      password: t.user.password,
      dpop_jkt: key.jkt,
    })
    const code = async () =>
      new URL(
        String((await send(t, 'GET', `/authorize?${query}`)).headers.get('location')),
      ).searchParams.get('code') as string
    const exchange = async (k: DPoPKey, c: string) =>
      send(t, 'POST', '/oauth/token', {
        form: {
          grant_type: 'authorization_code',
          client_id: t.clients.web.clientId,
          client_secret: t.clients.web.clientSecret,
          code: c,
          redirect_uri: t.clients.web.redirectUris[0] as string,
        },
        headers: { dpop: await proof(t, clock, k) },
      })
    const wrong = await exchange(await dpopKey(), await code())
    expect(wrong).toMatchObject({ status: 400, body: { error: 'invalid_dpop_proof' } })
    const right = await exchange(key, await code())
    expect(right).toMatchObject({ status: 200, body: { token_type: 'DPoP' } })
  })

  it("binds a public client's refresh token to its key (RFC 9449 §5)", async () => {
    const registered = await send(t, 'POST', '/oidc/register', {
      json: {
        redirect_uris: ['http://127.0.0.1:7777/cb'],
        token_endpoint_auth_method: 'none',
        grant_types: ['http://auth0.com/oauth/grant-type/password-realm', 'refresh_token'],
      },
    })
    const clientId = String(registered.body['client_id'])
    const login = await send(t, 'POST', '/oauth/token', {
      form: {
        grant_type: 'http://auth0.com/oauth/grant-type/password-realm',
        client_id: clientId,
        username: t.user.username,
        password: t.user.password,
        realm: t.user.connection,
        scope: 'openid offline_access',
      },
      headers: { dpop: await proof(t, clock, key) },
    })
    expect(login.body).toMatchObject({ token_type: 'DPoP', refresh_token: expect.any(String) })
    const refresh = async (k: DPoPKey) =>
      send(t, 'POST', '/oauth/token', {
        form: {
          grant_type: 'refresh_token',
          client_id: clientId,
          refresh_token: String(login.body['refresh_token']),
        },
        headers: { dpop: await proof(t, clock, k) },
      })
    expect(await refresh(await dpopKey())).toMatchObject({
      status: 400,
      body: {
        error: 'invalid_dpop_proof',
        error_description: expect.stringMatching(/bound to another/),
      },
    })
    const ok = await refresh(key)
    expect(ok.status).toBe(200)
    expect(claims(ok.body['access_token'])['cnf']).toEqual({ jkt: key.jkt })
  })
})

describe('DPoP nonces (tenant option dpopNonce)', () => {
  it('answers 400 use_dpop_nonce with DPoP-Nonce, then accepts a proof with the nonce; the header is on every answer', async () => {
    t.authentication.configure({ dpopNonce: true })
    const first = await clientCredentials(t, { dpop: await proof(t, clock, key) })
    expect(first.status).toBe(400)
    expect(first.body).toMatchObject({ error: 'use_dpop_nonce' })
    const nonce = first.headers.get('dpop-nonce') as string
    expect(nonce).toBe(t.authentication.dpopNonce)
    const second = await clientCredentials(t, { dpop: await proof(t, clock, key, { nonce }) })
    expect(second.status).toBe(200)
    expect(second.body['token_type']).toBe('DPoP')
    expect(second.headers.get('dpop-nonce')).toBe(nonce)
    // other answers carry it too: an error of the grant, and a request without DPoP (which needs no nonce)
    const badGrant = await send(t, 'POST', '/oauth/token', {
      json: { grant_type: 'urn:nope' },
      headers: { dpop: await proof(t, clock, key, { nonce }) },
    })
    expect([badGrant.status, badGrant.headers.get('dpop-nonce')]).toEqual([400, nonce])
    const bearer = await clientCredentials(t)
    expect([bearer.status, bearer.body['token_type'], bearer.headers.get('dpop-nonce')]).toEqual([
      200,
      'Bearer',
      nonce,
    ])
    expect(first.headers.get('access-control-expose-headers')).toContain('dpop-nonce')
  })

  it('keeps the previous nonce for one rotation, then calls it stale', async () => {
    t.authentication.configure({ dpopNonce: true })
    const old = t.authentication.dpopNonce
    const current = t.authentication.rotateDPoPNonce()
    expect(current).not.toBe(old)
    expect(
      (await clientCredentials(t, { dpop: await proof(t, clock, key, { nonce: old }) })).status,
    ).toBe(200)
    t.authentication.rotateDPoPNonce()
    const stale = await clientCredentials(t, { dpop: await proof(t, clock, key, { nonce: old }) })
    expect(stale.body).toEqual({
      error: 'use_dpop_nonce',
      error_description: 'The DPoP proof nonce is stale',
    })
  })

  it('is off again after reset, and can be set as a tenant option', async () => {
    t.authentication.configure({ dpopNonce: true })
    t.reset()
    expect(t.authentication.settings.dpopNonce).toBe(false)
    expect((await clientCredentials(t, { dpop: await proof(t, clock, key) })).status).toBe(200)
    const strict = await startTenant({ authentication: { dpopNonce: true } })
    try {
      strict.t.reset()
      const r = await clientCredentials(strict.t, {
        dpop: await proof(strict.t, strict.clock, key),
      })
      expect([r.status, r.body['error']]).toEqual([400, 'use_dpop_nonce'])
    } finally {
      await strict.t.close()
    }
  })
})

describe('a bound token at /userinfo and at the Management API', () => {
  async function boundLogin(k = key) {
    const r = await passwordGrant(
      t,
      { scope: 'openid profile email' },
      { dpop: await proof(t, clock, k) },
    )
    expect(r.body['token_type']).toBe('DPoP')
    return String(r.body['access_token'])
  }
  const userinfo = (authorization: string, dpop?: string) =>
    send(t, 'GET', '/userinfo', {
      headers: { authorization, ...(dpop === undefined ? {} : { dpop }) },
    })
  const userinfoProof = (accessToken: string, extra: Parameters<typeof proof>[3] = {}) =>
    proof(t, clock, key, { method: 'GET', path: '/userinfo', accessToken, ...extra })

  it('answers a DPoP token with a proof that carries ath', async () => {
    const token = await boundLogin()
    const r = await userinfo(`DPoP ${token}`, await userinfoProof(token))
    expect(r).toMatchObject({ status: 200, body: { sub: SEEDED_USER_ID, email: t.user.username } })
  })

  it('refuses a missing proof, a wrong ath, another key and a bearer token under DPoP, naming why', async () => {
    const token = await boundLogin()
    const other = await dpopKey()
    const cases: [string, Promise<Reply>, RegExp][] = [
      ['no proof', userinfo(`DPoP ${token}`), /invalid_dpop_proof.*A DPoP proof is required/],
      [
        'wrong ath',
        userinfo(`DPoP ${token}`, await userinfoProof('another-token')),
        /invalid_dpop_proof.*ath/,
      ],
      [
        'no ath',
        userinfo(`DPoP ${token}`, await proof(t, clock, key, { method: 'GET', path: '/userinfo' })),
        /ath/,
      ],
      [
        'another key',
        userinfo(
          `DPoP ${token}`,
          await proof(t, clock, other, { method: 'GET', path: '/userinfo', accessToken: token }),
        ),
        /not the one the token is bound to/,
      ],
      [
        'POST proof for GET',
        userinfo(`DPoP ${token}`, await userinfoProof(token, { method: 'POST' })),
        /htm/,
      ],
    ]
    for (const [name, reply, reason] of cases) {
      const r = await reply
      expect([name, r.status, r.text]).toEqual([name, 401, 'Unauthorized'])
      expect([name, r.headers.get('www-authenticate')]).toEqual([
        name,
        expect.stringMatching(reason),
      ])
      expect(r.headers.get('www-authenticate')).toMatch(/^DPoP .*algs="ES256 RS256 PS256 EdDSA"/)
    }
    const bearerToken = String((await passwordGrant(t, { scope: 'openid' })).body['access_token'])
    const unbound = await userinfo(`DPoP ${bearerToken}`, await userinfoProof(bearerToken))
    expect([unbound.status, unbound.headers.get('www-authenticate')]).toEqual([
      401,
      expect.stringContaining('not DPoP-bound'),
    ])
  })

  it('refuses a bound token sent as Bearer, with a WWW-Authenticate that says so', async () => {
    const token = await boundLogin()
    const r = await userinfo(`Bearer ${token}`)
    expect(r.status).toBe(401)
    expect(r.headers.get('www-authenticate')).toBe(
      'DPoP error="invalid_token", error_description="DPoP-bound access token sent with the Bearer scheme", algs="ES256 RS256 PS256 EdDSA"',
    )
    // a bearer token without any proof is served as before
    const bearerToken = String((await passwordGrant(t, { scope: 'openid' })).body['access_token'])
    expect((await userinfo(`Bearer ${bearerToken}`)).status).toBe(200)
  })

  it('asks for the nonce at /userinfo: 401 use_dpop_nonce with DPoP-Nonce, then 200', async () => {
    const token = await boundLogin()
    t.authentication.configure({ dpopNonce: true })
    const first = await userinfo(`DPoP ${token}`, await userinfoProof(token))
    expect(first.status).toBe(401)
    expect(first.headers.get('www-authenticate')).toMatch(/^DPoP error="use_dpop_nonce"/)
    const nonce = first.headers.get('dpop-nonce') as string
    expect(nonce).toBe(t.authentication.dpopNonce)
    const second = await userinfo(`DPoP ${token}`, await userinfoProof(token, { nonce }))
    expect(second).toMatchObject({ status: 200, body: { sub: SEEDED_USER_ID } })
    expect(second.headers.get('dpop-nonce')).toBe(nonce)
  })

  it('the Management API refuses a bound token as Bearer (401 naming the reason); bearer tokens still work', async () => {
    const bound = String(
      (await clientCredentials(t, { dpop: await proof(t, clock, key) })).body['access_token'],
    )
    const r = await send(t, 'GET', '/api/v2/roles', {
      headers: { authorization: `Bearer ${bound}` },
    })
    expect(r.status).toBe(401)
    expect(r.body).toMatchObject({
      statusCode: 401,
      message: 'DPoP-bound access token sent with the Bearer scheme',
    })
    expect(r.headers.get('www-authenticate')).toContain(
      'DPoP-bound access token sent with the Bearer scheme',
    )
    const bearer = String((await clientCredentials(t)).body['access_token'])
    // a proof that comes with a bearer token is not asked for, and is ignored
    const ok = await send(t, 'GET', '/api/v2/roles', {
      headers: {
        authorization: `Bearer ${bearer}`,
        dpop: await proof(t, clock, key, { method: 'GET', path: '/api/v2/roles' }),
      },
    })
    expect(ok.status).toBe(200)
    expect(ok.headers.get('www-authenticate')).toBeNull()
  })

  it('binds tokens of a user API to the key too', async () => {
    const r = await passwordGrant(
      t,
      { scope: 'read:messages', audience: MOCK_API },
      { dpop: await proof(t, clock, key) },
    )
    expect(claims(r.body['access_token'])).toMatchObject({ aud: MOCK_API, cnf: { jkt: key.jkt } })
  })
})
