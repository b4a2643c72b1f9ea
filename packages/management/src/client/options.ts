import {
  createClientCredentialsProvider,
  OptionsError,
  RestClient,
  type RateLimiter,
  type RestClientOptions,
  type TokenCache,
  type TokenSource,
} from '@auth0-ts/core'
import {
  baseUrlProblems,
  boolean,
  fn,
  isRecord,
  nonEmptyString,
  nonNegative,
  finite,
  optionProblems,
  positive,
  rateLimiter,
  restOptionsProblems,
  rule,
  tokenSource,
  withMethods,
  type Rules,
} from '@auth0-ts/core/internal'
import type { OperationSpec } from '../operation.js'
import type { WithRawResponse } from './api-promise.js'
import { aliasProblems, HEADERS, type HeaderValue } from './request-options.js'

/**
 * Options of `ManagementClient` and of each resource client, whatever the credentials. Core's transport options beyond
 * the ones named here (such as `hooks`, `deadline` and `debug`) are passed to core as they are.
 */
export interface ManagementClientBaseOptions extends Omit<
  RestClientOptions,
  'timeout' | 'retries' | 'maxRetryDelay' | 'telemetry'
> {
  /** The tenant's domain, such as `tenant.us.auth0.com` (a host name with an optional port, never a URL). */
  domain: string
  /** `'http'` reaches a local tenant such as `@auth0-ts/mock-tenant`. @default 'https' */
  protocol?: 'https' | 'http' | undefined
  /** Bound on each attempt in ms, headers and body both. @default 5000 */
  timeout?: number | undefined
  /** node-auth0's name: `timeout` in seconds. */
  timeoutInSeconds?: number | undefined
  /** Retries of a 429 (any method) or of a network error / 502 / 503 / 504 (GET and HEAD only), 0..10. @default 3 */
  retries?: number | undefined
  /** node-auth0's name for `retries`. */
  maxRetries?: number | undefined
  /** The longest wait before a retry in ms; a rate-limit reset further away fails at once. @default 10000 */
  maxRetryDelay?: number | undefined
  /** Headers sent on every request: strings, or functions returning one, called per request. */
  headers?: Readonly<Record<string, HeaderValue>> | undefined
  /** A custom fetch: shared connections, proxies, tests. @default globalThis.fetch */
  fetch?: typeof fetch | undefined
  /**
   * Sends `Auth0-Custom-Domain` with this value on the operations the Management API lists as taking it (creating
   * and updating users, tickets, verification e-mails, invitations, enrollment tickets). Per-call `headers` send it on
   * any call.
   */
  withCustomDomainHeader?: string | undefined
  /** Send the `Auth0-Client` telemetry header. @default true */
  telemetry?: boolean | undefined
  /** The name (and version) reported in `Auth0-Client`. @default this package's */
  clientInfo?: { name: string; version?: string; [key: string]: unknown } | undefined
  /**
   * Decides when requests may be sent: share one between clients, or a fleet-wide one such as `createRedisRateLimiter`
   * of `@auth0-ts/redis`. `false` disables pacing. @default an in-process limiter
   */
  rateLimiter?: RateLimiter | false | undefined
  /**
   * Not supported: private_key_jwt lives in `@auth0-ts/authentication`. Pass its provider as `token`:
   * `token: createTokenProvider({ domain, clientId, clientAssertionSigningKey, audience })`.
   */
  clientAssertionSigningKey?: never
}

/** With a token: a string, or a function returning one (called before each request; cache inside it). */
export interface ManagementClientTokenOptions extends ManagementClientBaseOptions {
  /** The Management API token, or a function returning one, such as `createTokenProvider(...)` of `@auth0-ts/authentication`. */
  token: TokenSource
  clientId?: never
  clientSecret?: never
}

/** With a client id and secret: the client fetches, caches and renews its own token (client credentials). */
export interface ManagementClientCredentialsOptions extends ManagementClientBaseOptions {
  token?: never
  /** The application's client id. */
  clientId: string
  /** The application's client secret. It never appears in an error. */
  clientSecret: string
  /** The API the token is for. @default `https://${domain}/api/v2/` (`http` with `protocol: 'http'`) */
  audience?: string | undefined
  /** Where tokens are kept: share one between processes (Redis, KV) with a cache that has `lock`. @default in memory */
  tokenCache?: TokenCache | undefined
}

/** Options of `ManagementClient`: `domain`, and a `token` or a `clientId` with its `clientSecret`. */
export type ManagementClientOptions =
  ManagementClientTokenOptions | ManagementClientCredentialsOptions

/** What every method of one client shares: the transport and the settings of each call. */
export interface Runtime {
  readonly rest: RestClient
  /** The `Auth0-Custom-Domain` value for the operations that take it. */
  readonly customDomain: string | undefined
  readonly headers: Readonly<Record<string, HeaderValue>> | undefined
  /** A transport like `rest` over another fetch, for an event stream (see `events.subscribe`). */
  readonly transport: (through: typeof fetch) => RestClient
  /** The fetch requests go through. */
  readonly fetch: typeof fetch
  /** Opens an event stream (`events.subscribe`): given only to the clients that hold one, so others bundle without it. */
  readonly openStream?: StreamOpener | undefined
}

/** Sends a stream operation and resolves once the stream is open. */
export type StreamOpener = (
  rt: Runtime,
  op: OperationSpec,
  args: readonly unknown[],
  request: unknown,
  options: unknown,
) => Promise<WithRawResponse<unknown>>

const RULES: Rules = {
  token: tokenSource,
  clientId: nonEmptyString,
  clientSecret: nonEmptyString,
  audience: nonEmptyString,
  timeout: positive,
  timeoutInSeconds: positive,
  retries: finite,
  maxRetries: finite,
  maxRetryDelay: nonNegative,
  headers: HEADERS,
  fetch: fn,
  withCustomDomainHeader: nonEmptyString,
  telemetry: boolean,
  clientInfo: rule(
    'an object with a string name',
    (v) =>
      isRecord(v) &&
      typeof v['name'] === 'string' &&
      (v['version'] === undefined || typeof v['version'] === 'string'),
  ),
  rateLimiter,
  tokenCache: withMethods('get', 'set'),
}

// Checked by baseUrlProblems with the domain, or refused by credentialProblems.
const KNOWN = ['domain', 'protocol', 'clientAssertionSigningKey']
/** What `restOptions` core takes; any key core adds later (hooks, deadline, debug) is passed as it is. */
const NOT_REST = /* @__PURE__ */ new Set([...Object.keys(RULES), ...KNOWN])

function credentialProblems(o: Readonly<Record<string, unknown>>): string[] {
  const problems: string[] = []
  if (o['clientAssertionSigningKey'] !== undefined)
    problems.push(
      'clientAssertionSigningKey: not supported here; pass the provider of @auth0-ts/authentication as token, ' +
        "token: createTokenProvider({ domain, clientId, clientAssertionSigningKey, audience: 'https://<domain>/api/v2/' })",
    )
  const withToken = o['token'] !== undefined
  const withCredentials = o['clientId'] !== undefined || o['clientSecret'] !== undefined
  if (withToken && withCredentials)
    problems.push('token: give a token, or clientId and clientSecret, not both')
  else if (!withToken && o['clientAssertionSigningKey'] === undefined) {
    if (o['clientId'] === undefined)
      problems.push('token: is required (or clientId and clientSecret)')
    else if (o['clientSecret'] === undefined)
      problems.push('clientSecret: is required with clientId')
  }
  if (withToken)
    for (const key of ['audience', 'tokenCache'])
      if (o[key] !== undefined) problems.push(`${key}: only used with clientId and clientSecret`)
  return problems
}

/**
 * Checks the options once and builds what every method of a client shares. Core's rule helper lists every problem in
 * one {@link OptionsError}; the keys it does not know of (core's newer transport options) go to core as
 * `restOptions`, which checks them.
 *
 * @throws OptionsError listing every problem
 */
export function createRuntime(
  options: ManagementClientOptions,
  where: string,
  openStream?: StreamOpener,
): Runtime {
  const o: Readonly<Record<string, unknown>> = isRecord(options) ? options : {}
  const rest: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(o))
    if (!NOT_REST.has(key) && value !== undefined) rest[key] = value
  const problems = [
    ...optionProblems(options, RULES, {
      known: KNOWN,
      open: true,
    }),
    ...baseUrlProblems(o['domain'], o['protocol'] ?? 'https'),
    ...credentialProblems(o),
    ...aliasProblems(o, [
      ['timeout', 'timeoutInSeconds'],
      ['retries', 'maxRetries'],
    ]),
    ...restOptionsProblems(rest, ''),
  ]
  if (!isRecord(options)) problems.unshift('(root): expected an object')
  if (problems.length > 0) throw new OptionsError(where, problems)
  const opts = options as ManagementClientBaseOptions & {
    token?: TokenSource
    clientId?: string
    clientSecret?: string
    audience?: string
    tokenCache?: TokenCache
  }
  const { domain, protocol = 'https', fetch: userFetch, clientInfo } = opts
  const timeout =
    opts.timeout ?? (opts.timeoutInSeconds === undefined ? undefined : opts.timeoutInSeconds * 1000)
  const restOptions: RestClientOptions = {
    ...(rest as RestClientOptions),
    ...(timeout === undefined ? {} : { timeout }),
    ...((opts.retries ?? opts.maxRetries) === undefined
      ? {}
      : { retries: (opts.retries ?? opts.maxRetries) as number }),
    ...(opts.maxRetryDelay === undefined ? {} : { maxRetryDelay: opts.maxRetryDelay }),
    ...(opts.telemetry === undefined ? {} : { telemetry: opts.telemetry }),
  }
  const token: TokenSource =
    opts.token ??
    createClientCredentialsProvider({
      domain,
      clientId: opts.clientId ?? '',
      clientSecret: opts.clientSecret ?? '',
      audience: opts.audience ?? `${protocol}://${domain}/api/v2/`,
      cache: opts.tokenCache,
      protocol,
      restOptions,
      fetch: userFetch,
    })
  const config = {
    baseUrl: `${protocol}://${domain}/api/v2`,
    token,
    options: restOptions,
    client: clientInfo
      ? { name: clientInfo.name, version: clientInfo.version ?? '' }
      : { name: __PKG_NAME__, version: __PKG_VERSION__ },
    secrets: [opts.clientSecret],
  }
  return Object.freeze({
    rest: new RestClient({ ...config, fetch: userFetch, rateLimiter: opts.rateLimiter }),
    customDomain: opts.withCustomDomainHeader,
    headers: opts.headers,
    // An event stream is one long request: it goes through its own transport, paced only by a limiter given here.
    transport: (f: typeof globalThis.fetch) =>
      new RestClient({ ...config, fetch: f, rateLimiter: opts.rateLimiter ?? false }),
    fetch:
      userFetch ??
      ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init)),
    openStream,
  })
}
