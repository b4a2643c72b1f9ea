// The tenant the playground talks to: the embedded mock tenant (default), or a real one from the environment.
import { startMockTenant } from '@auth0-ts/mock-tenant'
import type { RateLimitSetting } from '../shared/api.js'
import type { TenantSettings } from './config.js'

/** How an application authenticates to the token endpoint (a public application does not). */
export type ClientAuth =
  { clientSecret: string } | { clientAssertionSigningKey: string } | Record<string, never>

export interface Tenant {
  mode: 'mock' | 'tenant'
  domain: string
  protocol: 'https' | 'http'
  issuer: string
  managementAudience: string
  realm: string
  /** Signs users in (authorization code + PKCE, password realm). */
  web: { clientId: string; auth: ClientAuth }
  /** Gets client-credentials tokens for the Management API. */
  m2m: { clientId: string; auth: ClientAuth }
  demoUser?: { username: string; password: string }
  /** The mock tenant's token bucket; absent on a real tenant. */
  rateLimit?: { get(): RateLimitSetting | null; set(setting: RateLimitSetting | null): void }
  /** Puts the mock tenant back as it started: connection names, users' metadata, no rate limit. Absent on a real tenant. */
  reset?: () => void
  /** Every credential this process holds, for the e2e leak scan. */
  secrets: string[]
  close(): Promise<void>
}

function authOf(settings: TenantSettings): ClientAuth {
  if (settings.signingKeyPem !== undefined)
    return { clientAssertionSigningKey: settings.signingKeyPem }
  return { clientSecret: settings.clientSecret ?? '' }
}

/** Starts the mock tenant on a free 127.0.0.1 port, allowing the playground's callback URL. */
export async function startEmbeddedTenant(callbackUrl: string): Promise<Tenant> {
  const mock = await startMockTenant({ port: 0, host: '127.0.0.1', redirectUris: [callbackUrl] })
  const { m2mJwt, web } = mock.clients
  return {
    mode: 'mock',
    domain: mock.domain,
    protocol: 'http',
    issuer: mock.issuer,
    managementAudience: mock.managementAudience,
    realm: mock.user.connection,
    web: { clientId: web.clientId, auth: { clientSecret: web.clientSecret } },
    // The private_key_jwt client: the backend signs an assertion, so no shared secret is ever sent for a token.
    m2m: { clientId: m2mJwt.clientId, auth: { clientAssertionSigningKey: m2mJwt.privateKeyPem } },
    demoUser: { username: mock.user.username, password: mock.user.password },
    rateLimit: { get: () => mock.rateLimit, set: (setting) => mock.setRateLimit(setting) },
    reset: () => mock.reset(),
    secrets: [mock.clients.m2m.clientSecret, m2mJwt.privateKeyPem, web.clientSecret],
    close: () => mock.close(),
  }
}

/** A real tenant: one application gets management tokens and, unless AUTH0_WEB_CLIENT_ID names a public one, signs users in. */
export function externalTenant(settings: TenantSettings): Tenant {
  const auth = authOf(settings)
  const client = { clientId: settings.clientId, auth }
  return {
    mode: 'tenant',
    domain: settings.domain,
    protocol: settings.protocol,
    issuer: `${settings.protocol}://${settings.domain}/`,
    managementAudience: settings.managementAudience,
    realm: settings.realm,
    web: settings.webClientId === undefined ? client : { clientId: settings.webClientId, auth: {} },
    m2m: client,
    secrets: [settings.clientSecret, settings.signingKeyPem].filter(
      (s): s is string => s !== undefined,
    ),
    close: () => Promise.resolve(),
  }
}
