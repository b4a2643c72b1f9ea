import { createHash, randomUUID } from 'node:crypto'
import {
  SignJWT,
  createLocalJWKSet,
  decodeJwt,
  generateKeyPair,
  importPKCS8,
  jwtVerify,
  type JSONWebKeySet,
} from 'jose'
import { beforeEach, describe, expect, it } from 'vitest'
import { createMockTenant, type MockTenant } from '../tenant.js'
import { arr, call, obj } from '../test-utils/index.js'

const PASSWORD_REALM = 'http://auth0.com/oauth/grant-type/password-realm'
const OTP = 'http://auth0.com/oauth/grant-type/passwordless/otp'
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'

// one tenant for the file (key generation is the slow part); reset between tests
const tenant: MockTenant = createMockTenant({ baseUrl: 'http://127.0.0.1:4010' })
beforeEach(() => tenant.reset())

const token = (body: Record<string, unknown>) =>
  call(tenant, 'POST', '/oauth/token', { json: body })
const web = () => ({
  client_id: tenant.clients.web.clientId,
  client_secret: tenant.clients.web.clientSecret,
})

async function verify(jwt: string, audience: string) {
  const jwks = obj(
    (await call(tenant, 'GET', '/.well-known/jwks.json')).body,
  ) as unknown as JSONWebKeySet
  return (await jwtVerify(jwt, createLocalJWKSet(jwks), { issuer: tenant.issuer, audience }))
    .payload
}

async function passwordLogin(extra: Record<string, unknown> = {}) {
  const r = await token({
    ...web(),
    grant_type: PASSWORD_REALM,
    username: tenant.user.username,
    password: tenant.user.password,
    realm: tenant.user.connection,
    ...extra,
  })
  expect(r.status).toBe(200)
  return obj(r.body)
}

async function authorizeCode(params: Record<string, string>) {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: tenant.clients.web.clientId,
    redirect_uri: tenant.clients.web.redirectUris[0] as string,
    username: tenant.user.username,
    password: tenant.user.password,
    state: 'st-1',
    ...params,
  })
  const r = await call(tenant, 'GET', `/authorize?${query}`)
  expect(r.status).toBe(302)
  return new URL(r.headers.get('location') as string)
}

describe('OIDC discovery and JWKS', () => {
  it('describes the tenant at its issuer', async () => {
    const r = await call(tenant, 'GET', '/.well-known/openid-configuration')
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({
      issuer: 'http://127.0.0.1:4010/',
      jwks_uri: 'http://127.0.0.1:4010/.well-known/jwks.json',
      token_endpoint: 'http://127.0.0.1:4010/oauth/token',
      authorization_endpoint: 'http://127.0.0.1:4010/authorize',
      id_token_signing_alg_values_supported: ['RS256'],
      code_challenge_methods_supported: ['S256', 'plain'],
    })
  })

  it('serves RS256 public keys only, and keeps the previous key after a rotation', async () => {
    const before = arr(obj((await call(tenant, 'GET', '/.well-known/jwks.json')).body)['keys'])
    expect(before).toHaveLength(1)
    expect(before[0]).toMatchObject({
      kty: 'RSA',
      alg: 'RS256',
      use: 'sig',
      kid: expect.any(String),
      n: expect.any(String),
      e: 'AQAB',
    })
    expect(before[0]).not.toHaveProperty('d')
    const oldToken = await tenant.managementToken()
    const { kid } = tenant.rotateKeys()
    const after = arr(obj((await call(tenant, 'GET', '/.well-known/jwks.json')).body)['keys'])
    expect(after.map((k) => k['kid'])).toEqual([kid, before[0]?.['kid']])
    // tokens signed before the rotation still verify; new ones carry the new kid
    expect((await call(tenant, 'GET', '/api/v2/roles', { token: oldToken })).status).toBe(200)
    const login = await passwordLogin()
    expect(
      JSON.parse(
        Buffer.from(String(login['id_token']).split('.')[0] as string, 'base64url').toString(),
      ),
    ).toMatchObject({ kid })
    tenant.rotateKeys({ keepPrevious: false })
    expect((await call(tenant, 'GET', '/api/v2/roles', { token: oldToken })).status).toBe(401)
  })
})

describe('POST /oauth/token', () => {
  it('client_credentials: a management token with every granted scope, JSON or form', async () => {
    for (const send of [
      (b: Record<string, string>) => call(tenant, 'POST', '/oauth/token', { json: b }),
      (b: Record<string, string>) => call(tenant, 'POST', '/oauth/token', { form: b }),
    ]) {
      const r = await send({
        grant_type: 'client_credentials',
        client_id: tenant.clients.m2m.clientId,
        client_secret: tenant.clients.m2m.clientSecret,
        audience: tenant.managementAudience,
      })
      expect(r.status).toBe(200)
      const body = obj(r.body)
      expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 86400 })
      const claims = await verify(String(body['access_token']), tenant.managementAudience)
      expect(claims).toMatchObject({
        sub: `${tenant.clients.m2m.clientId}@clients`,
        gty: 'client-credentials',
      })
      expect(String(claims['scope']).split(' ')).toEqual(
        expect.arrayContaining(['read:users', 'update:connections', 'read:logs']),
      )
    }
  })

  it('client_credentials: narrows to the requested scope and adds org_id', async () => {
    const r = await token({
      grant_type: 'client_credentials',
      client_id: tenant.clients.m2m.clientId,
      client_secret: tenant.clients.m2m.clientSecret,
      audience: tenant.managementAudience,
      scope: 'read:users nope',
      organization: 'mock-org',
    })
    expect(r.body).toMatchObject({ scope: 'read:users' })
    expect(decodeJwt(String(obj(r.body)['access_token']))).toMatchObject({
      scope: 'read:users',
      org_id: 'org_MockOrganization1',
    })
  })

  it.each([
    [
      { client_secret: 'wrong' },
      401,
      { error: 'access_denied', error_description: 'Unauthorized' },
    ],
    [{ client_id: 'nobody' }, 401, { error: 'access_denied' }],
    [{ audience: undefined }, 403, { error: 'access_denied' }],
    [
      { audience: 'https://unknown.test/' },
      403,
      { error: 'access_denied', error_description: 'Service not found: https://unknown.test/' },
    ],
    [{ grant_type: 'urn:nope' }, 400, { error: 'unsupported_grant_type' }],
  ])('client_credentials rejects %j with %i', async (override, status, body) => {
    const r = await token({
      grant_type: 'client_credentials',
      client_id: tenant.clients.m2m.clientId,
      client_secret: tenant.clients.m2m.clientSecret,
      audience: tenant.managementAudience,
      ...override,
    })
    expect(r.status).toBe(status)
    expect(r.body).toMatchObject(body)
    expect(r.text).not.toContain(tenant.clients.m2m.clientSecret)
  })

  it('client_credentials: accepts client_secret_basic and refuses a malformed one', async () => {
    const { clientId, clientSecret } = tenant.clients.m2m
    const basic = (value: string) =>
      call(tenant, 'POST', '/oauth/token', {
        form: { grant_type: 'client_credentials', audience: tenant.managementAudience },
        headers: { authorization: `Basic ${Buffer.from(value).toString('base64')}` },
      })
    expect((await basic(`${clientId}:${clientSecret}`)).status).toBe(200)
    expect((await basic('no-colon')).status).toBe(401)
    expect((await basic(`${clientId}:%E0%A4%A`)).status).toBe(401)
  })

  it('password-realm: ID token with real claims, a refresh token, logs a login', async () => {
    const body = await passwordLogin({
      scope: 'openid profile email offline_access',
      audience: 'https://api.mock.test/',
    })
    const id = await verify(String(body['id_token']), tenant.clients.web.clientId)
    expect(id).toMatchObject({
      iss: tenant.issuer,
      sub: 'auth0|65a000000000000000000000',
      email: tenant.user.username,
      name: 'Mock User',
    })
    expect(id['exp']).toBe(Number(id['iat']) + 36000)
    expect(typeof id['auth_time']).toBe('number')
    const access = await verify(String(body['access_token']), 'https://api.mock.test/')
    expect(access['aud']).toEqual(['https://api.mock.test/', `${tenant.issuer}userinfo`])
    expect(body['refresh_token']).toEqual(expect.stringMatching(/^mock-rt-/))
    const logs = arr(
      (
        await call(tenant, 'GET', '/api/v2/logs?from=90000000000000000000150', {
          token: await tenant.managementToken(),
        })
      ).body,
    )
    expect(logs[0]).toMatchObject({
      type: 's',
      user_id: id['sub'],
      client_id: tenant.clients.web.clientId,
    })
  })

  it('password-realm: wrong password is 403 invalid_grant; m2m clients may not use it', async () => {
    const r = await token({
      ...web(),
      grant_type: PASSWORD_REALM,
      username: tenant.user.username,
      password: 'wrong',
      realm: null,
    })
    expect(r).toMatchObject({
      status: 403,
      body: { error: 'invalid_grant', error_description: 'Wrong email or password.' },
    })
    const m2m = await token({
      grant_type: PASSWORD_REALM,
      client_id: tenant.clients.m2m.clientId,
      client_secret: tenant.clients.m2m.clientSecret,
      username: tenant.user.username,
      password: tenant.user.password,
    })
    expect(m2m).toMatchObject({ status: 403, body: { error: 'unauthorized_client' } })
    const missing = await token({
      ...web(),
      grant_type: PASSWORD_REALM,
      username: tenant.user.username,
    })
    expect(missing).toMatchObject({
      status: 400,
      body: { error: 'invalid_request', error_description: 'Missing required parameter: password' },
    })
  })

  it('refresh_token: mints again with the original auth_time; revoked tokens stop working', async () => {
    const first = await passwordLogin({ scope: 'openid offline_access' })
    const refresh = String(first['refresh_token'])
    const again = await token({
      ...web(),
      grant_type: 'refresh_token',
      refresh_token: refresh,
      scope: '',
    })
    expect(again.status).toBe(200)
    expect(decodeJwt(String(obj(again.body)['id_token']))['auth_time']).toBe(
      decodeJwt(String(first['id_token']))['auth_time'],
    )
    const broader = await token({
      ...web(),
      grant_type: 'refresh_token',
      refresh_token: refresh,
      scope: 'openid email',
    })
    expect(broader.status).toBe(403)
    const revoke = await call(tenant, 'POST', '/oauth/revoke', {
      json: { ...web(), token: refresh },
    })
    expect(revoke.status).toBe(200)
    const after = await token({ ...web(), grant_type: 'refresh_token', refresh_token: refresh })
    expect(after).toMatchObject({
      status: 403,
      body: { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' },
    })
  })

  it('authorization_code with PKCE (S256): nonce and org_id in the ID token, no secret needed', async () => {
    const verifier = 'a-verifier-that-is-long-enough-to-be-valid-0123456789'
    const challenge = createHash('sha256').update(verifier).digest('base64url')
    const location = await authorizeCode({
      code_challenge: challenge,
      code_challenge_method: 'S256',
      nonce: 'n-123',
      scope: 'openid profile',
      organization: 'org_MockOrganization1',
    })
    expect(location.searchParams.get('state')).toBe('st-1')
    const code = location.searchParams.get('code') as string
    const r = await token({
      grant_type: 'authorization_code',
      client_id: tenant.clients.web.clientId,
      code,
      code_verifier: verifier,
      redirect_uri: tenant.clients.web.redirectUris[0],
    })
    expect(r.status).toBe(200)
    const id = await verify(String(obj(r.body)['id_token']), tenant.clients.web.clientId)
    expect(id).toMatchObject({ nonce: 'n-123', org_id: 'org_MockOrganization1', name: 'Mock User' })
    // codes are single use
    const reuse = await token({
      grant_type: 'authorization_code',
      client_id: tenant.clients.web.clientId,
      code,
      code_verifier: verifier,
      redirect_uri: tenant.clients.web.redirectUris[0],
    })
    expect(reuse).toMatchObject({ status: 403, body: { error: 'invalid_grant' } })
  })

  it('authorization_code: a wrong PKCE verifier is 403, a missing one 400', async () => {
    const challenge = createHash('sha256').update('right-verifier').digest('base64url')
    const code1 = (
      await authorizeCode({ code_challenge: challenge, code_challenge_method: 'S256' })
    ).searchParams.get('code')
    const wrong = await token({
      grant_type: 'authorization_code',
      client_id: tenant.clients.web.clientId,
      code: code1,
      code_verifier: 'wrong-verifier',
      redirect_uri: tenant.clients.web.redirectUris[0],
    })
    expect(wrong).toMatchObject({
      status: 403,
      body: { error: 'invalid_grant', error_description: 'Failed to verify code verifier' },
    })
    const code2 = (
      await authorizeCode({ code_challenge: challenge, code_challenge_method: 'S256' })
    ).searchParams.get('code')
    const none = await token({
      ...web(),
      grant_type: 'authorization_code',
      code: code2,
      redirect_uri: tenant.clients.web.redirectUris[0],
    })
    expect(none).toMatchObject({ status: 400, body: { error: 'invalid_request' } })
  })

  it('authorization_code without PKCE needs the secret and the same redirect_uri', async () => {
    const code = (await authorizeCode({})).searchParams.get('code')
    const noSecret = await token({
      grant_type: 'authorization_code',
      client_id: tenant.clients.web.clientId,
      code,
      redirect_uri: tenant.clients.web.redirectUris[0],
    })
    expect(noSecret.status).toBe(401)
    const code2 = (await authorizeCode({})).searchParams.get('code')
    const otherUri = await token({
      ...web(),
      grant_type: 'authorization_code',
      code: code2,
      redirect_uri: 'http://localhost:3000/callback',
    })
    expect(otherUri.status).toBe(403)
    const code3 = (await authorizeCode({})).searchParams.get('code')
    const ok = await token({
      ...web(),
      grant_type: 'authorization_code',
      code: code3,
      redirect_uri: tenant.clients.web.redirectUris[0],
    })
    expect(ok.status).toBe(200)
  })

  it('passwordless OTP: /passwordless/start records a code the test can read', async () => {
    const start = await call(tenant, 'POST', '/passwordless/start', {
      json: { ...web(), connection: 'email', email: 'otp@example.com', send: 'code' },
    })
    expect(start).toMatchObject({
      status: 200,
      body: { email: 'otp@example.com', email_verified: false },
    })
    const otp = tenant.lastOtp('otp@example.com') as string
    expect(otp).toMatch(/^\d{6}$/)
    const wrong = await token({
      ...web(),
      grant_type: OTP,
      username: 'otp@example.com',
      otp: otp === '000000' ? '111111' : '000000',
      realm: 'email',
      scope: 'openid email',
    })
    expect(wrong).toMatchObject({
      status: 403,
      body: { error: 'invalid_grant', error_description: 'Wrong email or verification code.' },
    })
    const r = await token({
      ...web(),
      grant_type: OTP,
      username: 'otp@example.com',
      otp,
      realm: 'email',
      scope: 'openid email',
      audience: 'https://api.mock.test/',
    })
    expect(r.status).toBe(200)
    expect(decodeJwt(String(obj(r.body)['id_token']))).toMatchObject({
      email: 'otp@example.com',
      sub: expect.stringMatching(/^email\|/),
    })
    const sms = await call(tenant, 'POST', '/passwordless/start', {
      json: { ...web(), connection: 'sms', phone_number: '+15550001111' },
    })
    expect(sms.body).toMatchObject({ phone_number: '+15550001111' })
    expect(tenant.lastOtp('+15550001111')).toMatch(/^\d{6}$/)
  })
})

describe('private_key_jwt', () => {
  const assertion = async (
    claims: Record<string, unknown> = {},
    key?: Parameters<SignJWT['sign']>[0],
  ) => {
    const signingKey = key ?? (await importPKCS8(tenant.clients.m2mJwt.privateKeyPem, 'RS256'))
    const id = tenant.clients.m2mJwt.clientId
    return new SignJWT({ jti: randomUUID(), ...claims })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(id)
      .setSubject(id)
      .setAudience(String(claims['aud'] ?? tenant.issuer))
      .setIssuedAt()
      .setExpirationTime(typeof claims['exp'] === 'number' ? claims['exp'] : '2m')
      .sign(signingKey)
  }
  const exchange = (jwt: string, type = JWT_BEARER) =>
    token({
      grant_type: 'client_credentials',
      client_id: tenant.clients.m2mJwt.clientId,
      client_assertion: jwt,
      client_assertion_type: type,
      audience: tenant.managementAudience,
    })

  it('accepts a signed assertion and refuses to replay its jti', async () => {
    const jwt = await assertion()
    const r = await exchange(jwt)
    expect(r.status).toBe(200)
    expect(decodeJwt(String(obj(r.body)['access_token']))).toMatchObject({
      sub: `${tenant.clients.m2mJwt.clientId}@clients`,
    })
    expect(await exchange(jwt)).toMatchObject({ status: 401, body: { error: 'invalid_client' } })
  })

  it('rejects a wrong key, audience, expiry or type', async () => {
    const other = (await generateKeyPair('RS256')).privateKey
    expect((await exchange(await assertion({}, other))).status).toBe(401)
    expect(
      (await exchange(await assertion({ aud: 'https://elsewhere.test/' }))).body,
    ).toMatchObject({ error: 'invalid_client' })
    expect(
      (await exchange(await assertion({ exp: Math.floor(Date.now() / 1000) - 600 }))).body,
    ).toMatchObject({
      error: 'invalid_client',
      error_description: 'The client_assertion has expired',
    })
    expect(await exchange(await assertion(), 'urn:other')).toMatchObject({
      status: 400,
      body: { error: 'invalid_request' },
    })
  })
})

describe('/authorize, /userinfo, /dbconnections', () => {
  it('serves a login page that posts back and redirects with a code', async () => {
    const params = new URLSearchParams({
      response_type: 'code',
      client_id: tenant.clients.web.clientId,
      redirect_uri: tenant.clients.web.redirectUris[0] as string,
      state: 'xyz',
      scope: 'openid',
    })
    const page = await call(tenant, 'GET', `/authorize?${params}`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    expect(page.text).toContain('<form method="post" action="/authorize">')
    expect(page.text).toContain('name="state" value="xyz"')
    const bad = await call(tenant, 'POST', '/authorize', {
      form: { ...Object.fromEntries(params), username: tenant.user.username, password: 'nope' },
    })
    expect(bad.status).toBe(401)
    expect(bad.text).toContain('Wrong email or password.')
    const ok = await call(tenant, 'POST', '/authorize', {
      form: {
        ...Object.fromEntries(params),
        username: tenant.user.username,
        password: tenant.user.password,
      },
    })
    const location = new URL(ok.headers.get('location') as string)
    expect(location.origin + location.pathname).toBe(tenant.clients.web.redirectUris[0])
    expect(location.searchParams.get('state')).toBe('xyz')
    expect(location.searchParams.get('code')).toMatch(/^mock-code-/)
  })

  it('refuses an unknown callback and redirects errors back', async () => {
    const mismatch = await call(
      tenant,
      'GET',
      `/authorize?${new URLSearchParams({ response_type: 'code', client_id: tenant.clients.web.clientId, redirect_uri: 'https://evil.test/cb' })}`,
    )
    expect(mismatch.status).toBe(400)
    const denied = await authorizeCode({ password: 'wrong' })
    expect(denied.searchParams.get('error')).toBe('access_denied')
    expect(denied.searchParams.get('state')).toBe('st-1')
  })

  it('/userinfo returns the profile for a user token, 401 otherwise', async () => {
    const login = await passwordLogin({ scope: 'openid profile email' })
    const r = await call(tenant, 'GET', '/userinfo', { token: String(login['access_token']) })
    expect(r).toMatchObject({
      status: 200,
      body: {
        sub: 'auth0|65a000000000000000000000',
        email: tenant.user.username,
        name: 'Mock User',
      },
    })
    expect((await call(tenant, 'GET', '/userinfo', { token: 'garbage' })).status).toBe(401)
    expect((await call(tenant, 'GET', '/userinfo')).status).toBe(401)
  })

  it('/dbconnections/signup creates a user who can log in; duplicates and weak passwords are refused', async () => {
    const body = {
      client_id: tenant.clients.web.clientId,
      email: 'new@example.com',
      password: 'long-enough-pw',
      connection: 'Username-Password-Authentication',
      given_name: 'New',
    }
    const r = await call(tenant, 'POST', '/dbconnections/signup', { json: body })
    expect(r).toMatchObject({
      status: 200,
      body: {
        email: 'new@example.com',
        email_verified: false,
        given_name: 'New',
        _id: expect.any(String),
      },
    })
    expect(r.text).not.toContain('long-enough-pw')
    expect(
      await passwordLogin({ username: 'new@example.com', password: 'long-enough-pw' }),
    ).toHaveProperty('access_token')
    expect(await call(tenant, 'POST', '/dbconnections/signup', { json: body })).toMatchObject({
      status: 400,
      body: { code: 'invalid_signup' },
    })
    expect(
      await call(tenant, 'POST', '/dbconnections/signup', {
        json: { ...body, email: 'x@example.com', password: 'short' },
      }),
    ).toMatchObject({
      status: 400,
      body: { code: 'invalid_password', name: 'PasswordStrengthError' },
    })
    expect(
      await call(tenant, 'POST', '/dbconnections/signup', {
        json: { ...body, connection: 'Amazon-Connection' },
      }),
    ).toMatchObject({ status: 400, body: { code: 'bad.connection' } })
  })

  it('/dbconnections/change_password answers with the usual sentence', async () => {
    const r = await call(tenant, 'POST', '/dbconnections/change_password', {
      json: {
        client_id: tenant.clients.web.clientId,
        email: tenant.user.username,
        connection: 'Username-Password-Authentication',
      },
    })
    expect(r).toMatchObject({
      status: 200,
      text: "We've just sent you an email to reset your password.",
    })
  })
})

describe('PAR, CIBA and metadata', () => {
  it('/oauth/par stores a request that /authorize then uses by request_uri', async () => {
    const pushed = await call(tenant, 'POST', '/oauth/par', {
      form: {
        ...web(),
        response_type: 'code',
        redirect_uri: tenant.clients.web.redirectUris[0] as string,
        state: 'par-state',
        nonce: 'par-nonce',
        scope: 'openid',
      },
    })
    expect(pushed).toMatchObject({
      status: 201,
      body: {
        request_uri: expect.stringMatching(/^urn:ietf:params:oauth:request_uri:/),
        expires_in: 30,
      },
    })
    const requestUri = String(obj(pushed.body)['request_uri'])
    const query = new URLSearchParams({
      client_id: tenant.clients.web.clientId,
      request_uri: requestUri,
      username: tenant.user.username,
      password: tenant.user.password,
    })
    const r = await call(tenant, 'GET', `/authorize?${query}`)
    const location = new URL(r.headers.get('location') as string)
    expect(location.searchParams.get('state')).toBe('par-state')
    const tokens = await token({
      ...web(),
      grant_type: 'authorization_code',
      code: location.searchParams.get('code'),
      redirect_uri: tenant.clients.web.redirectUris[0],
    })
    expect(decodeJwt(String(obj(tokens.body)['id_token']))).toMatchObject({ nonce: 'par-nonce' })
    const unknown = await call(
      tenant,
      'GET',
      `/authorize?${new URLSearchParams({ client_id: tenant.clients.web.clientId, request_uri: 'urn:ietf:params:oauth:request_uri:nope' })}`,
    )
    expect(unknown.status).toBe(400)
    expect(
      await call(tenant, 'POST', '/oauth/par', {
        form: { ...web(), response_type: 'code', redirect_uri: 'https://evil.test/' },
      }),
    ).toMatchObject({ status: 400 })
  })

  it('/bc-authorize starts a back-channel login that the CIBA grant completes', async () => {
    const hint = JSON.stringify({
      format: 'iss_sub',
      iss: tenant.issuer,
      sub: 'auth0|65a000000000000000000000',
    })
    const started = await call(tenant, 'POST', '/bc-authorize', {
      form: { ...web(), scope: 'openid email', login_hint: hint, binding_message: 'abc' },
    })
    expect(started).toMatchObject({ status: 200, body: { expires_in: 300, interval: 5 } })
    const id = String(obj(started.body)['auth_req_id'])
    const r = await token({
      ...web(),
      grant_type: 'urn:openid:params:grant-type:ciba',
      auth_req_id: id,
    })
    expect(decodeJwt(String(obj(r.body)['id_token']))).toMatchObject({
      sub: 'auth0|65a000000000000000000000',
      email: tenant.user.username,
    })
    expect(
      await token({ ...web(), grant_type: 'urn:openid:params:grant-type:ciba', auth_req_id: id }),
    ).toMatchObject({ status: 400, body: { error: 'expired_token' } })
    const nobody = JSON.stringify({ format: 'iss_sub', iss: tenant.issuer, sub: 'auth0|nobody' })
    expect(
      await call(tenant, 'POST', '/bc-authorize', {
        form: { ...web(), scope: 'openid', login_hint: nobody, binding_message: 'x' },
      }),
    ).toMatchObject({ status: 400, body: { error: 'unknown_user_id' } })
  })

  it('serves SAML and WS-Fed metadata', async () => {
    const saml = await call(tenant, 'GET', `/samlp/metadata/${tenant.clients.web.clientId}`)
    expect(saml.status).toBe(200)
    expect(saml.headers.get('content-type')).toMatch(/xml/)
    expect(saml.text).toContain('<EntityDescriptor entityID="urn:127.0.0.1:4010"')
    expect((await call(tenant, 'GET', '/samlp/metadata/nobody')).status).toBe(404)
    expect(
      (await call(tenant, 'GET', '/wsfed/FederationMetadata/2007-06/FederationMetadata.xml')).text,
    ).toContain('PassiveRequestorEndpoint')
  })
})
