// Logout: `/v2/logout` and OpenID Connect RP-Initiated Logout (`/oidc/logout`), redirecting to an allowed URL.
import { addLog, type TenantContext } from '../context.js'
import { redirect, text } from '../http.js'
import type { ClientRecord } from '../records.js'
import type { RouteRequest } from '../router/route.js'
import { authStore } from './store.js'

const withoutQuery = (url: string) => {
  const u = new URL(url)
  u.search = ''
  u.hash = ''
  return u.href
}

/**
 * Whether a URL may be returned to after logout: one of the client's Allowed Logout URLs or callback URLs, or of the
 * tenant's Allowed Logout URLs; the query is not compared.
 */
function isAllowed(ctx: TenantContext, client: ClientRecord | undefined, url: string): boolean {
  if (!URL.canParse(url)) return false
  const wanted = withoutQuery(url)
  return [
    ...(client?.allowed_logout_urls ?? []),
    ...(client?.callbacks ?? []),
    ...authStore(ctx).settings.allowedLogoutUrls,
  ].some((allowed) => URL.canParse(allowed) && withoutQuery(allowed) === wanted)
}

const notAllowed = (name: string, url: string) =>
  text(
    `The "${name}" parameter "${url}" is not one of the Allowed Logout URLs of the application or the tenant.`,
    400,
  )

const loggedOut = () => text('You are logged out.')

function record(
  ctx: TenantContext,
  client: ClientRecord | undefined,
  federated: boolean,
  userId: string | undefined,
): void {
  addLog(ctx, {
    type: 'slo',
    description: federated ? 'Success Logout (federated)' : 'Success Logout',
    ...(client ? { client_id: client.client_id, client_name: client.name } : {}),
    ...(userId === undefined ? {} : { user_id: userId }),
  })
}

/** `GET /v2/logout`: ends the session and redirects to `returnTo` (or the client's first Allowed Logout URL). */
export function logout(ctx: TenantContext, req: RouteRequest): Response {
  const clientId = req.query.get('client_id')
  const client = clientId === null ? undefined : ctx.state.clients.get(clientId)
  if (clientId !== null && !client) return text('Unknown client: the client_id is invalid.', 400)
  const returnTo = req.query.get('returnTo')
  if (returnTo !== null && !isAllowed(ctx, client, returnTo))
    return notAllowed('returnTo', returnTo)
  record(ctx, client, req.query.has('federated'), undefined)
  const target = returnTo ?? client?.allowed_logout_urls?.[0]
  return target === undefined ? loggedOut() : redirect(target)
}

/**
 * `GET /oidc/logout`: ends the session the `id_token_hint` (or `logout_hint`) names, and redirects to
 * `post_logout_redirect_uri` with `state`.
 */
export async function oidcLogout(ctx: TenantContext, req: RouteRequest): Promise<Response> {
  const q = req.query
  const hint = q.get('id_token_hint')
  let sub: string | undefined
  let sid = q.get('logout_hint') ?? undefined
  let audience: string | undefined
  if (hint !== null) {
    const verified = await ctx.keys.verify(hint, ctx.now(), { issuer: ctx.issuer })
    if (!verified.ok) return text('The id_token_hint is not a valid ID token of this tenant.', 400)
    const { aud } = verified.payload
    audience = Array.isArray(aud) ? aud[0] : aud
    sub = verified.payload.sub
    if (typeof verified.payload['sid'] === 'string') sid = verified.payload['sid']
  }
  const named = q.get('client_id') ?? undefined
  if (named !== undefined && audience !== undefined && named !== audience)
    return text('The client_id is not the audience of the id_token_hint.', 400)
  const clientId = named ?? audience
  const client = clientId === undefined ? undefined : ctx.state.clients.get(clientId)
  if (clientId !== undefined && !client)
    return text('Unknown client: the client_id is invalid.', 400)
  const redirectUri = q.get('post_logout_redirect_uri')
  if (redirectUri !== null && !client)
    return text('A post_logout_redirect_uri needs an id_token_hint or a client_id.', 400)
  if (redirectUri !== null && !isAllowed(ctx, client, redirectUri))
    return notAllowed('post_logout_redirect_uri', redirectUri)
  const { sessions } = authStore(ctx)
  const session = sid === undefined ? undefined : sessions.get(sid)
  if (sid !== undefined && session && (sub === undefined || session.userId === sub)) {
    sessions.delete(sid)
    sub ??= session.userId
  }
  record(ctx, client, q.has('federated'), sub)
  if (redirectUri === null) return loggedOut()
  const target = new URL(redirectUri)
  const state = q.get('state')
  if (state !== null) target.searchParams.set('state', state)
  return redirect(target.toString())
}
