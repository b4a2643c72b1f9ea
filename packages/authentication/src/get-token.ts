import type { RequestOptions } from '@auth0-ts/core'
import { AuthenticationBase, unlessEmpty, type TokenResponse } from './base.js'

/** Options of a grant whose only default is its `grant_type`. */
export interface GrantTypeOptions {
  /** @default the grant's own type */
  grantType?: string | undefined
}

/** Options of {@link GetToken.clientCredentials}. */
export interface ClientCredentialsOptions extends GrantTypeOptions {
  /** The organization (id or name) the token is for. */
  organization?: string | undefined
}

/** Options of {@link GetToken.login}. */
export interface LoginOptions extends GrantTypeOptions {
  scope?: string | undefined
  realm?: string | undefined
  audience?: string | undefined
  /** The end user's IP address, sent as `auth0-forwarded-for` (trusted server-side apps only); left out when empty. */
  forwardedFor?: string | undefined
}

/** Options of {@link GetToken.refreshToken}. */
export interface RefreshTokenOptions extends GrantTypeOptions {
  /** @default '' */
  scope?: string | undefined
  /** The API of the new access token, for a multi-resource refresh token (MRRT); left out when empty. */
  audience?: string | undefined
}

/** Options of {@link GetToken.accessTokenForConnection}. */
export interface AccessTokenForConnectionOptions extends GrantTypeOptions {
  connection?: string | undefined
  /** Left out when empty. */
  loginHint?: string | undefined
}

/** Options of {@link GetToken.mfaOob}. */
export interface MfaOobOptions {
  /** The code the user read on the authenticator, when the challenge's `binding_method` is `prompt`. */
  bindingCode?: string | undefined
}

/** Options of {@link GetToken.tokenExchange}; each is left out when empty. */
export interface TokenExchangeOptions {
  /** The API the access token is for. */
  audience?: string | undefined
  scope?: string | undefined
  /** The organization (id or name) to log the user in to. */
  organization?: string | undefined
}

const MFA_OTP = 'http://auth0.com/oauth/grant-type/mfa-otp'
const MFA_OOB = 'http://auth0.com/oauth/grant-type/mfa-oob'
const MFA_RECOVERY_CODE = 'http://auth0.com/oauth/grant-type/mfa-recovery-code'
const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange'

/**
 * Token grants on `/oauth/token`: authorization code (with or without PKCE), client credentials, password realm,
 * refresh token, passwordless OTP, CIBA, federated connection tokens, the MFA grants and custom token exchange.
 *
 * @example
 * ```ts
 * const getToken = new GetToken('tenant.auth0.com', 'CLIENT_ID', { clientSecret: 'SECRET' })
 * const { access_token } = await getToken.clientCredentials('https://tenant.auth0.com/api/v2/')
 * ```
 */
export class GetToken extends AuthenticationBase {
  /** Exchanges an authorization code for tokens. @throws OptionsError before sending, for an empty code @throws Auth0Error */
  authorizationCode(
    code: string,
    redirectUri: string | null,
    options: GrantTypeOptions = {},
    requestOptions?: RequestOptions,
  ): Promise<TokenResponse> {
    const body = {
      code,
      grant_type: options.grantType ?? 'authorization_code',
      redirect_uri: redirectUri,
    }
    const check = { name: 'GetToken.authorizationCode', args: { code } }
    return this.grant(body, { ...check, clientAuth: true, secrets: [code] }, requestOptions)
  }

  /**
   * Exchanges an authorization code and its PKCE verifier for tokens; sends no client authentication.
   *
   * @throws OptionsError before sending, for an empty verifier or code
   * @throws Auth0Error
   */
  authorizationCodePkce(
    codeVerifier: string,
    code: string,
    redirectUri: string | null,
    options: GrantTypeOptions = {},
    requestOptions?: RequestOptions,
  ): Promise<TokenResponse> {
    const body = {
      code_verifier: codeVerifier,
      code,
      grant_type: options.grantType ?? 'authorization_code',
      redirect_uri: redirectUri,
    }
    const check = { name: 'GetToken.authorizationCodePkce', args: { codeVerifier, code } }
    return this.grant(body, { ...check, secrets: [codeVerifier, code] }, requestOptions)
  }

  /**
   * Gets an access token for an API with the client-credentials grant.
   *
   * @throws OptionsError before sending, for a missing or empty audience
   * @throws Auth0Error
   */
  clientCredentials(
    audience: string,
    options: ClientCredentialsOptions = {},
    requestOptions?: RequestOptions,
  ): Promise<TokenResponse> {
    const body = {
      audience,
      grant_type: options.grantType ?? 'client_credentials',
      organization: options.organization,
    }
    const check = { name: 'GetToken.clientCredentials', args: { audience } }
    return this.grant(body, { ...check, clientAuth: true }, requestOptions)
  }

  /**
   * Logs a user in with username and password (password-realm grant).
   *
   * @throws OptionsError before sending, for an empty username or password
   * @throws Auth0Error (`mfa_required` exposes `mfaToken`: continue with {@link Mfa.challenge})
   */
  login(
    username: string,
    password: string,
    options: LoginOptions = {},
    requestOptions?: RequestOptions,
  ): Promise<TokenResponse> {
    const { realm, scope, audience } = options
    const body = {
      username,
      password,
      realm,
      scope,
      audience,
      grant_type: options.grantType ?? 'http://auth0.com/oauth/grant-type/password-realm',
    }
    const headers = { 'auth0-forwarded-for': unlessEmpty(options.forwardedFor) }
    const check = { name: 'GetToken.login', args: { username, password } }
    return this.grant(
      body,
      { ...check, clientAuth: true, secrets: [password], headers },
      requestOptions,
    )
  }

  /**
   * Exchanges a refresh token for new tokens; with `audience` (a multi-resource refresh token), for another API.
   *
   * @throws OptionsError before sending, for an empty refresh token
   * @throws Auth0Error
   */
  refreshToken(
    refreshToken: string,
    options: RefreshTokenOptions = {},
    requestOptions?: RequestOptions,
  ): Promise<TokenResponse> {
    const body = {
      refresh_token: refreshToken,
      scope: options.scope ?? '',
      grant_type: options.grantType ?? 'refresh_token',
      audience: unlessEmpty(options.audience),
    }
    const check = { name: 'GetToken.refreshToken', args: { refreshToken } }
    return this.grant(body, { ...check, clientAuth: true, secrets: [refreshToken] }, requestOptions)
  }

  /**
   * Completes a passwordless login with the one-time code the user received.
   *
   * @throws OptionsError before sending, for an empty username, code or realm
   * @throws Auth0Error
   */
  passwordlessLogin(
    username: string,
    otp: string,
    realm: string,
    scope: string,
    audience: string,
    requestOptions?: RequestOptions,
  ): Promise<TokenResponse> {
    const body = {
      username,
      otp,
      realm,
      scope,
      audience,
      grant_type: 'http://auth0.com/oauth/grant-type/passwordless/otp',
    }
    const check = { name: 'GetToken.passwordlessLogin', args: { username, otp, realm } }
    return this.grant(body, { ...check, clientAuth: true, secrets: [otp] }, requestOptions)
  }

  /**
   * Polls for the tokens of a client-initiated backchannel (CIBA) login.
   *
   * @throws OptionsError before sending, for an empty request id
   * @throws Auth0Error (`authorization_pending` while waiting)
   */
  backchannelLogin(
    authReqId: string,
    options: GrantTypeOptions = {},
    requestOptions?: RequestOptions,
  ): Promise<TokenResponse> {
    const body = {
      auth_req_id: authReqId,
      grant_type: options.grantType ?? 'urn:openid:params:grant-type:ciba',
    }
    const check = { name: 'GetToken.backchannelLogin', args: { authReqId } }
    return this.grant(body, { ...check, clientAuth: true }, requestOptions)
  }

  /**
   * Exchanges a subject token for an access token of a federated connection (Token Vault).
   *
   * @throws OptionsError before sending, for an empty token type or subject token
   * @throws Auth0Error
   */
  accessTokenForConnection(
    subjectTokenType: string,
    subjectToken: string,
    requestedTokenType: string,
    options: AccessTokenForConnectionOptions = {},
    requestOptions?: RequestOptions,
  ): Promise<TokenResponse> {
    const body = {
      grant_type:
        options.grantType ??
        'urn:auth0:params:oauth:grant-type:token-exchange:federated-connection-access-token',
      subject_token_type: subjectTokenType,
      subject_token: subjectToken,
      requested_token_type: requestedTokenType,
      connection: options.connection,
      login_hint: unlessEmpty(options.loginHint),
    }
    const args = { subjectTokenType, subjectToken, requestedTokenType }
    const check = { name: 'GetToken.accessTokenForConnection', args }
    return this.grant(body, { ...check, clientAuth: true, secrets: [subjectToken] }, requestOptions)
  }

  /**
   * Completes an MFA login with a one-time password from an authenticator app (`mfa-otp` grant).
   *
   * @throws OptionsError before sending, for an empty MFA token or code
   * @throws Auth0Error (`invalid_grant` for a wrong code)
   */
  mfaOtp(mfaToken: string, otp: string, requestOptions?: RequestOptions): Promise<TokenResponse> {
    const body = { mfa_token: mfaToken, otp, grant_type: MFA_OTP }
    const check = { name: 'GetToken.mfaOtp', args: { mfaToken, otp } }
    return this.grant(
      body,
      { ...check, clientAuth: true, secrets: [mfaToken, otp] },
      requestOptions,
    )
  }

  /**
   * Completes an MFA login with the `oob_code` of an out-of-band challenge (`mfa-oob` grant): poll it while it answers
   * `authorization_pending` (push), or send the `bindingCode` the user received (SMS, voice, email).
   *
   * @throws OptionsError before sending, for an empty MFA token or OOB code
   * @throws Auth0Error (`authorization_pending` while the user has not approved)
   */
  mfaOob(
    mfaToken: string,
    oobCode: string,
    options: MfaOobOptions = {},
    requestOptions?: RequestOptions,
  ): Promise<TokenResponse> {
    const bindingCode = unlessEmpty(options.bindingCode)
    const body = {
      mfa_token: mfaToken,
      oob_code: oobCode,
      binding_code: bindingCode,
      grant_type: MFA_OOB,
    }
    const check = { name: 'GetToken.mfaOob', args: { mfaToken, oobCode } }
    const secrets = [mfaToken, oobCode, bindingCode]
    return this.grant(body, { ...check, clientAuth: true, secrets }, requestOptions)
  }

  /**
   * Completes an MFA login with a recovery code (`mfa-recovery-code` grant); the response carries the user's new
   * `recovery_code`.
   *
   * @throws OptionsError before sending, for an empty MFA token or recovery code
   * @throws Auth0Error
   */
  mfaRecoveryCode(
    mfaToken: string,
    recoveryCode: string,
    requestOptions?: RequestOptions,
  ): Promise<TokenResponse> {
    const body = { mfa_token: mfaToken, recovery_code: recoveryCode, grant_type: MFA_RECOVERY_CODE }
    const check = { name: 'GetToken.mfaRecoveryCode', args: { mfaToken, recoveryCode } }
    const secrets = [mfaToken, recoveryCode]
    return this.grant(body, { ...check, clientAuth: true, secrets }, requestOptions)
  }

  /**
   * Custom token exchange (RFC 8693 `token-exchange` grant): trades a token of your own `subjectTokenType` (a type
   * URI of a Custom Token Exchange profile) for Auth0 tokens.
   *
   * @throws OptionsError before sending, for an empty subject token or type
   * @throws Auth0Error
   */
  tokenExchange(
    subjectToken: string,
    subjectTokenType: string,
    options: TokenExchangeOptions = {},
    requestOptions?: RequestOptions,
  ): Promise<TokenResponse> {
    const body = {
      grant_type: TOKEN_EXCHANGE,
      subject_token: subjectToken,
      subject_token_type: subjectTokenType,
      audience: unlessEmpty(options.audience),
      scope: unlessEmpty(options.scope),
      organization: unlessEmpty(options.organization),
    }
    const check = { name: 'GetToken.tokenExchange', args: { subjectToken, subjectTokenType } }
    return this.grant(body, { ...check, clientAuth: true, secrets: [subjectToken] }, requestOptions)
  }
}
