// The Authentication API: OIDC discovery, JWKS, /authorize, /oauth/token and friends.
import { randomBytes, randomInt } from 'node:crypto'
import { addLog, type TenantContext } from '../context.js'
import {
  HttpError,
  isObject,
  json,
  oauthError,
  str,
  text,
  type Json,
  type Route,
  type RouteRequest,
} from '../http.js'
import { CIBA_GRANT, OTP_GRANT, PASSWORD_REALM_GRANT } from '../seed.js'
import { nextId, userConnection } from '../state.js'
import { CIBA_TTL_S, token, required, scopesOf, pick } from './common.js'
import { authenticateClient } from './client-auth.js'
import { GRANTS } from './tokens.js'
import { pushAuthorizationRequest, escapeHtml, authorize } from './authorize.js'

const XML = 'application/xml; charset=utf-8'

function samlMetadata(ctx: TenantContext, clientId: string): Response {
  if (!ctx.state.clients.has(clientId)) return text('Not Found', 404)
  return text(
    `<?xml version="1.0"?>
<EntityDescriptor entityID="urn:${escapeHtml(ctx.domain)}" xmlns="urn:oasis:names:tc:SAML:2.0:metadata">
  <IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${ctx.issuer}samlp/${escapeHtml(clientId)}/logout"/>
    <NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</NameIDFormat>
    <SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${ctx.issuer}samlp/${escapeHtml(clientId)}"/>
  </IDPSSODescriptor>
</EntityDescriptor>
`,
    200,
    XML,
  )
}

function wsfedMetadata(ctx: TenantContext): Response {
  return text(
    `<?xml version="1.0"?>
<EntityDescriptor entityID="urn:${escapeHtml(ctx.domain)}" xmlns="urn:oasis:names:tc:SAML:2.0:metadata">
  <RoleDescriptor xmlns:fed="http://docs.oasis-open.org/wsfed/federation/200706" xsi:type="fed:SecurityTokenServiceType" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" protocolSupportEnumeration="http://docs.oasis-open.org/wsfed/federation/200706">
    <fed:PassiveRequestorEndpoint><EndpointReference xmlns="http://www.w3.org/2005/08/addressing"><Address>${ctx.issuer}wsfed</Address></EndpointReference></fed:PassiveRequestorEndpoint>
  </RoleDescriptor>
</EntityDescriptor>
`,
    200,
    XML,
  )
}

/** Starts a back-channel (CIBA) login for the user named by `login_hint` (`{"format":"iss_sub","iss":...,"sub":...}`). */
async function backChannelAuthorize(
  ctx: TenantContext,
  req: RouteRequest<unknown>,
): Promise<Response> {
  const client = await authenticateClient(ctx, req)
  const scope = required(req.body, 'scope')
  required(req.body, 'binding_message')
  if (!scopesOf(scope).includes('openid'))
    throw oauthError(400, 'invalid_request', 'The scope must contain openid')
  let sub: unknown
  try {
    sub = (JSON.parse(required(req.body, 'login_hint')) as Json)['sub']
  } catch {
    throw oauthError(
      400,
      'invalid_request',
      'login_hint must be JSON: {"format":"iss_sub","iss":"...","sub":"..."}',
    )
  }
  if (typeof sub !== 'string' || !ctx.state.users.has(sub))
    throw oauthError(400, 'unknown_user_id', 'The login_hint does not name a user of this tenant')
  const id = token('mock-ciba-')
  const params: Record<string, string> = { scope }
  const audience = str(req.body, 'audience')
  if (audience !== undefined) params['audience'] = audience
  ctx.state.pending.set(id, {
    clientId: String(client['client_id']),
    params,
    userId: sub,
    expiresAt: ctx.now() + CIBA_TTL_S * 1000,
  })
  return json({ auth_req_id: id, expires_in: CIBA_TTL_S, interval: 5 })
}

async function userinfo(ctx: TenantContext, req: RouteRequest<unknown>): Promise<Response> {
  const bearer = /^Bearer\s+(.+)$/i.exec(req.request.headers.get('authorization') ?? '')
  const verified = bearer
    ? await ctx.keys.verify(bearer[1] as string, ctx.now(), { issuer: ctx.issuer })
    : undefined
  const user = verified?.ok ? ctx.state.users.get(String(verified.payload.sub)) : undefined
  if (!user) {
    return new Response('Unauthorized', {
      status: 401,
      headers: {
        'content-type': 'text/plain; charset=utf-8',
        'www-authenticate': 'Bearer error="invalid_token"',
      },
    })
  }
  return json({
    sub: user['user_id'],
    ...pick(user, [
      'name',
      'nickname',
      'given_name',
      'family_name',
      'picture',
      'updated_at',
      'email',
      'email_verified',
      'phone_number',
    ]),
  })
}

/** The error shape of /dbconnections. */
const dbError = (code: string, description: string, name = 'BadRequestError') =>
  new HttpError(400, { name, code, description, statusCode: 400 })

function databaseConnection(
  ctx: TenantContext,
  clientId: string | undefined,
  name: string | undefined,
): Json {
  if (clientId === undefined || !ctx.state.clients.has(clientId))
    throw dbError('invalid_request', 'The client_id is missing or invalid')
  if (name === undefined) throw dbError('invalid_request', 'The connection is missing')
  const connection = [...ctx.state.connections.values()].find((c) => c['name'] === name)
  if (!connection || connection['strategy'] !== 'auth0')
    throw dbError('bad.connection', 'Connection does not exist')
  const enabled = connection['enabled_clients']
  if (!Array.isArray(enabled) || !enabled.includes(clientId))
    throw dbError('bad.connection', 'Connection is disabled for this client')
  return connection
}

const SIGNUP_FIELDS = [
  'username',
  'given_name',
  'family_name',
  'name',
  'nickname',
  'picture',
] as const

function signup(ctx: TenantContext, body: Json): Response {
  const connection = databaseConnection(ctx, str(body, 'client_id'), str(body, 'connection'))
  const email = str(body, 'email')
  const password = str(body, 'password')
  if (email === undefined || password === undefined)
    throw dbError('invalid_signup', 'Missing email or password')
  if (password.length < 8) {
    throw new HttpError(400, {
      name: 'PasswordStrengthError',
      message: 'Password is too weak',
      code: 'invalid_password',
      statusCode: 400,
      description: {
        rules: [
          {
            message: 'At least %d characters in length',
            format: [8],
            code: 'lengthAtLeast',
            verified: false,
          },
        ],
        verified: false,
      },
      policy: '* At least 8 characters in length',
    })
  }
  const realm = String(connection['name'])
  const taken = [...ctx.state.users.values()].some(
    (u) => userConnection(u) === realm && String(u['email']).toLowerCase() === email.toLowerCase(),
  )
  if (taken) throw dbError('invalid_signup', 'Invalid sign up')
  const id = nextId(ctx.state, '', 24)
  const now = new Date(ctx.now()).toISOString()
  const extras = pick(body, SIGNUP_FIELDS)
  const user: Json = {
    user_id: `auth0|${id}`,
    email,
    email_verified: false,
    name: email,
    nickname: email.split('@')[0],
    picture: 'https://avatars.mock.test/signup.png',
    ...extras,
    created_at: now,
    updated_at: now,
    logins_count: 0,
    identities: [{ connection: realm, provider: 'auth0', user_id: id, isSocial: false }],
    app_metadata: {},
    user_metadata: isObject(body['user_metadata']) ? body['user_metadata'] : {},
  }
  ctx.state.users.set(String(user['user_id']), user)
  ctx.state.passwords.set(String(user['user_id']), password)
  addLog(ctx, {
    type: 'ss',
    description: 'Success Signup',
    client_id: body['client_id'],
    user_id: user['user_id'],
    user_name: email,
    connection: realm,
  })
  return json({
    _id: id,
    email_verified: false,
    email,
    ...extras,
    ...(isObject(body['user_metadata']) ? { user_metadata: body['user_metadata'] } : {}),
  })
}

function passwordlessStart(ctx: TenantContext, client: Json, body: Json): Response {
  const connection = required(body, 'connection')
  if (connection !== 'email' && connection !== 'sms')
    throw oauthError(400, 'bad.connection', 'Connection must be email or sms')
  const target = connection === 'sms' ? required(body, 'phone_number') : required(body, 'email')
  ctx.state.otps.set(target.toLowerCase(), {
    otp: String(randomInt(0, 1_000_000)).padStart(6, '0'),
    connection,
    clientId: String(client['client_id']),
  })
  addLog(ctx, {
    type: connection === 'sms' ? 'cs' : 'cls',
    description: `Passwordless ${connection} sent`,
    client_id: client['client_id'],
    user_name: target,
    connection,
  })
  const id = randomBytes(12).toString('hex')
  return connection === 'sms'
    ? json({ _id: id, phone_number: target, phone_verified: false, request_language: null })
    : json({ _id: id, email: target, email_verified: false })
}

export function authenticationRoutes(ctx: TenantContext): Route<unknown>[] {
  const discovery = () => ({
    issuer: ctx.issuer,
    authorization_endpoint: `${ctx.issuer}authorize`,
    token_endpoint: `${ctx.issuer}oauth/token`,
    userinfo_endpoint: `${ctx.issuer}userinfo`,
    jwks_uri: `${ctx.issuer}.well-known/jwks.json`,
    revocation_endpoint: `${ctx.issuer}oauth/revoke`,
    registration_endpoint: `${ctx.issuer}oidc/register`,
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    code_challenge_methods_supported: ['S256', 'plain'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: [
      'client_secret_basic',
      'client_secret_post',
      'private_key_jwt',
    ],
    token_endpoint_auth_signing_alg_values_supported: ['RS256', 'RS384', 'PS256'],
    grant_types_supported: [
      'authorization_code',
      'client_credentials',
      'refresh_token',
      PASSWORD_REALM_GRANT,
      OTP_GRANT,
      CIBA_GRANT,
    ],
    pushed_authorization_request_endpoint: `${ctx.issuer}oauth/par`,
    backchannel_authentication_endpoint: `${ctx.issuer}bc-authorize`,
    backchannel_token_delivery_modes_supported: ['poll'],
    claims_supported: [
      'aud',
      'auth_time',
      'email',
      'email_verified',
      'exp',
      'family_name',
      'given_name',
      'iat',
      'iss',
      'name',
      'nickname',
      'nonce',
      'org_id',
      'picture',
      'sub',
    ],
    request_uri_parameter_supported: false,
  })
  return [
    { method: 'GET', path: '/.well-known/openid-configuration', handle: () => json(discovery()) },
    { method: 'GET', path: '/.well-known/jwks.json', handle: () => json(ctx.keys.jwks) },
    { method: 'GET', path: '/authorize', handle: (req) => authorize(ctx, req.query, req, false) },
    {
      method: 'POST',
      path: '/authorize',
      handle: (req) => {
        const params = new URLSearchParams()
        for (const [k, v] of Object.entries(req.body)) if (typeof v === 'string') params.set(k, v)
        return authorize(ctx, params, req, true)
      },
    },
    {
      method: 'POST',
      path: '/oauth/token',
      handle: async (req) => {
        const grantType = required(req.body, 'grant_type')
        const grant = Object.hasOwn(GRANTS, grantType) ? GRANTS[grantType] : undefined
        if (!grant)
          throw oauthError(400, 'unsupported_grant_type', `Unsupported grant type: ${grantType}`)
        return json(await grant(ctx, req), 200, { 'cache-control': 'no-store', pragma: 'no-cache' })
      },
    },
    { method: 'POST', path: '/oauth/par', handle: (req) => pushAuthorizationRequest(ctx, req) },
    { method: 'POST', path: '/bc-authorize', handle: (req) => backChannelAuthorize(ctx, req) },
    {
      method: 'GET',
      path: '/samlp/metadata/:clientId',
      handle: (req) => samlMetadata(ctx, req.params['clientId'] as string),
    },
    {
      method: 'GET',
      path: '/wsfed/FederationMetadata/2007-06/FederationMetadata.xml',
      handle: () => wsfedMetadata(ctx),
    },
    { method: 'GET', path: '/userinfo', handle: (req) => userinfo(ctx, req) },
    { method: 'POST', path: '/userinfo', handle: (req) => userinfo(ctx, req) },
    { method: 'POST', path: '/dbconnections/signup', handle: (req) => signup(ctx, req.body) },
    {
      method: 'POST',
      path: '/dbconnections/change_password',
      handle: (req) => {
        databaseConnection(ctx, str(req.body, 'client_id'), str(req.body, 'connection'))
        const email = str(req.body, 'email')
        if (email === undefined) throw dbError('invalid_request', 'Missing email')
        addLog(ctx, {
          type: 'scpr',
          description: 'Success Change Password Request',
          client_id: req.body['client_id'],
          user_name: email,
          connection: req.body['connection'],
        })
        return text("We've just sent you an email to reset your password.")
      },
    },
    {
      method: 'POST',
      path: '/passwordless/start',
      handle: async (req) =>
        passwordlessStart(ctx, await authenticateClient(ctx, req, true), req.body),
    },
    {
      method: 'POST',
      path: '/oauth/revoke',
      handle: async (req) => {
        // public clients may revoke without a secret; a secret that is given must be right
        const client = await authenticateClient(ctx, req, true)
        const refresh = required(req.body, 'token')
        const grant = ctx.state.refreshTokens.get(refresh)
        if (grant && grant.clientId === client['client_id']) ctx.state.refreshTokens.delete(refresh)
        return new Response(null, { status: 200 })
      },
    },
  ]
}
