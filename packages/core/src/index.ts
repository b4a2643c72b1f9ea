export {
  Auth0Error,
  RateLimitError,
  TimeoutError,
  NetworkError,
  isAuth0Error,
  isRateLimitError,
  isTimeoutError,
  isNetworkError,
  parseErrorBody,
  describeValue,
  type Auth0ErrorInit,
  type RateLimitErrorInit,
} from './errors.js'
export {
  parseRateLimit,
  createRateLimiter,
  defaultSleep,
  type RateLimitInfo,
  type RateLimiter,
  type LocalRateLimiterOptions,
  type HeadersLike,
} from './rate-limit.js'
export {
  parseOptions,
  optionsError,
  resolveRestClientOptions,
  resolveBaseUrl,
  restClientOptionsSchema,
  type RestClientOptions,
  type ResolvedRestClientOptions,
} from './options.js'
export { telemetryHeader, type ClientInfo } from './telemetry.js'
export { runtimeEnv } from './runtime.js'
export { redactText, redactValue } from './redact.js'
export {
  RestClient,
  encodeQuery,
  type RestClientConfig,
  type RequestSpec,
  type RequestOptions,
  type HttpMethod,
  type QueryValue,
  type FormValue,
  type FileContent,
  type MultipartValue,
} from './rest-client.js'
export type { CachedToken, TokenCache, TokenContext, TokenFunction, TokenSource } from './token.js'
export { OptionsError, isOptionsError } from './options-error.js'
export { ListPromise, type ListConfig, type ToArrayOptions } from './list.js'
