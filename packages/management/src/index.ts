export { Auth0, type Auth0Options, type Auth0Managers, type Auth0Base } from './auth0.js'
export { Manager, type ManagerOptions, type Method, type OptionsArg } from './manager.js'
export { Actions } from './resources/actions.js'
export { AttackProtection } from './resources/attack-protection.js'
export { Blacklists } from './resources/blacklists.js'
export { Branding } from './resources/branding.js'
export { ClientCredentials } from './resources/client-credentials.js'
export { ClientGrants } from './resources/client-grants.js'
export { Clients } from './resources/clients.js'
export { Connections } from './resources/connections.js'
export { CustomDomains } from './resources/custom-domains.js'
export { DeviceCredentials } from './resources/device-credentials.js'
export { EmailTemplates } from './resources/email-templates.js'
export { Emails } from './resources/emails.js'
export { Grants } from './resources/grants.js'
export { Guardian } from './resources/guardian.js'
export { Hooks } from './resources/hooks.js'
export { Jobs, JobFailedError, type WaitForJobOptions } from './resources/jobs.js'
export { LogStreams } from './resources/log-streams.js'
export { Logs } from './resources/logs.js'
export { NetworkAcls } from './resources/network-acls.js'
export { Organizations } from './resources/organizations.js'
export { Prompts } from './resources/prompts.js'
export { ResourceServers } from './resources/resource-servers.js'
export { Roles } from './resources/roles.js'
export { RulesConfigs } from './resources/rules-configs.js'
export { Rules } from './resources/rules.js'
export { SelfServiceProfiles } from './resources/self-service-profiles.js'
export { Stats } from './resources/stats.js'
export { Tenants } from './resources/tenants.js'
export { Tickets } from './resources/tickets.js'
export { UserBlocks } from './resources/user-blocks.js'
export { UsersByEmail } from './resources/users-by-email.js'
export { Users } from './resources/users.js'
export type * from './types.js'
// types.ts's `Page` (a list body with totals) is shadowed by the `Page` class below: it is exported by another name.
export type { Page as TotalsPage } from './types.js'
// ManagementClient: node-auth0 v7.1-compatible, over the generated declarations of every operation.
export {
  ManagementClient,
  type ManagementResources,
  type ManagementClientBase,
} from './client/management-client.js'
export type {
  ManagementClientOptions,
  ManagementClientBaseOptions,
  ManagementClientTokenOptions,
  ManagementClientCredentialsOptions,
} from './client/options.js'
export {
  ActionsClient,
  AgentsClient,
  AnomalyClient,
  AttackProtectionClient,
  BrandingClient,
  ClientGrantsClient,
  ClientsClient,
  ConnectionProfilesClient,
  ConnectionsClient,
  CustomDomainsClient,
  DeviceCredentialsClient,
  EmailTemplatesClient,
  EmailsClient,
  EventStreamsClient,
  EventsClient,
  ExperimentationClient,
  FlowsClient,
  FormsClient,
  GroupsClient,
  GuardianClient,
  HooksClient,
  JobsClient,
  KeysClient,
  LogStreamsClient,
  LogsClient,
  NetworkAclsClient,
  OrganizationsClient,
  PromptsClient,
  RateLimitPoliciesClient,
  RefreshTokensClient,
  ResourceServersClient,
  RiskAssessmentsClient,
  RolesClient,
  RulesClient,
  RulesConfigsClient,
  SelfServiceProfilesClient,
  SessionsClient,
  StatsClient,
  SupplementalSignalsClient,
  TenantsClient,
  TicketsClient,
  TokenExchangeProfilesClient,
  UserAttributeProfilesClient,
  UserBlocksClient,
  UserGrantsClient,
  UsersClient,
  VerifiableCredentialsClient,
} from './client/resources.js'
export type {
  Resource,
  Method as OperationMethod,
  RequestArgs as OperationRequestArgs,
  ResultOf as OperationResult,
  ResourceClientConstructor,
} from './client/resource.js'
export { ApiPromise, type RawResponse, type WithRawResponse } from './client/api-promise.js'
export { Page, PagePromise } from './client/page.js'
export { EventStream } from './client/event-stream.js'
export {
  CustomDomainHeader,
  withTimeout,
  withRetries,
  withHeaders,
  withAbortSignal,
  type ManagementRequestOptions,
  type HeaderValue,
} from './client/request-options.js'
export {
  ManagementError,
  ManagementTimeoutError,
  type ManagementErrorInit,
  type StatusErrorClass,
} from './client/errors.js'
export * as Management from './client/management-namespace.js'
export type {
  Operation,
  OperationSpec,
  ArgsOf,
  RequestOf,
  ResponseOf,
  ItemOf,
  RequestKind,
  ResponseKind,
  ListSpec,
  Paging,
  Upload,
} from './operation.js'
export {
  Auth0Error,
  RateLimitError,
  TimeoutError,
  NetworkError,
  isAuth0Error,
  isRateLimitError,
  isTimeoutError,
  isNetworkError,
  ListPromise,
  RestClient,
  createRateLimiter,
  type RateLimiter,
  type RequestOptions,
  type RestClientOptions,
  type TokenSource,
  type FileContent,
  type ToArrayOptions,
} from '@auth0-ts/core'
export { AbortError, isAbortError } from '@auth0-ts/core'
export { OptionsError, isOptionsError, type RequestHooks } from '@auth0-ts/core'
