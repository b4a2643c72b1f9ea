import type { KyInstance, Options as KyOptions } from 'ky'
import { Auth0Error, errorFromResponse, NetworkError, TimeoutError } from './errors.js'
import {
  optionsError,
  resolveRestClientOptions,
  type ResolvedRestClientOptions,
  type RestClientOptions,
} from './options.js'
import { createRateLimiter, defaultSleep, parseRateLimit, type RateLimiter } from './rate-limit.js'
import { redactText, redactValue } from './redact.js'
import { telemetryHeader, type ClientInfo } from './telemetry.js'
import type { TokenSource } from './token.js'

/** HTTP methods the SDK sends. */
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** A query value: booleans become `true`/`false`, arrays are comma-joined, `undefined` and `null` are dropped. */
export type QueryValue =
  string | number | boolean | null | undefined | readonly (string | number | boolean)[]

/** A form value: objects and arrays are sent as JSON text, `undefined` and `null` are left out. */
export type FormValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly unknown[]
  | { readonly [key: string]: unknown }

/** File content for a multipart part. */
export type FileContent = Blob | Uint8Array | string

/** A multipart part: a plain field, or a file. */
export type MultipartValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | { readonly file: FileContent; readonly filename?: string; readonly contentType?: string }

/** Per-call options, merged over the client's. Never sent as parameters. */
export interface RequestOptions {
  /** Aborts the call, including any wait before a retry. */
  signal?: AbortSignal
  /** Bound on each attempt in ms, headers and body both. @default the client's (5000) */
  timeout?: number
  /** Retries for this call (0..10). @default the client's (3) */
  retries?: number
  /** Extra headers for this call. */
  headers?: Record<string, string>
}

/** One request, declared: what an endpoint is. */
export interface RequestSpec {
  method: HttpMethod
  /** A path template such as `/api/v2/users/{id}`; each `{name}` is taken from `params` and percent-encoded. */
  path: string
  params?: Readonly<Record<string, string | number>>
  query?: Readonly<Record<string, QueryValue>> | undefined
  /** A JSON body. */
  json?: unknown
  /** An `application/x-www-form-urlencoded` body. */
  form?: Readonly<Record<string, FormValue>> | undefined
  /** A `multipart/form-data` body. */
  multipart?: Readonly<Record<string, MultipartValue>> | undefined
  headers?: Readonly<Record<string, string | undefined>> | undefined
  /** Send the client's bearer token. @default true */
  auth?: boolean
  /** Values to keep out of any error this call raises (passwords, refresh tokens, ...). */
  secrets?: readonly (string | undefined)[]
  /**
   * How a 2xx body is read. `auto` parses JSON by content type and returns other bodies as text; `text` returns the
   * text; `object` requires a JSON object (token responses) and raises `invalid_response` for anything else.
   * @default 'auto'
   */
  responseType?: 'auto' | 'text' | 'object'
}

/** How a {@link RestClient} is built. */
export interface RestClientConfig {
  /** `https://tenant.auth0.com`, see `resolveBaseUrl`. */
  baseUrl: string
  token?: TokenSource | undefined
  options?: RestClientOptions | undefined
  /** The package making the calls, for the `Auth0-Client` header. */
  client?: ClientInfo | undefined
  /** A custom fetch: shared connections, proxies, tests. @default globalThis.fetch */
  fetch?: typeof fetch | undefined
  /** Clock in epoch ms, for tests. @default Date.now */
  now?: (() => number) | undefined
  /** Sleep used between retries, for tests. */
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined
  /** Random source in [0, 1) for the backoff jitter. @default Math.random */
  random?: (() => number) | undefined
  /** Decides when requests may be sent. `false` disables it. @default an in-process limiter */
  rateLimiter?: RateLimiter | false | undefined
  /** Values that must never appear in an error (client secret, private key). */
  secrets?: readonly (string | undefined)[] | undefined
}

// ky is loaded on the first request, not at import: its feature checks build a Request at module load, which
// costs tens of milliseconds of cold start that an app may not need yet.
let kyInstance: KyInstance | undefined
let kyLoading: Promise<KyInstance> | undefined
function loadKy(): Promise<KyInstance> {
  kyLoading ??= import('ky').then((m) => (kyInstance = m.default))
  return kyLoading
}

const MIN_DELAY = 100
const MAX_DELAY = 1000
const RETRYABLE_STATUS = new Set([502, 503, 504])
const MAX_REDIRECTS = 3

type AttemptFailure = { kind: 'timeout' | 'abort' | 'network'; error: unknown }

function isFailure(e: unknown): e is AttemptFailure {
  return (
    typeof e === 'object' &&
    e !== null &&
    'kind' in e &&
    'error' in e &&
    Object.keys(e).length === 2
  )
}

/** Encodes a query object. Exported for tests and for building URLs outside requests (authorize URLs). */
export function encodeQuery(query: Readonly<Record<string, QueryValue>> | undefined): string {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue
    params.append(key, Array.isArray(value) ? value.join(',') : String(value))
  }
  return params.toString()
}

function formString(value: FormValue): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

function toBlob(content: FileContent, contentType: string | undefined): Blob {
  if (content instanceof Blob) return content
  const part: BlobPart = typeof content === 'string' ? content : new Uint8Array(content)
  return new Blob([part], contentType ? { type: contentType } : {})
}

/** Encodes whichever body the spec carries, with its content type (none for multipart: fetch adds the boundary). */
function encodeBody(spec: RequestSpec): {
  body: BodyInit | undefined
  contentType: string | undefined
} {
  if (spec.json !== undefined)
    return { body: JSON.stringify(spec.json), contentType: 'application/json' }
  if (spec.form !== undefined) {
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(spec.form)) {
      const s = formString(value)
      if (s !== undefined) params.append(key, s)
    }
    return { body: params.toString(), contentType: 'application/x-www-form-urlencoded' }
  }
  if (spec.multipart !== undefined) {
    const form = new FormData()
    for (const [key, value] of Object.entries(spec.multipart)) {
      if (value === undefined || value === null) continue
      if (typeof value === 'object')
        form.append(key, toBlob(value.file, value.contentType), value.filename ?? key)
      else form.append(key, String(value))
    }
    return { body: form, contentType: undefined }
  }
  return { body: undefined, contentType: undefined }
}

function headersToRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {}
  headers.forEach((value, key) => {
    out[key] = value
  })
  return out
}

function checkRequestOptions(ro: RequestOptions): void {
  const problems: string[] = []
  if (
    ro.timeout !== undefined &&
    !(typeof ro.timeout === 'number' && ro.timeout > 0 && Number.isFinite(ro.timeout))
  )
    problems.push('timeout: must be a number > 0')
  if (ro.retries !== undefined && !(typeof ro.retries === 'number' && Number.isFinite(ro.retries)))
    problems.push('retries: must be a finite number')
  if (ro.signal !== undefined && !(ro.signal instanceof AbortSignal))
    problems.push('signal: expected an AbortSignal')
  if (problems.length > 0)
    throw new TypeError(`Invalid request options:\n  - ${problems.join('\n  - ')}`)
}

/**
 * The one request path under every auth0-ts client: builds the URL, encodes the body, adds headers, paces and
 * retries, and turns every failure into an {@link Auth0Error}.
 *
 * @example
 * ```ts
 * const rest = new RestClient({ baseUrl: 'https://tenant.auth0.com', token: 'TOKEN' })
 * const user = await rest.request({ method: 'GET', path: '/api/v2/users/{id}', params: { id } })
 * ```
 */
export class RestClient {
  /** The validated transport options. */
  readonly options: ResolvedRestClientOptions
  readonly baseUrl: string
  readonly #token: TokenSource | undefined
  readonly #fetch: typeof fetch
  readonly #now: () => number
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  readonly #random: () => number
  readonly #limiter: RateLimiter | undefined
  readonly #secrets: readonly string[]
  readonly #telemetry: string | undefined
  readonly #origin: string

  constructor(config: RestClientConfig) {
    const problems: string[] = []
    let options: ResolvedRestClientOptions | undefined
    try {
      options = resolveRestClientOptions(config.options)
    } catch (e) {
      // one TypeError lists every problem: the transport options' ones too, by path
      problems.push(
        ...(e as Error).message
          .split('\n  - ')
          .slice(1)
          .map((p) => `restOptions.${p}`),
      )
    }
    let origin = ''
    try {
      origin = new URL(config.baseUrl).origin
    } catch {
      problems.push('baseUrl: expected an absolute URL')
    }
    if (config.fetch !== undefined && typeof config.fetch !== 'function')
      problems.push('fetch: expected a function')
    const token = config.token
    if (
      token !== undefined &&
      typeof token !== 'function' &&
      (typeof token !== 'string' || token === '')
    )
      problems.push('token: expected a non-empty string or a function that returns one')
    if (problems.length > 0 || !options) throw optionsError('client options', problems)
    this.options = options
    this.baseUrl = config.baseUrl.replace(/\/+$/, '')
    this.#origin = origin
    this.#token = token
    // Resolve fetch per call when not given, so test interceptors and polyfills installed later are honoured.
    this.#fetch = config.fetch ?? ((input, init) => globalThis.fetch(input, init))
    this.#now = config.now ?? Date.now
    this.#sleep = config.sleep ?? defaultSleep
    this.#random = config.random ?? Math.random
    this.#limiter =
      config.rateLimiter === false
        ? undefined
        : (config.rateLimiter ??
          createRateLimiter({
            maxWait: this.options.maxRetryDelay,
            now: this.#now,
            sleep: this.#sleep,
          }))
    this.#secrets = [
      typeof token === 'string' ? token : undefined,
      ...(config.secrets ?? []),
    ].filter((s): s is string => typeof s === 'string' && s !== '')
    this.#telemetry = this.options.telemetry
      ? telemetryHeader(config.client ?? { name: __PKG_NAME__, version: __PKG_VERSION__ })
      : undefined
  }

  /** Builds the full URL of a spec (path parameters percent-encoded, query serialised). */
  url(spec: Pick<RequestSpec, 'path' | 'params' | 'query'>): string {
    const path = spec.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = spec.params?.[name]
      if (value === undefined || value === null || value === '')
        throw new TypeError(`${name} is required: expected a non-empty string`)
      return encodeURIComponent(String(value))
    })
    const qs = encodeQuery(spec.query)
    return `${this.baseUrl}${path}${qs ? `?${qs}` : ''}`
  }

  /** The Python backoff: 100·2^(attempt-1) ms plus 1–100 ms of jitter, between 100 and 1000 ms. */
  backoff(attempt: number): number {
    const jitter = 1 + Math.floor(this.#random() * 100)
    return Math.min(
      this.options.maxRetryDelay,
      Math.max(MIN_DELAY, Math.min(MAX_DELAY, 100 * 2 ** (attempt - 1) + jitter)),
    )
  }

  /**
   * Sends one declared request and returns the parsed 2xx body (`undefined` when empty).
   *
   * @throws TypeError for a missing path parameter or bad request options, before anything is sent
   * @throws Auth0Error (or `RateLimitError`, `TimeoutError`, `NetworkError`) when the call fails
   */
  async request<T = unknown>(spec: RequestSpec, requestOptions: RequestOptions = {}): Promise<T> {
    checkRequestOptions(requestOptions)
    let url = this.url(spec)
    const method = spec.method
    const idempotent = method === 'GET' || method === 'HEAD'
    const timeout = requestOptions.timeout ?? this.options.timeout
    const retries = Math.min(
      10,
      Math.max(0, Math.trunc(requestOptions.retries ?? this.options.retries)),
    )
    const signal = requestOptions.signal
    const { body, contentType } = encodeBody(spec)
    const secrets = spec.secrets
      ? [...this.#secrets, ...spec.secrets.filter((s): s is string => !!s)]
      : [...this.#secrets]
    const useAuth = spec.auth !== false && this.#token !== undefined
    let redirects = 0

    for (let attempt = 1; ; attempt++) {
      if (this.#limiter) await this.#limiter.acquire(signal)
      const headers: Record<string, string> = {}
      if (contentType) headers['content-type'] = contentType
      if (this.#telemetry) headers['auth0-client'] = this.#telemetry
      if (useAuth) {
        const token = typeof this.#token === 'string' ? this.#token : await this.#resolveToken()
        if (!secrets.includes(token)) secrets.push(token)
        headers['authorization'] = `Bearer ${token}`
      }
      if (spec.headers)
        for (const [k, v] of Object.entries(spec.headers))
          if (v !== undefined) headers[k.toLowerCase()] = v
      if (requestOptions.headers)
        for (const [k, v] of Object.entries(requestOptions.headers)) headers[k.toLowerCase()] = v

      let response: Response
      let text: string
      try {
        ;({ response, text } = await this.#attempt(method, url, headers, body, timeout, signal))
      } catch (failure) {
        if (!isFailure(failure)) throw failure
        if (failure.kind === 'abort') throw signal?.reason ?? failure.error
        const safeUrl = redactText(url, secrets)
        if (failure.kind === 'timeout')
          throw new TimeoutError({
            message: `${method} ${safeUrl} timed out after ${timeout} ms`,
            timeout,
            method,
            url: safeUrl,
            cause: failure.error,
          })
        if (idempotent && attempt <= retries) {
          await this.#sleep(this.backoff(attempt), signal)
          continue
        }
        const reason =
          failure.error instanceof Error ? describeNetworkCause(failure.error) : 'network error'
        throw new NetworkError({
          message: redactText(`${method} ${safeUrl} failed: ${reason}`, secrets),
          method,
          url: safeUrl,
          cause: failure.error,
        })
      }

      const status = response.status
      const rateLimit = parseRateLimit(response.headers, this.#now())
      this.#limiter?.update(rateLimit, status)
      if (status >= 200 && status < 300)
        return this.#parseSuccess<T>(response, text, spec, method, url, secrets)

      if (status === 0 || (status >= 300 && status < 400)) {
        const location = response.headers.get('location')
        const target = location ? safeResolve(location, url) : undefined
        if (target && target.origin === this.#origin && idempotent && redirects < MAX_REDIRECTS) {
          redirects++
          url = target.href
          attempt--
          continue
        }
        throw new Auth0Error({
          statusCode: status,
          errorCode: 'redirect_not_followed',
          message: `${method} ${redactText(url, secrets)} was redirected${target ? ` to ${target.origin}` : ''}; redirects are followed only within the same origin, for GET and HEAD, so credentials never leave it`,
          headers: headersToRecord(response.headers),
          method,
          url: redactText(url, secrets),
          response,
        })
      }

      if (status === 429 && attempt <= retries) {
        const wait = rateLimit.waitMs > 0 ? rateLimit.waitMs : this.backoff(attempt)
        if (wait <= this.options.maxRetryDelay) {
          await this.#sleep(wait, signal)
          continue
        }
      }
      if (RETRYABLE_STATUS.has(status) && idempotent && attempt <= retries) {
        await this.#sleep(this.backoff(attempt), signal)
        continue
      }
      throw errorFromResponse({
        response,
        text,
        method,
        url,
        headers: headersToRecord(response.headers),
        rateLimit,
        secrets,
      })
    }
  }

  async #resolveToken(): Promise<string> {
    const source = this.#token
    const token = typeof source === 'function' ? await source() : source
    if (typeof token !== 'string' || token === '')
      throw new TypeError('token: the token function must return a non-empty string')
    return token
  }

  async #attempt(
    method: HttpMethod,
    url: string,
    headers: Record<string, string>,
    body: BodyInit | undefined,
    timeout: number,
    signal: AbortSignal | undefined,
  ): Promise<{ response: Response; text: string }> {
    if (signal?.aborted) throw { kind: 'abort', error: signal.reason } satisfies AttemptFailure
    const ky = kyInstance ?? (await loadKy())
    // One controller and one timer bound the whole attempt, headers and body. Its signal is handed to fetch directly
    // (ky would otherwise merge it with its own on every request), and the caller's signal feeds it.
    const controller = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort(new Error(`timed out after ${timeout} ms`))
    }, timeout)
    const onAbort = () => controller.abort(signal?.reason)
    signal?.addEventListener('abort', onAbort, { once: true })
    const base = this.#fetch
    try {
      const init: KyOptions = {
        method,
        headers,
        retry: 0,
        timeout: false,
        throwHttpErrors: false,
        redirect: 'manual',
        fetch: (input, options) => base(input, { ...options, signal: controller.signal }),
      }
      if (body !== undefined) init.body = body
      const response = await ky(url, init)
      // The body is read under the same timer: a server that trickles it cannot hold the call past `timeout`.
      const text = method === 'HEAD' ? '' : await response.text()
      return { response, text }
    } catch (error) {
      const kind = timedOut ? 'timeout' : signal?.aborted ? 'abort' : 'network'
      throw { kind, error } satisfies AttemptFailure
    } finally {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
    }
  }

  #parseSuccess<T>(
    response: Response,
    text: string,
    spec: RequestSpec,
    method: string,
    url: string,
    secrets: string[],
  ): T {
    if (spec.responseType === 'text') return text as T
    const contentType = response.headers.get('content-type') ?? ''
    const claimsJson = /[/+]json\b/i.test(contentType)
    const wantsObject = spec.responseType === 'object'
    if (text === '' && !wantsObject) return undefined as T
    let parsed: unknown = text
    let problem: string | undefined
    let cause: unknown
    if (claimsJson || contentType === '' || wantsObject) {
      try {
        parsed = JSON.parse(text)
      } catch (e) {
        cause = e
        if (claimsJson) problem = 'a body that claims JSON but does not parse'
      }
    }
    if (
      problem === undefined &&
      wantsObject &&
      (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    )
      problem = `${describeBodyKind(parsed, text, contentType)} where a JSON object was expected`
    if (problem === undefined) return parsed as T
    const safeUrl = redactText(url, secrets)
    throw new Auth0Error({
      statusCode: response.status,
      errorCode: 'invalid_response',
      message: `${method} ${safeUrl} returned ${response.status} with ${problem}`,
      content:
        text === ''
          ? undefined
          : redactValue(typeof parsed === 'string' ? text.slice(0, 2000) : parsed, secrets),
      headers: headersToRecord(response.headers),
      requestId:
        response.headers.get('x-auth0-requestid') ??
        response.headers.get('x-request-id') ??
        undefined,
      method,
      url: safeUrl,
      response,
      cause,
    })
  }
}

function describeBodyKind(parsed: unknown, text: string, contentType: string): string {
  if (text === '') return 'an empty body'
  if (typeof parsed === 'string' && parsed === text)
    return /html/i.test(contentType) || /^\s*</.test(text) ? 'an HTML page' : 'a text body'
  return `a JSON ${Array.isArray(parsed) ? 'array' : parsed === null ? 'null' : typeof parsed}`
}

function safeResolve(location: string, base: string): URL | undefined {
  try {
    return new URL(location, base)
  } catch {
    return undefined
  }
}

function describeNetworkCause(error: Error): string {
  const cause = (error as { cause?: unknown }).cause
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code
    return typeof code === 'string' ? `${code} (${cause.message})` : cause.message
  }
  return error.message
}
