import type { FormValue, RequestOptions } from '@auth0-ts/core'
import { AuthenticationBase } from './base.js'

/** Options of {@link BackChannelLogin.backChannelLogin}; any other key is sent as a form field as it is. */
export interface BackChannelLoginOptions {
  /** Rich authorization details: a list of objects (sent as JSON text) or JSON text. */
  authorizationDetails?: string | readonly Record<string, unknown>[] | undefined
  /** How long the request stays valid, in seconds. */
  requestedExpiry?: number | undefined
  [field: string]: FormValue
}

/** The answer of `/bc-authorize`. */
export interface BackChannelLoginResponse {
  auth_req_id: string
  expires_in: number
  interval?: number
  [key: string]: unknown
}

/**
 * Client-initiated backchannel authentication (CIBA): asks a user to approve a login on their device. Poll with
 * `GetToken.backchannelLogin`.
 *
 * @example
 * ```ts
 * const bcl = new BackChannelLogin('tenant.auth0.com', 'CLIENT_ID', { clientSecret })
 * const { auth_req_id } = await bcl.backChannelLogin('Approve order 42', loginHint, 'openid')
 * ```
 */
export class BackChannelLogin extends AuthenticationBase {
  /** Starts a CIBA request (form-encoded; unset fields are left out). @throws Auth0Error */
  backChannelLogin(
    bindingMessage: string,
    loginHint: string,
    scope: string,
    options: BackChannelLoginOptions = {},
    requestOptions?: RequestOptions,
  ): Promise<BackChannelLoginResponse> {
    const { authorizationDetails, requestedExpiry, ...extra } = options
    const body = { binding_message: bindingMessage, login_hint: loginHint, scope, ...extra }
    const fields = {
      ...body,
      authorization_details: authorizationDetails,
      requested_expiry: requestedExpiry,
    }
    return this.post(
      '/bc-authorize',
      fields,
      { clientAuth: true, form: true, expect: 'object' },
      requestOptions,
    )
  }
}
