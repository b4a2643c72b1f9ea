import type { TenantContext } from '../context.js'
import { json } from '../http.js'
import type { RouteRequest } from '../router/route.js'
import { pick } from './common.js'
import { boundJkt, checkProof, dpopChallenge, nonceHeaders } from './dpop.js'

/**
 * `GET|POST /userinfo`: the profile of the user a token was issued to. A bearer token goes as `Bearer`; a DPoP-bound
 * one as `DPoP` with a proof (`ath` included), and never as `Bearer`. Otherwise a plain 401 whose
 * `WWW-Authenticate` says why.
 */
export async function userinfo(ctx: TenantContext, req: RouteRequest): Promise<Response> {
  const nonce = nonceHeaders(ctx)
  const deny = (challenge: string) =>
    new Response('Unauthorized', {
      status: 401,
      headers: {
        'content-type': 'text/plain; charset=utf-8',
        'www-authenticate': challenge,
        ...nonce,
      },
    })
  const credentials = /^(Bearer|DPoP)\s+(\S+)$/i.exec(
    req.request.headers.get('authorization') ?? '',
  )
  if (!credentials) return deny('Bearer error="invalid_token"')
  const dpop = (credentials[1] as string).toLowerCase() === 'dpop'
  const accessToken = credentials[2] as string
  const verified = await ctx.keys.verify(accessToken, ctx.now(), { issuer: ctx.issuer })
  if (!verified.ok)
    return deny(
      dpop ? dpopChallenge('invalid_token', 'Invalid token') : 'Bearer error="invalid_token"',
    )
  const jkt = boundJkt(verified.payload)
  if (!dpop && jkt !== undefined)
    return deny(
      dpopChallenge('invalid_token', 'DPoP-bound access token sent with the Bearer scheme'),
    )
  if (dpop) {
    if (jkt === undefined)
      return deny(dpopChallenge('invalid_token', 'The access token is not DPoP-bound'))
    const proof = await checkProof(ctx, req.request, req.url, accessToken)
    if (!proof) return deny(dpopChallenge('invalid_dpop_proof', 'A DPoP proof is required'))
    if (!proof.ok)
      return deny(
        dpopChallenge(
          proof.error,
          proof.error === 'use_dpop_nonce'
            ? 'Resource server requires nonce in DPoP proof'
            : proof.description,
        ),
      )
    if (proof.jkt !== jkt)
      return deny(
        dpopChallenge('invalid_dpop_proof', 'The DPoP key is not the one the token is bound to'),
      )
  }
  const user = ctx.state.users.get(String(verified.payload.sub))
  if (!user) return deny('Bearer error="invalid_token"')
  return json(
    {
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
    },
    200,
    nonce,
  )
}
