import { Auth0Error, optionsError } from '@auth0-ts/core'
import type { AuthenticationOptions, TokenResponse } from './base.js'
import { GetToken } from './get-token.js'

/** A cached access token. */
export interface CachedToken {
  accessToken: string
  /** When the token expires, in epoch ms. */
  expiresAt: number
  tokenType?: string
  scope?: string
}

/** Where a token provider keeps its token: in memory by default, or a store shared by a fleet (Redis, KV). */
export interface TokenCache {
  get(key: string): Promise<CachedToken | undefined>
  set(key: string, token: CachedToken): Promise<void>
  /** Optional: run fn while holding a cross-process lock on key, so only one process fetches. */
  lock?<T>(key: string, fn: () => Promise<T>): Promise<T>
}

/** What the provider does besides asking for tokens. */
export interface TokenProviderSettings {
  /** The API the token is for, such as `https://tenant.auth0.com/api/v2/`. */
  audience: string
  /** The organization the token is for. */
  organization?: string | undefined
  /** Seconds before expiry at which a cached token is replaced. @default 60 */
  skew?: number | undefined
  /** The token store. @default an in-memory cache of this provider */
  cache?: TokenCache | undefined
  /** Clock in epoch ms, for tests. @default Date.now */
  now?: (() => number) | undefined
}

/** Options of {@link createTokenProvider}: an existing `GetToken`, or the credentials to build one. */
export type TokenProviderOptions = TokenProviderSettings &
  ({ getToken: GetToken } | ({ domain: string; clientId: string } & AuthenticationOptions))

/** Counters of a provider, for dashboards and the playground. */
export interface TokenProviderStats {
  /** Calls answered from the cache. */
  hits: number
  /** Calls that found no fresh token (they fetched, or waited for a fetch in flight). */
  misses: number
  /** Requests sent to the token endpoint. */
  fetches: number
  /** Fetches that failed (the token endpoint, or storing the token). */
  failures: number
  /** When the last token seen expires, in epoch ms. */
  expiresAt: number | undefined
}

/**
 * A client-credentials access token source. Call it (or `getToken()`) for a token; it is a valid management
 * `token` option as it is.
 */
export interface TokenProvider {
  (): Promise<string>
  /** Returns a valid access token, from the cache while it is fresh. @throws Auth0Error when the token endpoint fails */
  getToken(): Promise<string>
  /** Returns the cached token with its expiry, fetching one when needed. @throws Auth0Error */
  getTokenResponse(): Promise<CachedToken>
  /** A snapshot of the counters. */
  readonly stats: TokenProviderStats
  /** The cache key: domain, client id, audience and organization (never a secret). */
  readonly cacheKey: string
}

/** An in-memory {@link TokenCache}, the provider's default. */
export function createMemoryTokenCache(): TokenCache {
  const entries = new Map<string, CachedToken>()
  return {
    get: (key) => Promise.resolve(entries.get(key)),
    set: (key, token) => {
      entries.set(key, token)
      return Promise.resolve()
    },
  }
}

function checkOptions(options: TokenProviderOptions): void {
  const problems: string[] = []
  const o = options as unknown as Partial<Record<string, unknown>>
  if (!('getToken' in options) || !(options.getToken instanceof GetToken)) {
    if (o['getToken'] !== undefined) problems.push('getToken: expected a GetToken instance')
    else if (typeof o['domain'] !== 'string' || typeof o['clientId'] !== 'string')
      problems.push('getToken: expected a GetToken, or domain and clientId with credentials')
  }
  if (typeof options.audience !== 'string' || options.audience === '')
    problems.push('audience: expected a non-empty string')
  if (options.organization !== undefined && typeof options.organization !== 'string')
    problems.push('organization: expected a string')
  if (
    options.skew !== undefined &&
    !(typeof options.skew === 'number' && options.skew >= 0 && Number.isFinite(options.skew))
  )
    problems.push('skew: expected a number of seconds >= 0')
  const cache = options.cache
  if (cache !== undefined && (typeof cache?.get !== 'function' || typeof cache.set !== 'function'))
    problems.push('cache: expected an object with get and set functions')
  if (options.now !== undefined && typeof options.now !== 'function')
    problems.push('now: expected a function')
  if (problems.length > 0) throw optionsError('token provider options', problems)
}

function toCachedToken(response: TokenResponse, fetchedAt: number): CachedToken {
  if (typeof response.access_token !== 'string' || response.access_token === '')
    throw new Auth0Error({
      statusCode: 200,
      errorCode: 'invalid_response',
      message: 'The token response has no access_token',
    })
  const lifetime =
    typeof response.expires_in === 'number' && response.expires_in > 0 ? response.expires_in : 0
  const token: CachedToken = {
    accessToken: response.access_token,
    expiresAt: fetchedAt + lifetime * 1000,
  }
  if (typeof response.token_type === 'string') token.tokenType = response.token_type
  if (typeof response.scope === 'string') token.scope = response.scope
  return token
}

/**
 * Creates a cached client-credentials token source: one token per domain, client, audience and organization,
 * replaced `skew` seconds before it expires. Concurrent callers share one request; a failure rejects them all and
 * leaves the cache as it was. A shared cache is read only when this process's token goes stale, and with a cache
 * that has `lock`, only one process of a fleet fetches. Errors of the cache itself are not hidden: they reject the call.
 *
 * @throws TypeError for bad options, listing every problem
 * @example
 * ```ts
 * const token = createTokenProvider({ domain, clientId, clientSecret, audience: `https://${domain}/api/v2/` })
 * const auth0 = new Auth0(domain, token)
 * ```
 */
export function createTokenProvider(options: TokenProviderOptions): TokenProvider {
  checkOptions(options)
  const { audience, organization, now = Date.now } = options
  const client =
    'getToken' in options
      ? options.getToken
      : new GetToken(options.domain, options.clientId, withoutSettings(options))
  const cache = options.cache ?? createMemoryTokenCache()
  const skewMs = (options.skew ?? 60) * 1000
  const cacheKey = [
    'auth0-ts',
    'client-credentials',
    client.domain,
    client.clientId,
    audience,
    organization ?? '',
  ]
    .map(encodeURIComponent)
    .join(':')
  const stats: TokenProviderStats = {
    hits: 0,
    misses: 0,
    fetches: 0,
    failures: 0,
    expiresAt: undefined,
  }
  let inFlight: Promise<CachedToken> | undefined
  let latest: CachedToken | undefined

  const isFresh = (token: CachedToken | undefined): token is CachedToken =>
    token !== undefined && token.expiresAt - skewMs > now()

  const fetchToken = async (): Promise<CachedToken> => {
    stats.fetches++
    const fetchedAt = now()
    try {
      const response = await client.clientCredentials(
        audience,
        organization === undefined ? {} : { organization },
      )
      const token = toCachedToken(response, fetchedAt)
      await cache.set(cacheKey, token)
      return token
    } catch (error) {
      stats.failures++
      throw error
    }
  }

  // Inside a fleet-wide lock another process may have just stored a token: look again before fetching.
  const fetchLocked = (): Promise<CachedToken> =>
    cache.lock
      ? cache.lock(cacheKey, async () => {
          const again = await cache.get(cacheKey)
          return isFresh(again) ? again : fetchToken()
        })
      : fetchToken()

  const hit = (token: CachedToken): CachedToken => {
    stats.hits++
    stats.expiresAt = token.expiresAt
    latest = token
    return token
  }

  // The token this process last saw is used while fresh, so a shared cache is read only when it goes stale.
  const getTokenResponse = async (): Promise<CachedToken> => {
    if (isFresh(latest)) return hit(latest)
    const cached = await cache.get(cacheKey)
    if (isFresh(cached)) return hit(cached)
    stats.misses++
    // A caller that read the cache just before a fetch finished would otherwise start a second one.
    if (isFresh(latest)) return latest
    inFlight ??= fetchLocked()
      .then((token) => {
        latest = token
        stats.expiresAt = token.expiresAt
        return token
      })
      .finally(() => {
        inFlight = undefined
      })
    return inFlight
  }

  const getToken = async (): Promise<string> => (await getTokenResponse()).accessToken
  const provider = (() => getToken()) as TokenProvider
  return Object.defineProperties(provider, {
    getToken: { value: getToken },
    getTokenResponse: { value: getTokenResponse },
    stats: { get: (): TokenProviderStats => ({ ...stats }), enumerable: true },
    cacheKey: { value: cacheKey, enumerable: true },
  })
}

function withoutSettings(
  options: TokenProviderSettings & { domain: string; clientId: string } & AuthenticationOptions,
): AuthenticationOptions {
  const {
    audience: _a,
    organization: _o,
    skew: _s,
    cache: _c,
    domain: _d,
    clientId: _i,
    ...rest
  } = options
  return rest
}
