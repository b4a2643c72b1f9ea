import type { RequestOptions } from '@auth0-ts/core'
import { AuthenticationBase, unlessEmpty, type JsonObject } from './base.js'

/** Options of {@link Database.signup}: the user's optional profile; empty values are left out, as auth0-python does. */
export interface SignupOptions {
  username?: string | undefined
  userMetadata?: Record<string, unknown> | undefined
  givenName?: string | undefined
  familyName?: string | undefined
  name?: string | undefined
  nickname?: string | undefined
  picture?: string | undefined
}

/** Options of {@link Database.changePassword}. */
export interface ChangePasswordOptions {
  /** The organization id, to brand the reset email; left out when empty. */
  organization?: string | undefined
}

/**
 * Database connections: sign up a user, and send a password-reset email.
 *
 * @example
 * ```ts
 * const db = new Database('tenant.auth0.com', 'CLIENT_ID')
 * await db.signup('ana@example.com', 'correct horse battery', 'Username-Password-Authentication')
 * ```
 */
export class Database extends AuthenticationBase {
  /**
   * Creates a user in a database connection and returns it.
   *
   * @throws OptionsError before sending, for an empty email, password or connection
   * @throws Auth0Error
   */
  signup(
    email: string,
    password: string,
    connection: string,
    options: SignupOptions = {},
    requestOptions?: RequestOptions,
  ): Promise<JsonObject> {
    const o = options
    const profile = {
      username: unlessEmpty(o.username),
      user_metadata: unlessEmpty(o.userMetadata),
      given_name: unlessEmpty(o.givenName),
      family_name: unlessEmpty(o.familyName),
    }
    const body = {
      email,
      password,
      connection,
      ...profile,
      name: unlessEmpty(o.name),
      nickname: unlessEmpty(o.nickname),
      picture: unlessEmpty(o.picture),
    }
    const check = { name: 'Database.signup', args: { email, password, connection } }
    return this.post<JsonObject>(
      '/dbconnections/signup',
      body,
      { ...check, secrets: [password], expect: 'object' },
      requestOptions,
    )
  }

  /**
   * Sends the user a password-reset email and returns Auth0's message (text).
   *
   * @throws OptionsError before sending, for an empty email or connection
   * @throws Auth0Error
   */
  changePassword(
    email: string,
    connection: string,
    options: ChangePasswordOptions = {},
    requestOptions?: RequestOptions,
  ): Promise<string> {
    const body = { email, connection, organization: unlessEmpty(options.organization) }
    const check = { name: 'Database.changePassword', args: { email, connection } }
    return this.post<string>(
      '/dbconnections/change_password',
      body,
      { ...check, expect: 'text' },
      requestOptions,
    )
  }
}
