export {
  AuthenticationApi,
  AuthenticationBase,
  type AuthenticationOptions,
  type TransportOptions,
  type TokenResponse,
  type JsonObject,
} from './base.js'
export { CLIENT_ASSERTION_TYPE, type ClientAssertionSigningAlg } from './client-assertion.js'
export {
  GetToken,
  type GrantTypeOptions,
  type ClientCredentialsOptions,
  type LoginOptions,
  type RefreshTokenOptions,
  type AccessTokenForConnectionOptions,
} from './get-token.js'
export { Database, type SignupOptions, type ChangePasswordOptions } from './database.js'
export { Passwordless, type PasswordlessEmailOptions } from './passwordless.js'
export { Users, type UserInfo } from './users.js'
export { Social, type SocialLoginOptions } from './social.js'
export { Delegated, type DelegatedOptions } from './delegated.js'
export { Enterprise } from './enterprise.js'
export { RevokeToken } from './revoke-token.js'
export {
  BackChannelLogin,
  type BackChannelLoginOptions,
  type BackChannelLoginResponse,
} from './back-channel-login.js'
export {
  PushedAuthorizationRequests,
  type PushedAuthorizationRequestOptions,
  type PushedAuthorizationResponse,
} from './pushed-authorization-requests.js'
export {
  createTokenProvider,
  createMemoryTokenCache,
  type CachedToken,
  type TokenCache,
  type TokenProvider,
  type TokenProviderOptions,
  type TokenProviderSettings,
  type TokenProviderStats,
} from './token-provider.js'
export {
  buildAuthorizeUrl,
  generateCodeVerifier,
  codeChallengeS256,
  type AuthorizeUrlOptions,
  type AuthorizeUrl,
} from './authorize-url.js'
export {
  Auth0Error,
  RateLimitError,
  TimeoutError,
  NetworkError,
  isAuth0Error,
  isRateLimitError,
  type RequestOptions,
} from '@auth0-ts/core'
