import type { KyInstance, Options as KyOptions } from 'ky'
import { encodeBody, encodeQuery } from './encode.js'
import {
  AbortError,
  Auth0Error,
  errorFromResponse,
  isAuth0Error,
  NetworkError,
  requestIdOf,
  responseFields,
  TimeoutError,
  type TimeoutBound,
} from './errors.js'
import {
  emit,
  type CallEvent,
  type FailureEvent,
  type OutcomeEvent,
  type RequestHooks,
  type RetryEvent,
  type RetryReason,
} from './hooks.js'
import { OptionsError } from './options-error.js'
import {
  clampRetries,
  fillRestClientOptions,
  hooksRule,
  restOptionsProblems,
  secondsWarning,
  type ResolvedRestClientOptions,
  type RestClientOptions,
} from './options.js'
import {
  createRateLimiter,
  defaultSleep,
  parseRateLimit,
  TRY_ACQUIRE,
  type RateLimitInfo,
  type RateLimiter,
} from './rate-limit.js'
import { describeRequest, queryValues, redactText, safeUrl } from './redact.js'
import {
  describeBytes,
  headersToRecord,
  parseSuccess,
  readText,
  type ResponseBodyType,
} from './response.js'
import { backoffDelay, nextStep, type AttemptOutcome, type FailReason } from './retry-policy.js'
import {
  abortSignal,
  checkOptions,
  finite,
  fn,
  isRecord,
  object,
  optionProblems,
  positive,
  rateLimiter,
  rule,
  tokenSource,
  type Rules,
} from './rules.js'
import { telemetryHeader, type ClientInfo } from './telemetry.js'
import type { TokenFunction, TokenSource } from './token.js'

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
  /**
   * Aborts the call, including any wait. The call then rejects with `AbortError` (the signal's reason in `cause`), or
   * with `TimeoutError` (`bound: 'signal'`) when the reason is a timeout, as with `AbortSignal.timeout()`.
   */
  signal?: AbortSignal
  /** Bound on each attempt, headers and body both, and on each wait for a token, in ms. @default the client's (5000) */
  timeout?: number
  /** Bound on the whole call in ms, waits included. @default the client's (none) */
  deadline?: number
  /** Retries for this call (0..10). @default the client's (3) */
  retries?: number
  /** Extra headers for this call. */
  headers?: Record<string, string>
  /** Hooks for this call, called after the client's. */
  hooks?: RequestHooks
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
   * What a 2xx must carry, and how it is read. Leave it out (or `auto`) for the lenient reading: JSON by content type,
   * other bodies as text, an empty body as `undefined`. Say `json` where the API returns a value: an empty or non-JSON
   * 2xx then fails with `invalid_response` instead of resolving to `undefined`. `json-or-empty` accepts a value or
   * nothing (`undefined`); `empty` resolves to `undefined` whatever the body (a method typed `void`); `object` requires
   * a JSON object (token responses); `text` returns the text.
   * @default 'auto'
   */
  responseType?: ResponseBodyType
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

/**
 * One attempt's result: a response with its body read (`text` is `undefined` when it passed `maxResponseSize`), or why
 * there is none. Attempts never throw.
 */
type AttemptResult =
  | { readonly ok: true; readonly response: Response; readonly text: string | undefined }
  | { readonly ok: false; readonly kind: 'abort' | 'network'; readonly error: unknown }
  | {
      readonly ok: false
      readonly kind: 'timeout'
      readonly bound: TimeoutBound
      readonly ms: number
    }

/** What the last attempt of a call got, for its hooks. */
interface Last {
  status: number
  durationMs: number
  requestId: string | undefined
  rateLimit: RateLimitInfo
}

/** A call's settings, worked out once before its first attempt, and its state. */
interface Call {
  readonly id: number
  readonly spec: RequestSpec
  readonly method: HttpMethod
  readonly idempotent: boolean
  /** Milliseconds per attempt, and per wait for a token. */
  readonly timeout: number
  readonly retries: number
  /** The whole call's bound in ms, and when it passes (epoch ms). */
  readonly deadline: number | undefined
  readonly deadlineAt: number | undefined
  /** Aborts every wait and attempt of the call: the caller's signal, joined with the deadline when there is one. */
  signal: AbortSignal | undefined
  readonly callerSignal: AbortSignal | undefined
  readonly headers: Record<string, string> | undefined
  readonly body: BodyInit | undefined
  readonly contentType: string | undefined
  readonly useAuth: boolean
  /** Grows with each token a token function returns, so that none can appear in an error. */
  readonly secrets: string[]
  readonly startedAt: number
  /** The hook sets (the client's, then the call's), when any. */
  readonly hooks: readonly RequestHooks[] | undefined
  /** Whether anyone listens: hooks or the debug log. */
  readonly observed: boolean
  url: string
  /** Sends so far, for hooks and the debug log. */
  sends: number
  reauthenticated: boolean
  deadlinePassed: boolean
  last: Last | undefined
  /** Clears the deadline's timer and listener. */
  dispose: () => void
}

/** The built-in limiter, seen with its synchronous fast path. */
type FastLimiter = RateLimiter & { readonly [TRY_ACQUIRE]?: () => boolean }

/** Every field -1: what hooks see before any response. */
const NO_RATE_LIMIT: RateLimitInfo = Object.freeze({
  limit: -1,
  remaining: -1,
  resetAt: -1,
  retryAfter: -1,
  waitMs: -1,
})
const noop = (): void => {}
/** setTimeout's largest delay. */
const MAX_TIMER = 2_147_483_647
let lastCallId = 0

const CONFIG_RULES: Rules = {
  baseUrl: rule('an absolute URL', (v) => typeof v === 'string' && URL.canParse(v)),
  fetch: fn,
  token: tokenSource,
  client: rule(
    'an object with string name and version',
    (v) => isRecord(v) && typeof v['name'] === 'string' && typeof v['version'] === 'string',
  ),
  now: fn,
  sleep: fn,
  random: fn,
  rateLimiter,
  secrets: rule(
    'an array of strings',
    (v) => Array.isArray(v) && v.every((s) => s === undefined || typeof s === 'string'),
  ),
}

const REQUEST_OPTION_RULES: Rules = {
  signal: abortSignal,
  timeout: positive,
  deadline: positive,
  retries: finite,
  headers: object,
  hooks: hooksRule,
}

/** Resolves or rejects with `promise`, or rejects with the signal's reason as soon as it aborts. */
function raceSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise
  if (signal.aborted) {
    promise.catch(noop) // it may still reject; nobody waits for it any more
    return Promise.reject(signal.reason as Error)
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error as Error)
      },
    )
  })
}

/** Whether an abort reason is a timeout (`AbortSignal.timeout()` aborts with a `DOMException` named so). */
function isTimeoutReason(reason: unknown): boolean {
  return typeof reason === 'object' && reason !== null && (reason as Error).name === 'TimeoutError'
}

function clampTimer(ms: number): number {
  return Math.min(MAX_TIMER, Math.max(1, Math.ceil(ms)))
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
  /** The base URL's path (`/api/v2`), prefixed to path templates for hooks. */
  readonly #basePath: string
  readonly #hooks: readonly RequestHooks[] | undefined
  #warned = false

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
    const base = new URL(this.baseUrl)
    this.#origin = base.origin
    this.#basePath = base.pathname.replace(/\/+$/, '')
    this.#token = token
    // Resolve fetch per call when not given, so test interceptors and polyfills installed later are honoured. A custom
    // fetch also gets the Request's signal as `init.signal`, for wrappers that only look there; the platform's fetch
    // does not need it, and a non-empty init makes it copy and check every header again.
    const custom = config.fetch
    this.#fetch = custom
      ? (input, init) => custom(input, { ...init, signal: (input as Request).signal })
      : (input, init) => globalThis.fetch(input, init)
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
    this.#hooks = this.options.hooks ? [this.options.hooks] : undefined
    this.#warnSeconds('restOptions.timeout', this.options.timeout)
    this.#warnSeconds('restOptions.deadline', this.options.deadline)
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

  /** The Python backoff in ms: 100·2^(attempt-1) plus 1–100 of jitter, between 100 and 1000. */
  backoff(attempt: number): number {
    return backoffDelay(attempt, this.#random(), this.options.maxRetryDelay)
  }

  /**
   * Sends one declared request and returns the parsed 2xx body (`undefined` when empty, unless the spec's
   * `responseType` requires a value).
   *
   * @throws TypeError for a missing path parameter, or OptionsError for bad request options, before anything is sent
   * @throws Auth0Error (or `RateLimitError`, `TimeoutError`, `NetworkError`, `AbortError`) when the call fails
   */
  async request<T = unknown>(spec: RequestSpec, requestOptions?: RequestOptions): Promise<T> {
    return (await this.send<T>(spec, requestOptions)).data
  }

  /**
   * Sends one declared request, as {@link RestClient.request} does, and resolves to the parsed body together with the
   * final response, for its status and headers.
   *
   * @throws TypeError for a missing path parameter, or OptionsError for bad request options, before anything is sent
   * @throws Auth0Error (or `RateLimitError`, `TimeoutError`, `NetworkError`, `AbortError`) when the call fails
   * @example
   * ```ts
   * const { data, response } = await rest.send({ method: 'GET', path: '/api/v2/users' })
   * console.log(response.status, response.headers.get('x-ratelimit-remaining'))
   * ```
   */
  async send<T = unknown>(
    spec: RequestSpec,
    requestOptions?: RequestOptions,
  ): Promise<SendResult<T>> {
    if (requestOptions !== undefined)
      checkOptions('request options', requestOptions, REQUEST_OPTION_RULES, { open: true })
    const call = this.#prepare(spec, requestOptions, this.url(spec))
    try {
      return await this.#run<T>(call)
    } catch (error) {
      const failure = call.signal?.aborted ? this.#abortError(call) : error
      if (call.observed) this.#failed(call, failure)
      throw failure
    } finally {
      call.dispose()
    }
  }

  async #run<T>(call: Call): Promise<SendResult<T>> {
    const { spec, method, idempotent, signal } = call
    let redirects = 0
    for (let attempt = 1; ;) {
      const limiter = this.#limiter
      if (limiter && !(limiter as FastLimiter)[TRY_ACQUIRE]?.()) {
        const acquired = limiter.acquire(signal, { since: call.startedAt })
        await (signal ? raceSignal(acquired, signal) : acquired)
      }
      const token = call.useAuth
        ? typeof this.#token === 'string'
          ? this.#token
          : await this.#resolveToken(call)
        : undefined
      if (token !== undefined && !call.secrets.includes(token)) call.secrets.push(token)
      call.sends++
      if (call.hooks) emit(call.hooks, 'onRequest', this.#event(call), this.options.debug)
      const sentAt = this.#now()
      const result = await this.#attempt(call, this.#headers(call, token))

      let rateLimit: RateLimitInfo | undefined
      let location: URL | undefined
      if (result.ok) {
        const { response, text } = result
        const status = response.status
        rateLimit = parseRateLimit(response.headers, this.#now())
        this.#limiter?.update(rateLimit, status)
        if (call.observed)
          call.last = {
            status,
            durationMs: this.#now() - sentAt,
            requestId: requestIdOf(response.headers),
            rateLimit,
          }
        if (text === undefined) throw this.#tooLarge(call, response)
        if (status === 0 || (status >= 300 && status < 400)) {
          const header = response.headers.get('location')
          location = header ? safeResolve(header, call.url) : undefined
        }
      } else if (call.observed)
        call.last = {
          status: 0,
          durationMs: this.#now() - sentAt,
          requestId: undefined,
          rateLimit: NO_RATE_LIMIT,
        }
      const outcome = result.ok ? result.response.status : result.kind
      const settled = typeof outcome === 'number' && outcome >= 200 && outcome < 300
      const source = this.#token
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
        canReauthenticate:
          token !== undefined &&
          !call.reauthenticated &&
          typeof source === 'function' &&
          typeof source.invalidate === 'function',
      })
      switch (step.action) {
        case 'succeed': {
          const { response, text } = result as Extract<AttemptResult, { ok: true }>
          const ctx = {
            responseType: spec.responseType,
            method,
            url: call.url,
            secrets: call.secrets,
            query: spec.query,
          }
          const data = parseSuccess(response, text ?? '', ctx) as T
          if (call.observed) this.#report(call, 'onResponse', {}, '→ done')
          return { data, response }
        }
        case 'retry': {
          const afterMs = step.afterMs
          if (call.deadlineAt !== undefined && this.#now() + afterMs >= call.deadlineAt) {
            const cause = this.#failure('status', result, call, location, rateLimit)
            throw this.#timeoutError(
              call,
              0,
              'deadline',
              `before a retry due in ${afterMs} ms`,
              cause,
            )
          }
          if (call.observed) this.#retrying(call, outcome, afterMs)
          await (signal ? raceSignal(this.#sleep(afterMs, signal), signal) : this.#sleep(afterMs))
          attempt++
          continue
        }
        case 'reauthenticate': {
          call.reauthenticated = true
          if (call.observed) this.#retrying(call, outcome, 0)
          try {
            await raceSignal(Promise.resolve((source as TokenFunction).invalidate?.()), signal)
          } catch (error) {
            if (signal?.aborted) throw error
            throw this.#failure('status', result, call, location, rateLimit, error)
          }
          continue
        }
        case 'redirect':
          if (call.observed) this.#debug(call, `→ redirect to ${describeRequest(method, step.url)}`)
          redirects++
          call.url = step.url
          continue
        case 'fail':
          throw this.#failure(step.reason, result, call, location, rateLimit)
      }
    }
  }

  #prepare(spec: RequestSpec, ro: RequestOptions | undefined, url: string): Call {
    const method = spec.method
    const { body, contentType } = encodeBody(spec)
    const startedAt = this.#now()
    const timeout = ro?.timeout ?? this.options.timeout
    const deadline = ro?.deadline ?? this.options.deadline
    if (ro?.timeout !== undefined) this.#warnSeconds('timeout', ro.timeout)
    if (ro?.deadline !== undefined) this.#warnSeconds('deadline', ro.deadline)
    const callerSignal = ro?.signal
    const hooks = ro?.hooks ? [...(this.#hooks ?? []), ro.hooks] : this.#hooks
    const call: Call = {
      id: ++lastCallId,
      spec,
      method,
      idempotent: method === 'GET' || method === 'HEAD',
      timeout,
      retries: clampRetries(ro?.retries ?? this.options.retries),
      deadline,
      deadlineAt: deadline === undefined ? undefined : startedAt + deadline,
      signal: callerSignal,
      callerSignal,
      headers: ro?.headers,
      body,
      contentType,
      useAuth: spec.auth !== false && this.#token !== undefined,
      secrets: spec.secrets
        ? [...this.#secrets, ...spec.secrets.filter((s): s is string => !!s)]
        : [...this.#secrets],
      startedAt,
      hooks,
      observed: hooks !== undefined || this.options.debug !== undefined,
      url,
      sends: 0,
      reauthenticated: false,
      deadlinePassed: false,
      last: undefined,
      dispose: noop,
    }
    if (deadline !== undefined) {
      // One controller for the call: the deadline's timer and the caller's signal both abort it.
      const controller = new AbortController()
      const timer = setTimeout(() => {
        call.deadlinePassed = true
        controller.abort(new Error(`deadline of ${deadline} ms passed`))
      }, clampTimer(deadline))
      const onAbort = () => controller.abort(callerSignal?.reason)
      if (callerSignal?.aborted) onAbort()
      else callerSignal?.addEventListener('abort', onAbort, { once: true })
      call.signal = controller.signal
      call.dispose = () => {
        clearTimeout(timer)
        callerSignal?.removeEventListener('abort', onAbort)
      }
    }
    return call
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

  /** How long the next wait or attempt may take, in ms, and which bound that is. */
  #bound(call: Call): { ms: number; bound: TimeoutBound } {
    const left = call.deadlineAt === undefined ? Infinity : call.deadlineAt - this.#now()
    return left < call.timeout
      ? { ms: left, bound: 'deadline' }
      : { ms: call.timeout, bound: 'timeout' }
  }

  /**
   * Asks a token function for a token, bounded like an attempt: the function gets a signal that aborts at the call's
   * timeout, deadline or abort, and the call stops waiting then even if the function ignores it.
   */
  async #resolveToken(call: Call): Promise<string> {
    const source = this.#token as TokenFunction
    const outer = call.signal
    outer?.throwIfAborted()
    const controller = new AbortController()
    const { ms, bound } = this.#bound(call)
    let timer: ReturnType<typeof setTimeout> | undefined
    let timedOut = false
    const onAbort = () => controller.abort(outer?.reason)
    try {
      let value = source({ signal: controller.signal })
      if (typeof value !== 'string') {
        if (ms <= 0) timedOut = true
        else {
          timer = setTimeout(() => {
            timedOut = true
            controller.abort(new Error(`no token within ${ms} ms`))
          }, clampTimer(ms))
          outer?.addEventListener('abort', onAbort, { once: true })
        }
        value = await raceSignal(Promise.resolve(value), controller.signal)
      }
      if (typeof value !== 'string' || value === '')
        throw new TypeError('token: the token function must return a non-empty string')
      return value
    } catch (error) {
      if (!timedOut || outer?.aborted) throw error
      throw this.#timeoutError(call, ms, bound, 'waiting for a token', error)
    } finally {
      clearTimeout(timer)
      outer?.removeEventListener('abort', onAbort)
    }
  }

  // ky carries each attempt: it builds the Request from our method and body, hands it to the `fetch` we give it, and
  // its `timeout` is the attempt's one timer. We use that `fetch` for two things: we read the body there, so ky's
  // timer bounds headers and body both (no second AbortController per attempt, which a profile showed costing more
  // than any function of ours), and we set our headers on the Request there, after ky's header merging and its retry
  // clone, which would otherwise validate and copy every header about six times. We leave out the parts of ky that
  // cost time or that we do once per call: `retry` (0: the pure `nextStep` decides), `throwHttpErrors` (false:
  // statuses become our errors), its hooks (ky awaits them in the request path, freezes a copy of its options for
  // each and clones every response for `afterResponse`; ours are called without waiting), `json`, `searchParams` and
  // `prefixUrl` (the URL and body are encoded once per call) and its response shortcuts (`.json()` sets `accept` and
  // reads again). A signal reaches ky only when the call has one (the caller's, or its deadline).
  async #attempt(call: Call, headers: Record<string, string>): Promise<AttemptResult> {
    const { method, signal } = call
    let ky = kyInstance
    if (ky === undefined) {
      try {
        ky = await raceSignal(loadKy(), signal)
      } catch (error) {
        if (signal?.aborted) return { ok: false, kind: 'abort', error: signal.reason }
        throw error
      }
    }
    if (signal?.aborted) return { ok: false, kind: 'abort', error: signal.reason }
    const { ms, bound } = this.#bound(call)
    if (ms <= 0) return { ok: false, kind: 'timeout', bound, ms: 0 }
    const base = this.#fetch
    const max = this.options.maxResponseSize
    let text: string | undefined
    const init: KyOptions = {
      method,
      retry: 0,
      timeout: clampTimer(ms),
      throwHttpErrors: false,
      redirect: 'manual',
      fetch: async (input, options) => {
        const request = input as Request
        for (const name in headers) request.headers.set(name, headers[name] as string)
        const response = await base(request, options)
        text = method === 'HEAD' ? '' : await readText(response, max)
        return response
      },
    }
    if (signal) init.signal = signal
    if (call.body !== undefined) init.body = call.body
    try {
      const response = await raceSignal(ky(call.url, init), signal)
      return { ok: true, response, text }
    } catch (error) {
      if (signal?.aborted) return { ok: false, kind: 'abort', error: signal.reason }
      if (isTimeoutReason(error)) return { ok: false, kind: 'timeout', bound, ms }
      return { ok: false, kind: 'network', error }
    }
  }

  /**
   * The TimeoutError of a call that ran out of time: `ms` of `timeout` for one attempt or one wait for a token, or its
   * deadline. `what` says what it was doing then.
   */
  #timeoutError(
    call: Call,
    ms: number,
    bound: TimeoutBound,
    what: string,
    cause: unknown,
  ): TimeoutError {
    const deadline = bound === 'deadline'
    if (deadline) call.deadlinePassed = true
    const timeout = deadline ? (call.deadline as number) : ms
    const target = describeRequest(call.method, call.url)
    return new TimeoutError({
      message: `${target} ${deadline ? `passed its deadline of ${timeout} ms` : `timed out after ${timeout} ms`}${what && ` ${what}`}`,
      timeout,
      bound,
      method: call.method,
      url: safeUrl(call.url),
      cause,
    })
  }

  /** The error of a call stopped by its signal or its deadline: never the raw abort reason. */
  #abortError(call: Call): Auth0Error {
    if (call.deadlinePassed) return this.#timeoutError(call, 0, 'deadline', '', call.signal?.reason)
    const target = describeRequest(call.method, call.url)
    const reason: unknown = call.callerSignal?.reason
    const where = { method: call.method, url: safeUrl(call.url), cause: reason }
    if (isTimeoutReason(reason))
      return new TimeoutError({
        ...where,
        message: `${target} was stopped by its signal's timeout`,
        timeout: -1,
        bound: 'signal',
      })
    const said =
      typeof (reason as Error | undefined)?.message === 'string' ? (reason as Error).message : ''
    const message = redactText(
      `${target} was aborted by its signal${said && `: ${said}`}`,
      secretsOf(call),
    )
    return new AbortError({ ...where, message })
  }

  #tooLarge(call: Call, response: Response): Auth0Error {
    const max = this.options.maxResponseSize
    return new Auth0Error({
      ...responseFields(response, call.method, safeUrl(call.url)),
      errorCode: 'response_too_large',
      message: `${describeRequest(call.method, call.url)} returned ${response.status} with a body over the ${describeBytes(max)} limit (maxResponseSize); it was not read`,
    })
  }

  /** The error a failed call rejects with. */
  #failure(
    reason: FailReason,
    result: AttemptResult,
    call: Call,
    location: URL | undefined,
    rateLimit: RateLimitInfo | undefined,
    cause?: unknown,
  ): Auth0Error {
    const method = call.method
    const secrets = secretsOf(call)
    const target = redactText(describeRequest(method, call.url), secrets)
    const url = redactText(safeUrl(call.url), secrets)
    if (!result.ok) {
      if (result.kind === 'abort') return this.#abortError(call)
      if (result.kind === 'timeout')
        return this.#timeoutError(call, result.ms, result.bound, '', undefined)
      const error = result.error
      const why = error instanceof Error ? describeNetworkCause(error) : 'network error'
      return new NetworkError({
        message: redactText(`${target} failed: ${why}`, secrets),
        method,
        url,
        cause: error,
      })
    }
    const { response, text } = result
    if (reason === 'redirect')
      return new Auth0Error({
        ...responseFields(response, method, url),
        errorCode: 'redirect_not_followed',
        message: `${target} was redirected${location ? ` to ${location.origin}` : ''}; redirects are followed only within the same origin, for GET and HEAD, so credentials never leave it`,
      })
    return errorFromResponse({
      response,
      text: text ?? '',
      method,
      url: call.url,
      headers: headersToRecord(response.headers),
      rateLimit: rateLimit ?? parseRateLimit(response.headers, this.#now()),
      secrets,
      cause,
    })
  }

  #warnSeconds(name: string, ms: number | undefined): void {
    const warning = this.#warned ? undefined : secondsWarning(name, ms)
    if (warning === undefined) return
    this.#warned = true
    ;(this.options.debug ?? ((line: string) => console.warn(line)))(warning)
  }

  /** What every hook event says about a call. */
  #event(call: Call): CallEvent {
    const url = call.url
    const q = url.indexOf('?')
    return {
      callId: call.id,
      method: call.method,
      pathTemplate: this.#basePath + call.spec.path,
      path: url.slice(this.#origin.length, q === -1 ? undefined : q) || '/',
      attempt: call.sends,
      elapsedMs: this.#now() - call.startedAt,
    }
  }

  #outcome(call: Call): OutcomeEvent {
    const last = call.last
    return {
      ...this.#event(call),
      status: last?.status ?? 0,
      durationMs: last?.durationMs ?? 0,
      requestId: last?.requestId,
      rateLimit: last?.rateLimit ?? NO_RATE_LIMIT,
    }
  }

  #debug(call: Call, what: string): void {
    const debug = this.options.debug
    if (debug === undefined) return
    const last = call.last
    const got =
      last === undefined ? 'nothing sent' : last.status === 0 ? 'no response' : String(last.status)
    const rl = last?.rateLimit ?? NO_RATE_LIMIT
    const parts = [
      `[auth0-ts] ${describeRequest(call.method, call.url)} attempt ${call.sends}: ${got}`,
      last ? ` in ${last.durationMs} ms` : '',
      last?.requestId ? `, request id ${last.requestId}` : '',
      rl.remaining >= 0 ? `, rate limit ${rl.remaining}/${rl.limit}` : '',
      ` ${what}`,
    ]
    try {
      debug(redactText(parts.join(''), secretsOf(call)))
    } catch {
      // a debug sink that throws fails nothing
    }
  }

  #retrying(call: Call, outcome: AttemptOutcome, waitMs: number): void {
    const reason: RetryReason =
      outcome === 429
        ? 'rate_limited'
        : outcome === 401
          ? 'unauthorized'
          : outcome === 'network'
            ? 'network_error'
            : 'server_error'
    this.#report(call, 'onRetry', { reason, waitMs }, `→ retry in ${waitMs} ms (${reason})`)
  }

  #failed(call: Call, error: unknown): void {
    const errorName = error instanceof Error ? error.name : typeof error
    const errorCode = isAuth0Error(error) ? error.errorCode : 'unknown'
    this.#report(call, 'onError', { errorName, errorCode }, `→ failed: ${errorName} ${errorCode}`)
  }

  /** Writes the attempt's debug line and calls one hook with the outcome and `extra`. */
  #report(
    call: Call,
    hook: 'onResponse' | 'onRetry' | 'onError',
    extra: object,
    line: string,
  ): void {
    this.#debug(call, line)
    if (call.hooks)
      emit(
        call.hooks,
        hook,
        { ...this.#outcome(call), ...extra } as RetryEvent & FailureEvent,
        this.options.debug,
      )
  }
}

/** Every value of a call that must not appear in its errors or log lines: its secrets and its query's values. */
function secretsOf(call: Call): string[] {
  return [...call.secrets, ...queryValues(call.spec.query)]
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
