import type { RequestOptions } from '@auth0-ts/core'
import { AuthenticationBase } from './base.js'

/**
 * Revokes refresh tokens (`/oauth/revoke`).
 *
 * @example
 * ```ts
 * await new RevokeToken('tenant.auth0.com', 'CLIENT_ID', { clientSecret }).revokeRefreshToken(refreshToken)
 * ```
 */
export class RevokeToken extends AuthenticationBase {
  /**
   * Revokes a refresh token; resolves with the (normally empty) response body.
   *
   * @throws OptionsError before sending, for an empty token
   * @throws Auth0Error
   */
  revokeRefreshToken(token: string, requestOptions?: RequestOptions): Promise<unknown> {
    const check = { name: 'RevokeToken.revokeRefreshToken', args: { token } }
    return this.post<unknown>(
      '/oauth/revoke',
      { token },
      { ...check, clientAuth: true, secrets: [token] },
      requestOptions,
    )
  }
}
