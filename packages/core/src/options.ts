import { OptionsError } from './options-error.js'
import {
  boolean,
  finite,
  nonNegative,
  oneOf,
  optionProblems,
  positive,
  type CheckSettings,
  type Rules,
} from './rules.js'

/** Transport options shared by every client. */
export interface RestClientOptions {
  /** Send the `Auth0-Client` telemetry header. @default true */
  telemetry?: boolean
  /** Bound on each attempt, headers and body both, in milliseconds. @default 5000 */
  timeout?: number
  /** Retries of a 429 (any method) or of a network error / 502 / 503 / 504 (GET and HEAD only), clamped to 0..10. @default 3 */
  retries?: number
  /** The longest wait before a retry, in milliseconds. A rate-limit reset further away fails at once. @default 10000 */
  maxRetryDelay?: number
}

/** {@link RestClientOptions} after validation: every field set, frozen. */
export type ResolvedRestClientOptions = Readonly<Required<RestClientOptions>>

const REST_OPTIONS: Rules = {
  telemetry: boolean,
  timeout: positive,
  retries: finite,
  maxRetryDelay: nonNegative,
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
  return Object.freeze({
    telemetry: o.telemetry ?? true,
    timeout: o.timeout ?? 5000,
    retries: clampRetries(o.retries ?? 3),
    maxRetryDelay: o.maxRetryDelay ?? 10_000,
  })
}

const protocolRule = oneOf(['https', 'http'])

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
