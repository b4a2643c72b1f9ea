import * as z from 'zod/mini'

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

const positiveMs = z.number().check(z.positive(), z.refine(Number.isFinite, 'must be finite'))

/** The zod/mini schema of {@link RestClientOptions}. */
export const restClientOptionsSchema = z.strictObject({
  telemetry: z.optional(z.boolean()),
  timeout: z.optional(positiveMs),
  retries: z.optional(
    z.number().check(z.refine((n) => Number.isFinite(n), 'must be a finite number')),
  ),
  maxRetryDelay: z.optional(
    z.number().check(z.gte(0), z.refine(Number.isFinite, 'must be finite')),
  ),
})

/** One zod issue in words, with its path. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)'
  switch (issue.code) {
    case 'invalid_type':
      return `${path}: expected ${issue.expected}`
    case 'too_small':
      return `${path}: must be ${issue.inclusive ? '>=' : '>'} ${String(issue.minimum)}`
    case 'too_big':
      return `${path}: must be ${issue.inclusive ? '<=' : '<'} ${String(issue.maximum)}`
    case 'unrecognized_keys':
      return `${path}: unknown option${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`
    case 'invalid_value':
      return `${path}: must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
    case 'invalid_format':
      return `${path}: must be a valid ${issue.format}`
    case 'invalid_union':
      return `${path}: does not match any allowed form`
    default:
      return `${path}: ${issue.message === 'Invalid input' ? 'is invalid' : issue.message}`
  }
}

/**
 * Validates options once, at construction. Throws a `TypeError` that lists every problem by path; returns the
 * parsed value, frozen.
 *
 * @throws TypeError when `value` does not match `schema`
 */
export function parseOptions<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  where: string,
): Readonly<z.infer<S>> {
  const result = schema.safeParse(value)
  if (!result.success) {
    const problems = result.error.issues.map(describeIssue)
    throw new TypeError(`Invalid ${where}:\n  - ${problems.join('\n  - ')}`)
  }
  const data = result.data as z.infer<S>
  return (typeof data === 'object' && data !== null ? Object.freeze(data) : data) as Readonly<
    z.infer<S>
  >
}

/** Throws a `TypeError` in the same format as {@link parseOptions}, for checks a schema cannot express. */
export function optionsError(where: string, problems: readonly string[]): TypeError {
  return new TypeError(`Invalid ${where}:\n  - ${problems.join('\n  - ')}`)
}

/** Validates and fills in {@link RestClientOptions}. Retries are clamped to 0..10, as in auth0-python. */
export function resolveRestClientOptions(
  input: RestClientOptions | undefined,
  where = 'restOptions',
): ResolvedRestClientOptions {
  const o = parseOptions(restClientOptionsSchema, input ?? {}, where)
  return Object.freeze({
    telemetry: o.telemetry ?? true,
    timeout: o.timeout ?? 5000,
    retries: Math.min(10, Math.max(0, Math.trunc(o.retries ?? 3))),
    maxRetryDelay: o.maxRetryDelay ?? 10_000,
  })
}

/**
 * The base URL for a tenant domain. `domain` is a host name with an optional port, never a URL.
 *
 * @throws TypeError for a domain with a scheme, path, credentials or spaces
 */
export function resolveBaseUrl(
  domain: unknown,
  protocol: unknown = 'https',
  where = 'options',
): string {
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
  if (protocol !== 'https' && protocol !== 'http')
    problems.push(`protocol: must be "https" or "http"`)
  if (problems.length > 0) throw optionsError(where, problems)
  return `${protocol as string}://${domain as string}`
}
