// POST /oauth/token: the grants and the tokens they mint.
import { createHash } from 'node:crypto'
import { addLog, type TenantContext } from '../context.js'
import { json, oauthError, str, type Json } from '../http.js'
import type { ClientRecord, UserRecord } from '../records.js'
import type { RouteRequest } from '../router/route.js'
import { CIBA_GRANT, DATABASE_CONNECTION, OTP_GRANT, PASSWORD_REALM_GRANT } from '../seed.js'
import { userConnection } from '../state.js'
import {
  ACCESS_TOKEN_TTL,
  ID_TOKEN_TTL,
  invalidGrant,
  missing,
  token,
  required,
  sameSecret,
  assertGrantAllowed,
  scopesOf,
  findResourceServer,
  resolveOrganization,
  pick,
} from './common.js'
import { authenticateClient } from './client-auth.js'
import { passwordlessUser } from './passwordless.js'

export interface UserTokenInput {
  client: ClientRecord
  user: UserRecord
  scope: string
  audience: string | undefined
  nonce?: string | undefined
  orgId?: string | undefined
  authTime: number
  issueRefresh: boolean
}

/** Mints the access token, ID token (with `openid`) and refresh token (with `offline_access`) of a user login. */
export async function issueUserTokens(ctx: TenantContext, input: UserTokenInput): Promise<Json> {
  const { client, user, audience } = input
  const clientId = client.client_id
  const sub = user.user_id
  const scopes = scopesOf(input.scope)
  if (audience !== undefined) findResourceServer(ctx, audience)
  const now = ctx.now()
  const userinfo = `${ctx.issuer}userinfo`
  const org = input.orgId === undefined ? {} : { org_id: input.orgId }
  const out: Json = {
    access_token: await ctx.keys.sign(
      {
        iss: ctx.issuer,
        sub,
        aud:
          audience === undefined
            ? userinfo
            : scopes.includes('openid')
              ? [audience, userinfo]
              : audience,
        azp: clientId,
        scope: scopes.join(' '),
        ...org,
      },
      now,
      ACCESS_TOKEN_TTL,
    ),
  }
  if (scopes.includes('openid')) {
    const profile = scopes.includes('profile')
      ? pick(user, ['name', 'nickname', 'given_name', 'family_name', 'picture', 'updated_at'])
      : {}
    const email = scopes.includes('email') ? pick(user, ['email', 'email_verified']) : {}
    out['id_token'] = await ctx.keys.sign(
      {
        ...profile,
        ...email,
        iss: ctx.issuer,
        sub,
        aud: clientId,
        auth_time: input.authTime,
        ...(input.nonce === undefined ? {} : { nonce: input.nonce }),
        ...org,
        sid: token('mock-sid-'),
      },
      now,
      ID_TOKEN_TTL,
    )
  }
  if (
    input.issueRefresh &&
    scopes.includes('offline_access') &&
    client.grant_types.includes('refresh_token')
  ) {
    const refresh = token('mock-rt-')
    ctx.state.refreshTokens.set(refresh, {
      clientId,
      userId: sub,
      scope: input.scope,
      audience,
      orgId: input.orgId,
      authTime: input.authTime,
    })
    out['refresh_token'] = refresh
  }
  return { ...out, scope: scopes.join(' '), expires_in: ACCESS_TOKEN_TTL, token_type: 'Bearer' }
}

/** Finds a database user by email or username and checks the password. */
function checkPassword(
  ctx: TenantContext,
  realm: string,
  username: string,
  password: string,
): UserRecord | undefined {
  const wanted = username.toLowerCase()
  for (const user of ctx.state.users.values()) {
    if (userConnection(user) !== realm) continue
    if (user.email?.toLowerCase() !== wanted && user.username?.toLowerCase() !== wanted) continue
    const stored = ctx.state.passwords.get(user.user_id)
    return stored !== undefined && sameSecret(stored, password) ? user : undefined
  }
  return undefined
}

function recordLogin(
  ctx: TenantContext,
  user: UserRecord,
  client: ClientRecord,
  realm: string,
  req: RouteRequest,
): void {
  user.last_login = new Date(ctx.now()).toISOString()
  user.logins_count += 1
  const userName = user.email ?? user.phone_number
  addLog(ctx, {
    type: 's',
    description: 'Success Login',
    client_id: client.client_id,
    client_name: client.name,
    user_id: user.user_id,
    ...(userName === undefined ? {} : { user_name: userName }),
    connection: realm,
    ip: req.request.headers.get('auth0-forwarded-for') ?? '127.0.0.1',
  })
}

export function login(
  ctx: TenantContext,
  client: ClientRecord,
  realm: string,
  username: string,
  password: string,
  req: RouteRequest,
): UserRecord {
  const user = checkPassword(ctx, realm, username, password)
  if (!user) {
    addLog(ctx, {
      type: 'fp',
      description: 'Wrong email or password.',
      client_id: client.client_id,
      user_name: username,
      connection: realm,
    })
    throw invalidGrant('Wrong email or password.')
  }
  if (user.blocked === true) throw oauthError(401, 'unauthorized', 'user is blocked')
  recordLogin(ctx, user, client, realm, req)
  return user
}

/** The tokens of a login that just happened, for the scope and audience the request asked for. */
function loginTokens(
  ctx: TenantContext,
  client: ClientRecord,
  user: UserRecord,
  body: Json,
): Promise<Json> {
  return issueUserTokens(ctx, {
    client,
    user,
    scope: str(body, 'scope') ?? 'openid profile email',
    audience: str(body, 'audience'),
    authTime: Math.floor(ctx.now() / 1000),
    issueRefresh: true,
  })
}

type Grant = (ctx: TenantContext, req: RouteRequest) => Promise<Json>

const GRANTS: Record<string, Grant> = {
  async client_credentials(ctx, req) {
    const client = await authenticateClient(ctx, req)
    assertGrantAllowed(client, 'client_credentials')
    const audience = str(req.body, 'audience')
    if (audience === undefined)
      throw oauthError(
        403,
        'access_denied',
        'No audience parameter was provided, and no default audience has been configured',
      )
    findResourceServer(ctx, audience)
    const clientId = client.client_id
    const grant = [...ctx.state.clientGrants.values()].find(
      (g) => g.client_id === clientId && g.audience === audience,
    )
    if (!grant)
      throw oauthError(
        403,
        'access_denied',
        `Client is not authorized to access "${audience}". You need to create a "client-grant" associated to this API.`,
      )
    const requested = scopesOf(str(req.body, 'scope'))
    const scopes =
      requested.length > 0 ? grant.scope.filter((s) => requested.includes(s)) : grant.scope
    const org = resolveOrganization(ctx, str(req.body, 'organization'))
    addLog(ctx, {
      type: 'seccft',
      description: 'Client Credentials for Access Token',
      client_id: clientId,
      client_name: client.name,
      audience,
      scope: scopes.join(' '),
    })
    return {
      access_token: await mintClientToken(ctx, clientId, audience, scopes, org?.id),
      scope: scopes.join(' '),
      expires_in: ACCESS_TOKEN_TTL,
      token_type: 'Bearer',
    }
  },

  async [PASSWORD_REALM_GRANT](ctx, req) {
    const client = await authenticateClient(ctx, req)
    assertGrantAllowed(client, PASSWORD_REALM_GRANT)
    const username = required(req.body, 'username')
    const password = required(req.body, 'password')
    const realm = str(req.body, 'realm') ?? DATABASE_CONNECTION
    if (![...ctx.state.connections.values()].some((c) => c.name === realm))
      throw oauthError(400, 'invalid_request', `Connection ${realm} does not exist`)
    const user = login(ctx, client, realm, username, password, req)
    return loginTokens(ctx, client, user, req.body)
  },

  async refresh_token(ctx, req) {
    const client = await authenticateClient(ctx, req)
    assertGrantAllowed(client, 'refresh_token')
    const grant = ctx.state.refreshTokens.get(required(req.body, 'refresh_token'))
    const user = grant ? ctx.state.users.get(grant.userId) : undefined
    if (!grant || !user || grant.clientId !== client.client_id)
      throw invalidGrant('Unknown or invalid refresh token.')
    const requested = scopesOf(str(req.body, 'scope'))
    const original = scopesOf(grant.scope)
    if (requested.some((s) => !original.includes(s)))
      throw oauthError(403, 'access_denied', 'Requested scope is broader than the original grant')
    return issueUserTokens(ctx, {
      client,
      user,
      scope: requested.length > 0 ? requested.join(' ') : grant.scope,
      audience: grant.audience,
      orgId: grant.orgId,
      authTime: grant.authTime,
      issueRefresh: false,
    })
  },

  async authorization_code(ctx, req) {
    const verifier = str(req.body, 'code_verifier')
    const client = await authenticateClient(ctx, req, verifier !== undefined)
    assertGrantAllowed(client, 'authorization_code')
    const code = required(req.body, 'code')
    const grant = ctx.state.codes.get(code)
    ctx.state.codes.delete(code)
    if (!grant || grant.clientId !== client.client_id || grant.expiresAt < ctx.now())
      throw invalidGrant('Invalid authorization code')
    if (grant.redirectUri !== undefined && str(req.body, 'redirect_uri') !== grant.redirectUri)
      throw invalidGrant('The redirect_uri does not match the one used in /authorize')
    if (grant.codeChallenge !== undefined) {
      if (verifier === undefined) throw missing('code_verifier')
      const computed =
        grant.codeChallengeMethod === 'plain'
          ? verifier
          : createHash('sha256').update(verifier).digest('base64url')
      if (computed !== grant.codeChallenge) throw invalidGrant('Failed to verify code verifier')
    } else if (verifier !== undefined) throw invalidGrant('Failed to verify code verifier')
    const user = ctx.state.users.get(grant.userId)
    if (!user) throw invalidGrant('Invalid authorization code')
    return issueUserTokens(ctx, {
      client,
      user,
      scope: grant.scope,
      audience: grant.audience,
      nonce: grant.nonce,
      orgId: grant.orgId,
      authTime: grant.authTime,
      issueRefresh: true,
    })
  },

  // Back-channel requests are approved at once: the test plays the user's device.
  async [CIBA_GRANT](ctx, req) {
    const client = await authenticateClient(ctx, req)
    assertGrantAllowed(client, CIBA_GRANT)
    const id = required(req.body, 'auth_req_id')
    const pending = ctx.state.pending.get(id)
    ctx.state.pending.delete(id)
    const user = pending?.userId === undefined ? undefined : ctx.state.users.get(pending.userId)
    if (!pending || !user || pending.clientId !== client.client_id || pending.expiresAt < ctx.now())
      throw oauthError(400, 'expired_token', 'The auth_req_id is unknown or has expired')
    return issueUserTokens(ctx, {
      client,
      user,
      scope: pending.params['scope'] ?? 'openid',
      audience: pending.params['audience'],
      authTime: Math.floor(ctx.now() / 1000),
      issueRefresh: true,
    })
  },

  async [OTP_GRANT](ctx, req) {
    const client = await authenticateClient(ctx, req)
    assertGrantAllowed(client, OTP_GRANT)
    const username = required(req.body, 'username')
    const otp = required(req.body, 'otp')
    const realm = required(req.body, 'realm')
    const record = ctx.state.otps.get(username.toLowerCase())
    if (
      !record ||
      record.connection !== realm ||
      record.clientId !== client.client_id ||
      !sameSecret(record.otp, otp)
    )
      throw invalidGrant(
        realm === 'sms'
          ? 'Wrong phone number or verification code.'
          : 'Wrong email or verification code.',
      )
    ctx.state.otps.delete(username.toLowerCase())
    const user = passwordlessUser(ctx, realm, username)
    recordLogin(ctx, user, client, realm, req)
    return loginTokens(ctx, client, user, req.body)
  },
}

/** `POST /oauth/token`: runs the grant the request names. */
export async function tokenEndpoint(ctx: TenantContext, req: RouteRequest): Promise<Response> {
  const grantType = required(req.body, 'grant_type')
  const grant = Object.hasOwn(GRANTS, grantType) ? GRANTS[grantType] : undefined
  if (!grant)
    throw oauthError(400, 'unsupported_grant_type', `Unsupported grant type: ${grantType}`)
  return json(await grant(ctx, req), 200, { 'cache-control': 'no-store', pragma: 'no-cache' })
}

/** `POST /oauth/revoke`: public clients may revoke without a secret; a secret that is given must be right. */
export async function revoke(ctx: TenantContext, req: RouteRequest): Promise<Response> {
  const client = await authenticateClient(ctx, req, true)
  const refresh = required(req.body, 'token')
  const grant = ctx.state.refreshTokens.get(refresh)
  if (grant && grant.clientId === client.client_id) ctx.state.refreshTokens.delete(refresh)
  return new Response(null, { status: 200 })
}

/** Mints a client-credentials access token (the Management API's bearer tokens). */
export function mintClientToken(
  ctx: TenantContext,
  clientId: string,
  audience: string,
  scopes: readonly string[],
  orgId?: string,
): Promise<string> {
  return ctx.keys.sign(
    {
      iss: ctx.issuer,
      sub: `${clientId}@clients`,
      aud: audience,
      azp: clientId,
      scope: scopes.join(' '),
      gty: 'client-credentials',
      ...(orgId === undefined ? {} : { org_id: orgId }),
    },
    ctx.now(),
    ACCESS_TOKEN_TTL,
  )
}
