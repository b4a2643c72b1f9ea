// The wire format between the browser client and the proxy, shared by both halves (no React, no Node): call names,
// and the error envelope, encoded (server) and decoded (browser) side by side so the two cannot drift.
import {
  Auth0Error,
  isRateLimitError,
  isTimeoutError,
  NetworkError,
  RateLimitError,
  TimeoutError,
  type Auth0ErrorInit,
} from '@auth0-ts/core'

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
  /** The upstream timeout that was exceeded, in ms; present on `TimeoutError` only. */
  timeout?: number
}

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

/**
 * True for an argument that a management method could read as its `RequestOptions`. The proxy refuses these, so a
 * browser can never set upstream headers, timeouts or retries, whatever the method's arity.
 */
export function carriesRequestOptions(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).some((k) => REQUEST_OPTION_KEYS.has(k))
  )
}

// --- encoding (server) ---

const JWT = /\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g
const BEARER = /\bBearer\s+[^\s"',;]+/gi

/** Strips anything token-shaped from a text before it leaves the server. */
export function scrub(text: string): string {
  return text.replace(BEARER, 'Bearer [REDACTED]').replace(JWT, '[REDACTED]').slice(0, 2000)
}

/** A failed proxy response before serialisation: HTTP status, body and the headers that may cross. */
export interface EncodedError {
  status: number
  body: { error: ErrorEnvelope }
  headers: Record<string, string>
}

/** The proxy's own refusal of a call (it never reached the Management API). */
export function encodeRefusal(
  status: number,
  errorCode: string,
  message: string,
  headers: Record<string, string> = {},
): EncodedError {
  return {
    status,
    body: {
      error: { name: 'Auth0Error', source: 'proxy', statusCode: status, errorCode, message },
    },
    headers,
  }
}

function upstreamStatus(name: ErrorName, statusCode: number): number {
  if (name === 'TimeoutError') return 504
  // The server's own credentials were refused: not the browser session's 401, which the app may act on.
  if (statusCode === 401) return 502
  if (statusCode >= 400 && statusCode <= 599) return statusCode
  return 502
}

const NAMES: readonly ErrorName[] = ['RateLimitError', 'TimeoutError', 'NetworkError']

/** What the browser may see of an SDK error: no token, no upstream headers but the rate-limit ones, no body, no stack. */
export function encodeError(error: Auth0Error): EncodedError {
  const name = NAMES.find((n) => n === error.name) ?? 'Auth0Error'
  const envelope: ErrorEnvelope = {
    name,
    source: 'upstream',
    statusCode: error.statusCode,
    errorCode: scrub(error.errorCode),
    message: scrub(error.message),
    ...(error.requestId === undefined ? {} : { requestId: scrub(error.requestId) }),
  }
  const headers: Record<string, string> = {}
  if (isRateLimitError(error)) {
    Object.assign(envelope, {
      resetAt: error.resetAt,
      retryAfter: error.retryAfter,
      limit: error.limit,
      remaining: error.remaining,
    })
    for (const h of RATE_LIMIT_HEADERS) {
      const v = error.headers[h]
      if (v !== undefined && /^[\w :,-]{1,64}$/.test(v)) headers[h] = v
    }
  }
  if (isTimeoutError(error)) envelope.timeout = error.timeout
  return { status: upstreamStatus(name, error.statusCode), body: { error: envelope }, headers }
}

// --- decoding (browser) ---

const NUMBER_FIELDS = ['resetAt', 'retryAfter', 'limit', 'remaining', 'timeout'] as const

/** The envelope of a proxy response body, or `undefined` when the body is not one (a gateway page, a bare 429). */
export function readEnvelope(body: unknown): ErrorEnvelope | undefined {
  const e: unknown = (body as { error?: unknown } | null | undefined)?.error
  if (e === null || typeof e !== 'object') return undefined
  const r = e as Record<string, unknown>
  const name = r['name']
  if (
    !(name === 'Auth0Error' || (NAMES as readonly unknown[]).includes(name)) ||
    (r['source'] !== 'upstream' && r['source'] !== 'proxy') ||
    !Number.isInteger(r['statusCode']) ||
    typeof r['errorCode'] !== 'string' ||
    typeof r['message'] !== 'string' ||
    (r['requestId'] !== undefined && typeof r['requestId'] !== 'string') ||
    NUMBER_FIELDS.some((k) => r[k] !== undefined && typeof r[k] !== 'number')
  )
    return undefined
  return r as unknown as ErrorEnvelope
}

/** Where a decoded error happened, as the browser saw it. */
export interface DecodeContext {
  /** The response's rate-limit and request-id headers. */
  headers: Readonly<Record<string, string>>
  method: string
  url: string
  response?: Response
}

/** Rebuilds the SDK's own error class from an envelope, as {@link encodeError} described it. */
export function decodeError(envelope: ErrorEnvelope, context: DecodeContext): Auth0Error {
  const e = envelope
  const init: Auth0ErrorInit = {
    ...context,
    statusCode: e.statusCode,
    errorCode: e.errorCode,
    message: e.message,
    content: e,
    requestId: e.requestId,
  }
  switch (e.name) {
    case 'RateLimitError':
      return new RateLimitError({
        ...init,
        resetAt: e.resetAt ?? -1,
        retryAfter: e.retryAfter ?? -1,
        limit: e.limit ?? -1,
        remaining: e.remaining ?? -1,
      })
    case 'TimeoutError':
      return new TimeoutError({ ...init, timeout: e.timeout ?? -1 })
    case 'NetworkError':
      return new NetworkError(init)
    case 'Auth0Error':
      return new Auth0Error(init)
  }
}
