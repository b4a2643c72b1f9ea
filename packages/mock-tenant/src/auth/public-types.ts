// The Authentication API's public types, re-exported by the package's entry.
export type { AuthenticationControls, EnrolledMfa, MfaEnrollment } from './controls.js'
export type {
  AuthenticationOptions,
  AuthenticationSettings,
  MfaPolicy,
  RevocationTrust,
  TokenExchangeProfile,
} from './settings.js'
export type { OobChannel } from './store.js'
