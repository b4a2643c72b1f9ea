export {
  AuthenticationApi,
  AuthenticationBase,
  type AuthenticationOptions,
  type TransportOptions,
  type TokenResponse,
  type JsonObject,
} from './base.js'
export {
  CLIENT_ASSERTION_ALGS,
  CLIENT_ASSERTION_TYPE,
  type ClientAssertionSigningAlg,
} from './client-assertion.js'
export {
  GetToken,
  type GrantTypeOptions,
  type ClientCredentialsOptions,
  type LoginOptions,
  type RefreshTokenOptions,
  type AccessTokenForConnectionOptions,
  type MfaOobOptions,
  type TokenExchangeOptions,
} from './get-token.js'
export {
  Mfa,
  type MfaAuthenticatorType,
  type MfaChallengeOptions,
  type MfaChallenge,
  type MfaAssociateOptions,
  type MfaAssociation,
  type MfaAuthenticator,
} from './mfa.js'
export {
  DeviceAuthorization,
  type DeviceCodeOptions,
  type DeviceCodeResponse,
  type DevicePollOptions,
} from './device-authorization.js'
export {
  ClientRegistration,
  type ClientRegistrationOptions,
  type RegisteredClient,
} from './client-registration.js'
export { GlobalTokenRevocation, type RevocationSubject } from './global-token-revocation.js'
export {
  buildLogoutUrl,
  buildOidcLogoutUrl,
  type LogoutUrlOptions,
  type OidcLogoutUrlOptions,
} from './logout-url.js'
export {
  createDPoPProof,
  dpopFetch,
  dpopThumbprint,
  generateDPoPKeyPair,
  type DPoPProofOptions,
  type DPoPFetchOptions,
  type FetchFunction,
} from './dpop-api.js'
export type { DPoPAlgorithm } from './dpop-key.js'
export { Database, type SignupOptions, type ChangePasswordOptions } from './database.js'
export { Passwordless, type PasswordlessEmailOptions } from './passwordless.js'
export { Users, type UserInfo } from './users.js'
export type { AddressClaim, StandardClaims } from '@auth0-ts/core'
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
  type ClientCredentialsTokenProvider,
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
  OptionsError,
  isAuth0Error,
  isRateLimitError,
  isOptionsError,
  type RequestOptions,
} from '@auth0-ts/core'
