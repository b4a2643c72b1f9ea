import type { RequestOptions } from '@auth0-ts/core'
import { AuthenticationApi, type TransportOptions } from './base.js'

/** The claims `/userinfo` returns. */
export interface UserInfo {
  sub: string
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
  /** @throws TypeError for a bad domain or option, listing every problem */
  constructor(domain: string, options: TransportOptions = {}) {
    super(domain, options, 'Users options', false)
  }

  /** Returns the user's claims for an access token. @throws Auth0Error (401 for a bad token) */
  userinfo(accessToken: string, requestOptions?: RequestOptions): Promise<UserInfo> {
    const headers = { authorization: `Bearer ${accessToken}` }
    return this.call<UserInfo>(
      { method: 'GET', path: '/userinfo', headers, secrets: [accessToken] },
      requestOptions,
    )
  }
}
