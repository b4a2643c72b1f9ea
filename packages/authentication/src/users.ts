import type { RequestOptions, StandardClaims } from '@auth0-ts/core'
import { AuthenticationApi, type TransportOptions } from './base.js'

/**
 * The claims `/userinfo` returns: core's {@link StandardClaims} (OpenID Connect Core §5.1) that the granted scopes
 * allow, and any other claim (namespaced custom claims) as `unknown`.
 *
 * @example
 * ```ts
 * const { email, email_verified } = await new Users('tenant.auth0.com').userinfo(accessToken)
 * ```
 */
export interface UserInfo extends StandardClaims {
  [claim: string]: unknown
}

/**
 * The `/userinfo` endpoint: the profile of the user an access token was issued to. Takes no client id.
 *
 * @example
 * ```ts
 * const profile = await new Users('tenant.auth0.com').userinfo(accessToken)
 * ```
 */
export class Users extends AuthenticationApi {
  /** @throws OptionsError for a bad domain or option, listing every problem */
  constructor(domain: string, options: TransportOptions = {}) {
    super(domain, options, 'Users options', false)
  }

  /**
   * Returns the user's claims for an access token; with the `dpop` option, the token is sent as `DPoP` with a proof.
   *
   * @throws OptionsError before sending, for a missing or empty access token
   * @throws Auth0Error (401 for a bad token)
   */
  userinfo(accessToken: string, requestOptions?: RequestOptions): Promise<UserInfo> {
    const headers = { authorization: `${this.dpop ? 'DPoP' : 'Bearer'} ${accessToken}` }
    const call = { name: 'Users.userinfo', args: { accessToken }, secrets: [accessToken] }
    return this.call<UserInfo>(
      { method: 'GET', path: '/userinfo', headers, ...call, expect: 'object' },
      requestOptions,
    )
  }
}
