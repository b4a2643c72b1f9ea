import {
  Auth0Error,
  NetworkError,
  OptionsError,
  parseRateLimit,
  RateLimitError,
  TimeoutError,
  type Auth0ErrorInit,
} from '@auth0-ts/core'
import {
  checkOptions,
  fn,
  optionProblems,
  parseErrorBody,
  rule,
  type Rules,
} from '@auth0-ts/core/internal'
import { decodeError, isCallablePart, RATE_LIMIT_HEADERS, readEnvelope } from './protocol.js'
import type { AccessorName, CallData, ManagerMethod, ProxyArgs } from './types.js'

/** Options of {@link createManagementClient}. */
export interface ManagementClientOptions {
  /** Where the proxy is mounted: `/api/management` or an absolute URL. */
  baseUrl: string
  /** A custom fetch (tests, instrumentation). @default globalThis.fetch */
  fetch?: typeof fetch
  /** Headers for every proxy request, such as a CSRF token; a function is called per request. */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>)
  /**
   * How long a call may take, from its start to the proxy's whole answer, in ms; then it rejects with a
   * `TimeoutError`. It covers the proxy's own work (its upstream retries and rate-limit waits), so keep it above the
   * time the server-side client may take. @default 30_000
   */
  timeout?: number
}

/**
 * Per-call options of {@link ManagementClient.call}: all that the browser side honours. Upstream request options
 * (`retries`, `headers`, the upstream `timeout`) belong to the server's client; the proxy refuses them.
 */
export interface CallInit {
  /** Aborts the call, which then rejects with the signal's reason (an `AbortError`). */
  signal?: AbortSignal | undefined
  /** This call's timeout in ms. @default the client's `timeout` */
  timeout?: number | undefined
}

/** One manager of the browser client: each method posts to the proxy and resolves to what the server-side method returns. */
export type BrowserManager<A extends AccessorName> = {
  readonly [M in ManagerMethod<A>]: (...args: ProxyArgs<A, M>) => Promise<CallData<A, M>>
}

/**
 * A management-shaped client that talks to the proxy instead of Auth0: `client.users.list({ q })`. A manager method
 * takes the management method's own arguments; per-call options (`signal`, `timeout`) go in `call`'s `init`.
 */
export type ManagementClient = { readonly [A in AccessorName]: BrowserManager<A> } & {
  /** Calls `accessor.method(...args)` through the proxy, with this call's options in `init`. */
  call<A extends AccessorName, M extends ManagerMethod<A>>(
    accessor: A,
    method: M,
    args: ProxyArgs<A, M>,
    init?: CallInit,
  ): Promise<CallData<A, M>>
}

const DEFAULT_TIMEOUT = 30_000
// setTimeout fires at once for anything longer
const MAX_TIMEOUT = 2_147_483_647
const timeoutRule = rule(
  `a number of ms > 0 and <= ${MAX_TIMEOUT}`,
  (v) => typeof v === 'number' && v > 0 && v <= MAX_TIMEOUT,
)
const CLIENT_RULES: Rules = {
  baseUrl: rule('a URL or a path', (v) => typeof v === 'string' && v !== ''),
  fetch: fn,
  headers: rule(
    'headers (an object, a Headers or a list of pairs) or a function that returns them',
    (v) => typeof v === 'function' || (typeof v === 'object' && v !== null),
  ),
  timeout: timeoutRule,
}
const CALL_RULES: Rules = {
  signal: rule(
    'an AbortSignal',
    (v) =>
      typeof (v as AbortSignal | null)?.addEventListener === 'function' &&
      'aborted' in (v as object),
  ),
  timeout: timeoutRule,
}

function headerRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of [...RATE_LIMIT_HEADERS, 'x-auth0-requestid']) {
    const v = headers.get(name)
    if (v !== null) out[name] = v
  }
  return out
}

/** Rebuilds the SDK's typed error from a proxy's error envelope (or from any other error response). */
function errorFrom(response: Response, text: string, body: unknown, url: string): Auth0Error {
  const headers = headerRecord(response.headers)
  const envelope = readEnvelope(body)
  if (envelope !== undefined)
    return decodeError(envelope, { headers, method: 'POST', url, response })
  const parsed = parseErrorBody(
    response.status,
    response.statusText,
    text,
    response.headers.get('content-type') ?? '',
  )
  const init: Auth0ErrorInit = {
    headers,
    method: 'POST',
    url,
    response,
    ...parsed,
    statusCode: response.status,
  }
  if (response.status !== 429) return new Auth0Error(init)
  const { resetAt, retryAfter, limit, remaining } = parseRateLimit(response.headers, Date.now())
  return new RateLimitError({ ...init, resetAt, retryAfter, limit, remaining })
}

async function resolveHeaders(headers: ManagementClientOptions['headers']): Promise<Headers> {
  const h = new Headers(typeof headers === 'function' ? await headers() : headers)
  h.set('content-type', 'application/json')
  h.set('accept', 'application/json')
  return h
}

/**
 * Creates a management-shaped client for the browser: `client.users.list(...)` posts to the proxy made by
 * `createManagementProxy` and resolves to the same data, or rejects with the same typed errors (`Auth0Error`,
 * `RateLimitError` with `resetAt`), as the server-side client would.
 *
 * @throws OptionsError (a `TypeError`) listing every invalid option
 * @example
 * ```ts
 * const client = createManagementClient({ baseUrl: '/api/management', timeout: 10_000 })
 * const page = await client.users.list({ q: 'email:*@example.com', perPage: 20 })
 * const user = await client.call('users', 'get', [id], { signal: controller.signal })
 * ```
 */
export function createManagementClient(options: ManagementClientOptions): ManagementClient {
  checkOptions('management client options', options, CLIENT_RULES, { required: ['baseUrl'] })
  const baseUrl = options.baseUrl.replace(/\/+$/, '')
  const clientTimeout = options.timeout ?? DEFAULT_TIMEOUT
  // Looked up per call, so a fetch patched after this client was made (msw, instrumentation) is used.
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init))

  /** Sends one call and reads the whole answer, within the timeout and until the caller's signal aborts. */
  async function exchange(
    url: string,
    body: string,
    init: CallInit,
  ): Promise<{ response: Response; text: string }> {
    const { signal } = init
    signal?.throwIfAborted()
    const timeout = init.timeout ?? clientTimeout
    const controller = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, timeout)
    const forward = () => controller.abort(signal?.reason)
    signal?.addEventListener('abort', forward, { once: true })
    // The header function and a custom fetch may ignore the signal: the call still ends when it aborts.
    const aborted = new Promise<never>((_, reject) =>
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason), {
        once: true,
      }),
    )
    const attempt = (async () => {
      const response = await doFetch(url, {
        method: 'POST',
        headers: await resolveHeaders(options.headers),
        body,
        signal: controller.signal,
      })
      return { response, text: await response.text() }
    })()
    attempt.catch(() => {})
    aborted.catch(() => {})
    try {
      return await Promise.race([attempt, aborted])
    } catch (cause) {
      if (signal?.aborted) throw signal.reason
      if (timedOut)
        throw new TimeoutError({
          message: `The management proxy did not answer within ${timeout} ms`,
          method: 'POST',
          url,
          timeout,
          cause,
        })
      throw new NetworkError({
        message: 'Could not reach the management proxy',
        method: 'POST',
        url,
        cause,
      })
    } finally {
      clearTimeout(timer)
      signal?.removeEventListener('abort', forward)
    }
  }

  async function call(
    accessor: string,
    method: string,
    args: readonly unknown[],
    init: CallInit = {},
  ): Promise<unknown> {
    const problems = optionProblems(init, CALL_RULES)
    if (problems.length > 0) throw new OptionsError('call options', problems)
    const url = `${baseUrl}/${accessor}.${method}`
    // Trailing undefineds would arrive as nulls, which a method's option parsing may refuse.
    let end = args.length
    while (end > 0 && args[end - 1] === undefined) end--
    const { response, text } = await exchange(
      url,
      JSON.stringify({ args: args.slice(0, end) }),
      init,
    )
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      body = undefined
    }
    if (!response.ok || readEnvelope(body) !== undefined) throw errorFrom(response, text, body, url)
    if (body === null || typeof body !== 'object')
      throw new Auth0Error({
        statusCode: response.status,
        errorCode: 'invalid_response',
        message: 'The management proxy did not answer with JSON',
        method: 'POST',
        url,
      })
    return (body as { data?: unknown }).data
  }

  const managers = new Map<string, object>()
  const manager = (accessor: string): object =>
    new Proxy(
      {},
      {
        get: (_, method) =>
          typeof method === 'string' && isCallablePart(method)
            ? (...args: unknown[]) => call(accessor, method, args)
            : undefined,
      },
    )
  return new Proxy({} as ManagementClient, {
    get: (_, accessor) => {
      if (accessor === 'call') return call
      if (typeof accessor !== 'string' || !isCallablePart(accessor)) return undefined
      let m = managers.get(accessor)
      if (m === undefined) managers.set(accessor, (m = manager(accessor)))
      return m
    },
  })
}
