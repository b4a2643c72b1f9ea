// OpenID Connect Dynamic Client Registration (`POST /oidc/register`, RFC 7591): a third-party client, on tenants that
// allow it.
import { randomBytes } from 'node:crypto'
import * as z from 'zod/mini'
import type { TenantContext } from '../context.js'
import { json, oauthError } from '../http.js'
import type { ClientRecord } from '../records.js'
import type { RouteRequest } from '../router/route.js'
import { parseBody } from './common.js'
import { authStore } from './store.js'

const URL_MESSAGE = 'expected an absolute URL'
const AUTH_METHODS = ['none', 'client_secret_post', 'client_secret_basic'] as const

const registrationSchema = z.object({
  redirect_uris: z
    .array(
      z.string(URL_MESSAGE).check(z.refine((v) => URL.canParse(v), URL_MESSAGE)),
      'expected an array of URLs',
    )
    .check(z.minLength(1, 'expected at least one redirect URI')),
  client_name: z.optional(z.string('expected a string')),
  token_endpoint_auth_method: z.optional(
    z.enum(AUTH_METHODS, `expected one of ${AUTH_METHODS.join(', ')}`),
  ),
  grant_types: z.optional(z.array(z.string('expected a string'), 'expected an array of strings')),
})

/** `POST /oidc/register`: 201 with the new client (a secret unless its auth method is `none`), or 403 when disabled. */
export function register(ctx: TenantContext, req: RouteRequest): Response {
  if (!authStore(ctx).settings.dynamicRegistration)
    throw oauthError(
      403,
      'access_denied',
      'Dynamic client registration is disabled for this tenant',
    )
  const body = parseBody(registrationSchema, req.body, (path) =>
    path.startsWith('redirect_uris') ? 'invalid_redirect_uri' : 'invalid_client_metadata',
  )
  const method = body.token_endpoint_auth_method ?? 'client_secret_basic'
  const clientId = randomBytes(24).toString('base64url')
  const secret = method === 'none' ? undefined : randomBytes(48).toString('base64url')
  const name = body.client_name ?? 'Dynamic client'
  const grantTypes = body.grant_types ?? ['authorization_code', 'implicit', 'refresh_token']
  const client: ClientRecord = {
    client_id: clientId,
    name,
    tenant: 'mock-tenant',
    app_type: method === 'none' ? 'native' : 'regular_web',
    ...(secret === undefined ? {} : { client_secret: secret }),
    grant_types: grantTypes,
    callbacks: body.redirect_uris,
    allowed_logout_urls: [],
    token_endpoint_auth_method: method,
    is_first_party: false,
    oidc_conformant: true,
    jwt_configuration: { alg: 'RS256', lifetime_in_seconds: 36000 },
  }
  ctx.state.clients.set(clientId, client)
  return json(
    {
      client_id: clientId,
      ...(secret === undefined ? {} : { client_secret: secret }),
      client_secret_expires_at: 0,
      client_name: name,
      redirect_uris: body.redirect_uris,
      token_endpoint_auth_method: method,
      grant_types: grantTypes,
    },
    201,
    { 'cache-control': 'no-store' },
  )
}
