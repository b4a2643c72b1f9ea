import {
  createCachedTokenProvider,
  OptionsError,
  type TokenCache,
  type TokenProvider,
} from '@auth0-ts/core'
import {
  clientCredentialsCacheKey,
  isRecord,
  nonEmptyString,
  optionProblems,
  PROVIDER_SETTINGS,
  rule,
  string,
  toCachedToken,
} from '@auth0-ts/core/internal'
import { dpopKeys, type AuthenticationOptions } from './base.js'
import { GetToken } from './get-token.js'

// The cache contract and the provider are core's, so that management and @auth0-ts/redis share them; they are
// re-exported here for compatibility.
export {
  createMemoryTokenCache,
  type CachedToken,
  type TokenCache,
  type TokenProvider,
  type TokenProviderStats,
} from '@auth0-ts/core'

/** What the provider does besides asking for tokens. */
export interface TokenProviderSettings {
  /** The API the token is for, such as `https://tenant.auth0.com/api/v2/`. */
  audience: string
  /** The organization the token is for. */
  organization?: string | undefined
  /** Seconds before expiry at which a cached token is replaced. @default 60 */
  skew?: number | undefined
  /** The token store; tokens are stored with `expiresAt` in epoch milliseconds. @default an in-memory cache of this provider */
  cache?: TokenCache | undefined
  /** Clock in epoch milliseconds, for tests. @default Date.now */
  now?: (() => number) | undefined
}

/** Options of {@link createTokenProvider}: an existing `GetToken`, or the credentials to build one. */
export type TokenProviderOptions = TokenProviderSettings &
  ({ getToken: GetToken } | ({ domain: string; clientId: string } & AuthenticationOptions))

/** A cached client-credentials token source for one API that also hands out the providers of other APIs. */
export interface ClientCredentialsTokenProvider extends TokenProvider {
  /**
   * The provider of a token for another API (one per audience and organization), with the same client, cache, skew
   * and clock; the same audience gives the same provider.
   *
   * @throws OptionsError for an empty audience
   */
  forAudience(audience: string, organization?: string): TokenProvider
}

function checkProviderOptions(options: unknown): void {
  const o: Partial<Record<string, unknown>> = isRecord(options) ? options : {}
  const problems: string[] = []
  const fromCredentials = o['getToken'] === undefined
  if (fromCredentials && (typeof o['domain'] !== 'string' || typeof o['clientId'] !== 'string'))
    problems.push('getToken: expected a GetToken, or domain and clientId with credentials')
  // Built from credentials, the other keys are GetToken's options: its constructor checks them.
  const known = fromCredentials ? Object.keys(o) : []
  const settings = {
    getToken: rule('a GetToken instance', (v) => v instanceof GetToken),
    audience: nonEmptyString,
    organization: string,
    ...PROVIDER_SETTINGS,
  }
  problems.push(...optionProblems(options, settings, { known, required: ['audience'] }))
  if (problems.length > 0) throw new OptionsError('token provider options', problems)
}

/**
 * A cache that keeps DPoP-bound tokens under their key's thumbprint, so that processes sharing a store never get a
 * token bound to another process's key.
 */
function keyBoundCache(cache: TokenCache, keyPair: CryptoKeyPair): TokenCache {
  let suffix: Promise<string> | undefined
  const key = async (k: string) => {
    suffix ??= import('./dpop.js').then(async (m) => `:dpop:${await m.dpopThumbprint(keyPair)}`)
    return k + (await suffix)
  }
  const bound: TokenCache = {
    get: async (k) => cache.get(await key(k)),
    set: async (k, token) => cache.set(await key(k), token),
  }
  const remove = cache.delete?.bind(cache)
  const lock = cache.lock?.bind(cache)
  if (remove) bound.delete = async (k) => remove(await key(k))
  if (lock)
    bound.lock = async <T>(k: string, fn: () => Promise<T>): Promise<T> => lock(await key(k), fn)
  return bound
}

/**
 * Creates a cached client-credentials token source: one token per domain, client, audience and organization,
 * replaced `skew` seconds before it expires. It authenticates with the client secret or, with
 * `clientAssertionSigningKey`, a private_key_jwt assertion; with `dpop`, its tokens are DPoP-bound (`tokenType: 'DPoP'`,
 * for `dpopFetch`) and a shared cache keeps them under the key's thumbprint. It is core's provider
 * (`createCachedTokenProvider`): concurrent callers share one request; a failure rejects them all and leaves the cache
 * as it was; a shared cache is read only when this process's token goes stale, and with a cache that has `lock`, only
 * one process of a fleet fetches. A caller's `signal` aborts its wait, and the request when no caller waits any more.
 * Errors of the cache itself are not hidden: they reject the call. `forAudience` gives the provider of another API.
 *
 * @throws OptionsError for bad options, listing every problem
 * @example
 * ```ts
 * const token = createTokenProvider({ domain, clientId, clientSecret, audience: `https://${domain}/api/v2/` })
 * const auth0 = new Auth0(domain, token)
 * const orders = token.forAudience('https://orders.example.com/')
 * ```
 */
export function createTokenProvider(options: TokenProviderOptions): ClientCredentialsTokenProvider {
  checkProviderOptions(options)
  const { now = Date.now } = options
  const client =
    'getToken' in options
      ? options.getToken
      : new GetToken(options.domain, options.clientId, withoutSettings(options))
  const keyPair = dpopKeys.get(client)
  const cache = options.cache && keyPair ? keyBoundCache(options.cache, keyPair) : options.cache
  const providers = new Map<string, TokenProvider>()

  const providerFor = (audience: string, organization: string | undefined): TokenProvider => {
    const cacheKey = clientCredentialsCacheKey(
      client.domain,
      client.clientId,
      audience,
      organization,
    )
    let provider = providers.get(cacheKey)
    if (provider === undefined) {
      const grant = organization === undefined ? {} : { organization }
      provider = createCachedTokenProvider({
        async fetchToken({ signal }) {
          const fetchedAt = now()
          return toCachedToken(
            await client.clientCredentials(audience, grant, { signal }),
            fetchedAt,
          )
        },
        cacheKey,
        skew: options.skew,
        cache,
        now,
      })
      providers.set(cacheKey, provider)
    }
    return provider
  }

  const forAudience = (audience: string, organization?: string): TokenProvider => {
    const problems = optionProblems(
      { audience, organization },
      { audience: nonEmptyString, organization: string },
      { required: ['audience'] },
    )
    if (problems.length > 0) throw new OptionsError('forAudience arguments', problems)
    return providerFor(audience, organization)
  }

  const main = providerFor(options.audience, options.organization)
  return Object.defineProperty(main, 'forAudience', {
    value: forAudience,
  }) as ClientCredentialsTokenProvider
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
