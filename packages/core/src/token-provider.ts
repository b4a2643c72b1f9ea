// The one cached token provider: single flight, skew, a pluggable cache with an optional fleet-wide lock, and the
// OAuth client-credentials grant with a client secret (RFC 6749 §4.4), which every Auth0 package can use without
// depending on @auth0-ts/authentication.
import { Auth0Error } from './errors.js'
import { OptionsError } from './options-error.js'
import { baseUrlProblems, restOptionsProblems, type RestClientOptions } from './options.js'
import { RestClient } from './rest-client.js'
import { fn, isRecord, nonEmptyString, optionProblems, rule, string, type Rules } from './rules.js'
import type { CachedToken, TokenCache, TokenContext, TokenFunction } from './token.js'

/** Counters of a {@link TokenProvider}, for dashboards. */
export interface TokenProviderStats {
  /** Calls answered from the cache. */
  hits: number
  /** Calls that found no fresh token (they fetched, or waited for a fetch in flight). */
  misses: number
  /** Fetches of a new token (requests to the token endpoint). */
  fetches: number
  /** Fetches that failed (the token endpoint, or storing the token). */
  failures: number
  /** When the last token seen expires, in epoch ms. */
  expiresAt: number | undefined
}

/**
 * A cached token source: call it for a bearer token. It is a {@link TokenFunction}, so every auth0-ts client takes it
 * as its `token`, and it honours the caller's `signal`.
 */
export interface TokenProvider extends TokenFunction {
  (context?: TokenContext): Promise<string>
  /** Returns a valid access token, from the cache while it is fresh. @throws Auth0Error when the fetch fails */
  getToken(context?: TokenContext): Promise<string>
  /** Returns the cached token with its expiry, fetching one when needed. @throws Auth0Error when the fetch fails */
  getTokenResponse(context?: TokenContext): Promise<CachedToken>
  /** Drops the cached token (it was revoked or re-scoped): the next call fetches a new one. */
  invalidate(): Promise<void>
  /** A snapshot of the counters. */
  readonly stats: TokenProviderStats
  /** The key the token is cached under (never a secret). */
  readonly cacheKey: string
}

/** Fetches a new token for a {@link TokenProvider}. `signal` aborts when every caller waiting for it gave up. */
export type TokenFetcher = (context: { readonly signal: AbortSignal }) => Promise<CachedToken>

/** Options of {@link createCachedTokenProvider}. */
export interface CachedTokenProviderOptions {
  /** Fetches a new token when the cache has no fresh one. */
  fetchToken: TokenFetcher
  /** The key the token is cached under: it names what the token is for, never a secret. */
  cacheKey: string
  /** Seconds before expiry at which a cached token is replaced. @default 60 */
  skew?: number | undefined
  /** The token store. @default an in-memory cache of this provider */
  cache?: TokenCache | undefined
  /** Clock in epoch ms, for tests. @default Date.now */
  now?: (() => number) | undefined
}

/**
 * An in-memory {@link TokenCache}, the providers' default.
 *
 * @example
 * ```ts
 * const cache = createMemoryTokenCache()
 * const a = createClientCredentialsProvider({ ...credentials, audience: api1, cache })
 * ```
 */
export function createMemoryTokenCache(): TokenCache {
  const entries = new Map<string, CachedToken>()
  return {
    get: (key) => Promise.resolve(entries.get(key)),
    set: (key, token) => {
      entries.set(key, token)
      return Promise.resolve()
    },
    delete: (key) => {
      entries.delete(key)
      return Promise.resolve()
    },
  }
}

/** A {@link TokenCache}: `get` and `set` functions. */
const tokenCache = /* @__PURE__ */ rule(
  'an object with get and set functions',
  (v) => isRecord(v) && typeof v['get'] === 'function' && typeof v['set'] === 'function',
)
/** Seconds of skew. */
const seconds = /* @__PURE__ */ rule(
  'a number of seconds >= 0',
  (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0,
)

/** The rules of the settings every provider takes: skew, cache and clock. */
export const PROVIDER_SETTINGS: Rules = { skew: seconds, cache: tokenCache, now: fn }

interface Flight {
  readonly promise: Promise<CachedToken>
  readonly controller: AbortController
  /** Callers still waiting; the fetch is aborted when the last one gives up. */
  waiters: number
}

/**
 * Creates a cached token source over any fetcher: one token per `cacheKey`, replaced `skew` seconds before it
 * expires. Concurrent callers share one fetch; a failure rejects them all and leaves the cache as it was. A caller
 * whose `signal` aborts stops waiting at once, and the fetch itself is aborted when no caller waits for it any more.
 * A shared cache is read only when this process's token goes stale, and with a cache that has `lock`, only one
 * process of a fleet fetches. Errors of the cache itself are not hidden: they reject the call.
 *
 * @throws OptionsError for bad options, listing every problem
 * @example
 * ```ts
 * const token = createCachedTokenProvider({ cacheKey: 'my-api', fetchToken: ({ signal }) => fetchMyToken(signal) })
 * const rest = new RestClient({ baseUrl, token })
 * ```
 */
export function createCachedTokenProvider(options: CachedTokenProviderOptions): TokenProvider {
  const problems = optionProblems(
    options,
    { fetchToken: fn, cacheKey: nonEmptyString, ...PROVIDER_SETTINGS },
    { required: ['fetchToken', 'cacheKey'] },
  )
  if (problems.length > 0) throw new OptionsError('token provider options', problems)
  const { fetchToken, cacheKey, now = Date.now } = options
  const cache = options.cache ?? createMemoryTokenCache()
  const skewMs = (options.skew ?? 60) * 1000
  const stats: TokenProviderStats = {
    hits: 0,
    misses: 0,
    fetches: 0,
    failures: 0,
    expiresAt: undefined,
  }
  let latest: CachedToken | undefined
  let flight: Flight | undefined
  // The token invalidated last: a shared cache without `delete` may still hold it, and it must not be served again.
  let rejected: string | undefined

  const isFresh = (token: CachedToken | undefined): token is CachedToken =>
    token !== undefined && token.expiresAt - skewMs > now() && token.accessToken !== rejected

  const fetchStored = async (signal: AbortSignal): Promise<CachedToken> => {
    stats.fetches++
    try {
      const token = await fetchToken({ signal })
      await cache.set(cacheKey, token)
      return token
    } catch (error) {
      stats.failures++
      throw error
    }
  }

  // Inside a fleet-wide lock another process may have just stored a token: look again before fetching.
  const fetchLocked = (signal: AbortSignal): Promise<CachedToken> =>
    cache.lock
      ? cache.lock(cacheKey, async () => {
          const again = await cache.get(cacheKey)
          return isFresh(again) ? again : fetchStored(signal)
        })
      : fetchStored(signal)

  const start = (): Flight => {
    const controller = new AbortController()
    const promise = fetchLocked(controller.signal)
      .then((token) => {
        latest = token
        rejected = undefined
        stats.expiresAt = token.expiresAt
        return token
      })
      .finally(() => {
        if (flight === f) flight = undefined
      })
    // Every caller may have given up (then nobody awaits it): the rejection is theirs, already delivered.
    promise.catch(() => {})
    const f: Flight = { promise, controller, waiters: 0 }
    return f
  }

  const leave = (f: Flight, reason: unknown): void => {
    if (--f.waiters > 0) return
    if (flight === f) flight = undefined
    f.controller.abort(reason)
  }

  const wait = (f: Flight, signal: AbortSignal | undefined): Promise<CachedToken> => {
    f.waiters++
    if (!signal) return f.promise
    return new Promise<CachedToken>((resolve, reject) => {
      const onAbort = () => {
        leave(f, signal.reason)
        reject(signal.reason as Error)
      }
      signal.addEventListener('abort', onAbort, { once: true })
      f.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
    })
  }

  const hit = (token: CachedToken): CachedToken => {
    stats.hits++
    stats.expiresAt = token.expiresAt
    latest = token
    return token
  }

  // The token this process last saw is used while fresh, so a shared cache is read only when it goes stale.
  const getTokenResponse = async (context?: TokenContext): Promise<CachedToken> => {
    const signal = context?.signal
    signal?.throwIfAborted()
    if (isFresh(latest)) return hit(latest)
    const cached = await cache.get(cacheKey)
    if (isFresh(cached)) return hit(cached)
    stats.misses++
    // A caller that read the cache just before a fetch finished would otherwise start a second one.
    if (isFresh(latest)) return latest
    signal?.throwIfAborted()
    flight ??= start()
    return wait(flight, signal)
  }

  const getToken = async (context?: TokenContext): Promise<string> =>
    (await getTokenResponse(context)).accessToken

  const invalidate = async (): Promise<void> => {
    if (latest) rejected = latest.accessToken
    latest = undefined
    if (cache.delete) await cache.delete(cacheKey)
  }

  const provider = ((context?: TokenContext) => getToken(context)) as TokenProvider
  return Object.defineProperties(provider, {
    getToken: { value: getToken },
    getTokenResponse: { value: getTokenResponse },
    invalidate: { value: invalidate },
    stats: { get: (): TokenProviderStats => ({ ...stats }), enumerable: true },
    cacheKey: { value: cacheKey, enumerable: true },
  })
}

/**
 * A token response as a {@link CachedToken}, its expiry counted from `fetchedAt`.
 *
 * @throws Auth0Error `invalid_response` when it has no `access_token`
 */
export function toCachedToken(
  response: Readonly<Record<string, unknown>>,
  fetchedAt: number,
): CachedToken {
  const accessToken = response['access_token']
  if (typeof accessToken !== 'string' || accessToken === '')
    throw new Auth0Error({
      statusCode: 200,
      errorCode: 'invalid_response',
      message: 'The token response has no access_token',
    })
  const expiresIn = response['expires_in']
  const lifetime = typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn : 0
  const token: CachedToken = { accessToken, expiresAt: fetchedAt + lifetime * 1000 }
  const { token_type: tokenType, scope } = response
  if (typeof tokenType === 'string') token.tokenType = tokenType
  if (typeof scope === 'string') token.scope = scope
  return token
}

/** The cache key of a client-credentials token: domain, client id, audience and organization (never the secret). */
export function clientCredentialsCacheKey(
  domain: string,
  clientId: string,
  audience: string,
  organization: string | undefined,
): string {
  return ['auth0-ts', 'client-credentials', domain, clientId, audience, organization ?? '']
    .map(encodeURIComponent)
    .join(':')
}

/** Options of {@link createClientCredentialsProvider}. */
export interface ClientCredentialsProviderOptions {
  /** The tenant domain (a host name with an optional port), such as `tenant.auth0.com`. */
  domain: string
  /** The application's client id. */
  clientId: string
  /** The application's client secret. It is sent in the form body and never appears in an error. */
  clientSecret: string
  /** The API the token is for, such as `https://tenant.auth0.com/api/v2/`. */
  audience: string
  /** The organization the token is for. */
  organization?: string | undefined
  /** Seconds before expiry at which a cached token is replaced. @default 60 */
  skew?: number | undefined
  /** The token store: share one between processes (Redis, KV) with a cache that has `lock`. @default in memory */
  cache?: TokenCache | undefined
  /** Clock in epoch ms, for tests. @default Date.now */
  now?: (() => number) | undefined
  /** `http` reaches a local tenant such as an emulator. @default 'https' */
  protocol?: 'https' | 'http' | undefined
  /** Transport options of the token requests. @default { timeout: 5000, retries: 3 } */
  restOptions?: RestClientOptions | undefined
  /** A custom fetch: shared connections, proxies, tests. @default globalThis.fetch */
  fetch?: typeof fetch | undefined
  /** Sleep between retries, for tests. */
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined
}

const CREDENTIALS: Rules = {
  clientId: nonEmptyString,
  clientSecret: nonEmptyString,
  audience: nonEmptyString,
  organization: string,
  ...PROVIDER_SETTINGS,
  fetch: fn,
  sleep: fn,
}

/**
 * Creates a cached client-credentials token source (RFC 6749 §4.4) that authenticates with a client secret:
 * `POST /oauth/token` with a form body, one token per domain, client, audience and organization. It is a
 * {@link TokenProvider}: single flight, `skew`, a pluggable {@link TokenCache} (with `lock`, one process of a fleet
 * fetches), `invalidate()` and `stats`. For private_key_jwt, use `createTokenProvider` of `@auth0-ts/authentication`.
 *
 * @throws OptionsError for bad options, listing every problem (never the secret)
 * @example
 * ```ts
 * const token = createClientCredentialsProvider({
 *   domain: 'tenant.auth0.com',
 *   clientId: process.env.CLIENT_ID!,
 *   clientSecret: process.env.CLIENT_SECRET!,
 *   audience: 'https://tenant.auth0.com/api/v2/',
 * })
 * const rest = new RestClient({ baseUrl: 'https://tenant.auth0.com/api/v2', token })
 * ```
 */
export function createClientCredentialsProvider(
  options: ClientCredentialsProviderOptions,
): TokenProvider {
  const o: Partial<Record<string, unknown>> = isRecord(options) ? options : {}
  const problems = [
    ...optionProblems(options, CREDENTIALS, {
      required: ['clientId', 'clientSecret', 'audience'],
      known: ['domain', 'protocol', 'restOptions'],
    }),
    ...baseUrlProblems(o['domain'], o['protocol'] ?? 'https'),
    ...restOptionsProblems(o['restOptions']),
  ]
  if (problems.length > 0) throw new OptionsError('client credentials options', problems)
  const { domain, clientId, clientSecret, audience, organization, now = Date.now } = options
  const rest = new RestClient({
    baseUrl: `${options.protocol ?? 'https'}://${domain}`,
    options: options.restOptions,
    fetch: options.fetch,
    now,
    sleep: options.sleep,
    secrets: [clientSecret],
  })
  const fetchToken: TokenFetcher = async ({ signal }) => {
    const fetchedAt = now()
    const response = await rest.request<Record<string, unknown>>(
      {
        method: 'POST',
        path: '/oauth/token',
        form: {
          grant_type: 'client_credentials',
          client_id: clientId,
          client_secret: clientSecret,
          audience,
          organization,
        },
        responseType: 'object',
      },
      { signal },
    )
    return toCachedToken(response, fetchedAt)
  }
  return createCachedTokenProvider({
    fetchToken,
    cacheKey: clientCredentialsCacheKey(domain, clientId, audience, organization),
    skew: options.skew,
    cache: options.cache,
    now,
  })
}
