// The Authentication API's route table: OIDC discovery, JWKS, /authorize, /oauth/token, MFA, the device flow, logout,
// dynamic registration and global token revocation.
import type { TenantContext } from '../context.js'
import { json } from '../http.js'
import type { PublicRoute } from '../router/route.js'
import { authorize, authorizeForm, pushAuthorizationRequest } from './authorize.js'
import { backChannelAuthorize } from './ciba.js'
import { changePassword, signup } from './database.js'
import { activate, activateForm, deviceCode } from './device.js'
import { discovery } from './discovery.js'
import { globalTokenRevocation } from './global-token-revocation.js'
import { logout, oidcLogout } from './logout.js'
import { samlMetadata, wsfedMetadata } from './metadata.js'
import { associate, challenge, deleteAuthenticator, listAuthenticators } from './mfa.js'
import { passwordlessStart } from './passwordless.js'
import { register } from './registration.js'
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
    { method: 'POST', path: '/mfa/challenge', handle: (req) => challenge(ctx, req) },
    { method: 'POST', path: '/mfa/associate', handle: (req) => associate(ctx, req) },
    { method: 'GET', path: '/mfa/authenticators', handle: (req) => listAuthenticators(ctx, req) },
    {
      method: 'DELETE',
      path: '/mfa/authenticators/{id}',
      handle: (req) => deleteAuthenticator(ctx, req),
    },
    { method: 'POST', path: '/oauth/device/code', handle: (req) => deviceCode(ctx, req) },
    { method: 'GET', path: '/activate', handle: (req) => activateForm(req) },
    { method: 'POST', path: '/activate', handle: (req) => activate(ctx, req) },
    { method: 'POST', path: '/oidc/register', handle: (req) => register(ctx, req) },
    {
      method: 'POST',
      path: '/oauth/global-token-revocation/connection/{connection_name}',
      handle: (req) => globalTokenRevocation(ctx, req),
    },
    { method: 'GET', path: '/v2/logout', handle: (req) => logout(ctx, req) },
    { method: 'GET', path: '/oidc/logout', handle: (req) => oidcLogout(ctx, req) },
  ]
}
