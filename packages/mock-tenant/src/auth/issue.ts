// Minting the tokens of a grant: access token (DPoP-bound with `cnf.jkt` when a proof came), ID token, refresh token.
import type { TenantContext } from '../context.js'
import type { Json } from '../http.js'
import type { ClientRecord, UserRecord } from '../records.js'
import {
  ACCESS_TOKEN_TTL,
  ID_TOKEN_TTL,
  findResourceServer,
  pick,
  scopesOf,
  token,
} from './common.js'
import { authStore } from './store.js'

export interface UserTokenInput {
  client: ClientRecord
  user: UserRecord
  scope: string
  audience: string | undefined
  nonce?: string | undefined
  orgId?: string | undefined
  authTime: number
  issueRefresh: boolean
  /** The thumbprint of the DPoP key the access token is bound to. */
  jkt?: string | undefined
  /** How the user authenticated, for the ID token (`['mfa']` after an MFA grant). */
  amr?: readonly string[] | undefined
  acr?: string | undefined
  /** The session of a refresh; a login starts a new one. */
  sid?: string | undefined
}

/** The `token_type` and the `cnf` claim of an access token, bound to a DPoP key or not. */
export function binding(jkt: string | undefined): { tokenType: string; claims: Json } {
  return jkt === undefined
    ? { tokenType: 'Bearer', claims: {} }
    : { tokenType: 'DPoP', claims: { cnf: { jkt } } }
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
  const orgName =
    input.orgId === undefined ? undefined : ctx.state.organizations.get(input.orgId)?.name
  const org = input.orgId === undefined ? {} : { org_id: input.orgId }
  const bound = binding(input.jkt)
  const store = authStore(ctx)
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
        ...bound.claims,
      },
      now,
      ACCESS_TOKEN_TTL,
    ),
  }
  let sid = input.sid
  if (scopes.includes('openid')) {
    if (sid === undefined || !store.sessions.has(sid)) {
      sid = token('mock-sid-')
      store.sessions.set(sid, { userId: sub, clientId })
    }
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
        ...(orgName === undefined ? {} : { org_name: orgName }),
        ...(input.amr === undefined ? {} : { amr: [...input.amr] }),
        ...(input.acr === undefined ? {} : { acr: input.acr }),
        sid,
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
    // RFC 9449 §5: a public client's refresh token is bound to its DPoP key; a confidential client's is not.
    const publicClient = client.token_endpoint_auth_method === 'none'
    store.refreshTokens.set(refresh, { sid, jkt: publicClient ? input.jkt : undefined })
    out['refresh_token'] = refresh
  }
  return {
    ...out,
    scope: scopes.join(' '),
    expires_in: ACCESS_TOKEN_TTL,
    token_type: bound.tokenType,
  }
}

/** Mints a client-credentials access token (the Management API's bearer tokens), bound to a DPoP key or not. */
export function mintClientToken(
  ctx: TenantContext,
  clientId: string,
  audience: string,
  scopes: readonly string[],
  orgId?: string,
  jkt?: string,
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
      ...binding(jkt).claims,
    },
    ctx.now(),
    ACCESS_TOKEN_TTL,
  )
}
