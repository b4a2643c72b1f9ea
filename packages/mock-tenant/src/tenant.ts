import { randomUUID } from 'node:crypto'
import { http, type HttpHandler } from 'msw'
import { authenticationRoutes } from './auth/index.js'
import { mintClientToken } from './auth/tokens.js'
import type { TenantContext } from './context.js'
import { HttpError, apiError, json, matchRoute, readBody, type Route } from './http.js'
import { KeyStore, generateRsaKey, pem, type SigningKey } from './keys.js'
import { managementRoutes, type ApiAuth } from './management/index.js'
import { TokenBucket, validateRateLimit, type RateLimitConfig } from './rate-limit.js'
import { MANAGEMENT_SCOPES, SEED_CREDENTIALS, buildSeed, type SeedOptions } from './seed.js'

export type { RateLimitConfig } from './rate-limit.js'
export type { SeedOptions } from './seed.js'

/** Options of {@link createMockTenant}. */
export interface MockTenantOptions {
  /** Where the tenant lives: its issuer is this URL plus `/`. @default 'https://tenant.mock.test' */
  baseUrl?: string
  /** A token bucket for every request; `null` means unlimited. @default null */
  rateLimit?: RateLimitConfig | null
  /** The clock, in epoch ms: tokens, logs and the rate limiter read it. @default Date.now */
  now?: () => number
  /** The size of the deterministic seed. @default { users: 120, logs: 150 } */
  seed?: SeedOptions
  /** Extra callback URLs allowed for the web client. @default [] */
  redirectUris?: readonly string[]
}

/** The seeded credentials and addresses, as printed on start. */
export interface MockTenantInfo {
  mockTenant: {
    url: string
    domain: string
    issuer: string
    managementAudience: string
    clients: MockTenantClients
    user: MockTenantUser
  }
}

/** The seeded clients: all fake, all made for this tenant. */
export interface MockTenantClients {
  /** client_credentials with a secret, granted every Management API scope. */
  m2m: { clientId: string; clientSecret: string }
  /** client_credentials with private_key_jwt (RS256), granted every Management API scope. */
  m2mJwt: { clientId: string; privateKeyPem: string }
  /** A regular web app: password-realm, authorization code (+ PKCE), refresh tokens, passwordless. */
  web: { clientId: string; clientSecret: string; redirectUris: string[] }
}

/** The seeded login user. */
export interface MockTenantUser {
  username: string
  password: string
  connection: 'Username-Password-Authentication'
}

/** A tenant emulator in this process: serve it with msw (`handlers`) or call `handle`/`fetch` directly. */
export interface MockTenant {
  /** `https://tenant.mock.test` or `http://127.0.0.1:PORT`, without a trailing slash. */
  readonly url: string
  /** The host (and port) to give the SDK as its domain. */
  readonly domain: string
  /** The `iss` of every token: the URL plus `/`. */
  readonly issuer: string
  /** The Management API audience: the issuer plus `api/v2/`. */
  readonly managementAudience: string
  readonly clients: MockTenantClients
  readonly user: MockTenantUser
  /** The object printed on start: `{ mockTenant: {...} }`. */
  readonly info: MockTenantInfo
  /** msw handlers serving every route under `url`, for `setupServer(...tenant.handlers)`. */
  readonly handlers: HttpHandler[]
  /** Serves one request: the emulator itself, as a Fetch API function. Never rejects. */
  handle(request: Request): Promise<Response>
  /** A `fetch` that goes straight to {@link MockTenant.handle}, for an SDK's custom `fetch` option. */
  fetch(input: Request | string | URL, init?: RequestInit): Promise<Response>
  /** Mints a Management API access token for the m2m client. @default every Management API scope */
  managementToken(scopes?: readonly string[]): Promise<string>
  /** The token bucket in force, or `null` when unlimited. */
  readonly rateLimit: RateLimitConfig | null
  /** Sets or clears (`null`) the token bucket; it starts full. @throws TypeError on a bad config */
  setRateLimit(config: RateLimitConfig | null): void
  /** Makes a new signing key; the previous one stays in the JWKS unless `keepPrevious` is false. */
  rotateKeys(options?: { keepPrevious?: boolean }): { kid: string }
  /** Puts everything back to the seed: users, connections, tokens, logs, keys; the rate limit is cleared. */
  reset(): void
  /** The last one-time code sent by `/passwordless/start` to this email address or phone number. */
  lastOtp(emailOrPhone: string): string | undefined
}

const DEFAULT_BASE_URL = 'https://tenant.mock.test'

function validate(options: MockTenantOptions): string[] {
  const problems: string[] = []
  if (options.baseUrl !== undefined) {
    let url: URL | undefined
    try {
      url = new URL(options.baseUrl)
    } catch {
      problems.push('baseUrl: expected an absolute http(s) URL')
    }
    if (
      url &&
      (!/^https?:$/.test(url.protocol) ||
        url.pathname !== '/' ||
        url.search !== '' ||
        url.hash !== '')
    )
      problems.push('baseUrl: expected an http(s) origin without a path, query or hash')
  }
  problems.push(...validateRateLimit(options.rateLimit))
  if (options.now !== undefined && typeof options.now !== 'function')
    problems.push('now: expected a function')
  for (const key of ['users', 'logs'] as const) {
    const v = options.seed?.[key]
    if (v !== undefined && (!Number.isInteger(v) || v < (key === 'users' ? 1 : 0) || v > 100_000))
      problems.push(
        `seed.${key}: expected an integer between ${key === 'users' ? 1 : 0} and 100000`,
      )
  }
  if (
    options.redirectUris !== undefined &&
    (!Array.isArray(options.redirectUris) ||
      !options.redirectUris.every((u) => typeof u === 'string'))
  )
    problems.push('redirectUris: expected an array of strings')
  return problems
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers':
    'x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset, retry-after, x-auth0-requestid',
}

function unauthorized(message: string): HttpError {
  return apiError(401, message, undefined, { attributes: { error: message } })
}

/**
 * Creates an Auth0 tenant emulator in this process, with the deterministic seed.
 *
 * @throws TypeError when an option is invalid, listing every problem.
 * @example
 * ```ts
 * const tenant = createMockTenant()
 * const server = setupServer(...tenant.handlers)
 * server.listen({ onUnhandledRequest: 'error' })
 * ```
 */
export function createMockTenant(options: MockTenantOptions = {}): MockTenant {
  return buildMockTenant(options, { signing: generateRsaKey(), client: generateRsaKey() })
}

/** Keys made by the caller: the signing key and the private_key_jwt client's key. */
export interface TenantKeys {
  signing: SigningKey
  client: SigningKey
}

/** Checks the options of a tenant. @throws TypeError listing every problem */
export function assertTenantOptions(options: MockTenantOptions): void {
  const problems = validate(options)
  if (problems.length > 0)
    throw new TypeError(`Invalid mock tenant options:\n  ${problems.join('\n  ')}`)
}

export function buildMockTenant(options: MockTenantOptions, keys: TenantKeys): MockTenant {
  assertTenantOptions(options)
  const origin = new URL(options.baseUrl ?? DEFAULT_BASE_URL)
  const url = origin.origin
  const issuer = `${url}/`
  const managementAudience = `${issuer}api/v2/`
  const now = options.now ?? Date.now
  const redirectUris = [
    `${url}/callback`,
    'http://localhost:3000/callback',
    'http://127.0.0.1:3000/callback',
    'http://localhost:5173/callback',
    'http://127.0.0.1:5173/callback',
    ...(options.redirectUris ?? []),
  ]
  const m2mJwtKey = keys.client
  const seed = () =>
    buildSeed(
      { managementAudience, redirectUris, m2mJwtPublicKey: m2mJwtKey.publicKey },
      options.seed,
    )
  const ctx: TenantContext = {
    url,
    issuer,
    domain: origin.host,
    managementAudience,
    keys: new KeyStore(keys.signing),
    now,
    state: seed(),
  }
  const bucket = new TokenBucket(now)
  bucket.set(options.rateLimit ?? null)

  const authRoutes = authenticationRoutes(ctx)
  const apiRoutes = managementRoutes(ctx)

  async function authorize(request: Request, route: Route<ApiAuth>): Promise<ApiAuth> {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')
    if (!bearer) throw unauthorized('Missing authentication')
    const result = await ctx.keys.verify(bearer[1] as string, now(), {
      issuer,
      audience: managementAudience,
    })
    if (!result.ok)
      throw unauthorized(
        result.reason === 'expired'
          ? 'Expired token received for JSON Web Token validation'
          : 'Invalid token',
      )
    const scopes = new Set(
      typeof result.payload['scope'] === 'string' ? result.payload['scope'].split(' ') : [],
    )
    const missing = (route.scopes ?? []).filter((s) => !scopes.has(s))
    if (missing.length > 0)
      throw apiError(
        403,
        `Insufficient scope, expected all of: ${missing.join(',')}`,
        'insufficient_scope',
      )
    return { scopes, sub: String(result.payload.sub) }
  }

  async function dispatch(request: Request): Promise<Response> {
    const url = new URL(request.url)
    const method = request.method.toUpperCase()
    const parts = async () => ({
      request,
      url,
      query: url.searchParams,
      body: method === 'GET' || method === 'HEAD' ? {} : await readBody(request),
    })
    if (url.pathname.startsWith('/api/v2/')) {
      const match = matchRoute(apiRoutes, method, url.pathname)
      if (!match) throw apiError(404, 'Not Found')
      // the token is checked before the body is read, as on a tenant
      const auth = await authorize(request, match.route)
      return match.route.handle({ ...(await parts()), params: match.params, auth })
    }
    const match = matchRoute(authRoutes, method, url.pathname)
    if (!match) throw apiError(404, 'Not Found')
    return match.route.handle({ ...(await parts()), params: match.params, auth: undefined })
  }

  async function handle(request: Request): Promise<Response> {
    const headers: Record<string, string> = { ...CORS, 'x-auth0-requestid': randomUUID() }
    if (request.method.toUpperCase() === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: {
          ...headers,
          ...bucket.peek(),
          'access-control-allow-methods': 'GET, POST, PATCH, PUT, DELETE, OPTIONS',
          'access-control-allow-headers':
            request.headers.get('access-control-request-headers') ?? '*',
          'access-control-max-age': '600',
        },
      })
    }
    const limit = bucket.take()
    Object.assign(headers, limit.headers)
    let response: Response
    if (!limit.allowed) {
      response = json(
        {
          statusCode: 429,
          error: 'Too Many Requests',
          message: 'Global limit has been reached',
          errorCode: 'too_many_requests',
        },
        429,
      )
    } else {
      try {
        response = await dispatch(request)
      } catch (e) {
        response =
          e instanceof HttpError
            ? json(e.body, e.status)
            : json(
                {
                  statusCode: 500,
                  error: 'Internal Server Error',
                  message: 'Internal error',
                  errorCode: 'internal_error',
                },
                500,
              )
      }
    }
    const merged = new Headers(response.headers)
    for (const [k, v] of Object.entries(headers)) merged.set(k, v)
    return new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers: merged,
    })
  }

  const clients: MockTenantClients = {
    m2m: { ...SEED_CREDENTIALS.m2m },
    m2mJwt: {
      clientId: SEED_CREDENTIALS.m2mJwt.clientId,
      privateKeyPem: pem(m2mJwtKey.privateKey),
    },
    web: { ...SEED_CREDENTIALS.web, redirectUris },
  }
  const user: MockTenantUser = { ...SEED_CREDENTIALS.user }
  const info: MockTenantInfo = {
    mockTenant: { url, domain: ctx.domain, issuer, managementAudience, clients, user },
  }

  return {
    url,
    domain: ctx.domain,
    issuer,
    managementAudience,
    clients,
    user,
    info,
    handlers: [http.all(`${url}/*`, ({ request }) => handle(request))],
    handle,
    fetch: (input, init) => handle(new Request(input, init)),
    managementToken: (scopes = MANAGEMENT_SCOPES) =>
      mintClientToken(ctx, clients.m2m.clientId, managementAudience, scopes),
    get rateLimit() {
      return bucket.current === null ? null : { ...bucket.current }
    },
    setRateLimit: (config) => bucket.set(config),
    rotateKeys: (opts = {}) => ({ kid: ctx.keys.rotate(opts.keepPrevious ?? true).kid }),
    reset() {
      ctx.state = seed()
      ctx.keys.reset()
      bucket.set(null)
    },
    lastOtp: (target) => ctx.state.otps.get(target.toLowerCase())?.otp,
  }
}
