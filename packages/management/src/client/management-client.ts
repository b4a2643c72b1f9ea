import type { RestClient } from '@auth0-ts/core'
import { openStream } from './event-stream.js'
import { createRuntime, type ManagementClientOptions } from './options.js'
import { lazy, resource } from './resource.js'
import {
  GROUPS,
  type ActionsClient,
  type AgentsClient,
  type AnomalyClient,
  type AttackProtectionClient,
  type BrandingClient,
  type ClientGrantsClient,
  type ClientsClient,
  type ConnectionProfilesClient,
  type ConnectionsClient,
  type CustomDomainsClient,
  type DeviceCredentialsClient,
  type EmailTemplatesClient,
  type EmailsClient,
  type EventStreamsClient,
  type EventsClient,
  type ExperimentationClient,
  type FlowsClient,
  type FormsClient,
  type GroupsClient,
  type GuardianClient,
  type HooksClient,
  type JobsClient,
  type KeysClient,
  type LogStreamsClient,
  type LogsClient,
  type NetworkAclsClient,
  type OrganizationsClient,
  type PromptsClient,
  type RateLimitPoliciesClient,
  type RefreshTokensClient,
  type ResourceServersClient,
  type RiskAssessmentsClient,
  type RolesClient,
  type RulesClient,
  type RulesConfigsClient,
  type SelfServiceProfilesClient,
  type SessionsClient,
  type StatsClient,
  type SupplementalSignalsClient,
  type TenantsClient,
  type TicketsClient,
  type TokenExchangeProfilesClient,
  type UserAttributeProfilesClient,
  type UserBlocksClient,
  type UserGrantsClient,
  type UsersClient,
  type VerifiableCredentialsClient,
} from './resources.js'

/**
 * Every group of operations, by the name node-auth0 v7 gives it (`users`, `clientGrants`, ...). One member per group of
 * the generated index; a type test checks that none is missing.
 */
export interface ManagementResources {
  readonly actions: ActionsClient
  readonly agents: AgentsClient
  readonly anomaly: AnomalyClient
  readonly attackProtection: AttackProtectionClient
  readonly branding: BrandingClient
  readonly clientGrants: ClientGrantsClient
  readonly clients: ClientsClient
  readonly connectionProfiles: ConnectionProfilesClient
  readonly connections: ConnectionsClient
  readonly customDomains: CustomDomainsClient
  readonly deviceCredentials: DeviceCredentialsClient
  readonly emailTemplates: EmailTemplatesClient
  readonly emails: EmailsClient
  readonly eventStreams: EventStreamsClient
  readonly events: EventsClient
  readonly experimentation: ExperimentationClient
  readonly flows: FlowsClient
  readonly forms: FormsClient
  readonly groups: GroupsClient
  readonly guardian: GuardianClient
  readonly hooks: HooksClient
  readonly jobs: JobsClient
  readonly keys: KeysClient
  readonly logStreams: LogStreamsClient
  readonly logs: LogsClient
  readonly networkAcls: NetworkAclsClient
  readonly organizations: OrganizationsClient
  readonly prompts: PromptsClient
  readonly rateLimitPolicies: RateLimitPoliciesClient
  readonly refreshTokens: RefreshTokensClient
  readonly resourceServers: ResourceServersClient
  readonly riskAssessments: RiskAssessmentsClient
  readonly roles: RolesClient
  readonly rules: RulesClient
  readonly rulesConfigs: RulesConfigsClient
  readonly selfServiceProfiles: SelfServiceProfilesClient
  readonly sessions: SessionsClient
  readonly stats: StatsClient
  readonly supplementalSignals: SupplementalSignalsClient
  readonly tenants: TenantsClient
  readonly tickets: TicketsClient
  readonly tokenExchangeProfiles: TokenExchangeProfilesClient
  readonly userAttributeProfiles: UserAttributeProfilesClient
  readonly userBlocks: UserBlocksClient
  readonly userGrants: UserGrantsClient
  readonly users: UsersClient
  readonly verifiableCredentials: VerifiableCredentialsClient
}

/** What a {@link ManagementClient} has besides its resources. */
export interface ManagementClientBase {
  /** The one transport (and rate limiter) every resource of this client shares. */
  readonly rest: RestClient
}

class ManagementClientImpl implements ManagementClientBase {
  declare readonly rest: RestClient

  constructor(options: ManagementClientOptions) {
    const rt = createRuntime(options, 'ManagementClient options', openStream)
    Object.defineProperty(this, 'rest', { value: rt.rest })
    // Each resource is built on first use, so the ones an app never touches cost nothing.
    for (const [name, group] of Object.entries(GROUPS)) lazy(this, name, () => resource(group, rt))
  }
}

/** A Management API client: every operation at `client.<group>.<name>(...)`, over one transport. */
export type ManagementClient = ManagementClientBase & ManagementResources

/**
 * The whole Management API, compatible with node-auth0 v7.1's `ManagementClient`: the same names, arguments and
 * requests, over auth0-ts's transport (pacing under the tenant's rate limit, no retried writes, checked ids). Path
 * parameters come first, then the request object (wire names), then per-call options. A list resolves to a `Page`;
 * every call has `.withRawResponse()`.
 *
 * @throws OptionsError listing every problem of the options, such as a missing token or an unknown option
 * @example
 * ```ts
 * const client = new ManagementClient({ domain: 'tenant.us.auth0.com', clientId, clientSecret })
 * const user = await client.users.get('auth0|123')
 * for await (const role of client.users.roles.list('auth0|123')) console.log(role.name)
 * ```
 */
export const ManagementClient = ManagementClientImpl as {
  /**
   * Builds the client; nothing is sent until a resource's first call.
   *
   * @throws OptionsError listing every problem of the options, such as a missing token or an unknown option
   */
  new (options: ManagementClientOptions): ManagementClient
}
