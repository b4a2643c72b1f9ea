// One client per top-level group of operations, each importable and bundled alone: `new UsersClient({ domain,
// token })` is `new ManagementClient(...).users` without the other 46 groups. Hand-written: one line per group, checked
// against the generated index by resources.test.ts.
import {
  actions,
  agents,
  anomaly,
  attackProtection,
  branding,
  clientGrants,
  clients,
  connectionProfiles,
  connections,
  customDomains,
  deviceCredentials,
  emailTemplates,
  emails,
  eventStreams,
  events,
  experimentation,
  flows,
  forms,
  groups,
  guardian,
  hooks,
  jobs,
  keys,
  logStreams,
  logs,
  networkAcls,
  organizations,
  prompts,
  rateLimitPolicies,
  refreshTokens,
  resourceServers,
  riskAssessments,
  roles,
  rules,
  rulesConfigs,
  selfServiceProfiles,
  sessions,
  stats,
  supplementalSignals,
  tenants,
  tickets,
  tokenExchangeProfiles,
  userAttributeProfiles,
  userBlocks,
  userGrants,
  users,
  verifiableCredentials,
} from '../generated/index.js'
import type * as T from '../generated/types.js'
import type { ApiPromise } from './api-promise.js'
import { openStream, type EventStream } from './event-stream.js'
import type { ManagementRequestOptions } from './request-options.js'
import {
  resourceClient,
  type OperationGroup,
  type Resource,
  type ResourceClientConstructor,
} from './resource.js'

/** The `actions` operations. */
export type ActionsClient = Resource<typeof actions>
/** The client of the `actions` operations, built alone. */
export const ActionsClient: ResourceClientConstructor<ActionsClient> =
  /* @__PURE__ */ resourceClient(actions, 'ActionsClient')

/** The `agents` operations. */
export type AgentsClient = Resource<typeof agents>
/** The client of the `agents` operations, built alone. */
export const AgentsClient: ResourceClientConstructor<AgentsClient> = /* @__PURE__ */ resourceClient(
  agents,
  'AgentsClient',
)

/** The `anomaly` operations. */
export type AnomalyClient = Resource<typeof anomaly>
/** The client of the `anomaly` operations, built alone. */
export const AnomalyClient: ResourceClientConstructor<AnomalyClient> =
  /* @__PURE__ */ resourceClient(anomaly, 'AnomalyClient')

/** The `attackProtection` operations. */
export type AttackProtectionClient = Resource<typeof attackProtection>
/** The client of the `attackProtection` operations, built alone. */
export const AttackProtectionClient: ResourceClientConstructor<AttackProtectionClient> =
  /* @__PURE__ */ resourceClient(attackProtection, 'AttackProtectionClient')

/** The `branding` operations. */
export type BrandingClient = Resource<typeof branding>
/** The client of the `branding` operations, built alone. */
export const BrandingClient: ResourceClientConstructor<BrandingClient> =
  /* @__PURE__ */ resourceClient(branding, 'BrandingClient')

/** The `clientGrants` operations. */
export type ClientGrantsClient = Resource<typeof clientGrants>
/** The client of the `clientGrants` operations, built alone. */
export const ClientGrantsClient: ResourceClientConstructor<ClientGrantsClient> =
  /* @__PURE__ */ resourceClient(clientGrants, 'ClientGrantsClient')

/** The `clients` operations. */
export type ClientsClient = Resource<typeof clients>
/** The client of the `clients` operations, built alone. */
export const ClientsClient: ResourceClientConstructor<ClientsClient> =
  /* @__PURE__ */ resourceClient(clients, 'ClientsClient')

/** The `connectionProfiles` operations. */
export type ConnectionProfilesClient = Resource<typeof connectionProfiles>
/** The client of the `connectionProfiles` operations, built alone. */
export const ConnectionProfilesClient: ResourceClientConstructor<ConnectionProfilesClient> =
  /* @__PURE__ */ resourceClient(connectionProfiles, 'ConnectionProfilesClient')

/** The `connections` operations. */
export type ConnectionsClient = Resource<typeof connections>
/** The client of the `connections` operations, built alone. */
export const ConnectionsClient: ResourceClientConstructor<ConnectionsClient> =
  /* @__PURE__ */ resourceClient(connections, 'ConnectionsClient')

/** The `customDomains` operations. */
export type CustomDomainsClient = Resource<typeof customDomains>
/** The client of the `customDomains` operations, built alone. */
export const CustomDomainsClient: ResourceClientConstructor<CustomDomainsClient> =
  /* @__PURE__ */ resourceClient(customDomains, 'CustomDomainsClient')

/** The `deviceCredentials` operations. */
export type DeviceCredentialsClient = Resource<typeof deviceCredentials>
/** The client of the `deviceCredentials` operations, built alone. */
export const DeviceCredentialsClient: ResourceClientConstructor<DeviceCredentialsClient> =
  /* @__PURE__ */ resourceClient(deviceCredentials, 'DeviceCredentialsClient')

/** The `emailTemplates` operations. */
export type EmailTemplatesClient = Resource<typeof emailTemplates>
/** The client of the `emailTemplates` operations, built alone. */
export const EmailTemplatesClient: ResourceClientConstructor<EmailTemplatesClient> =
  /* @__PURE__ */ resourceClient(emailTemplates, 'EmailTemplatesClient')

/** The `emails` operations. */
export type EmailsClient = Resource<typeof emails>
/** The client of the `emails` operations, built alone. */
export const EmailsClient: ResourceClientConstructor<EmailsClient> = /* @__PURE__ */ resourceClient(
  emails,
  'EmailsClient',
)

/** The `eventStreams` operations. */
export type EventStreamsClient = Resource<typeof eventStreams>
/** The client of the `eventStreams` operations, built alone. */
export const EventStreamsClient: ResourceClientConstructor<EventStreamsClient> =
  /* @__PURE__ */ resourceClient(eventStreams, 'EventStreamsClient')

/**
 * The `events` operations. `subscribe` opens a server-sent event stream.
 */
export interface EventsClient {
  /**
   * `GET /events`
   *
   * Scopes (any one): `read:events`.
   */
  readonly subscribe: (
    request?: T.SubscribeEventsRequestParameters,
    options?: ManagementRequestOptions,
  ) => ApiPromise<EventStream<T.EventStreamSubscribeEventsResponseContent>>
}
/** The client of the `events` operations, built alone. */
export const EventsClient: ResourceClientConstructor<EventsClient> = /* @__PURE__ */ resourceClient(
  events,
  'EventsClient',
  openStream,
)

/** The `experimentation` operations. */
export type ExperimentationClient = Resource<typeof experimentation>
/** The client of the `experimentation` operations, built alone. */
export const ExperimentationClient: ResourceClientConstructor<ExperimentationClient> =
  /* @__PURE__ */ resourceClient(experimentation, 'ExperimentationClient')

/** The `flows` operations. */
export type FlowsClient = Resource<typeof flows>
/** The client of the `flows` operations, built alone. */
export const FlowsClient: ResourceClientConstructor<FlowsClient> = /* @__PURE__ */ resourceClient(
  flows,
  'FlowsClient',
)

/** The `forms` operations. */
export type FormsClient = Resource<typeof forms>
/** The client of the `forms` operations, built alone. */
export const FormsClient: ResourceClientConstructor<FormsClient> = /* @__PURE__ */ resourceClient(
  forms,
  'FormsClient',
)

/** The `groups` operations. */
export type GroupsClient = Resource<typeof groups>
/** The client of the `groups` operations, built alone. */
export const GroupsClient: ResourceClientConstructor<GroupsClient> = /* @__PURE__ */ resourceClient(
  groups,
  'GroupsClient',
)

/** The `guardian` operations. */
export type GuardianClient = Resource<typeof guardian>
/** The client of the `guardian` operations, built alone. */
export const GuardianClient: ResourceClientConstructor<GuardianClient> =
  /* @__PURE__ */ resourceClient(guardian, 'GuardianClient')

/** The `hooks` operations. */
export type HooksClient = Resource<typeof hooks>
/** The client of the `hooks` operations, built alone. */
export const HooksClient: ResourceClientConstructor<HooksClient> = /* @__PURE__ */ resourceClient(
  hooks,
  'HooksClient',
)

/** The `jobs` operations. */
export type JobsClient = Resource<typeof jobs>
/** The client of the `jobs` operations, built alone. */
export const JobsClient: ResourceClientConstructor<JobsClient> = /* @__PURE__ */ resourceClient(
  jobs,
  'JobsClient',
)

/** The `keys` operations. */
export type KeysClient = Resource<typeof keys>
/** The client of the `keys` operations, built alone. */
export const KeysClient: ResourceClientConstructor<KeysClient> = /* @__PURE__ */ resourceClient(
  keys,
  'KeysClient',
)

/** The `logStreams` operations. */
export type LogStreamsClient = Resource<typeof logStreams>
/** The client of the `logStreams` operations, built alone. */
export const LogStreamsClient: ResourceClientConstructor<LogStreamsClient> =
  /* @__PURE__ */ resourceClient(logStreams, 'LogStreamsClient')

/** The `logs` operations. */
export type LogsClient = Resource<typeof logs>
/** The client of the `logs` operations, built alone. */
export const LogsClient: ResourceClientConstructor<LogsClient> = /* @__PURE__ */ resourceClient(
  logs,
  'LogsClient',
)

/** The `networkAcls` operations. */
export type NetworkAclsClient = Resource<typeof networkAcls>
/** The client of the `networkAcls` operations, built alone. */
export const NetworkAclsClient: ResourceClientConstructor<NetworkAclsClient> =
  /* @__PURE__ */ resourceClient(networkAcls, 'NetworkAclsClient')

/** The `organizations` operations. */
export type OrganizationsClient = Resource<typeof organizations>
/** The client of the `organizations` operations, built alone. */
export const OrganizationsClient: ResourceClientConstructor<OrganizationsClient> =
  /* @__PURE__ */ resourceClient(organizations, 'OrganizationsClient')

/** The `prompts` operations. */
export type PromptsClient = Resource<typeof prompts>
/** The client of the `prompts` operations, built alone. */
export const PromptsClient: ResourceClientConstructor<PromptsClient> =
  /* @__PURE__ */ resourceClient(prompts, 'PromptsClient')

/** The `rateLimitPolicies` operations. */
export type RateLimitPoliciesClient = Resource<typeof rateLimitPolicies>
/** The client of the `rateLimitPolicies` operations, built alone. */
export const RateLimitPoliciesClient: ResourceClientConstructor<RateLimitPoliciesClient> =
  /* @__PURE__ */ resourceClient(rateLimitPolicies, 'RateLimitPoliciesClient')

/** The `refreshTokens` operations. */
export type RefreshTokensClient = Resource<typeof refreshTokens>
/** The client of the `refreshTokens` operations, built alone. */
export const RefreshTokensClient: ResourceClientConstructor<RefreshTokensClient> =
  /* @__PURE__ */ resourceClient(refreshTokens, 'RefreshTokensClient')

/** The `resourceServers` operations. */
export type ResourceServersClient = Resource<typeof resourceServers>
/** The client of the `resourceServers` operations, built alone. */
export const ResourceServersClient: ResourceClientConstructor<ResourceServersClient> =
  /* @__PURE__ */ resourceClient(resourceServers, 'ResourceServersClient')

/** The `riskAssessments` operations. */
export type RiskAssessmentsClient = Resource<typeof riskAssessments>
/** The client of the `riskAssessments` operations, built alone. */
export const RiskAssessmentsClient: ResourceClientConstructor<RiskAssessmentsClient> =
  /* @__PURE__ */ resourceClient(riskAssessments, 'RiskAssessmentsClient')

/** The `roles` operations. */
export type RolesClient = Resource<typeof roles>
/** The client of the `roles` operations, built alone. */
export const RolesClient: ResourceClientConstructor<RolesClient> = /* @__PURE__ */ resourceClient(
  roles,
  'RolesClient',
)

/** The `rules` operations. */
export type RulesClient = Resource<typeof rules>
/** The client of the `rules` operations, built alone. */
export const RulesClient: ResourceClientConstructor<RulesClient> = /* @__PURE__ */ resourceClient(
  rules,
  'RulesClient',
)

/** The `rulesConfigs` operations. */
export type RulesConfigsClient = Resource<typeof rulesConfigs>
/** The client of the `rulesConfigs` operations, built alone. */
export const RulesConfigsClient: ResourceClientConstructor<RulesConfigsClient> =
  /* @__PURE__ */ resourceClient(rulesConfigs, 'RulesConfigsClient')

/** The `selfServiceProfiles` operations. */
export type SelfServiceProfilesClient = Resource<typeof selfServiceProfiles>
/** The client of the `selfServiceProfiles` operations, built alone. */
export const SelfServiceProfilesClient: ResourceClientConstructor<SelfServiceProfilesClient> =
  /* @__PURE__ */ resourceClient(selfServiceProfiles, 'SelfServiceProfilesClient')

/** The `sessions` operations. */
export type SessionsClient = Resource<typeof sessions>
/** The client of the `sessions` operations, built alone. */
export const SessionsClient: ResourceClientConstructor<SessionsClient> =
  /* @__PURE__ */ resourceClient(sessions, 'SessionsClient')

/** The `stats` operations. */
export type StatsClient = Resource<typeof stats>
/** The client of the `stats` operations, built alone. */
export const StatsClient: ResourceClientConstructor<StatsClient> = /* @__PURE__ */ resourceClient(
  stats,
  'StatsClient',
)

/** The `supplementalSignals` operations. */
export type SupplementalSignalsClient = Resource<typeof supplementalSignals>
/** The client of the `supplementalSignals` operations, built alone. */
export const SupplementalSignalsClient: ResourceClientConstructor<SupplementalSignalsClient> =
  /* @__PURE__ */ resourceClient(supplementalSignals, 'SupplementalSignalsClient')

/** The `tenants` operations. */
export type TenantsClient = Resource<typeof tenants>
/** The client of the `tenants` operations, built alone. */
export const TenantsClient: ResourceClientConstructor<TenantsClient> =
  /* @__PURE__ */ resourceClient(tenants, 'TenantsClient')

/** The `tickets` operations. */
export type TicketsClient = Resource<typeof tickets>
/** The client of the `tickets` operations, built alone. */
export const TicketsClient: ResourceClientConstructor<TicketsClient> =
  /* @__PURE__ */ resourceClient(tickets, 'TicketsClient')

/** The `tokenExchangeProfiles` operations. */
export type TokenExchangeProfilesClient = Resource<typeof tokenExchangeProfiles>
/** The client of the `tokenExchangeProfiles` operations, built alone. */
export const TokenExchangeProfilesClient: ResourceClientConstructor<TokenExchangeProfilesClient> =
  /* @__PURE__ */ resourceClient(tokenExchangeProfiles, 'TokenExchangeProfilesClient')

/** The `userAttributeProfiles` operations. */
export type UserAttributeProfilesClient = Resource<typeof userAttributeProfiles>
/** The client of the `userAttributeProfiles` operations, built alone. */
export const UserAttributeProfilesClient: ResourceClientConstructor<UserAttributeProfilesClient> =
  /* @__PURE__ */ resourceClient(userAttributeProfiles, 'UserAttributeProfilesClient')

/** The `userBlocks` operations. */
export type UserBlocksClient = Resource<typeof userBlocks>
/** The client of the `userBlocks` operations, built alone. */
export const UserBlocksClient: ResourceClientConstructor<UserBlocksClient> =
  /* @__PURE__ */ resourceClient(userBlocks, 'UserBlocksClient')

/** The `userGrants` operations. */
export type UserGrantsClient = Resource<typeof userGrants>
/** The client of the `userGrants` operations, built alone. */
export const UserGrantsClient: ResourceClientConstructor<UserGrantsClient> =
  /* @__PURE__ */ resourceClient(userGrants, 'UserGrantsClient')

/** The `users` operations. */
export type UsersClient = Resource<typeof users>
/** The client of the `users` operations, built alone. */
export const UsersClient: ResourceClientConstructor<UsersClient> = /* @__PURE__ */ resourceClient(
  users,
  'UsersClient',
)

/** The `verifiableCredentials` operations. */
export type VerifiableCredentialsClient = Resource<typeof verifiableCredentials>
/** The client of the `verifiableCredentials` operations, built alone. */
export const VerifiableCredentialsClient: ResourceClientConstructor<VerifiableCredentialsClient> =
  /* @__PURE__ */ resourceClient(verifiableCredentials, 'VerifiableCredentialsClient')

// Declared loosely: an inferred type would repeat every operation in the published declarations.
/** Every group table, by the name node-auth0 v7 gives its client (`users`, `clientGrants`, ...). */
export const GROUPS: Readonly<Record<string, OperationGroup>> = {
  actions,
  agents,
  anomaly,
  attackProtection,
  branding,
  clientGrants,
  clients,
  connectionProfiles,
  connections,
  customDomains,
  deviceCredentials,
  emailTemplates,
  emails,
  eventStreams,
  events,
  experimentation,
  flows,
  forms,
  groups,
  guardian,
  hooks,
  jobs,
  keys,
  logStreams,
  logs,
  networkAcls,
  organizations,
  prompts,
  rateLimitPolicies,
  refreshTokens,
  resourceServers,
  riskAssessments,
  roles,
  rules,
  rulesConfigs,
  selfServiceProfiles,
  sessions,
  stats,
  supplementalSignals,
  tenants,
  tickets,
  tokenExchangeProfiles,
  userAttributeProfiles,
  userBlocks,
  userGrants,
  users,
  verifiableCredentials,
}
