import { Auth0Error, isAuth0Error, type RequestOptions } from '@auth0-ts/core'
import { AuthenticationBase, unlessEmpty, type TokenResponse } from './base.js'

/** Options of {@link DeviceAuthorization.deviceCode}; each is left out when empty. */
export interface DeviceCodeOptions {
  /** Space-separated scopes, such as `openid profile offline_access`. */
  scope?: string | undefined
  /** The API the access token is for. */
  audience?: string | undefined
}

/** The answer of `/oauth/device/code` (RFC 8628 §3.2). */
export interface DeviceCodeResponse {
  /** The code the device polls with. A secret: keep it on the device. */
  device_code: string
  /** The code the user types at `verification_uri`. */
  user_code: string
  verification_uri: string
  /** `verification_uri` with the user code in it, for a QR code. */
  verification_uri_complete?: string
  /** Lifetime of both codes, in seconds. */
  expires_in: number
  /** Seconds to wait between polls. @default 5 (RFC 8628) */
  interval?: number
  [key: string]: unknown
}

/** Options of {@link DeviceAuthorization.pollToken}. */
export interface DevicePollOptions {
  /** Stops the polling: it then rejects as an aborted call does (core's `AbortError`). */
  signal?: AbortSignal | undefined
  /** Per-poll transport options (`timeout` in milliseconds, `headers`). Retries are off: the poller paces itself. */
  requestOptions?: Omit<RequestOptions, 'signal' | 'retries'> | undefined
}

const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code'
/** RFC 8628 §3.5: the default interval, and what `slow_down` adds to it, in seconds. */
const DEFAULT_INTERVAL_S = 5
const SLOW_DOWN_S = 5

/**
 * The device authorization flow (RFC 8628) for input-constrained devices: get a device code and a user code, show
 * the user code, then poll for the tokens while the user approves on another device.
 *
 * @example
 * ```ts
 * const device = new DeviceAuthorization('tenant.auth0.com', 'CLIENT_ID')
 * const code = await device.deviceCode({ scope: 'openid offline_access', audience: 'https://api.example.com' })
 * console.log(`Visit ${code.verification_uri} and enter ${code.user_code}`)
 * const tokens = await device.pollToken(code, { signal })
 * ```
 */
export class DeviceAuthorization extends AuthenticationBase {
  /**
   * Requests a device code and a user code (`POST /oauth/device/code`, form-encoded).
   *
   * @throws Auth0Error
   */
  deviceCode(
    options: DeviceCodeOptions = {},
    requestOptions?: RequestOptions,
  ): Promise<DeviceCodeResponse> {
    const body = { scope: unlessEmpty(options.scope), audience: unlessEmpty(options.audience) }
    return this.post('/oauth/device/code', body, { form: true, expect: 'object' }, requestOptions)
  }

  /**
   * Asks once for the tokens of a device code (the `device_code` grant).
   *
   * @throws OptionsError before sending, for an empty device code
   * @throws Auth0Error (`authorization_pending` while the user has not approved, `slow_down`, `expired_token`,
   *   `access_denied`)
   */
  token(deviceCode: string, requestOptions?: RequestOptions): Promise<TokenResponse> {
    const body = { device_code: deviceCode, grant_type: DEVICE_CODE_GRANT }
    const check = { name: 'DeviceAuthorization.token', args: { deviceCode } }
    return this.grant(body, { ...check, clientAuth: true, secrets: [deviceCode] }, requestOptions)
  }

  /**
   * Polls for the tokens of a device code until the user approves: it waits `interval` seconds before each poll, adds
   * 5 seconds on `slow_down`, and stops on any other error (`expired_token`, `access_denied`), when `expires_in` has
   * passed, or when `signal` aborts. Time comes from the client's `now` and `sleep`, so tests need no real waits.
   *
   * @throws OptionsError before sending, for an empty device code
   * @throws Auth0Error `expired_token` or `access_denied` (as Auth0 sent it, or `expired_token` with status 0 when
   *   `expires_in` passed first), any other error of the grant, or `AbortError` when `signal` aborts
   */
  async pollToken(
    code: Pick<DeviceCodeResponse, 'device_code' | 'expires_in' | 'interval'>,
    options: DevicePollOptions = {},
  ): Promise<TokenResponse> {
    const { signal } = options
    const expiresInS = typeof code.expires_in === 'number' ? code.expires_in : Infinity
    const expiresAt = this.now() + expiresInS * 1000
    let intervalS =
      typeof code.interval === 'number' && code.interval > 0 ? code.interval : DEFAULT_INTERVAL_S
    const poll = { ...options.requestOptions, retries: 0, ...(signal && { signal }) }
    for (;;) {
      if (this.now() + intervalS * 1000 > expiresAt)
        throw new Auth0Error({
          statusCode: 0,
          errorCode: 'expired_token',
          message: `The device code expired (after ${expiresInS} s) before the user approved it`,
        })
      try {
        await this.sleep(intervalS * 1000, signal)
      } catch (error) {
        if (!signal?.aborted) throw error
        // An abort during the wait ends the poll through core, which sends nothing on an aborted signal: it then fails
        // as every aborted call does (AbortError, with the signal's reason as its cause).
      }
      try {
        return await this.token(code.device_code, poll)
      } catch (error) {
        if (!isAuth0Error(error)) throw error
        if (error.errorCode === 'slow_down') intervalS += SLOW_DOWN_S
        else if (error.errorCode !== 'authorization_pending') throw error
      }
    }
  }
}
