import {
  Auth0Error,
  NetworkError,
  parseErrorBody,
  parseRateLimit,
  RateLimitError,
  TimeoutError,
  type Auth0ErrorInit,
} from '@auth0-ts/core'
import {
  isCallablePart,
  isRequestOptions,
  RATE_LIMIT_HEADERS,
  type ErrorEnvelope,
} from './protocol.js'
import type { AccessorName, CallArgs, CallData, ManagerMethod } from './types.js'

/** Options of {@link createManagementClient}. */
export interface ManagementClientOptions {
  /** Where the proxy is mounted: `/api/management` or an absolute URL. */
  baseUrl: string
  /** A custom fetch (tests, instrumentation). @default globalThis.fetch */
  fetch?: typeof fetch
  /** Headers for every proxy request, such as a CSRF token; a function is called per request. */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>)
}

/** Per-call options of {@link ManagementClient.call}. */
export interface CallInit {
  /** Aborts the request to the proxy. */
  signal?: AbortSignal | undefined
}

/** One manager of the browser client: each method posts to the proxy and resolves to what the server-side method returns. */
export type BrowserManager<A extends AccessorName> = {
  readonly [M in ManagerMethod<A>]: (...args: CallArgs<A, M>) => Promise<CallData<A, M>>
}

/** A management-shaped client that talks to the proxy instead of Auth0: `client.users.list({ q })`. */
export type ManagementClient = { readonly [A in AccessorName]: BrowserManager<A> } & {
  /** Calls `accessor.method(...args)` through the proxy. */
  call<A extends AccessorName, M extends ManagerMethod<A>>(
    accessor: A,
    method: M,
    args: CallArgs<A, M>,
    init?: CallInit,
  ): Promise<CallData<A, M>>
}

function headerRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of [...RATE_LIMIT_HEADERS, 'x-auth0-requestid']) {
    const v = headers.get(name)
    if (v !== null) out[name] = v
  }
  return out
}

function isEnvelope(body: unknown): body is { error: ErrorEnvelope } {
  if (body === null || typeof body !== 'object' || !('error' in body)) return false
  const e = (body as { error: unknown }).error
  return (
    e !== null &&
    typeof e === 'object' &&
    typeof (e as ErrorEnvelope).statusCode === 'number' &&
    typeof (e as ErrorEnvelope).message === 'string'
  )
}

/** Rebuilds the SDK's typed error from a proxy's error envelope (or from any other error response). */
function errorFrom(response: Response, text: string, body: unknown, url: string): Auth0Error {
  const headers = headerRecord(response.headers)
  const base = { headers, method: 'POST', url, response }
  if (!isEnvelope(body)) {
    const parsed = parseErrorBody(
      response.status,
      response.statusText,
      text,
      response.headers.get('content-type') ?? '',
    )
    const init: Auth0ErrorInit = { ...base, ...parsed, statusCode: response.status }
    if (response.status !== 429) return new Auth0Error(init)
    const { resetAt, retryAfter, limit, remaining } = parseRateLimit(response.headers, Date.now())
    return new RateLimitError({ ...init, resetAt, retryAfter, limit, remaining })
  }
  const e = body.error
  const init: Auth0ErrorInit = {
    ...base,
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
      return new TimeoutError({ ...init, timeout: -1 })
    case 'NetworkError':
      return new NetworkError(init)
    case 'Auth0Error':
      return new Auth0Error(init)
  }
  return new Auth0Error(init)
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
 * @throws TypeError when `baseUrl` is not a string or `fetch` is not a function
 * @example
 * ```ts
 * const client = createManagementClient({ baseUrl: '/api/management' })
 * const page = await client.users.list({ q: 'email:*@example.com', perPage: 20 })
 * ```
 */
export function createManagementClient(options: ManagementClientOptions): ManagementClient {
  const problems: string[] = []
  if (typeof options?.baseUrl !== 'string' || options.baseUrl === '')
    problems.push('baseUrl: expected a URL or path string')
  if (options?.fetch !== undefined && typeof options.fetch !== 'function')
    problems.push('fetch: expected a function')
  if (problems.length > 0)
    throw new TypeError(`Invalid management client options:\n  - ${problems.join('\n  - ')}`)
  const baseUrl = options.baseUrl.replace(/\/+$/, '')
  // Looked up per call, so a fetch patched after this client was made (msw, instrumentation) is used.
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init))

  async function call(
    accessor: string,
    method: string,
    args: readonly unknown[],
    init: CallInit = {},
  ): Promise<unknown> {
    const url = `${baseUrl}/${accessor}.${method}`
    // Trailing undefineds would arrive as nulls, which a method's option parsing may refuse.
    let end = args.length
    while (end > 0 && args[end - 1] === undefined) end--
    let response: Response
    let text: string
    try {
      response = await doFetch(url, {
        method: 'POST',
        headers: await resolveHeaders(options.headers),
        body: JSON.stringify({ args: args.slice(0, end) }),
        ...(init.signal ? { signal: init.signal } : {}),
      })
      text = await response.text()
    } catch (cause) {
      if (init.signal?.aborted) throw cause
      throw new NetworkError({
        message: 'Could not reach the management proxy',
        method: 'POST',
        url,
        cause,
      })
    }
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      body = undefined
    }
    if (!response.ok || isEnvelope(body)) throw errorFrom(response, text, body, url)
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
            ? (...args: unknown[]) => {
                const last = args.at(-1)
                // A trailing RequestOptions only steers the request to the proxy; it is never sent.
                if (!isRequestOptions(last)) return call(accessor, method, args)
                const { signal } = last as CallInit
                return call(accessor, method, args.slice(0, -1), { signal })
              }
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
