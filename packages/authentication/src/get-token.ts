import type { RequestOptions } from '@auth0-ts/core'
import { AuthenticationBase, type TokenResponse } from './base.js'

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
  /** The end user's IP address, sent as `auth0-forwarded-for` (trusted server-side apps only). */
  forwardedFor?: string | undefined
}

/** Options of {@link GetToken.refreshToken}. */
export interface RefreshTokenOptions extends GrantTypeOptions {
  /** @default '' */
  scope?: string | undefined
}

/** Options of {@link GetToken.accessTokenForConnection}. */
export interface AccessTokenForConnectionOptions extends GrantTypeOptions {
  connection?: string | undefined
  loginHint?: string | undefined
}

/**
 * Token grants on `/oauth/token`: authorization code (with or without PKCE), client credentials, password realm,
 * refresh token, passwordless OTP, CIBA and federated connection tokens.
 *
 * @example
 * ```ts
 * const getToken = new GetToken('tenant.auth0.com', 'CLIENT_ID', { clientSecret: 'SECRET' })
 * const { access_token } = await getToken.clientCredentials('https://tenant.auth0.com/api/v2/')
 * ```
 */
export class GetToken extends AuthenticationBase {
  /** Exchanges an authorization code for tokens. @throws Auth0Error */
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
    return this.grant(body, { clientAuth: true, secrets: [code] }, requestOptions)
  }

  /** Exchanges an authorization code and its PKCE verifier for tokens; sends no client authentication. @throws Auth0Error */
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
    return this.grant(body, { secrets: [codeVerifier, code] }, requestOptions)
  }

  /** Gets an access token for an API with the client-credentials grant. @throws Auth0Error */
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
    return this.grant(body, { clientAuth: true }, requestOptions)
  }

  /** Logs a user in with username and password (password-realm grant). @throws Auth0Error (`mfa_required` exposes `mfaToken`) */
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
    const headers = { 'auth0-forwarded-for': options.forwardedFor }
    return this.grant(body, { clientAuth: true, secrets: [password], headers }, requestOptions)
  }

  /** Exchanges a refresh token for new tokens. @throws Auth0Error */
  refreshToken(
    refreshToken: string,
    options: RefreshTokenOptions = {},
    requestOptions?: RequestOptions,
  ): Promise<TokenResponse> {
    const body = {
      refresh_token: refreshToken,
      scope: options.scope ?? '',
      grant_type: options.grantType ?? 'refresh_token',
    }
    return this.grant(body, { clientAuth: true, secrets: [refreshToken] }, requestOptions)
  }

  /** Completes a passwordless login with the one-time code the user received. @throws Auth0Error */
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
    return this.grant(body, { clientAuth: true, secrets: [otp] }, requestOptions)
  }

  /** Polls for the tokens of a client-initiated backchannel (CIBA) login. @throws Auth0Error (`authorization_pending` while waiting) */
  backchannelLogin(
    authReqId: string,
    options: GrantTypeOptions = {},
    requestOptions?: RequestOptions,
  ): Promise<TokenResponse> {
    const body = {
      auth_req_id: authReqId,
      grant_type: options.grantType ?? 'urn:openid:params:grant-type:ciba',
    }
    return this.grant(body, { clientAuth: true }, requestOptions)
  }

  /** Exchanges a subject token for an access token of a federated connection (Token Vault). @throws Auth0Error */
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
      login_hint: options.loginHint,
    }
    return this.grant(body, { clientAuth: true, secrets: [subjectToken] }, requestOptions)
  }
}
