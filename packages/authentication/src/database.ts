import type { RequestOptions } from '@auth0-ts/core'
import { AuthenticationBase, type JsonObject } from './base.js'

/** Options of {@link Database.signup}: the user's optional profile. */
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
  /** The organization id, to brand the reset email. */
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
  /** Creates a user in a database connection and returns it. @throws Auth0Error */
  signup(
    email: string,
    password: string,
    connection: string,
    options: SignupOptions = {},
    requestOptions?: RequestOptions,
  ): Promise<JsonObject> {
    const o = options
    const profile = {
      username: o.username,
      user_metadata: o.userMetadata,
      given_name: o.givenName,
      family_name: o.familyName,
    }
    const body = {
      email,
      password,
      connection,
      ...profile,
      name: o.name,
      nickname: o.nickname,
      picture: o.picture,
    }
    return this.post<JsonObject>(
      '/dbconnections/signup',
      body,
      { secrets: [password] },
      requestOptions,
    )
  }

  /** Sends the user a password-reset email and returns Auth0's message (text). @throws Auth0Error */
  changePassword(
    email: string,
    connection: string,
    options: ChangePasswordOptions = {},
    requestOptions?: RequestOptions,
  ): Promise<string> {
    const body = { email, connection, organization: options.organization }
    return this.post<string>(
      '/dbconnections/change_password',
      body,
      { expect: 'text' },
      requestOptions,
    )
  }
}
