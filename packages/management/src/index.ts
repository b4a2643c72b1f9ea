export { Auth0, type Auth0Options, type Auth0Managers } from './auth0.js'
export { Manager, type ManagerOptions, type Method } from './manager.js'
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
