// The tenant emulator's facade: state, keys and the rate bucket behind one router.
import { authenticationControls, type AuthenticationControls } from './auth/controls.js'
import { authenticationRoutes } from './auth/index.js'
import type { AuthenticationOptions } from './auth/settings.js'
import { mintClientToken } from './auth/tokens.js'
import type { TenantContext } from './context.js'
import { KeyStore, generateRsaKey, pem, type SigningKey } from './keys.js'
import { addManagementApi } from './management/index.js'
import { tenantSettings, type TenantSettings } from './options.js'
import { TokenBucket, type RateLimitConfig } from './rate-limit.js'
import {
  RouteTable,
  addRoutes,
  bearer,
  cors,
  pipeline,
  rateLimit,
  routing,
  type Route,
} from './router/index.js'
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
  /** The Authentication API's settings: MFA policy, registration, DPoP nonces, token exchange, revocation keys. */
  authentication?: AuthenticationOptions
}

/** The seeded credentials and addresses; the CLI prints them as `{"mockTenant": info}`. */
export interface MockTenantInfo {
  url: string
  domain: string
  issuer: string
  managementAudience: string
  clients: MockTenantClients
  user: MockTenantUser
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

/** A tenant emulator in this process: call `handle`/`fetch` directly, or serve it with msw (`@auth0-ts/mock-tenant/msw`). */
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
  /** The addresses and credentials in one object, as the CLI prints them (wrapped in `{"mockTenant": ...}`). */
  readonly info: MockTenantInfo
  /** Serves one request: the emulator itself, as a Fetch API function. Never rejects. */
  handle(request: Request): Promise<Response>
  /** A `fetch` that goes straight to {@link MockTenant.handle}, for an SDK's custom `fetch` option. */
  fetch(input: Request | string | URL, init?: RequestInit): Promise<Response>
  /** Mints a Management API access token for the m2m client. @default every Management API scope */
  managementToken(scopes?: readonly string[]): Promise<string>
  /** The token bucket in force, or `null` when unlimited. */
  readonly rateLimit: RateLimitConfig | null
  /** Sets or clears (`null`) the token bucket; it starts full. @throws MockTenantOptionsError on a bad config */
  setRateLimit(config: RateLimitConfig | null): void
  /** Makes a new signing key; the previous one stays in the JWKS unless `keepPrevious` is false. */
  rotateKeys(options?: { keepPrevious?: boolean }): { kid: string }
  /** Puts everything back to the seed: users, connections, tokens, logs, keys; the rate limit is cleared. */
  reset(): void
  /** The last one-time code sent by `/passwordless/start` to this email address or phone number. */
  lastOtp(emailOrPhone: string): string | undefined
  /** The Authentication API's settings and test hooks (MFA, device codes, sessions, DPoP nonces). */
  readonly authentication: AuthenticationControls
}

/** Keys made by the caller: the signing key and the private_key_jwt client's key. */
export interface TenantKeys {
  signing: SigningKey
  client: SigningKey
}

/**
 * Creates an Auth0 tenant emulator in this process, with the deterministic seed.
 *
 * @throws MockTenantOptionsError (a TypeError) when an option is invalid, listing every problem
 * @example
 * ```ts
 * const tenant = createMockTenant()
 * const discovery = await tenant.fetch(`${tenant.url}/.well-known/openid-configuration`)
 * // or give the SDK `fetch: tenant.fetch` and the domain `tenant.domain`
 * ```
 */
export function createMockTenant(options: MockTenantOptions = {}): MockTenant {
  const settings = tenantSettings(options)
  return buildMockTenant(settings, { signing: generateRsaKey(), client: generateRsaKey() })
}

const EXTRA_REDIRECTS = [
  'http://localhost:3000/callback',
  'http://127.0.0.1:3000/callback',
  'http://localhost:5173/callback',
  'http://127.0.0.1:5173/callback',
]

/** Builds a tenant from checked settings and keys made by the caller. */
export function buildMockTenant(settings: TenantSettings, keys: TenantKeys): MockTenant {
  const url = settings.origin.origin
  const issuer = `${url}/`
  const managementAudience = `${issuer}api/v2/`
  const redirectUris = [`${url}/callback`, ...EXTRA_REDIRECTS, ...settings.redirectUris]
  const seed = () =>
    buildSeed(
      { managementAudience, redirectUris, m2mJwtPublicKey: keys.client.publicKey },
      settings.seed,
    )
  const ctx: TenantContext = {
    url,
    issuer,
    domain: settings.origin.host,
    managementAudience,
    keys: new KeyStore(keys.signing),
    now: settings.now,
    state: seed(),
  }
  const bucket = new TokenBucket(settings.now)
  bucket.set(settings.rateLimit)

  const routes = new RouteTable<Route>()
  addRoutes(routes, authenticationRoutes(ctx))
  addManagementApi(routes, ctx)
  const handle = pipeline([
    cors(bucket),
    rateLimit(bucket),
    routing(routes),
    bearer((token) => ctx.keys.verify(token, ctx.now(), { issuer, audience: managementAudience })),
  ])

  const clients: MockTenantClients = {
    m2m: { ...SEED_CREDENTIALS.m2m },
    m2mJwt: {
      clientId: SEED_CREDENTIALS.m2mJwt.clientId,
      privateKeyPem: pem(keys.client.privateKey),
    },
    web: { ...SEED_CREDENTIALS.web, redirectUris },
  }
  const user: MockTenantUser = { ...SEED_CREDENTIALS.user }

  return {
    url,
    domain: ctx.domain,
    issuer,
    managementAudience,
    clients,
    user,
    info: { url, domain: ctx.domain, issuer, managementAudience, clients, user },
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
    authentication: authenticationControls(ctx, settings.authentication),
  }
}
