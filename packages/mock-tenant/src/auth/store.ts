// What the Authentication API keeps beside the tenant's state: MFA, device codes, sessions, DPoP nonces and replays.
// It hangs off the state object, so `reset()` (which replaces the state) starts it afresh, settings included.
import { randomBytes } from 'node:crypto'
import type { TenantContext } from '../context.js'
import type { State } from '../state.js'
import { DEFAULT_AUTHENTICATION_SETTINGS, type AuthenticationSettings } from './settings.js'

/** The login an `mfa_required` error paused, until an MFA grant completes it. */
export interface MfaTransaction {
  clientId: string
  userId: string
  scope: string
  audience: string | undefined
  authTime: number
  expiresAt: number
}

/**
 * How an out-of-band MFA authenticator reaches the user: a text message, a voice call, an email, or a push to the
 * Auth0 Guardian app (`auth0`), as `oob_channels` names them.
 *
 * @example
 * ```ts
 * const channel: OobChannel = 'sms'
 * ```
 */
export type OobChannel = 'sms' | 'voice' | 'email' | 'auth0'

/** An MFA authenticator of a user; a recovery code is one too. Inactive until its first successful use. */
export interface Authenticator {
  id: string
  userId: string
  type: 'otp' | 'oob' | 'recovery-code'
  channel?: OobChannel
  /** The base32 TOTP secret, or the recovery code. */
  secret?: string
  name: string
  active: boolean
}

/** An out-of-band challenge (or enrolment): approved by the user, or by the binding code they received. */
export interface OobChallenge {
  mfaToken: string
  authenticatorId: string
  bindingCode: string | undefined
  status: 'pending' | 'approved' | 'denied'
  expiresAt: number
}

/** A device authorization request (RFC 8628), by device code. */
export interface DeviceRequest {
  clientId: string
  userCode: string
  scope: string
  audience: string | undefined
  expiresAt: number
  intervalS: number
  lastPollAt: number | undefined
  status: 'pending' | 'approved' | 'denied'
  userId: string | undefined
}

/** A login session, named by the `sid` of its ID tokens. */
export interface Session {
  userId: string
  clientId: string
}

/** What an authorization code carries besides the tenant's own code record. */
export interface CodeExtras {
  acr: string | undefined
  dpopJkt: string | undefined
}

/** What a refresh token carries besides the tenant's own grant record. */
export interface RefreshExtras {
  sid: string | undefined
  /** The DPoP key a public client's refresh token is bound to. */
  jkt: string | undefined
}

export interface AuthStore {
  settings: AuthenticationSettings
  mfaTokens: Map<string, MfaTransaction>
  /** By authenticator id. */
  authenticators: Map<string, Authenticator>
  /** By oob_code. */
  challenges: Map<string, OobChallenge>
  /** By device code. */
  devices: Map<string, DeviceRequest>
  /** User code (normalised) to device code. */
  userCodes: Map<string, string>
  /** By sid. */
  sessions: Map<string, Session>
  /** By authorization code. */
  codes: Map<string, CodeExtras>
  /** By refresh token. */
  refreshTokens: Map<string, RefreshExtras>
  dpop: {
    nonce: string
    previousNonce: string | undefined
    /** `jkt jti` of every proof seen, with when it may be forgotten (epoch ms). */
    seen: Map<string, number>
  }
}

const stores = new WeakMap<State, AuthStore>()
const configured = new WeakMap<TenantContext, AuthenticationSettings>()

export const newNonce = () => randomBytes(16).toString('base64url')

/** The Authentication API's store for the tenant's current state. */
export function authStore(ctx: TenantContext): AuthStore {
  let store = stores.get(ctx.state)
  if (!store) {
    store = {
      settings: configured.get(ctx) ?? DEFAULT_AUTHENTICATION_SETTINGS,
      mfaTokens: new Map(),
      authenticators: new Map(),
      challenges: new Map(),
      devices: new Map(),
      userCodes: new Map(),
      sessions: new Map(),
      codes: new Map(),
      refreshTokens: new Map(),
      dpop: { nonce: newNonce(), previousNonce: undefined, seen: new Map() },
    }
    stores.set(ctx.state, store)
  }
  return store
}

/** The settings the tenant was created with: what every reset starts from. */
export function setConfiguredSettings(ctx: TenantContext, settings: AuthenticationSettings): void {
  configured.set(ctx, settings)
}
