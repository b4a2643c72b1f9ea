import type { RequestOptions } from '@auth0-ts/core'
import { AuthenticationBase, type TokenResponse } from './base.js'

/** Options of {@link Delegated.getToken}: exactly one of `idToken` and `refreshToken`. */
export interface DelegatedOptions {
  idToken?: string | undefined
  refreshToken?: string | undefined
  /** @default 'openid' */
  scope?: string | undefined
}

/**
 * Legacy delegation (`/delegation`): a token for another API from an id token or a refresh token.
 *
 * @example
 * ```ts
 * const delegated = new Delegated('tenant.auth0.com', 'CLIENT_ID')
 * await delegated.getToken('TARGET_CLIENT', 'app', 'urn:ietf:params:oauth:grant-type:jwt-bearer', { idToken })
 * ```
 */
export class Delegated extends AuthenticationBase {
  /**
   * Gets a delegation token.
   *
   * @throws TypeError before sending when both or neither of `idToken` and `refreshToken` are given, and
   *   OptionsError for an empty target, API type or grant type
   * @throws Auth0Error when the call fails
   */
  async getToken(
    target: string,
    apiType: string,
    grantType: string,
    options: DelegatedOptions = {},
    requestOptions?: RequestOptions,
  ): Promise<TokenResponse> {
    const { idToken, refreshToken } = options
    // auth0-python's checks and messages, truthiness included.
    if (idToken && refreshToken)
      throw new TypeError('Only one of id_token or refresh_token can be None')
    if (!idToken && !refreshToken)
      throw new TypeError('Either id_token or refresh_token must have a value')
    const token = idToken ? { id_token: idToken } : { refresh_token: refreshToken }
    const body = {
      grant_type: grantType,
      target,
      scope: options.scope ?? 'openid',
      api_type: apiType,
      ...token,
    }
    const check = { name: 'Delegated.getToken', args: { target, apiType, grantType } }
    return this.grant(
      body,
      { ...check, path: '/delegation', secrets: [idToken, refreshToken] },
      requestOptions,
    )
  }
}
