import type { RequestOptions } from '@auth0-ts/core'
import { AuthenticationBase, unlessEmpty, type JsonObject } from './base.js'

/** Options of {@link Passwordless.email}. */
export interface PasswordlessEmailOptions {
  /** `link` for a magic link, `code` for a one-time code. @default 'link' */
  send?: string | undefined
  /** Authorization parameters for the magic link (`scope`, `state`, ...); left out when empty. */
  authParams?: Record<string, string> | undefined
}

/**
 * Starts a passwordless flow by email or SMS; finish it with `GetToken.passwordlessLogin`.
 *
 * @example
 * ```ts
 * await new Passwordless('tenant.auth0.com', 'CLIENT_ID', { clientSecret }).email('ana@example.com', { send: 'code' })
 * ```
 */
export class Passwordless extends AuthenticationBase {
  /**
   * Sends a magic link or a one-time code by email.
   *
   * @throws OptionsError before sending, for an empty email
   * @throws Auth0Error
   */
  email(
    email: string,
    options: PasswordlessEmailOptions = {},
    requestOptions?: RequestOptions,
  ): Promise<JsonObject> {
    const body = {
      connection: 'email',
      email,
      send: options.send ?? 'link',
      authParams: unlessEmpty(options.authParams),
    }
    const call = {
      name: 'Passwordless.email',
      args: { email },
      clientAuth: true,
      expect: 'object' as const,
    }
    return this.post<JsonObject>('/passwordless/start', body, call, requestOptions)
  }

  /**
   * Sends a one-time code by SMS.
   *
   * @throws OptionsError before sending, for an empty phone number
   * @throws Auth0Error
   */
  sms(phoneNumber: string, requestOptions?: RequestOptions): Promise<JsonObject> {
    const body = { connection: 'sms', phone_number: phoneNumber }
    const call = {
      name: 'Passwordless.sms',
      args: { phoneNumber },
      clientAuth: true,
      expect: 'object' as const,
    }
    return this.post<JsonObject>('/passwordless/start', body, call, requestOptions)
  }
}
