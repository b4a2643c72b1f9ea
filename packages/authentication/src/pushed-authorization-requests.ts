import type { FormValue, RequestOptions } from '@auth0-ts/core'
import { AuthenticationBase } from './base.js'

/** Authorization parameters of a pushed request, sent as form fields as they are (`scope`, `state`, `audience`, ...). */
export type PushedAuthorizationRequestOptions = Record<string, FormValue>

/** The answer of `/oauth/par`: use `request_uri` in the `/authorize` redirect. */
export interface PushedAuthorizationResponse {
  request_uri: string
  /** Lifetime of `request_uri`, in seconds. */
  expires_in: number
  [key: string]: unknown
}

/**
 * Pushed authorization requests (PAR, RFC 9126): sends the authorization parameters over the back channel.
 *
 * @example
 * ```ts
 * const par = new PushedAuthorizationRequests('tenant.auth0.com', 'CLIENT_ID', { clientSecret })
 * const { request_uri } = await par.pushedAuthorizationRequest('code', 'https://app/cb', { scope: 'openid' })
 * ```
 */
export class PushedAuthorizationRequests extends AuthenticationBase {
  /**
   * Pushes an authorization request (form-encoded; unset fields are left out).
   *
   * @throws OptionsError before sending, for an empty response type or redirect URI
   * @throws Auth0Error
   */
  pushedAuthorizationRequest(
    responseType: string,
    redirectUri: string,
    options: PushedAuthorizationRequestOptions = {},
    requestOptions?: RequestOptions,
  ): Promise<PushedAuthorizationResponse> {
    const body = { response_type: responseType, redirect_uri: redirectUri, ...options }
    return this.post(
      '/oauth/par',
      body,
      {
        name: 'PushedAuthorizationRequests.pushedAuthorizationRequest',
        args: { responseType, redirectUri },
        clientAuth: true,
        form: true,
        expect: 'object',
      },
      requestOptions,
    )
  }
}
