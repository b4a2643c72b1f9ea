/**
 * A postal address claim (OpenID Connect Core §5.1.1). Every member is optional: a provider sends the parts it has.
 *
 * @example
 * ```ts
 * const where = claims.address?.formatted ?? claims.address?.country
 * ```
 */
export interface AddressClaim {
  /** The full address, for display; lines separated by `\n`. */
  formatted?: string
  /** The street address: house number, street name, P.O. box; lines separated by `\n`. */
  street_address?: string
  /** The city or locality. */
  locality?: string
  /** The state, province, prefecture or region. */
  region?: string
  /** The zip or postal code. */
  postal_code?: string
  /** The country name. */
  country?: string
}

/**
 * The OpenID Connect standard claims about the user (OpenID Connect Core §5.1), typed once for both ID tokens
 * (`IdTokenClaims` of `@auth0-ts/token-verifier`) and `/userinfo` responses (`UserInfo` of
 * `@auth0-ts/authentication`). Only `sub` is always present; the others depend on the scopes granted (`profile`,
 * `email`, `address`, `phone`).
 *
 * @example
 * ```ts
 * function greeting(claims: StandardClaims): string {
 *   return claims.email_verified ? `Hello ${claims.name ?? claims.email}` : 'Please verify your email address'
 * }
 * ```
 */
export interface StandardClaims {
  /** The user's id, such as `auth0|64f0…`. */
  sub: string
  /** The user's full name, for display. */
  name?: string
  /** The given (first) name. */
  given_name?: string
  /** The family (last) name. */
  family_name?: string
  /** The middle name. */
  middle_name?: string
  /** A casual name, such as `Mike` for `Michael`. */
  nickname?: string
  /** The name the user wants to be referred to by, such as `j.doe`; not unique, not an id. */
  preferred_username?: string
  /** URL of the profile page. */
  profile?: string
  /** URL of the picture. */
  picture?: string
  /** URL of the user's web page or blog. */
  website?: string
  /** The email address; not unique, not an id. */
  email?: string
  /** Whether the email address was verified. */
  email_verified?: boolean
  /** The gender, such as `female` or `male` (other values are allowed). */
  gender?: string
  /** The birth date, `YYYY-MM-DD`, or `YYYY` alone (`0000` for the year when only the day is shared). */
  birthdate?: string
  /** An IANA time zone, such as `Europe/Paris`. */
  zoneinfo?: string
  /** A BCP 47 language tag, such as `en-US`. */
  locale?: string
  /** The phone number, preferably E.164, such as `+1 (425) 555-1212`. */
  phone_number?: string
  /** Whether the phone number was verified. */
  phone_number_verified?: boolean
  /** The postal address. */
  address?: AddressClaim
  /**
   * When the profile last changed. OpenID Connect defines a number of seconds since the epoch (1970-01-01T00:00:00Z,
   * not milliseconds), which other providers send; Auth0 sends an ISO 8601 date-time string, such as
   * `2026-01-31T09:30:00.000Z`, both in ID tokens and from `/userinfo`. `new Date(claims.updated_at)` is right only
   * for the string: multiply a number by 1000 first.
   */
  updated_at?: string | number
}
