import type { TenantContext } from '../context.js'
import { CIBA_GRANT, OTP_GRANT, PASSWORD_REALM_GRANT } from '../seed.js'
import { DPOP_ALGORITHMS } from './dpop.js'
import { EXTRA_USER_GRANTS } from './grant-types.js'

/** `GET /.well-known/openid-configuration`: the OIDC discovery document at the issuer. */
export function discovery(ctx: TenantContext) {
  return {
    issuer: ctx.issuer,
    authorization_endpoint: `${ctx.issuer}authorize`,
    token_endpoint: `${ctx.issuer}oauth/token`,
    userinfo_endpoint: `${ctx.issuer}userinfo`,
    jwks_uri: `${ctx.issuer}.well-known/jwks.json`,
    revocation_endpoint: `${ctx.issuer}oauth/revoke`,
    device_authorization_endpoint: `${ctx.issuer}oauth/device/code`,
    end_session_endpoint: `${ctx.issuer}oidc/logout`,
    registration_endpoint: `${ctx.issuer}oidc/register`,
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    code_challenge_methods_supported: ['S256', 'plain'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: [
      'client_secret_basic',
      'client_secret_post',
      'private_key_jwt',
    ],
    token_endpoint_auth_signing_alg_values_supported: ['RS256', 'RS384', 'PS256'],
    grant_types_supported: [
      'authorization_code',
      'client_credentials',
      'refresh_token',
      PASSWORD_REALM_GRANT,
      OTP_GRANT,
      CIBA_GRANT,
      ...EXTRA_USER_GRANTS,
    ],
    pushed_authorization_request_endpoint: `${ctx.issuer}oauth/par`,
    backchannel_authentication_endpoint: `${ctx.issuer}bc-authorize`,
    backchannel_token_delivery_modes_supported: ['poll'],
    dpop_signing_alg_values_supported: DPOP_ALGORITHMS,
    claims_supported: [
      'acr',
      'amr',
      'aud',
      'auth_time',
      'email',
      'email_verified',
      'exp',
      'family_name',
      'given_name',
      'iat',
      'iss',
      'name',
      'nickname',
      'nonce',
      'org_id',
      'org_name',
      'picture',
      'sid',
      'sub',
    ],
    request_uri_parameter_supported: false,
  }
}
