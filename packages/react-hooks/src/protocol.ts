// The wire format between the browser client and the proxy, shared by both halves (no React, no Node).

/** The error classes an envelope can name. */
export type ErrorName = 'Auth0Error' | 'RateLimitError' | 'TimeoutError' | 'NetworkError'

/** The JSON body of every failed proxy response: what a browser may see of an error, and nothing more. */
export interface ErrorEnvelope {
  name: ErrorName
  /** `upstream` when the Management API (or the way to it) failed, `proxy` when the proxy refused the call. */
  source: 'upstream' | 'proxy'
  statusCode: number
  errorCode: string
  message: string
  requestId?: string
  /** Rate-limit fields, -1 when unknown; present on `RateLimitError` only. */
  resetAt?: number
  retryAfter?: number
  limit?: number
  remaining?: number
}

/** The JSON body of a proxy response. */
export type ProxyBody = { data?: unknown } | { error: ErrorEnvelope }

/** Response headers that may cross from the Management API to the browser. */
export const RATE_LIMIT_HEADERS = [
  'retry-after',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
] as const

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*$/

/** True for a name that may be looked up on a management object: an identifier that no built-in prototype carries. */
export function isCallablePart(name: string): boolean {
  return (
    IDENTIFIER.test(name) &&
    !(name in Object.prototype) &&
    !(name in Function.prototype) &&
    name !== 'then'
  )
}

/** Splits `users.list` into its accessor and method, or `undefined` when it is not a safe two-part name. */
export function parseCallName(name: string): { accessor: string; method: string } | undefined {
  const parts = name.split('.')
  if (parts.length !== 2) return undefined
  const [accessor = '', method = ''] = parts
  return isCallablePart(accessor) && isCallablePart(method) ? { accessor, method } : undefined
}

const REQUEST_OPTION_KEYS = new Set(['signal', 'timeout', 'retries', 'headers'])

function plainKeys(value: unknown): string[] {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? Object.keys(value)
    : []
}

/** True for a value shaped like core's `RequestOptions` (`{ signal, timeout, retries, headers }`): the browser client strips one from the end of a call. */
export function isRequestOptions(value: unknown): boolean {
  const keys = plainKeys(value)
  return keys.length > 0 && keys.every((k) => REQUEST_OPTION_KEYS.has(k))
}

/**
 * True for an argument that a management method could read as its `RequestOptions`. The proxy refuses these, so a
 * browser can never set upstream headers, timeouts or retries, whatever the method's arity.
 */
export function carriesRequestOptions(value: unknown): boolean {
  return plainKeys(value).some((k) => REQUEST_OPTION_KEYS.has(k))
}
