// POST /oauth/token: DPoP proofs and nonces, then the grant the request names; and POST /oauth/revoke.
import { createHash } from 'node:crypto'
import { addLog, type TenantContext } from '../context.js'
import { HttpError, json, oauthError, str, type Json } from '../http.js'
import type { ClientRecord, UserRecord } from '../records.js'
import type { RouteRequest } from '../router/route.js'
import { CIBA_GRANT, DATABASE_CONNECTION, OTP_GRANT, PASSWORD_REALM_GRANT } from '../seed.js'
import { authenticateAnyClient, authenticateClient } from './client-auth.js'
import {
  ACCESS_TOKEN_TTL,
  assertGrantAllowed,
  findResourceServer,
  invalidGrant,
  missing,
  required,
  resolveOrganization,
  sameSecret,
  scopesOf,
  type Grant,
} from './common.js'
import { DEVICE_GRANTS } from './device.js'
import { checkProof, nonceHeaders, tokenEndpointError } from './dpop.js'
import { binding, issueUserTokens, mintClientToken } from './issue.js'
import { login, recordLogin } from './login.js'
import { MFA_GRANTS, requireMfa } from './mfa.js'
import { passwordlessUser } from './passwordless.js'
import { authStore } from './store.js'
import { TOKEN_EXCHANGE_GRANTS } from './token-exchange.js'

export { mintClientToken } from './issue.js'

/** Scopes that are about the user rather than an API: a refresh for another API keeps them. */
const OIDC_SCOPES = ['openid', 'profile', 'email', 'address', 'phone', 'offline_access']

/** The tokens of a login that just happened, for the scope and audience the request asked for. */
function loginTokens(
  ctx: TenantContext,
  client: ClientRecord,
  user: UserRecord,
  body: Json,
  jkt: string | undefined,
): Promise<Json> {
  return issueUserTokens(ctx, {
    client,
    user,
    scope: str(body, 'scope') ?? 'openid profile email',
    audience: str(body, 'audience'),
    authTime: Math.floor(ctx.now() / 1000),
    issueRefresh: true,
    jkt,
  })
}

/** The scope and audience of a refresh: the original API's, or another API's (a multi-resource refresh token). */
function refreshTarget(
  ctx: TenantContext,
  original: { scope: string; audience: string | undefined },
  body: Json,
): { scope: string; audience: string | undefined } {
  const requested = scopesOf(str(body, 'scope'))
  const granted = scopesOf(original.scope)
  const audience = str(body, 'audience') ?? original.audience
  if (audience === original.audience) {
    if (requested.some((s) => !granted.includes(s)))
      throw oauthError(403, 'access_denied', 'Requested scope is broader than the original grant')
    return { scope: requested.length > 0 ? requested.join(' ') : original.scope, audience }
  }
  const api = findResourceServer(ctx, audience as string)
  const userScopes = granted.filter((s) => OIDC_SCOPES.includes(s))
  const allowed = new Set([...userScopes, ...api.scopes.map((s) => s.value)])
  const denied = requested.filter((s) => !allowed.has(s))
  if (denied.length > 0)
    throw oauthError(
      403,
      'access_denied',
      `Requested scope is not allowed for ${audience as string}: ${denied.join(' ')}`,
    )
  return { scope: (requested.length > 0 ? requested : userScopes).join(' '), audience }
}

const GRANTS: Readonly<Record<string, Grant>> = {
  ...MFA_GRANTS,
  ...DEVICE_GRANTS,
  ...TOKEN_EXCHANGE_GRANTS,

  async client_credentials(ctx, req, jkt) {
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
      access_token: await mintClientToken(ctx, clientId, audience, scopes, org?.id, jkt),
      scope: scopes.join(' '),
      expires_in: ACCESS_TOKEN_TTL,
      token_type: binding(jkt).tokenType,
    }
  },

  async [PASSWORD_REALM_GRANT](ctx, req, jkt) {
    const client = await authenticateAnyClient(ctx, req)
    assertGrantAllowed(client, PASSWORD_REALM_GRANT)
    const username = required(req.body, 'username')
    const password = required(req.body, 'password')
    const realm = str(req.body, 'realm') ?? DATABASE_CONNECTION
    if (![...ctx.state.connections.values()].some((c) => c.name === realm))
      throw oauthError(400, 'invalid_request', `Connection ${realm} does not exist`)
    const audience = str(req.body, 'audience')
    if (audience !== undefined) findResourceServer(ctx, audience)
    const user = login(ctx, client, realm, username, password, req)
    requireMfa(ctx, client, user, {
      scope: str(req.body, 'scope') ?? 'openid profile email',
      audience,
      authTime: Math.floor(ctx.now() / 1000),
    })
    return loginTokens(ctx, client, user, req.body, jkt)
  },

  async refresh_token(ctx, req, jkt) {
    const client = await authenticateAnyClient(ctx, req)
    assertGrantAllowed(client, 'refresh_token')
    const refresh = required(req.body, 'refresh_token')
    const grant = ctx.state.refreshTokens.get(refresh)
    const user = grant ? ctx.state.users.get(grant.userId) : undefined
    if (!grant || !user || grant.clientId !== client.client_id)
      throw invalidGrant('Unknown or invalid refresh token.')
    const extras = authStore(ctx).refreshTokens.get(refresh)
    if (extras?.jkt !== undefined && extras.jkt !== jkt)
      throw tokenEndpointError({
        ok: false,
        error: 'invalid_dpop_proof',
        description: 'The refresh token is bound to another DPoP key',
      })
    return issueUserTokens(ctx, {
      client,
      user,
      ...refreshTarget(ctx, grant, req.body),
      orgId: grant.orgId,
      authTime: grant.authTime,
      issueRefresh: false,
      sid: extras?.sid,
      jkt,
    })
  },

  async authorization_code(ctx, req, jkt) {
    const verifier = str(req.body, 'code_verifier')
    const client = await authenticateClient(ctx, req, verifier !== undefined)
    assertGrantAllowed(client, 'authorization_code')
    const code = required(req.body, 'code')
    const grant = ctx.state.codes.get(code)
    const extras = authStore(ctx).codes.get(code)
    ctx.state.codes.delete(code)
    authStore(ctx).codes.delete(code)
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
    if (extras?.dpopJkt !== undefined && extras.dpopJkt !== jkt)
      throw tokenEndpointError({
        ok: false,
        error: 'invalid_dpop_proof',
        description: 'The DPoP key is not the dpop_jkt of the authorization request',
      })
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
      acr: extras?.acr,
      jkt,
    })
  },

  // Back-channel requests are approved at once: the test plays the user's device.
  async [CIBA_GRANT](ctx, req, jkt) {
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
      jkt,
    })
  },

  async [OTP_GRANT](ctx, req, jkt) {
    const client = await authenticateAnyClient(ctx, req)
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
    return loginTokens(ctx, client, user, req.body, jkt)
  },
}

/**
 * `POST /oauth/token`: checks a DPoP proof first (so that a `use_dpop_nonce` retry finds the client assertion
 * unspent), then runs the grant the request names. While nonces are required, every answer carries `DPoP-Nonce`.
 */
export async function tokenEndpoint(ctx: TenantContext, req: RouteRequest): Promise<Response> {
  const nonce = nonceHeaders(ctx)
  try {
    const proof = await checkProof(ctx, req.request, req.url)
    if (proof && !proof.ok) throw tokenEndpointError(proof)
    const grantType = required(req.body, 'grant_type')
    const grant = Object.hasOwn(GRANTS, grantType) ? GRANTS[grantType] : undefined
    if (!grant)
      throw oauthError(400, 'unsupported_grant_type', `Unsupported grant type: ${grantType}`)
    const tokens = await grant(ctx, req, proof?.jkt)
    return json(tokens, 200, { 'cache-control': 'no-store', pragma: 'no-cache', ...nonce })
  } catch (e) {
    if (e instanceof HttpError && nonce['dpop-nonce'] !== undefined)
      return json(e.body, e.status, nonce)
    throw e
  }
}

/** `POST /oauth/revoke`: public clients may revoke without a secret; a secret that is given must be right. */
export async function revoke(ctx: TenantContext, req: RouteRequest): Promise<Response> {
  const client = await authenticateClient(ctx, req, true)
  const refresh = required(req.body, 'token')
  const grant = ctx.state.refreshTokens.get(refresh)
  if (grant && grant.clientId === client.client_id) {
    ctx.state.refreshTokens.delete(refresh)
    authStore(ctx).refreshTokens.delete(refresh)
  }
  return new Response(null, { status: 200 })
}
