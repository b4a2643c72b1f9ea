// The main entry: the emulator in process and over HTTP. It needs no msw; `@auth0-ts/mock-tenant/msw` adds handlers.
export {
  createMockTenant,
  type MockTenant,
  type MockTenantOptions,
  type MockTenantInfo,
  type MockTenantClients,
  type MockTenantUser,
  type RateLimitConfig,
  type SeedOptions,
} from './tenant.js'
export { startMockTenant, type StartMockTenantOptions, type RunningMockTenant } from './server.js'
export { MockTenantOptionsError } from './options.js'
export { MANAGEMENT_SCOPES } from './seed.js'
// The facts the emulator serves the Management API from: each operation's route, scopes, checks and shapes.
export {
  operations as MANAGEMENT_OPERATIONS,
  shapes as MANAGEMENT_SHAPES,
  type OperationEntry as ManagementOperation,
  type BodyCheck,
  type FieldCheck,
  type JsonType,
  type QueryCheck,
  type ResponseSpec,
  type ScopeInference,
  type Shape,
  type ShapeRef,
} from './generated/operations.js'
export type {
  AuthenticationControls,
  AuthenticationOptions,
  AuthenticationSettings,
  EnrolledMfa,
  MfaEnrollment,
  MfaPolicy,
  OobChannel,
  RevocationTrust,
  TokenExchangeProfile,
} from './auth/public-types.js'
