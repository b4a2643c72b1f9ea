import type { RequestOptions } from '@auth0-ts/core'
import { AuthenticationApi, type TransportOptions } from './base.js'

/** A postal address claim (OpenID Connect Core §5.1.1). */
export interface AddressClaim {
  formatted?: string
  street_address?: string
  locality?: string
  region?: string
  postal_code?: string
  country?: string
}

/**
 * The claims `/userinfo` returns: the OpenID Connect standard claims (OpenID Connect Core §5.1) the granted scopes
 * allow, and any other claim (namespaced custom claims) as `unknown`.
 */
export interface UserInfo {
  /** The user's id, such as `auth0|64f0…`. */
  sub: string
  name?: string
  given_name?: string
  family_name?: string
  middle_name?: string
  nickname?: string
  preferred_username?: string
  /** URL of the profile page. */
  profile?: string
  /** URL of the picture. */
  picture?: string
  website?: string
  email?: string
  email_verified?: boolean
  gender?: string
  /** `YYYY-MM-DD`, or `YYYY`. */
  birthdate?: string
  /** An IANA time zone, such as `Europe/Paris`. */
  zoneinfo?: string
  /** A BCP 47 language tag, such as `en-US`. */
  locale?: string
  phone_number?: string
  phone_number_verified?: boolean
  address?: AddressClaim
  /**
   * When the profile last changed: Auth0 sends an ISO 8601 date-time string; OpenID Connect defines a number of epoch
   * seconds, which other providers send.
   */
  updated_at?: string | number
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
