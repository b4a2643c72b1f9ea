// Client-initiated backchannel authentication (CIBA): `/bc-authorize` starts a login that the CIBA grant completes.
import type { TenantContext } from '../context.js'
import { json, oauthError, str, type Json } from '../http.js'
import type { RouteRequest } from '../router/route.js'
import { authenticateClient } from './client-auth.js'
import { CIBA_TTL_S, required, scopesOf, token } from './common.js'

/** Starts a back-channel login for the user named by `login_hint` (`{"format":"iss_sub","iss":...,"sub":...}`). */
export async function backChannelAuthorize(
  ctx: TenantContext,
  req: RouteRequest,
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
    clientId: client.client_id,
    params,
    userId: sub,
    expiresAt: ctx.now() + CIBA_TTL_S * 1000,
  })
  return json({ auth_req_id: id, expires_in: CIBA_TTL_S, interval: 5 })
}
