import type { RateLimiter, RestClient, RestClientOptions, TokenSource } from '@auth0-ts/core'
import { createRestClient } from './manager.js'
import { Actions } from './resources/actions.js'
import { AttackProtection } from './resources/attack-protection.js'
import { Blacklists } from './resources/blacklists.js'
import { Branding } from './resources/branding.js'
import { ClientCredentials } from './resources/client-credentials.js'
import { ClientGrants } from './resources/client-grants.js'
import { Clients } from './resources/clients.js'
import { Connections } from './resources/connections.js'
import { CustomDomains } from './resources/custom-domains.js'
import { DeviceCredentials } from './resources/device-credentials.js'
import { EmailTemplates } from './resources/email-templates.js'
import { Emails } from './resources/emails.js'
import { Grants } from './resources/grants.js'
import { Guardian } from './resources/guardian.js'
import { Hooks } from './resources/hooks.js'
import { Jobs } from './resources/jobs.js'
import { LogStreams } from './resources/log-streams.js'
import { Logs } from './resources/logs.js'
import { NetworkAcls } from './resources/network-acls.js'
import { Organizations } from './resources/organizations.js'
import { Prompts } from './resources/prompts.js'
import { ResourceServers } from './resources/resource-servers.js'
import { Roles } from './resources/roles.js'
import { RulesConfigs } from './resources/rules-configs.js'
import { Rules } from './resources/rules.js'
import { SelfServiceProfiles } from './resources/self-service-profiles.js'
import { Stats } from './resources/stats.js'
import { Tenants } from './resources/tenants.js'
import { Tickets } from './resources/tickets.js'
import { UserBlocks } from './resources/user-blocks.js'
import { UsersByEmail } from './resources/users-by-email.js'
import { Users } from './resources/users.js'

/** The 32 resource managers, by accessor. */
export interface Auth0Managers {
  readonly actions: Actions
  readonly attackProtection: AttackProtection
  readonly blacklists: Blacklists
  readonly branding: Branding
  readonly clientCredentials: ClientCredentials
  readonly clientGrants: ClientGrants
  readonly clients: Clients
  readonly connections: Connections
  readonly customDomains: CustomDomains
  readonly deviceCredentials: DeviceCredentials
  readonly emailTemplates: EmailTemplates
  readonly emails: Emails
  readonly grants: Grants
  readonly guardian: Guardian
  readonly hooks: Hooks
  readonly jobs: Jobs
  readonly logStreams: LogStreams
  readonly logs: Logs
  readonly networkAcls: NetworkAcls
  readonly organizations: Organizations
  readonly prompts: Prompts
  readonly resourceServers: ResourceServers
  readonly roles: Roles
  readonly rulesConfigs: RulesConfigs
  readonly rules: Rules
  readonly selfServiceProfiles: SelfServiceProfiles
  readonly stats: Stats
  readonly tenants: Tenants
  readonly tickets: Tickets
  readonly userBlocks: UserBlocks
  readonly usersByEmail: UsersByEmail
  readonly users: Users
}

/** What an {@link Auth0} client has besides its managers. */
export interface Auth0Base {
  /** The one transport (and rate limiter) every manager of this client shares. */
  readonly rest: RestClient
}

const MANAGERS: {
  readonly [K in keyof Auth0Managers]: new (rest: RestClient) => Auth0Managers[K]
} = {
  actions: Actions,
  attackProtection: AttackProtection,
  blacklists: Blacklists,
  branding: Branding,
  clientCredentials: ClientCredentials,
  clientGrants: ClientGrants,
  clients: Clients,
  connections: Connections,
  customDomains: CustomDomains,
  deviceCredentials: DeviceCredentials,
  emailTemplates: EmailTemplates,
  emails: Emails,
  grants: Grants,
  guardian: Guardian,
  hooks: Hooks,
  jobs: Jobs,
  logStreams: LogStreams,
  logs: Logs,
  networkAcls: NetworkAcls,
  organizations: Organizations,
  prompts: Prompts,
  resourceServers: ResourceServers,
  roles: Roles,
  rulesConfigs: RulesConfigs,
  rules: Rules,
  selfServiceProfiles: SelfServiceProfiles,
  stats: Stats,
  tenants: Tenants,
  tickets: Tickets,
  userBlocks: UserBlocks,
  usersByEmail: UsersByEmail,
  users: Users,
}

/** Options of {@link Auth0}. */
export interface Auth0Options {
  /** Transport options: `{ telemetry, timeout, retries, maxRetryDelay }`. */
  restOptions?: RestClientOptions
  /** `'http'` reaches a local tenant such as the emulator. @default 'https' */
  protocol?: 'https' | 'http'
  /** A custom fetch: shared connections, proxies, tests. @default globalThis.fetch */
  fetch?: typeof fetch
  /** Decides when requests may be sent (a fleet-wide limiter, for example); `false` disables pacing. @default an in-process limiter */
  rateLimiter?: RateLimiter | false
}

class Auth0Client implements Auth0Base {
  readonly rest: RestClient

  constructor(domain: string, token: TokenSource, options?: Auth0Options) {
    const rest = createRestClient(domain, token, options, 'Auth0 options', true)
    this.rest = rest
    // Each manager is built on first use, so the ones an app never touches cost nothing.
    for (const [key, M] of Object.entries(MANAGERS)) {
      Object.defineProperty(this, key, {
        configurable: true,
        enumerable: true,
        get(this: Auth0Client) {
          const manager = new M(rest)
          Object.defineProperty(this, key, { value: manager, enumerable: true })
          return manager
        },
      })
    }
  }
}

/** A Management API client: the 32 resource managers under camelCase accessors, sharing one transport. */
export type Auth0 = Auth0Base & Auth0Managers

/**
 * A Management API client: `auth0.users`, `auth0.connections`, `auth0.clientGrants` and the other 29 managers, built
 * lazily over one transport, so they share one rate limiter for the tenant.
 *
 * @throws TypeError listing every problem, for a bad domain, token or option
 * @example
 * ```ts
 * const auth0 = new Auth0('tenant.auth0.com', token)
 * const connections = await auth0.connections.all()
 * ```
 */
export const Auth0 = Auth0Client as {
  /**
   * Builds the client; nothing is sent until a manager's first call.
   *
   * @throws OptionsError listing every problem, for a bad domain, token or option
   */
  new (domain: string, token: TokenSource, options?: Auth0Options): Auth0
}
