import { redactText, redactValue, safeUrl } from './redact.js'

const BRAND = Symbol.for('auth0-ts.Auth0Error')

/** What the transport knows when it raises an error. */
export interface Auth0ErrorInit {
  statusCode: number
  errorCode: string
  message: string
  content?: unknown
  headers?: Readonly<Record<string, string>>
  requestId?: string | undefined
  method?: string | undefined
  url?: string | undefined
  response?: Response | undefined
  cause?: unknown
}

/**
 * The base of every error the SDK's transport raises: HTTP errors, rate limits, timeouts and network failures.
 *
 * `message` comes from the response body (`error_description`, `message`, `description` or `error`), never
 * contains a credential, and is at most about 2000 characters.
 *
 * @example
 * ```ts
 * try { await auth0.users.get(id) } catch (e) {
 *   if (isAuth0Error(e) && e.statusCode === 404) return null
 *   throw e
 * }
 * ```
 */
export class Auth0Error extends Error {
  override name = 'Auth0Error'
  /** HTTP status, or 0 when no response was received (timeouts, network errors). */
  declare readonly statusCode: number
  /** A stable code to switch on: the body's `errorCode`, `error` or `code`, else `a0.sdk.internal.unknown`. */
  declare readonly errorCode: string
  /**
   * The parsed response body (JSON value or text); `undefined` when there was none. Sensitive keys are redacted except
   * the `mfa_token` of an `mfa_required` error, whose `content` is then not enumerable (so logs do not show it).
   */
  declare readonly content: unknown
  /** Response headers, lower-cased. */
  declare readonly headers: Readonly<Record<string, string>>
  /** Auth0's request id (`x-auth0-requestid` or `x-request-id`), for support tickets. */
  declare readonly requestId: string | undefined
  /** The HTTP method of the failed request. */
  declare readonly method: string | undefined
  /**
   * The URL of the failed request without credentials or query values: `https://tenant/api/v2/users?q=…&page=…` keeps
   * the query's keys only, so a searched e-mail never reaches a log.
   */
  declare readonly url: string | undefined
  /**
   * The response, when there was one: status and headers (its body was read into `content`). Not enumerable, so it
   * never ends up in logs; its `url` and `Location` keep the query's keys only, as {@link Auth0Error.url} does.
   */
  declare readonly response: Response | undefined

  constructor(init: Auth0ErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause })
    this.statusCode = init.statusCode
    this.errorCode = init.errorCode
    this.content = init.content
    this.headers = init.headers ?? {}
    this.requestId = init.requestId
    this.method = init.method
    this.url = init.url
    Object.defineProperty(this, 'response', {
      value: init.response && safeResponse(init.response),
      enumerable: false,
    })
    Object.defineProperty(this, BRAND, { value: true, enumerable: false })
    // An mfa_required body keeps its mfa_token for the MFA flow: out of enumeration, so util.inspect (console.error) and
    // spreading never show it. `toJSON()` redacts it.
    if (this.errorCode === 'mfa_required')
      Object.defineProperty(this, 'content', { enumerable: false })
    // `cause` can hold a library error with request details: keep it, but out of JSON and enumeration.
    if (init.cause !== undefined) Object.defineProperty(this, 'cause', { enumerable: false })
  }

  /**
   * The MFA token of an `mfa_required` error, for the MFA flow. It is never part of `message`, `toJSON()` or
   * `util.inspect(err)`.
   */
  get mfaToken(): string | undefined {
    if (this.errorCode !== 'mfa_required') return undefined
    const c = this.content
    if (c && typeof c === 'object' && 'mfa_token' in c) {
      const t = (c as { mfa_token: unknown }).mfa_token
      return typeof t === 'string' ? t : undefined
    }
    return undefined
  }

  /** node-auth0 v7's name for {@link Auth0Error.content}. Not enumerable. */
  get body(): unknown {
    return this.content
  }

  /**
   * node-auth0 v7's `rawResponse`: the response's status and headers without its body (`url` as
   * {@link Auth0Error.url}), or `undefined` when there was none. Not enumerable.
   */
  get rawResponse():
    | {
        readonly headers: Headers
        readonly redirected: boolean
        readonly status: number
        readonly statusText: string
        readonly type: ResponseType
        readonly url: string
      }
    | undefined {
    const r = this.response
    if (!r) return undefined
    const { headers, redirected, status, statusText, type } = r
    return { headers, redirected, status, statusText, type, url: this.url ?? '' }
  }

  /** A log-safe summary: no raw response, no credentials, no MFA token. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      statusCode: this.statusCode,
      errorCode: this.errorCode,
      message: this.message,
      requestId: this.requestId,
      method: this.method,
      url: this.url,
      content: redactValue(this.content, this.mfaToken ? [this.mfaToken] : []),
    }
  }
}

/**
 * A body-less copy of a response (its body was read already) whose `url` and `Location` keep the query's keys only: a
 * response keeps its URL, with the query's values, in internal state that `util.inspect(err, { showHidden: true })`
 * would print.
 */
function safeResponse(response: Response): Response {
  const { status, statusText } = response
  if (status < 200 || status > 599) return response
  const headers = new Headers(response.headers)
  for (const name of ['location', 'content-location']) {
    const value = headers.get(name)
    // a header value is a byte string: the ellipsis goes percent-encoded, as a URL carries it
    if (value !== null) headers.set(name, safeUrl(value).replaceAll('…', '%E2%80%A6'))
  }
  const copy = new Response(null, { status, statusText, headers })
  Object.defineProperty(copy, 'url', { value: safeUrl(response.url), enumerable: true })
  return copy
}

/** Options for {@link RateLimitError} beyond the base error. */
export interface RateLimitErrorInit extends Auth0ErrorInit {
  resetAt: number
  limit: number
  remaining: number
  retryAfter: number
}

/**
 * HTTP 429: the tenant's rate limit was reached and the retries (if any) did not get through.
 *
 * @example
 * ```ts
 * if (isRateLimitError(e)) console.log(`retry after ${new Date(e.resetAt * 1000).toISOString()}`)
 * ```
 */
export class RateLimitError extends Auth0Error {
  override name = 'RateLimitError'
  /** When the limit resets, in epoch seconds (`x-ratelimit-reset`), or -1 when unknown. */
  declare readonly resetAt: number
  /** The limit (`x-ratelimit-limit`, requests per window), or -1. */
  declare readonly limit: number
  /** Requests left in the window (`x-ratelimit-remaining`), or -1. */
  declare readonly remaining: number
  /** Seconds to wait (`Retry-After`, an HTTP date converted), or -1. */
  declare readonly retryAfter: number

  constructor(init: RateLimitErrorInit) {
    super(init)
    this.resetAt = init.resetAt
    this.limit = init.limit
    this.remaining = init.remaining
    this.retryAfter = init.retryAfter
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      resetAt: this.resetAt,
      limit: this.limit,
      remaining: this.remaining,
      retryAfter: this.retryAfter,
    }
  }
}

/** Which bound a {@link TimeoutError} hit. */
export type TimeoutBound = 'timeout' | 'deadline' | 'signal'

/**
 * A call ran out of time: an attempt (or the wait for its token) took longer than `timeout`, the whole call passed its
 * `deadline`, or the caller's signal timed out (`AbortSignal.timeout()`). `bound` says which. `cause` keeps the
 * signal's reason, or what was pending (a token source's error, the failure a retry would have followed); not the HTTP
 * library's own timeout error, whose message names the full URL.
 *
 * @example
 * ```ts
 * if (isTimeoutError(e) && e.bound === 'deadline') console.log(`gave up after ${e.timeout} ms`)
 * ```
 */
export class TimeoutError extends Auth0Error {
  override name = 'TimeoutError'
  /** The bound that was exceeded, in milliseconds; -1 when the caller's signal timed out (its time is not known). */
  declare readonly timeout: number
  /**
   * `timeout` for one attempt (or one wait for a token), `deadline` for the whole call, `signal` for the caller's
   * `AbortSignal.timeout()`. @default 'timeout'
   */
  declare readonly bound: TimeoutBound
  constructor(
    init: Omit<Auth0ErrorInit, 'statusCode' | 'errorCode'> & {
      timeout: number
      bound?: TimeoutBound | undefined
    },
  ) {
    super({ ...init, statusCode: 0, errorCode: 'timeout' })
    this.timeout = init.timeout
    this.bound = init.bound ?? 'timeout'
  }
}

/**
 * The caller aborted the call with its `AbortSignal` (for a reason other than a timeout, which is a
 * {@link TimeoutError}). The signal's reason is in `cause`; `errorCode` is `aborted`.
 *
 * @example
 * ```ts
 * try { await users.get(id, { signal }) } catch (e) { if (isAbortError(e)) return }
 * ```
 */
export class AbortError extends Auth0Error {
  override name = 'AbortError'
  constructor(init: Omit<Auth0ErrorInit, 'statusCode' | 'errorCode'>) {
    super({ ...init, statusCode: 0, errorCode: 'aborted' })
  }
}

/** No response was received: connection refused or reset, DNS failure, TLS error. The original error is in `cause`. */
export class NetworkError extends Auth0Error {
  override name = 'NetworkError'
  constructor(init: Omit<Auth0ErrorInit, 'statusCode' | 'errorCode'>) {
    super({ ...init, statusCode: 0, errorCode: 'network_error' })
  }
}

/** True for any error raised by the auth0-ts transport, across bundles and realms. */
export function isAuth0Error(e: unknown): e is Auth0Error {
  return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[BRAND] === true
}
/** True for a {@link RateLimitError}. */
export function isRateLimitError(e: unknown): e is RateLimitError {
  return isAuth0Error(e) && e.name === 'RateLimitError'
}
/** True for a {@link TimeoutError}. */
export function isTimeoutError(e: unknown): e is TimeoutError {
  return isAuth0Error(e) && e.name === 'TimeoutError'
}
/** True for a {@link NetworkError}. */
export function isNetworkError(e: unknown): e is NetworkError {
  return isAuth0Error(e) && e.name === 'NetworkError'
}
/** True for an {@link AbortError} (a call its caller aborted), never for a DOM `AbortError`. */
export function isAbortError(e: unknown): e is AbortError {
  return isAuth0Error(e) && e.name === 'AbortError'
}

const MAX_MESSAGE = 2000
const UNKNOWN_CODE = 'a0.sdk.internal.unknown'

function clip(s: string): string {
  return s.length > MAX_MESSAGE ? `${s.slice(0, MAX_MESSAGE - 1)}…` : s
}

/** Puts a JSON value into words: never `[object Object]`. */
export function describeValue(value: unknown, depth = 0): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (depth > 3) return '…'
  if (Array.isArray(value))
    return value
      .map((v) => describeValue(v, depth + 1))
      .filter(Boolean)
      .join('; ')
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([k, v]) => {
        const d = describeValue(v, depth + 1)
        return d ? `${k}: ${d}` : ''
      })
      .filter(Boolean)
      .join('; ')
  }
  return ''
}

function decodeEntities(text: string): string {
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

const MAX_HTML_SUMMARY = 200

/**
 * What an HTML page says, in one line: its `<title>`, else its first line of text (tags, scripts and styles left out),
 * at most 200 characters. A proxy's or load balancer's error page then reads "502 Bad Gateway", not its markup.
 */
export function htmlSummary(html: string): string {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1]
  let line = title === undefined ? '' : decodeEntities(title).replace(/\s+/g, ' ').trim()
  if (line === '') {
    const text = html
      .replace(/<(script|style|head)\b[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<[^>]*>/g, ' ')
    for (const raw of text.split(/\r?\n/)) {
      line = decodeEntities(raw).replace(/\s+/g, ' ').trim()
      if (line !== '') break
    }
  }
  return line.length > MAX_HTML_SUMMARY ? `${line.slice(0, MAX_HTML_SUMMARY - 1)}…` : line
}

/** Whether a body is an HTML page, by its content type or its first tag. */
export function isHtml(text: string, contentType: string): boolean {
  return /html/i.test(contentType) || /^\s*<(!doctype|html|head|body)/i.test(text)
}

/** The error code and message that an error body carries (see rest-behaviour.md, with our fixes). */
export function parseErrorBody(
  status: number,
  statusText: string,
  text: string,
  contentType: string,
): { errorCode: string; message: string; content: unknown } {
  const fallback = `Request failed with status ${status}${statusText ? ` ${statusText}` : ''}`
  if (text === '') return { errorCode: UNKNOWN_CODE, message: fallback, content: undefined }
  let parsed: unknown
  let isJson = false
  const trimmed = text.trimStart()
  if (/json/i.test(contentType) || trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      parsed = JSON.parse(text)
      isJson = true
    } catch {
      /* not JSON after all: treated as text */
    }
  }
  if (!isJson) {
    const message = clip(
      (isHtml(trimmed, contentType) ? htmlSummary(text) : text.trim()) || fallback,
    )
    return { errorCode: UNKNOWN_CODE, message, content: text }
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return {
      errorCode: UNKNOWN_CODE,
      message: clip(describeValue(parsed) || fallback),
      content: parsed,
    }
  }
  const body = parsed as Record<string, unknown>
  let errorCode = UNKNOWN_CODE
  for (const key of ['errorCode', 'error', 'code']) {
    const v = body[key]
    if ((typeof v === 'string' && v !== '') || typeof v === 'number') {
      errorCode = String(v)
      break
    }
  }
  let message = ''
  for (const key of ['error_description', 'message', 'description', 'error']) {
    const d = describeValue(body[key])
    if (d !== '') {
      message = d
      break
    }
  }
  return { errorCode, message: clip(message || fallback), content: body }
}

/**
 * Response headers as a plain object with lower-case names, for an error: a `Location` keeps its query's keys only, since
 * a redirect can repeat the request's query (a searched e-mail).
 */
export function headersToRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {}
  headers.forEach((value, key) => {
    out[key] = key === 'location' || key === 'content-location' ? safeUrl(value) : value
  })
  return out
}

/** Auth0's request id of a response (`x-auth0-requestid`, else `x-request-id`). */
export function requestIdOf(headers: Headers): string | undefined {
  return headers.get('x-auth0-requestid') ?? headers.get('x-request-id') ?? undefined
}

/** What every error about a response carries: status, headers, request id, method, URL (already safe) and response. */
export function responseFields(response: Response, method: string, url: string) {
  return {
    statusCode: response.status,
    headers: headersToRecord(response.headers),
    requestId: requestIdOf(response.headers),
    method,
    url,
    response,
  }
}

/** Builds the right error class for an HTTP error response, with every secret redacted. */
export function errorFromResponse(args: {
  response: Response
  text: string
  method: string
  url: string
  headers: Record<string, string>
  rateLimit: { resetAt: number; limit: number; remaining: number; retryAfter: number }
  secrets: readonly string[]
  /** Why the call ended here, when something else failed too (a token source that could not be invalidated). */
  cause?: unknown
}): Auth0Error {
  const { response, text, headers, secrets } = args
  const parsed = parseErrorBody(
    response.status,
    response.statusText,
    text,
    headers['content-type'] ?? '',
  )
  // mfa_required keeps its body whole (the MFA flow needs mfa_token); everything else is redacted by key too.
  const isMfa = parsed.errorCode === 'mfa_required'
  const content = isMfa ? parsed.content : redactValue(parsed.content, secrets)
  const mfaToken = isMfa
    ? (parsed.content as { mfa_token?: unknown } | undefined)?.mfa_token
    : undefined
  const messageSecrets = typeof mfaToken === 'string' ? [...secrets, mfaToken] : secrets
  const init: Auth0ErrorInit = {
    statusCode: response.status,
    errorCode: parsed.errorCode,
    message: redactText(parsed.message, messageSecrets),
    content,
    headers,
    requestId: headers['x-auth0-requestid'] ?? headers['x-request-id'],
    method: args.method,
    url: redactText(safeUrl(args.url), secrets),
    response,
    cause: args.cause,
  }
  if (response.status === 429) return new RateLimitError({ ...init, ...args.rateLimit })
  return new Auth0Error(init)
}
