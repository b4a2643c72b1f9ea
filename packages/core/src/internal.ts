// `@auth0-ts/core/internal`: helpers shared by the auth0-ts packages. Not public: anything here may change in any
// release, without a major version. Users import from `@auth0-ts/core`.
export {
  checkOptions,
  optionProblems,
  rule,
  isRecord,
  string,
  nonEmptyString,
  url,
  fn,
  boolean,
  object,
  nonNegative,
  positive,
  finite,
  integer,
  oneOf,
  withMethods,
  either,
  oneOrMany,
  arrayOf,
  protocol,
  tokenSource,
  rateLimiter,
  abortSignal,
  type Rule,
  type Rules,
  type CheckSettings,
} from './rules.js'
export {
  baseUrlProblems,
  resolveBaseUrl,
  resolveRestClientOptions,
  restOptionsProblems,
} from './options.js'
export { encodeQuery } from './encode.js'
export { redactText, redactValue } from './redact.js'
export { parseErrorBody, describeValue } from './errors.js'
export { defaultSleep } from './rate-limit.js'
export { telemetryHeader } from './telemetry.js'
export { runtimeEnv } from './runtime.js'
export { clientCredentialsCacheKey, PROVIDER_SETTINGS, toCachedToken } from './token-provider.js'
