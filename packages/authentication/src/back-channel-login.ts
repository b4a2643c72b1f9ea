import { OptionsError, type FormValue, type RequestOptions } from '@auth0-ts/core'
import { AuthenticationBase } from './base.js'

/** Options of {@link BackChannelLogin.backChannelLogin}; any other key is sent as a form field as it is. */
export interface BackChannelLoginOptions {
  /** Rich authorization details: a list of objects (sent as JSON text) or JSON text. */
  authorizationDetails?: string | readonly Record<string, unknown>[] | undefined
  /** How long the request stays valid, in seconds: a positive integer. */
  requestedExpiry?: number | undefined
  [field: string]: FormValue
}

/** The answer of `/bc-authorize`. */
export interface BackChannelLoginResponse {
  auth_req_id: string
  /** Lifetime of the request, in seconds. */
  expires_in: number
  /** Seconds to wait between polls. */
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
  /**
   * Starts a CIBA request (form-encoded; unset fields are left out).
   *
   * @throws OptionsError before sending, for an empty binding message, login hint or scope, or a `requestedExpiry`
   *   that is not a positive integer (as auth0-python checks)
   * @throws Auth0Error
   */
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
    const check = {
      name: 'BackChannelLogin.backChannelLogin',
      args: { bindingMessage, loginHint, scope },
    }
    if (
      requestedExpiry !== undefined &&
      !(Number.isInteger(requestedExpiry) && requestedExpiry > 0)
    )
      return Promise.reject(
        new OptionsError('BackChannelLogin.backChannelLogin options', [
          'requestedExpiry: expected a positive integer (seconds)',
        ]),
      )
    return this.post(
      '/bc-authorize',
      fields,
      { ...check, clientAuth: true, form: true, expect: 'object' },
      requestOptions,
    )
  }
}
