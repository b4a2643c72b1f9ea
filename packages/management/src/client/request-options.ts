import {
  OptionsError,
  type QueryValue,
  type RequestHooks,
  type RequestOptions,
} from '@auth0-ts/core'
import {
  abortSignal,
  finite,
  isRecord,
  optionProblems,
  positive,
  rule,
  type Rules,
} from '@auth0-ts/core/internal'

/** A header value: a string, nothing (the header is left out), or a function returning one, called per request. */
export type HeaderValue =
  string | null | undefined | (() => string | null | undefined | Promise<string | null | undefined>)

/**
 * Per-call options of `ManagementClient` methods, merged over the client's: node-auth0 v7's names
 * (`timeoutInSeconds`, `maxRetries`, `abortSignal`, `headers`, `queryParams`) beside ours.
 */
export interface ManagementRequestOptions {
  /** Aborts the call, including any wait before a retry. */
  signal?: AbortSignal | undefined
  /** node-auth0's name for `signal`. */
  abortSignal?: AbortSignal | undefined
  /** Bound on each attempt in ms, headers and body both. @default the client's (5000) */
  timeout?: number | undefined
  /** node-auth0's name: `timeout` in seconds. */
  timeoutInSeconds?: number | undefined
  /** Retries of a 429 (any method) or of a network error / 502 / 503 / 504 (GET and HEAD only), 0..10. @default the client's (3) */
  retries?: number | undefined
  /** node-auth0's name for `retries`. */
  maxRetries?: number | undefined
  /** Bound on the whole call in ms, retries and waits included; past it the call fails with `TimeoutError`. @default the client's (none) */
  deadline?: number | undefined
  /** Extra headers for this call; they win over the client's `headers`. */
  headers?: Readonly<Record<string, HeaderValue>> | undefined
  /** Extra query parameters for this call; they win over the request's (node-auth0's `queryParams`). */
  queryParams?: Readonly<Record<string, QueryValue>> | undefined
  /** Hooks for this call, called after the client's. */
  hooks?: RequestHooks | undefined
}

const headerValues = rule(
  'an object of strings, or of functions returning one',
  (v) =>
    isRecord(v) &&
    Object.values(v).every(
      (x) => x === undefined || x === null || typeof x === 'string' || typeof x === 'function',
    ),
)
const signal = abortSignal

/** The rules of header objects, shared with the client options. */
export const HEADERS = headerValues

const RULES: Rules = {
  signal,
  abortSignal: signal,
  timeout: positive,
  timeoutInSeconds: positive,
  retries: finite,
  maxRetries: finite,
  deadline: positive,
  headers: headerValues,
  queryParams: rule('an object', isRecord),
  hooks: rule('an object', isRecord),
}

/** The problem of giving both a name and its node-auth0 alias, if both are given. */
export function aliasProblems(
  o: Readonly<Record<string, unknown>>,
  pairs: readonly (readonly [string, string])[],
  prefix = '',
): string[] {
  return pairs
    .filter(([a, b]) => o[a] !== undefined && o[b] !== undefined)
    .map(([a, b]) => `${prefix}${a}, ${prefix}${b}: give one of them`)
}

const ALIASES = [
  ['timeout', 'timeoutInSeconds'],
  ['retries', 'maxRetries'],
  ['signal', 'abortSignal'],
] as const

/** Resolves header values (functions are called) into lower-case names; later objects win. */
async function resolveHeaders(
  ...sources: (Readonly<Record<string, HeaderValue>> | undefined)[]
): Promise<Record<string, string> | undefined> {
  let out: Record<string, string> | undefined
  for (const source of sources)
    for (const [name, value] of Object.entries(source ?? {})) {
      const v = typeof value === 'function' ? await value() : value
      out ??= {}
      if (typeof v === 'string') out[name.toLowerCase()] = v
      else delete out[name.toLowerCase()]
    }
  return out
}

/** Core's request options for one call, and the extra query parameters. */
export interface ResolvedCall {
  readonly options: RequestOptions
  readonly queryParams: Readonly<Record<string, QueryValue>> | undefined
}

/**
 * Checks one call's options and maps them onto core's.
 *
 * @throws OptionsError listing every problem, before anything is sent
 */
export async function resolveCall(
  input: unknown,
  clientHeaders: Readonly<Record<string, HeaderValue>> | undefined,
): Promise<ResolvedCall> {
  const problems = optionProblems(input, RULES)
  const o = (isRecord(input) ? input : {}) as ManagementRequestOptions
  problems.push(...aliasProblems(o as Record<string, unknown>, ALIASES))
  if (problems.length > 0) throw new OptionsError('request options', problems)
  const options: RequestOptions = {}
  const timeout =
    o.timeout ?? (o.timeoutInSeconds === undefined ? undefined : o.timeoutInSeconds * 1000)
  const retries = o.retries ?? o.maxRetries
  const signal = o.signal ?? o.abortSignal
  const headers = await resolveHeaders(clientHeaders, o.headers)
  if (timeout !== undefined) options.timeout = timeout
  if (retries !== undefined) options.retries = retries
  if (signal !== undefined) options.signal = signal
  if (headers !== undefined) options.headers = headers
  if (o.deadline !== undefined) options.deadline = o.deadline
  if (o.hooks !== undefined) options.hooks = o.hooks
  return { options, queryParams: o.queryParams }
}

/**
 * node-auth0's helper: per-call options that send `Auth0-Custom-Domain` on this call, whatever the operation.
 *
 * @example
 * ```ts
 * await client.users.create(user, { ...CustomDomainHeader('login.example.com'), timeoutInSeconds: 30 })
 * ```
 */
export const CustomDomainHeader = (domain: string): ManagementRequestOptions => ({
  headers: { 'Auth0-Custom-Domain': domain },
})
/** node-auth0's helper: `{ timeoutInSeconds }`. */
export const withTimeout = (seconds: number): ManagementRequestOptions => ({
  timeoutInSeconds: seconds,
})
/** node-auth0's helper: `{ maxRetries }`. */
export const withRetries = (retries: number): ManagementRequestOptions => ({ maxRetries: retries })
/** node-auth0's helper: `{ headers }`. */
export const withHeaders = (headers: Record<string, string>): ManagementRequestOptions => ({
  headers,
})
/** node-auth0's helper: `{ abortSignal }`. */
export const withAbortSignal = (signal: AbortSignal): ManagementRequestOptions => ({
  abortSignal: signal,
})
