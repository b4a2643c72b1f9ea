import type { RequestOptions } from '@auth0-ts/core'
import { AuthenticationBase, unlessEmpty } from './base.js'

/** The kinds of authenticator Auth0's MFA API enrolls. */
export type MfaAuthenticatorType = 'otp' | 'oob'

/** Options of {@link Mfa.challenge}; each is left out when empty. */
export interface MfaChallengeOptions {
  /** `otp`, `oob`, or both space-separated: the challenge types your app can complete. @default Auth0's choice */
  challengeType?: string | undefined
  /** The authenticator to challenge, from {@link Mfa.listAuthenticators}. @default the user's default one */
  authenticatorId?: string | undefined
  /** For an `oob` challenge: `sms`, `voice`, `auth0` (push) or `email`. */
  oobChannel?: string | undefined
}

/** What {@link Mfa.challenge} returns: complete it with `GetToken.mfaOtp` or `GetToken.mfaOob`. */
export interface MfaChallenge {
  challenge_type: string
  /** For `oob`: the code to send to `GetToken.mfaOob`. */
  oob_code?: string
  /** `prompt` when the user must type the code they received as the `bindingCode`. */
  binding_method?: string
  [key: string]: unknown
}

/** Options of {@link Mfa.associate}; each is left out when empty. */
export interface MfaAssociateOptions {
  /** For `oob`: `sms`, `voice`, `auth0` (push) or `email`. */
  oobChannels?: readonly string[] | undefined
  /** For `sms` and `voice`, in E.164 form (`+14155550100`). */
  phoneNumber?: string | undefined
}

/** What {@link Mfa.associate} returns: the enrolment to confirm with a first `mfaOtp` or `mfaOob` grant. */
export interface MfaAssociation {
  authenticator_type: string
  /** For `otp`: the shared secret (base32). A secret: show it to the user once, never log it. */
  secret?: string
  /** For `otp`: an `otpauth://` URI to show as a QR code. */
  barcode_uri?: string
  /** Recovery codes, on a first enrolment. Secrets. */
  recovery_codes?: string[]
  oob_code?: string
  oob_channel?: string
  binding_method?: string
  [key: string]: unknown
}

/** An enrolled authenticator, from {@link Mfa.listAuthenticators}. */
export interface MfaAuthenticator {
  id: string
  authenticator_type: string
  active: boolean
  oob_channel?: string
  name?: string
  [key: string]: unknown
}

/**
 * Auth0's MFA API: challenge the user's authenticator after an `mfa_required` error, and enroll, list and delete
 * authenticators. Complete a challenge with `GetToken.mfaOtp`, `GetToken.mfaOob` or `GetToken.mfaRecoveryCode`.
 *
 * @example
 * ```ts
 * const mfa = new Mfa('tenant.auth0.com', 'CLIENT_ID', { clientSecret })
 * const { oob_code } = await mfa.challenge(error.mfaToken!, { challengeType: 'oob', oobChannel: 'sms' })
 * ```
 */
export class Mfa extends AuthenticationBase {
  /**
   * Asks Auth0 to challenge one of the user's authenticators (`POST /mfa/challenge`), with the `mfaToken` of an
   * `mfa_required` error.
   *
   * @throws OptionsError before sending, for an empty MFA token
   * @throws Auth0Error
   */
  challenge(
    mfaToken: string,
    options: MfaChallengeOptions = {},
    requestOptions?: RequestOptions,
  ): Promise<MfaChallenge> {
    const body = {
      mfa_token: mfaToken,
      challenge_type: unlessEmpty(options.challengeType),
      authenticator_id: unlessEmpty(options.authenticatorId),
      oob_channel: unlessEmpty(options.oobChannel),
    }
    const call = { name: 'Mfa.challenge', args: { mfaToken }, clientAuth: true }
    return this.post(
      '/mfa/challenge',
      body,
      { ...call, secrets: [mfaToken], expect: 'object' },
      requestOptions,
    )
  }

  /**
   * Starts enrolling an authenticator (`POST /mfa/associate`), with an MFA token or an access token for
   * `https://{domain}/mfa/` with the `enroll` scope.
   *
   * @throws OptionsError before sending, for an empty token or no authenticator type
   * @throws Auth0Error
   */
  associate(
    mfaToken: string,
    authenticatorTypes: readonly MfaAuthenticatorType[],
    options: MfaAssociateOptions = {},
    requestOptions?: RequestOptions,
  ): Promise<MfaAssociation> {
    const phoneNumber = unlessEmpty(options.phoneNumber)
    const body = {
      authenticator_types: authenticatorTypes,
      oob_channels: unlessEmpty(options.oobChannels),
      phone_number: phoneNumber,
    }
    const args = { mfaToken, authenticatorTypes }
    const headers = { authorization: `Bearer ${mfaToken}` }
    const call = { name: 'Mfa.associate', args, headers, clientAuth: true }
    return this.post(
      '/mfa/associate',
      body,
      { ...call, secrets: [mfaToken, phoneNumber], expect: 'object' },
      requestOptions,
    )
  }

  /**
   * Lists the user's authenticators (`GET /mfa/authenticators`), with an MFA token or an access token for
   * `https://{domain}/mfa/` with the `read:authenticators` scope.
   *
   * @throws OptionsError before sending, for an empty token
   * @throws Auth0Error
   */
  listAuthenticators(
    accessToken: string,
    requestOptions?: RequestOptions,
  ): Promise<MfaAuthenticator[]> {
    const headers = { authorization: `Bearer ${accessToken}` }
    const call = { name: 'Mfa.listAuthenticators', args: { accessToken }, headers }
    return this.call(
      { ...call, method: 'GET', path: '/mfa/authenticators', secrets: [accessToken] },
      requestOptions,
    )
  }

  /**
   * Deletes one of the user's authenticators (`DELETE /mfa/authenticators/{id}`), with an access token for
   * `https://{domain}/mfa/` with the `remove:authenticators` scope.
   *
   * @throws OptionsError before sending, for an empty token or authenticator id
   * @throws Auth0Error (404 for an unknown authenticator)
   */
  async deleteAuthenticator(
    accessToken: string,
    authenticatorId: string,
    requestOptions?: RequestOptions,
  ): Promise<void> {
    const headers = { authorization: `Bearer ${accessToken}` }
    const args = { accessToken, authenticatorId }
    await this.call(
      {
        name: 'Mfa.deleteAuthenticator',
        args,
        headers,
        method: 'DELETE',
        path: '/mfa/authenticators/{id}',
        params: { id: authenticatorId },
        secrets: [accessToken],
      },
      requestOptions,
    )
  }
}
