import type { KyInstance, Options as KyOptions } from 'ky'
import { encodeBody, encodeQuery } from './encode.js'
import { Auth0Error, errorFromResponse, NetworkError, TimeoutError } from './errors.js'
import { OptionsError } from './options-error.js'
import {
  clampRetries,
  fillRestClientOptions,
  restOptionsProblems,
  type ResolvedRestClientOptions,
  type RestClientOptions,
} from './options.js'
import {
  createRateLimiter,
  defaultSleep,
  parseRateLimit,
  type RateLimitInfo,
  type RateLimiter,
} from './rate-limit.js'
import { redactText } from './redact.js'
import { headersToRecord, parseSuccess } from './response.js'
import { backoffDelay, nextStep, type FailReason } from './retry-policy.js'
import {
  checkOptions,
  finite,
  fn,
  isRecord,
  object,
  optionProblems,
  positive,
  rule,
  withMethods,
  type Rules,
} from './rules.js'
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
  /**
   * How an array query value is sent: `comma` joins it (`fields=a,b`, as auth0-python does); `repeat` repeats the
   * key (`strategy=a&strategy=b`, OpenAPI's default `form` style, as node-auth0 v7 does). @default 'comma'
   */
  queryArrays?: 'comma' | 'repeat'
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

/** What {@link RestClient.send} resolves to: the parsed body and the response it came from. */
export interface SendResult<T> {
  /** The parsed 2xx body (`undefined` when empty), as {@link RestClient.request} returns it. */
  data: T
  /** The final response: status and headers (rate-limit headers included). Its body has already been read. */
  response: Response
}

/** One attempt's result: a response with its body read, or why there is none. Attempts never throw. */
type AttemptResult =
  | { readonly ok: true; readonly response: Response; readonly text: string }
  | { readonly ok: false; readonly kind: 'timeout' | 'abort' | 'network'; readonly error: unknown }

/** A call's settings, worked out once before its first attempt. */
interface Call {
  readonly spec: RequestSpec
  readonly method: HttpMethod
  readonly idempotent: boolean
  readonly timeout: number
  readonly retries: number
  readonly signal: AbortSignal | undefined
  readonly headers: Record<string, string> | undefined
  readonly body: BodyInit | undefined
  readonly contentType: string | undefined
  readonly useAuth: boolean
  /** Grows with each token a token function returns, so that none can appear in an error. */
  readonly secrets: string[]
}

const CONFIG_RULES: Rules = {
  baseUrl: rule('an absolute URL', (v) => typeof v === 'string' && URL.canParse(v)),
  fetch: fn,
  token: rule(
    'a non-empty string or a function that returns one',
    (v) => typeof v === 'function' || (typeof v === 'string' && v !== ''),
  ),
  client: rule(
    'an object with string name and version',
    (v) => isRecord(v) && typeof v['name'] === 'string' && typeof v['version'] === 'string',
  ),
  now: fn,
  sleep: fn,
  random: fn,
  rateLimiter: rule(
    '{ acquire, update } or false',
    (v) => v === false || withMethods('acquire', 'update')(v) === undefined,
  ),
  secrets: rule(
    'an array of strings',
    (v) => Array.isArray(v) && v.every((s) => s === undefined || typeof s === 'string'),
  ),
}

const REQUEST_OPTION_RULES: Rules = {
  signal: rule('an AbortSignal', (v) => v instanceof AbortSignal),
  timeout: positive,
  retries: finite,
  headers: object,
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

  /**
   * @throws OptionsError listing every problem of the config and of its transport options (as `restOptions.*`)
   */
  constructor(config: RestClientConfig) {
    const problems = [
      ...restOptionsProblems(config.options),
      ...optionProblems(config, CONFIG_RULES, { required: ['baseUrl'], known: ['options'] }),
    ]
    if (problems.length > 0) throw new OptionsError('client options', problems)
    const token = config.token
    this.options = fillRestClientOptions(config.options)
    this.baseUrl = config.baseUrl.replace(/\/+$/, '')
    this.#origin = new URL(config.baseUrl).origin
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
  url(spec: Pick<RequestSpec, 'path' | 'params' | 'query' | 'queryArrays'>): string {
    const path = spec.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = spec.params?.[name]
      if (value === undefined || value === null || value === '')
        throw new TypeError(`${name} is required: expected a non-empty string`)
      return encodeURIComponent(String(value))
    })
    const qs = encodeQuery(spec.query, spec.queryArrays)
    return `${this.baseUrl}${path}${qs ? `?${qs}` : ''}`
  }

  /** The Python backoff: 100·2^(attempt-1) ms plus 1–100 ms of jitter, between 100 and 1000 ms. */
  backoff(attempt: number): number {
    return backoffDelay(attempt, this.#random(), this.options.maxRetryDelay)
  }

  /**
   * Sends one declared request and returns the parsed 2xx body (`undefined` when empty).
   *
   * @throws TypeError for a missing path parameter, or OptionsError for bad request options, before anything is sent
   * @throws Auth0Error (or `RateLimitError`, `TimeoutError`, `NetworkError`) when the call fails
   */
  async request<T = unknown>(spec: RequestSpec, requestOptions: RequestOptions = {}): Promise<T> {
    return (await this.send<T>(spec, requestOptions)).data
  }

  /**
   * Sends one declared request, as {@link RestClient.request} does, and resolves to the parsed body together with the
   * final response, for its status and headers.
   *
   * @throws TypeError for a missing path parameter, or OptionsError for bad request options, before anything is sent
   * @throws Auth0Error (or `RateLimitError`, `TimeoutError`, `NetworkError`) when the call fails
   * @example
   * ```ts
   * const { data, response } = await rest.send({ method: 'GET', path: '/api/v2/users' })
   * console.log(response.status, response.headers.get('x-ratelimit-remaining'))
   * ```
   */
  async send<T = unknown>(
    spec: RequestSpec,
    requestOptions: RequestOptions = {},
  ): Promise<SendResult<T>> {
    checkOptions('request options', requestOptions, REQUEST_OPTION_RULES, { open: true })
    let url = this.url(spec)
    const call = this.#prepare(spec, requestOptions)
    const { method, idempotent, signal } = call
    let redirects = 0
    for (let attempt = 1; ;) {
      if (this.#limiter) await this.#limiter.acquire(signal)
      const token = call.useAuth
        ? typeof this.#token === 'string'
          ? this.#token
          : await this.#resolveToken(signal)
        : undefined
      if (token !== undefined && !call.secrets.includes(token)) call.secrets.push(token)
      const result = await this.#attempt(call, url, this.#headers(call, token))

      let rateLimit: RateLimitInfo | undefined
      let location: URL | undefined
      if (result.ok) {
        const status = result.response.status
        rateLimit = parseRateLimit(result.response.headers, this.#now())
        this.#limiter?.update(rateLimit, status)
        if (status === 0 || (status >= 300 && status < 400)) {
          const header = result.response.headers.get('location')
          location = header ? safeResolve(header, url) : undefined
        }
      }
      const outcome = result.ok ? result.response.status : result.kind
      const settled = typeof outcome === 'number' && outcome >= 200 && outcome < 300
      const step = nextStep({
        outcome,
        idempotent,
        attempt,
        retries: call.retries,
        redirects,
        rateLimitWaitMs: rateLimit?.waitMs ?? -1,
        backoffMs: settled ? 0 : this.backoff(attempt),
        maxRetryDelay: this.options.maxRetryDelay,
        location,
        origin: this.#origin,
      })
      switch (step.action) {
        case 'succeed': {
          const { response, text } = result as Extract<AttemptResult, { ok: true }>
          const ctx = { responseType: spec.responseType, method, url, secrets: call.secrets }
          return { data: parseSuccess(response, text, ctx) as T, response }
        }
        case 'retry':
          await this.#sleep(step.afterMs, signal)
          attempt++
          continue
        case 'redirect':
          redirects++
          url = step.url
          continue
        case 'fail':
          throw this.#failure(step.reason, result, call, url, location, rateLimit)
      }
    }
  }

  #prepare(spec: RequestSpec, ro: RequestOptions): Call {
    const method = spec.method
    const { body, contentType } = encodeBody(spec)
    return {
      spec,
      method,
      idempotent: method === 'GET' || method === 'HEAD',
      timeout: ro.timeout ?? this.options.timeout,
      retries: clampRetries(ro.retries ?? this.options.retries),
      signal: ro.signal,
      headers: ro.headers,
      body,
      contentType,
      useAuth: spec.auth !== false && this.#token !== undefined,
      secrets: spec.secrets
        ? [...this.#secrets, ...spec.secrets.filter((s): s is string => !!s)]
        : [...this.#secrets],
    }
  }

  /** The headers of one attempt: content type, telemetry, the bearer token, then the spec's, then the call's. */
  #headers(call: Call, token: string | undefined): Record<string, string> {
    const headers: Record<string, string> = {}
    if (call.contentType) headers['content-type'] = call.contentType
    if (this.#telemetry) headers['auth0-client'] = this.#telemetry
    if (token !== undefined) headers['authorization'] = `Bearer ${token}`
    if (call.spec.headers)
      for (const [k, v] of Object.entries(call.spec.headers))
        if (v !== undefined) headers[k.toLowerCase()] = v
    if (call.headers)
      for (const [k, v] of Object.entries(call.headers)) headers[k.toLowerCase()] = v
    return headers
  }

  async #resolveToken(signal: AbortSignal | undefined): Promise<string> {
    const source = this.#token
    const token =
      typeof source === 'function' ? await source(signal ? { signal } : undefined) : source
    if (typeof token !== 'string' || token === '')
      throw new TypeError('token: the token function must return a non-empty string')
    return token
  }

  async #attempt(call: Call, url: string, headers: Record<string, string>): Promise<AttemptResult> {
    const { method, timeout, signal } = call
    if (signal?.aborted) return { ok: false, kind: 'abort', error: signal.reason }
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
      if (call.body !== undefined) init.body = call.body
      const response = await ky(url, init)
      // The body is read under the same timer: a server that trickles it cannot hold the call past `timeout`.
      const text = method === 'HEAD' ? '' : await response.text()
      return { ok: true, response, text }
    } catch (error) {
      return {
        ok: false,
        kind: timedOut ? 'timeout' : signal?.aborted ? 'abort' : 'network',
        error,
      }
    } finally {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
    }
  }

  /** The error a failed call rejects with: the caller's abort reason, or an {@link Auth0Error}. */
  #failure(
    reason: FailReason,
    result: AttemptResult,
    call: Call,
    url: string,
    location: URL | undefined,
    rateLimit: RateLimitInfo | undefined,
  ): unknown {
    const { method, secrets } = call
    const safeUrl = redactText(url, secrets)
    if (!result.ok) {
      if (reason === 'abort') return call.signal?.reason ?? result.error
      if (reason === 'timeout')
        return new TimeoutError({
          message: `${method} ${safeUrl} timed out after ${call.timeout} ms`,
          timeout: call.timeout,
          method,
          url: safeUrl,
          cause: result.error,
        })
      const cause =
        result.error instanceof Error ? describeNetworkCause(result.error) : 'network error'
      return new NetworkError({
        message: redactText(`${method} ${safeUrl} failed: ${cause}`, secrets),
        method,
        url: safeUrl,
        cause: result.error,
      })
    }
    const { response, text } = result
    if (reason === 'redirect')
      return new Auth0Error({
        statusCode: response.status,
        errorCode: 'redirect_not_followed',
        message: `${method} ${safeUrl} was redirected${location ? ` to ${location.origin}` : ''}; redirects are followed only within the same origin, for GET and HEAD, so credentials never leave it`,
        headers: headersToRecord(response.headers),
        method,
        url: safeUrl,
        response,
      })
    return errorFromResponse({
      response,
      text,
      method,
      url,
      headers: headersToRecord(response.headers),
      rateLimit: rateLimit ?? parseRateLimit(response.headers, this.#now()),
      secrets,
    })
  }
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
