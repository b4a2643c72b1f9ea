// Global token revocation (`POST /oauth/global-token-revocation/connection/{connection_name}`): an identity provider,
// with a token signed by a key the connection trusts, ends a user's sessions and refresh tokens.
import { createLocalJWKSet, jwtVerify, type JWTPayload } from 'jose'
import * as z from 'zod/mini'
import type { TenantContext } from '../context.js'
import { empty, json, oauthError } from '../http.js'
import type { RouteRequest } from '../router/route.js'
import { bearerToken, parseBody } from './common.js'
import { authStore } from './store.js'

const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA']

const revocationSchema = z.object({
  subject: z.object(
    {
      format: z.literal('iss_sub', 'expected iss_sub'),
      iss: z.string('expected a string').check(z.minLength(1, 'expected a non-empty string')),
      sub: z.string('expected a string').check(z.minLength(1, 'expected a non-empty string')),
    },
    'expected an object { format, iss, sub }',
  ),
})

function unauthorized(description: string): Response {
  return json({ error: 'invalid_token', error_description: description }, 401, {
    'www-authenticate': `Bearer error="invalid_token", error_description="${description}"`,
  })
}

/** Ends every session and refresh token of a user; returns how many of each. */
export function revokeUser(
  ctx: TenantContext,
  userId: string,
): { sessions: number; refreshTokens: number } {
  const store = authStore(ctx)
  let sessions = 0
  let refreshTokens = 0
  for (const [sid, session] of store.sessions)
    if (session.userId === userId) {
      store.sessions.delete(sid)
      sessions += 1
    }
  for (const [token, grant] of ctx.state.refreshTokens)
    if (grant.userId === userId) {
      ctx.state.refreshTokens.delete(token)
      store.refreshTokens.delete(token)
      refreshTokens += 1
    }
  return { sessions, refreshTokens }
}

/**
 * Verifies the provider's token (signature by a key the connection trusts, `iss`, `aud` the tenant or this endpoint,
 * `exp`), then revokes the user the subject names in that connection. 204 whether or not such a user exists.
 */
export async function globalTokenRevocation(
  ctx: TenantContext,
  req: RouteRequest,
): Promise<Response> {
  const connection = req.params['connection_name'] as string
  const token = bearerToken(req.request)
  if (token === undefined) return unauthorized('Missing authentication')
  const trust = Object.hasOwn(authStore(ctx).settings.globalTokenRevocation, connection)
    ? authStore(ctx).settings.globalTokenRevocation[connection]
    : undefined
  if (!trust || ![...ctx.state.connections.values()].some((c) => c.name === connection))
    return unauthorized('The connection has no keys to verify the token with')
  let payload: JWTPayload
  try {
    const endpoint = new URL(req.url.pathname, ctx.url).toString()
    payload = (
      await jwtVerify(token, createLocalJWKSet({ keys: [...trust.keys] }), {
        algorithms: ALGORITHMS,
        issuer: trust.issuer,
        audience: [ctx.issuer, ctx.url, endpoint],
        requiredClaims: ['exp'],
        currentDate: new Date(ctx.now()),
      })
    ).payload
  } catch {
    return unauthorized('Invalid token')
  }
  const { subject } = parseBody(revocationSchema, req.body)
  if (subject.iss !== payload.iss)
    throw oauthError(400, 'invalid_request', 'subject.iss is not the issuer of the token')
  for (const user of ctx.state.users.values())
    if (
      user.identities.some((i) => i.connection === connection && i.user_id === subject.sub) ||
      (user.user_id === subject.sub && user.identities[0]?.connection === connection)
    )
      revokeUser(ctx, user.user_id)
  return empty(204)
}
