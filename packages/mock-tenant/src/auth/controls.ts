// `tenant.authentication`: the Authentication API's settings and the test hooks that play the user (an authenticator
// app, a phone that approves a push, the person who types a device's user code).
import type { TenantContext } from '../context.js'
import { MockTenantOptionsError } from '../options.js'
import type { UserRecord } from '../records.js'
import { SEED_CREDENTIALS } from '../seed.js'
import { findUser } from './common.js'
import { answerUserCode } from './device.js'
import { rotateNonce } from './dpop.js'
import { revokeUser } from './global-token-revocation.js'
import { enroll, pendingChallenge, type MfaEnrollment } from './mfa.js'
import {
  authenticationProblems,
  authenticationSettings,
  type AuthenticationOptions,
  type AuthenticationSettings,
} from './settings.js'
import { authStore, setConfiguredSettings } from './store.js'
import { totp } from './totp.js'

export type { MfaEnrollment } from './mfa.js'

/** An authenticator enrolled by {@link AuthenticationControls.enrollMfa}. */
export interface EnrolledMfa {
  /** The authenticator's id, as `/mfa/authenticators` lists it. */
  id: string
  /** For `otp`: the base32 secret, for {@link AuthenticationControls.otp}. */
  secret?: string
  /** The user's recovery code, when this enrolment made it (the first one does). */
  recoveryCode?: string
}

/** The Authentication API's settings and test hooks, on every tenant as `tenant.authentication`. */
export interface AuthenticationControls {
  /** The settings in force: the tenant's `authentication` options with their defaults, then `configure()`. */
  readonly settings: AuthenticationSettings
  /**
   * Changes settings until the next `reset()`, which goes back to the tenant's options.
   *
   * @throws MockTenantOptionsError listing every problem
   */
  configure(options: AuthenticationOptions): void
  /**
   * Enrolls a confirmed authenticator for a user (id or email address), as if they had completed `/mfa/associate`.
   *
   * @throws Error for an unknown user
   */
  enrollMfa(user: string, enrollment: MfaEnrollment): EnrolledMfa
  /** The code an authenticator app shows now (by the tenant's clock) for a base32 TOTP secret. */
  otp(secret: string): string
  /** The binding code sent by SMS, voice or email for an out-of-band challenge. @throws Error for an unknown oob_code */
  bindingCode(oobCode: string): string | undefined
  /** Approves an out-of-band challenge, as the user would on their phone. @throws Error for an unknown oob_code */
  approveChallenge(oobCode: string): void
  /** Rejects an out-of-band challenge. @throws Error for an unknown oob_code */
  rejectChallenge(oobCode: string): void
  /**
   * Approves a device's user code, as a user who logged in at `/activate`. @default the seeded user
   *
   * @throws Error for an unknown, expired or answered user code, or an unknown user
   */
  approveUserCode(userCode: string, user?: string): void
  /** Denies a device's user code. @throws Error for an unknown, expired or answered user code */
  denyUserCode(userCode: string): void
  /** The session ids (`sid`) a user (id or email address) has: logins add them, logouts and revocations end them. */
  sessions(user: string): string[]
  /** The DPoP nonce in force (sent as `DPoP-Nonce` while nonces are required). */
  readonly dpopNonce: string
  /** Starts a new DPoP nonce; the one before stays good for one more round. */
  rotateDPoPNonce(): string
  /** Ends every session and refresh token of a user, as global token revocation does. */
  revokeUser(user: string): { sessions: number; refreshTokens: number }
}

function userOf(ctx: TenantContext, user: string): UserRecord {
  const found = findUser(ctx, user)
  if (!found) throw new Error('Unknown user: no user has this id or email address')
  return found
}

/** The controls of a tenant, whose reset starts from `options`. */
export function authenticationControls(
  ctx: TenantContext,
  options: AuthenticationSettings | undefined,
): AuthenticationControls {
  if (options) setConfiguredSettings(ctx, options)
  return {
    get settings() {
      return authStore(ctx).settings
    },
    configure(next) {
      const problems = authenticationProblems(next)
      if (problems.length > 0) throw new MockTenantOptionsError('authentication settings', problems)
      const store = authStore(ctx)
      store.settings = authenticationSettings(next, store.settings)
    },
    enrollMfa(user, enrollment) {
      const { authenticator, recoveryCode } = enroll(ctx, userOf(ctx, user), enrollment, true)
      return {
        id: authenticator.id,
        ...(authenticator.type === 'otp' ? { secret: authenticator.secret as string } : {}),
        ...(recoveryCode === undefined ? {} : { recoveryCode }),
      }
    },
    otp: (secret) => totp(secret, ctx.now()),
    bindingCode: (oobCode) => pendingChallenge(ctx, oobCode).bindingCode,
    approveChallenge(oobCode) {
      pendingChallenge(ctx, oobCode).status = 'approved'
    },
    rejectChallenge(oobCode) {
      pendingChallenge(ctx, oobCode).status = 'denied'
    },
    approveUserCode(userCode, user = SEED_CREDENTIALS.user.username) {
      answerUserCode(ctx, userCode, { approvedBy: userOf(ctx, user) })
    },
    denyUserCode: (userCode) => answerUserCode(ctx, userCode, 'denied'),
    sessions(user) {
      const { user_id } = userOf(ctx, user)
      return [...authStore(ctx).sessions]
        .filter(([, s]) => s.userId === user_id)
        .map(([sid]) => sid)
    },
    get dpopNonce() {
      return authStore(ctx).dpop.nonce
    },
    rotateDPoPNonce: () => rotateNonce(ctx),
    revokeUser: (user) => revokeUser(ctx, userOf(ctx, user).user_id),
  }
}
