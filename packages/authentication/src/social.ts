import type { RequestOptions } from '@auth0-ts/core'
import { AuthenticationBase, type TokenResponse } from './base.js'

/** Options of {@link Social.login}. */
export interface SocialLoginOptions {
  /** @default 'openid' */
  scope?: string | undefined
}

/**
 * Logs a user in with an identity provider's access token (legacy `/oauth/access_token`).
 *
 * @example
 * ```ts
 * const tokens = await new Social('tenant.auth0.com', 'CLIENT_ID').login(facebookToken, 'facebook')
 * ```
 */
export class Social extends AuthenticationBase {
  /**
   * Exchanges an identity provider's access token for Auth0 tokens.
   *
   * @throws OptionsError before sending, for an empty access token or connection
   * @throws Auth0Error
   */
  login(
    accessToken: string,
    connection: string,
    options: SocialLoginOptions = {},
    requestOptions?: RequestOptions,
  ): Promise<TokenResponse> {
    const body = { access_token: accessToken, connection, scope: options.scope ?? 'openid' }
    const check = { name: 'Social.login', args: { accessToken, connection } }
    return this.grant(
      body,
      { ...check, path: '/oauth/access_token', secrets: [accessToken] },
      requestOptions,
    )
  }
}
