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
  type Rule,
  type Rules,
  type CheckSettings,
} from './rules.js'
export { resolveBaseUrl, resolveRestClientOptions } from './options.js'
export { encodeQuery } from './rest-client.js'
export { redactText, redactValue } from './redact.js'
export { parseErrorBody, describeValue } from './errors.js'
export { defaultSleep } from './rate-limit.js'
export { telemetryHeader, type ClientInfo } from './telemetry.js'
export { runtimeEnv } from './runtime.js'
