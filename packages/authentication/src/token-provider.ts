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
import type { AuthenticationOptions } from './base.js'
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
  /** The token store. @default an in-memory cache of this provider */
  cache?: TokenCache | undefined
  /** Clock in epoch ms, for tests. @default Date.now */
  now?: (() => number) | undefined
}

/** Options of {@link createTokenProvider}: an existing `GetToken`, or the credentials to build one. */
export type TokenProviderOptions = TokenProviderSettings &
  ({ getToken: GetToken } | ({ domain: string; clientId: string } & AuthenticationOptions))

const SETTINGS = {
  getToken: rule('a GetToken instance', (v) => v instanceof GetToken),
  audience: nonEmptyString,
  organization: string,
  ...PROVIDER_SETTINGS,
}

function checkProviderOptions(options: unknown): void {
  const o: Partial<Record<string, unknown>> = isRecord(options) ? options : {}
  const problems: string[] = []
  const fromCredentials = o['getToken'] === undefined
  if (fromCredentials && (typeof o['domain'] !== 'string' || typeof o['clientId'] !== 'string'))
    problems.push('getToken: expected a GetToken, or domain and clientId with credentials')
  // Built from credentials, the other keys are GetToken's options: its constructor checks them.
  const known = fromCredentials ? Object.keys(o) : []
  problems.push(...optionProblems(options, SETTINGS, { known }))
  if (problems.length > 0) throw new OptionsError('token provider options', problems)
}

/**
 * Creates a cached client-credentials token source: one token per domain, client, audience and organization,
 * replaced `skew` seconds before it expires. It authenticates with the client secret or, with
 * `clientAssertionSigningKey`, a private_key_jwt assertion. It is core's provider (`createCachedTokenProvider`):
 * concurrent callers share one request; a failure rejects them all and leaves the cache as it was; a shared cache is
 * read only when this process's token goes stale, and with a cache that has `lock`, only one process of a fleet
 * fetches. A caller's `signal` aborts its wait, and the request when no caller waits any more. Errors of the cache
 * itself are not hidden: they reject the call.
 *
 * @throws OptionsError for bad options, listing every problem
 * @example
 * ```ts
 * const token = createTokenProvider({ domain, clientId, clientSecret, audience: `https://${domain}/api/v2/` })
 * const auth0 = new Auth0(domain, token)
 * ```
 */
export function createTokenProvider(options: TokenProviderOptions): TokenProvider {
  checkProviderOptions(options)
  const { audience, organization, now = Date.now } = options
  const client =
    'getToken' in options
      ? options.getToken
      : new GetToken(options.domain, options.clientId, withoutSettings(options))
  const grant = organization === undefined ? {} : { organization }
  return createCachedTokenProvider({
    async fetchToken({ signal }) {
      const fetchedAt = now()
      return toCachedToken(await client.clientCredentials(audience, grant, { signal }), fetchedAt)
    },
    cacheKey: clientCredentialsCacheKey(client.domain, client.clientId, audience, organization),
    skew: options.skew,
    cache: options.cache,
    now,
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
