// The Authentication API's route table: OIDC discovery, JWKS, /authorize, /oauth/token and friends.
import type { TenantContext } from '../context.js'
import { json } from '../http.js'
import type { PublicRoute } from '../router/route.js'
import { authorize, authorizeForm, pushAuthorizationRequest } from './authorize.js'
import { backChannelAuthorize } from './ciba.js'
import { changePassword, signup } from './database.js'
import { discovery } from './discovery.js'
import { samlMetadata, wsfedMetadata } from './metadata.js'
import { passwordlessStart } from './passwordless.js'
import { revoke, tokenEndpoint } from './tokens.js'
import { userinfo } from './userinfo.js'

export function authenticationRoutes(ctx: TenantContext): PublicRoute[] {
  return [
    {
      method: 'GET',
      path: '/.well-known/openid-configuration',
      handle: () => json(discovery(ctx)),
    },
    { method: 'GET', path: '/.well-known/jwks.json', handle: () => json(ctx.keys.jwks) },
    { method: 'GET', path: '/authorize', handle: (req) => authorize(ctx, req.query, req, false) },
    { method: 'POST', path: '/authorize', handle: (req) => authorizeForm(ctx, req) },
    { method: 'POST', path: '/oauth/token', handle: (req) => tokenEndpoint(ctx, req) },
    { method: 'POST', path: '/oauth/par', handle: (req) => pushAuthorizationRequest(ctx, req) },
    { method: 'POST', path: '/oauth/revoke', handle: (req) => revoke(ctx, req) },
    { method: 'POST', path: '/bc-authorize', handle: (req) => backChannelAuthorize(ctx, req) },
    { method: 'GET', path: '/userinfo', handle: (req) => userinfo(ctx, req) },
    { method: 'POST', path: '/userinfo', handle: (req) => userinfo(ctx, req) },
    { method: 'POST', path: '/dbconnections/signup', handle: (req) => signup(ctx, req.body) },
    {
      method: 'POST',
      path: '/dbconnections/change_password',
      handle: (req) => changePassword(ctx, req.body),
    },
    { method: 'POST', path: '/passwordless/start', handle: (req) => passwordlessStart(ctx, req) },
    {
      method: 'GET',
      path: '/samlp/metadata/{clientId}',
      handle: (req) => samlMetadata(ctx, req.params['clientId'] as string),
    },
    {
      method: 'GET',
      path: '/wsfed/FederationMetadata/2007-06/FederationMetadata.xml',
      handle: () => wsfedMetadata(ctx),
    },
  ]
}
