// `@auth0-ts/core`: what a user types or plugs in. Helpers shared by the auth0-ts packages are in
// `@auth0-ts/core/internal`, which is not public.
export {
  Auth0Error,
  RateLimitError,
  TimeoutError,
  NetworkError,
  AbortError,
  isAuth0Error,
  isRateLimitError,
  isTimeoutError,
  isNetworkError,
  isAbortError,
  type Auth0ErrorInit,
  type RateLimitErrorInit,
  type TimeoutBound,
} from './errors.js'
export type {
  RequestHooks,
  CallEvent,
  OutcomeEvent,
  RetryEvent,
  FailureEvent,
  RetryReason,
} from './hooks.js'
export { OptionsError, isOptionsError } from './options-error.js'
export {
  parseRateLimit,
  createRateLimiter,
  type RateLimitInfo,
  type RateLimiter,
  type AcquireOptions,
  type LocalRateLimiterOptions,
  type HeadersLike,
} from './rate-limit.js'
export type { RestClientOptions, ResolvedRestClientOptions } from './options.js'
export type { ResponseBodyType } from './response.js'
export type { ClientInfo } from './telemetry.js'
export {
  RestClient,
  type RestClientConfig,
  type RequestSpec,
  type RequestOptions,
  type SendResult,
  type HttpMethod,
  type QueryValue,
  type FormValue,
  type FileContent,
  type MultipartValue,
} from './rest-client.js'
export type { CachedToken, TokenCache, TokenContext, TokenFunction, TokenSource } from './token.js'
export type { AddressClaim, StandardClaims } from './claims.js'
export * from './replay-store.js' // ReplayStore, createMemoryReplayStore, MemoryReplayStoreOptions
export {
  createCachedTokenProvider,
  createClientCredentialsProvider,
  createMemoryTokenCache,
  type CachedTokenProviderOptions,
  type ClientCredentialsProviderOptions,
  type TokenFetcher,
  type TokenProvider,
  type TokenProviderStats,
} from './token-provider.js'
export { ListPromise, type ListConfig, type ToArrayOptions } from './list.js'
