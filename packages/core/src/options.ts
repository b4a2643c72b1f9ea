import { HOOK_NAMES, type RequestHooks } from './hooks.js'
import { OptionsError } from './options-error.js'
import {
  boolean,
  either,
  finite,
  fn,
  isRecord,
  nonNegative,
  protocol as protocolRule,
  optionProblems,
  positive,
  rule,
  type CheckSettings,
  type Rule,
  type Rules,
} from './rules.js'

/** Transport options shared by every client. */
export interface RestClientOptions {
  /** Send the `Auth0-Client` telemetry header. @default true */
  telemetry?: boolean
  /**
   * Bound on each attempt, headers and body both, and on each wait for a token, in milliseconds (not seconds: a value
   * below 100 draws a warning). @default 5000
   */
  timeout?: number
  /** Retries of a 429 (any method) or of a network error / 502 / 503 / 504 (GET and HEAD only), clamped to 0..10. @default 3 */
  retries?: number
  /** The longest wait before a retry, in milliseconds. A rate-limit reset further away fails at once. @default 10000 */
  maxRetryDelay?: number
  /**
   * Bound on a whole call, in milliseconds: rate-limit and token waits, every attempt and every wait between them. A
   * call past it fails with `TimeoutError` (`bound: 'deadline'`). @default none
   */
  deadline?: number
  /** The largest response body read, in bytes; a larger one fails with `response_too_large`. @default 10485760 (10 MiB) */
  maxResponseSize?: number
  /** Functions called around each call, for logs, metrics and traces. @default none */
  hooks?: RequestHooks
  /** One redacted line per attempt: `true` writes to `console.debug`, a function receives each line. @default false */
  debug?: boolean | ((line: string) => void)
}

/** {@link RestClientOptions} after validation: defaults filled in, frozen. */
export interface ResolvedRestClientOptions {
  readonly telemetry: boolean
  /** Milliseconds. */
  readonly timeout: number
  readonly retries: number
  /** Milliseconds. */
  readonly maxRetryDelay: number
  /** Bytes. */
  readonly maxResponseSize: number
  /** Milliseconds, or `undefined` for no deadline. */
  readonly deadline: number | undefined
  readonly hooks: RequestHooks | undefined
  /** Where debug lines go, or `undefined` when off. */
  readonly debug: ((line: string) => void) | undefined
}

/** 10 MiB: the default cap on a response body. */
const DEFAULT_MAX_RESPONSE_SIZE = 10 * 1024 * 1024

/** An object of hook functions. */
export const hooksRule: Rule = /* @__PURE__ */ rule(
  `an object with functions ${HOOK_NAMES.join(', ')}`,
  (v) =>
    isRecord(v) &&
    Object.entries(v).every(
      ([k, f]) =>
        (HOOK_NAMES as readonly string[]).includes(k) &&
        (f === undefined || typeof f === 'function'),
    ),
)

const REST_OPTIONS: Rules = {
  telemetry: boolean,
  timeout: positive,
  retries: finite,
  maxRetryDelay: nonNegative,
  deadline: positive,
  maxResponseSize: positive,
  hooks: hooksRule,
  debug: either(boolean, fn),
}

/**
 * The problems of a {@link RestClientOptions} object, each prefixed (`restOptions.timeout: expected ...`), so that a
 * client can list them with its own in one {@link OptionsError}.
 */
export function restOptionsProblems(input: unknown, prefix = 'restOptions.'): string[] {
  const settings: CheckSettings = { prefix }
  return optionProblems(input, REST_OPTIONS, settings)
}

/** Clamps retries to 0..10, as auth0-python does. */
export function clampRetries(retries: number): number {
  return Math.min(10, Math.max(0, Math.trunc(retries)))
}

/**
 * Validates and fills in {@link RestClientOptions}. Retries are clamped to 0..10, as in auth0-python.
 *
 * @throws OptionsError listing every problem
 */
export function resolveRestClientOptions(
  input: RestClientOptions | undefined,
  where = 'restOptions',
): ResolvedRestClientOptions {
  const problems = restOptionsProblems(input, '')
  if (problems.length > 0) throw new OptionsError(where, problems)
  return fillRestClientOptions(input)
}

/** Fills in the defaults of options already checked by {@link restOptionsProblems}. */
export function fillRestClientOptions(o: RestClientOptions = {}): ResolvedRestClientOptions {
  const debug = o.debug
  return Object.freeze({
    telemetry: o.telemetry ?? true,
    timeout: o.timeout ?? 5000,
    retries: clampRetries(o.retries ?? 3),
    maxRetryDelay: o.maxRetryDelay ?? 10_000,
    maxResponseSize: o.maxResponseSize ?? DEFAULT_MAX_RESPONSE_SIZE,
    deadline: o.deadline,
    hooks: o.hooks,
    // resolved per line, so that a console replaced later (tests, log shippers) is honoured
    debug: debug === true ? (line: string) => console.debug(line) : debug || undefined,
  })
}

/**
 * A warning for a `timeout` or `deadline` that looks like seconds (below 100 ms), or `undefined`. Timeouts are in
 * milliseconds, and `timeout: 5` would give up after 5 ms.
 */
export function secondsWarning(name: string, ms: number | undefined): string | undefined {
  return ms !== undefined && ms < 100
    ? `[auth0-ts] ${name} is ${ms} ms: timeouts are in milliseconds, so this gives up after ${ms} ms. Did you mean ${ms * 1000}?`
    : undefined
}

/**
 * The problems of a tenant domain and protocol: `domain` is a host name with an optional port, never a URL. Empty when
 * both are fine.
 */
export function baseUrlProblems(domain: unknown, protocol: unknown = 'https'): string[] {
  const problems: string[] = []
  if (typeof domain !== 'string' || domain.trim() === '')
    problems.push('domain: expected a non-empty host name, such as "tenant.auth0.com"')
  else if (
    !/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(domain) &&
    !/^\[[0-9a-fA-F:.]+\](:\d{1,5})?$/.test(domain)
  )
    problems.push(
      `domain: expected a host name with an optional port, such as "tenant.auth0.com" (got ${JSON.stringify(domain)})`,
    )
  const expected = protocolRule(protocol)
  if (expected !== undefined) problems.push(`protocol: expected ${expected}`)
  return problems
}

/**
 * The base URL for a tenant domain. `domain` is a host name with an optional port, never a URL.
 *
 * @throws OptionsError for a domain with a scheme, path, credentials or spaces, or an unknown protocol
 */
export function resolveBaseUrl(
  domain: unknown,
  protocol: unknown = 'https',
  where = 'options',
): string {
  const problems = baseUrlProblems(domain, protocol)
  if (problems.length > 0) throw new OptionsError(where, problems)
  return `${protocol as string}://${domain as string}`
}
