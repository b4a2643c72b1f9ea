import type { TenantContext } from '../context.js'
import { json } from '../http.js'
import type { RouteRequest } from '../router/route.js'
import { pick } from './common.js'

/** `GET|POST /userinfo`: the profile of the user a bearer token was issued to; a plain 401 otherwise. */
export async function userinfo(ctx: TenantContext, req: RouteRequest): Promise<Response> {
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
    sub: user.user_id,
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
