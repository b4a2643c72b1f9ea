// The MFA API: `mfa_required` on a password login, `/mfa/challenge`, `/mfa/associate`, `/mfa/authenticators`, and the
// grants that complete the login (`mfa-otp`, `mfa-oob`, `mfa-recovery-code`).
import { randomBytes, randomInt } from 'node:crypto'
import * as z from 'zod/mini'
import type { TenantContext } from '../context.js'
import { HttpError, empty, json, oauthError, type Json } from '../http.js'
import type { ClientRecord, UserRecord } from '../records.js'
import type { RouteRequest } from '../router/route.js'
import { authenticateAnyClient } from './client-auth.js'
import {
  assertGrantAllowed,
  bearerToken,
  parseBody,
  required,
  sameSecret,
  token,
  type Grant,
} from './common.js'
import { MFA_OOB_GRANT, MFA_OTP_GRANT, MFA_RECOVERY_CODE_GRANT } from './grant-types.js'
import { issueUserTokens } from './issue.js'
import {
  authStore,
  type Authenticator,
  type MfaTransaction,
  type OobChallenge,
  type OobChannel,
} from './store.js'
import { checkTotp, newTotpSecret } from './totp.js'

const MFA_TOKEN_TTL_MS = 600_000
const CHALLENGE_TTL_MS = 300_000
const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
const OOB_CHANNELS = ['sms', 'voice', 'email', 'auth0'] as const
const ID_PREFIX: Readonly<Record<OobChannel | 'otp' | 'recovery-code', string>> = {
  otp: 'totp',
  sms: 'sms',
  voice: 'voice',
  email: 'email',
  auth0: 'push',
  'recovery-code': 'recovery-code',
}

/** What to enroll: an authenticator app, or an out-of-band channel. */
export type MfaEnrollment =
  { type: 'otp' } | { type: 'oob'; channel: OobChannel; phoneNumber?: string | undefined }

/** An enrolment just made: the authenticator, its TOTP secret, and the user's recovery code when it is new. */
export interface Enrolled {
  authenticator: Authenticator
  recoveryCode: string | undefined
}

const recoveryCode = () =>
  Array.from({ length: 24 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('')

const mask = (value: string) =>
  `${value.slice(0, 2)}${'*'.repeat(Math.max(0, value.length - 6))}${value.slice(-4)}`

function authenticatorsOf(ctx: TenantContext, userId: string): Authenticator[] {
  return [...authStore(ctx).authenticators.values()].filter((a) => a.userId === userId)
}

/** Whether a user has a confirmed authenticator (a recovery code alone does not count). */
function isEnrolled(ctx: TenantContext, userId: string): boolean {
  return authenticatorsOf(ctx, userId).some((a) => a.active && a.type !== 'recovery-code')
}

/** Adds an authenticator for a user, and a recovery code when the user has none; `active` skips the confirmation. */
export function enroll(
  ctx: TenantContext,
  user: UserRecord,
  enrollment: MfaEnrollment,
  active: boolean,
): Enrolled {
  const { authenticators } = authStore(ctx)
  const kind = enrollment.type === 'otp' ? 'otp' : enrollment.channel
  const id = `${ID_PREFIX[kind]}|dev_${randomBytes(12).toString('base64url')}`
  const name =
    enrollment.type === 'otp'
      ? 'Authenticator app'
      : enrollment.channel === 'auth0'
        ? 'Auth0 Guardian'
        : enrollment.channel === 'email'
          ? mask(user.email ?? user.user_id)
          : mask(enrollment.phoneNumber ?? '')
  const authenticator: Authenticator = {
    id,
    userId: user.user_id,
    type: enrollment.type,
    ...(enrollment.type === 'oob' ? { channel: enrollment.channel } : { secret: newTotpSecret() }),
    name,
    active,
  }
  authenticators.set(id, authenticator)
  let code: string | undefined
  const existing = authenticatorsOf(ctx, user.user_id).find((a) => a.type === 'recovery-code')
  if (!existing) {
    code = recoveryCode()
    const recoveryId = `recovery-code|dev_${randomBytes(12).toString('base64url')}`
    authenticators.set(recoveryId, {
      id: recoveryId,
      userId: user.user_id,
      type: 'recovery-code',
      secret: code,
      name: 'Recovery code',
      active,
    })
  } else if (active) existing.active = true
  return { authenticator, recoveryCode: code }
}

/** Confirms an authenticator with its first successful use; the user's recovery code becomes usable with it. */
function activate(ctx: TenantContext, authenticator: Authenticator): void {
  authenticator.active = true
  for (const a of authenticatorsOf(ctx, authenticator.userId))
    if (a.type === 'recovery-code') a.active = true
}

/** Starts an out-of-band challenge of an authenticator: a binding code for SMS, voice and email, none for push. */
function startChallenge(ctx: TenantContext, mfaToken: string, authenticator: Authenticator) {
  const oobCode = token('mock-oob-')
  const prompt = authenticator.channel !== 'auth0'
  const challenge: OobChallenge = {
    mfaToken,
    authenticatorId: authenticator.id,
    bindingCode: prompt ? String(randomInt(0, 1_000_000)).padStart(6, '0') : undefined,
    status: 'pending',
    expiresAt: ctx.now() + CHALLENGE_TTL_MS,
  }
  authStore(ctx).challenges.set(oobCode, challenge)
  return { oob_code: oobCode, ...(prompt ? { binding_method: 'prompt' } : {}) }
}

/**
 * Pauses a password login that needs MFA: a 403 `mfa_required` with the `mfa_token` that the MFA API and grants take.
 *
 * @throws HttpError 403 `mfa_required` when the tenant's policy asks this user for MFA
 */
export function requireMfa(
  ctx: TenantContext,
  client: ClientRecord,
  user: UserRecord,
  login: Pick<MfaTransaction, 'scope' | 'audience' | 'authTime'>,
): void {
  const policy = authStore(ctx).settings.mfa
  if (policy === 'never' || (policy === 'enrolled' && !isEnrolled(ctx, user.user_id))) return
  const mfaToken = token('mock-mfa-')
  authStore(ctx).mfaTokens.set(mfaToken, {
    ...login,
    clientId: client.client_id,
    userId: user.user_id,
    expiresAt: ctx.now() + MFA_TOKEN_TTL_MS,
  })
  throw new HttpError(403, {
    error: 'mfa_required',
    error_description: 'Multifactor authentication required',
    mfa_token: mfaToken,
  })
}

/** The login an MFA token stands for, checked for the client. */
function transaction(
  ctx: TenantContext,
  mfaToken: string,
  clientId: string | undefined,
): MfaTransaction {
  const tx = authStore(ctx).mfaTokens.get(mfaToken)
  if (!tx || (clientId !== undefined && tx.clientId !== clientId))
    throw oauthError(403, 'invalid_grant', 'Malformed mfa_token')
  if (tx.expiresAt <= ctx.now()) throw oauthError(403, 'expired_token', 'mfa_token is expired')
  return tx
}

/** The answer to a bearer call without a usable MFA token. */
function invalidToken(description: string): Response {
  return json({ error: 'invalid_token', error_description: description }, 401, {
    'www-authenticate': `Bearer error="invalid_token", error_description="${description}"`,
  })
}

/** The MFA token of a bearer call, or the 401 to answer. */
function bearerTransaction(
  ctx: TenantContext,
  req: RouteRequest,
): { mfaToken: string; tx: MfaTransaction } | Response {
  const mfaToken = bearerToken(req.request)
  if (mfaToken === undefined) return invalidToken('Missing authentication')
  const tx = authStore(ctx).mfaTokens.get(mfaToken)
  if (!tx) return invalidToken('Invalid token')
  if (tx.expiresAt <= ctx.now()) return invalidToken('Expired token')
  return { mfaToken, tx }
}

/** `POST /mfa/challenge`: challenges one of the user's authenticators (client authentication required). */
export async function challenge(ctx: TenantContext, req: RouteRequest): Promise<Response> {
  const client = await authenticateAnyClient(ctx, req)
  const mfaToken = required(req.body, 'mfa_token')
  const tx = transaction(ctx, mfaToken, client.client_id)
  const types = String(req.body['challenge_type'] ?? 'otp oob')
    .split(/\s+/)
    .filter(Boolean)
  if (types.length === 0 || types.some((t) => t !== 'otp' && t !== 'oob'))
    throw oauthError(400, 'unsupported_challenge_type', 'challenge_type must be otp, oob or both')
  const wantedId = req.body['authenticator_id']
  const channel = req.body['oob_channel']
  const active = authenticatorsOf(ctx, tx.userId).filter(
    (a) => a.active && a.type !== 'recovery-code',
  )
  if (active.length === 0)
    throw oauthError(400, 'unsupported_challenge_type', 'User is not enrolled.')
  if (wantedId !== undefined && !active.some((a) => a.id === wantedId))
    throw oauthError(
      400,
      'invalid_request',
      'The authenticator_id is not an authenticator of the user',
    )
  const chosen = active.find(
    (a) =>
      (wantedId === undefined || a.id === wantedId) &&
      types.includes(a.type) &&
      (channel === undefined || a.channel === channel),
  )
  if (!chosen)
    throw oauthError(
      400,
      'unsupported_challenge_type',
      'The user has no authenticator for this challenge_type and oob_channel',
    )
  if (chosen.type === 'otp') return json({ challenge_type: 'otp' })
  return json({ challenge_type: 'oob', ...startChallenge(ctx, mfaToken, chosen) })
}

const associateSchema = z.object({
  authenticator_types: z
    .array(z.enum(['otp', 'oob'], 'expected otp or oob'), 'expected an array')
    .check(z.minLength(1, 'expected at least one type')),
  oob_channels: z.optional(
    z
      .array(z.enum(OOB_CHANNELS, 'expected sms, voice, email or auth0'), 'expected an array')
      .check(z.minLength(1, 'expected at least one channel')),
  ),
  phone_number: z.optional(
    z
      .string('expected a phone number')
      .check(z.regex(/^\+[1-9]\d{6,14}$/, 'expected an E.164 phone number, such as +14155550100')),
  ),
})

/** `POST /mfa/associate`: starts enrolling an authenticator, with an MFA token; the first grant with it confirms it. */
export async function associate(ctx: TenantContext, req: RouteRequest): Promise<Response> {
  const found = bearerTransaction(ctx, req)
  if (found instanceof Response) return found
  const { mfaToken, tx } = found
  if (req.body['client_id'] !== undefined) {
    const client = await authenticateAnyClient(ctx, req)
    if (client.client_id !== tx.clientId)
      return invalidToken('The token was issued to another client')
  }
  const body = parseBody(associateSchema, req.body)
  const user = ctx.state.users.get(tx.userId)
  if (!user) return invalidToken('Invalid token')
  let enrollment: MfaEnrollment
  if (body.authenticator_types.includes('otp')) enrollment = { type: 'otp' }
  else {
    const channel = body.oob_channels?.[0]
    if (channel === undefined)
      throw oauthError(400, 'invalid_request', 'oob_channels: expected a channel for oob')
    if ((channel === 'sms' || channel === 'voice') && body.phone_number === undefined)
      throw oauthError(
        400,
        'invalid_request',
        'phone_number: expected a phone number for sms and voice',
      )
    enrollment = { type: 'oob', channel, phoneNumber: body.phone_number }
  }
  const { authenticator, recoveryCode: code } = enroll(ctx, user, enrollment, false)
  const recovery = code === undefined ? {} : { recovery_codes: [code] }
  const label = encodeURIComponent(`${ctx.domain}:${user.email ?? user.user_id}`)
  if (authenticator.type === 'otp') {
    const secret = authenticator.secret as string
    return json({
      authenticator_type: 'otp',
      secret,
      barcode_uri: `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(ctx.domain)}&algorithm=SHA1&digits=6&period=30`,
      ...recovery,
    })
  }
  const started = startChallenge(ctx, mfaToken, authenticator)
  return json({
    authenticator_type: 'oob',
    oob_channel: authenticator.channel,
    ...started,
    ...(authenticator.channel === 'auth0'
      ? {
          barcode_uri: `otpauth://totp/${label}?enrollment_tx_id=${randomBytes(12).toString('base64url')}&base_url=${encodeURIComponent(ctx.url)}`,
        }
      : {}),
    ...recovery,
  })
}

/** `GET /mfa/authenticators`: the user's authenticators, confirmed or not. */
export function listAuthenticators(ctx: TenantContext, req: RouteRequest): Response {
  const found = bearerTransaction(ctx, req)
  if (found instanceof Response) return found
  return json(
    authenticatorsOf(ctx, found.tx.userId).map((a) => ({
      id: a.id,
      authenticator_type: a.type,
      active: a.active,
      ...(a.channel === undefined ? {} : { oob_channel: a.channel }),
      name: a.name,
    })),
  )
}

/** `DELETE /mfa/authenticators/{id}`: 204, or 404 for an id that is not one of the user's authenticators. */
export function deleteAuthenticator(ctx: TenantContext, req: RouteRequest): Response {
  const found = bearerTransaction(ctx, req)
  if (found instanceof Response) return found
  const { authenticators } = authStore(ctx)
  const authenticator = authenticators.get(req.params['id'] as string)
  if (!authenticator || authenticator.userId !== found.tx.userId)
    return json({ error: 'not_found', error_description: 'Authenticator not found' }, 404)
  authenticators.delete(authenticator.id)
  return empty(204)
}

/** The client and the paused login of an MFA grant. */
async function mfaGrant(ctx: TenantContext, req: RouteRequest, grant: string) {
  const client = await authenticateAnyClient(ctx, req)
  assertGrantAllowed(client, grant)
  const mfaToken = required(req.body, 'mfa_token')
  return { client, mfaToken, tx: transaction(ctx, mfaToken, client.client_id) }
}

/** Ends the paused login: the MFA token is spent, and the tokens say `amr: ['mfa']`. */
function complete(
  ctx: TenantContext,
  client: ClientRecord,
  mfaToken: string,
  tx: MfaTransaction,
  jkt: string | undefined,
): Promise<Json> {
  const store = authStore(ctx)
  store.mfaTokens.delete(mfaToken)
  for (const [code, c] of store.challenges)
    if (c.mfaToken === mfaToken) store.challenges.delete(code)
  const user = ctx.state.users.get(tx.userId)
  if (!user) throw oauthError(403, 'invalid_grant', 'Malformed mfa_token')
  return issueUserTokens(ctx, {
    client,
    user,
    scope: tx.scope,
    audience: tx.audience,
    authTime: tx.authTime,
    issueRefresh: true,
    amr: ['mfa'],
    jkt,
  })
}

export const MFA_GRANTS: Readonly<Record<string, Grant>> = {
  async [MFA_OTP_GRANT](ctx, req, jkt) {
    const { client, mfaToken, tx } = await mfaGrant(ctx, req, MFA_OTP_GRANT)
    const otp = required(req.body, 'otp')
    const now = ctx.now()
    const match = authenticatorsOf(ctx, tx.userId).find(
      (a) => a.type === 'otp' && a.secret !== undefined && checkTotp(a.secret, otp, now),
    )
    if (!match) throw oauthError(403, 'invalid_grant', 'Invalid otp_code.')
    activate(ctx, match)
    return complete(ctx, client, mfaToken, tx, jkt)
  },

  async [MFA_OOB_GRANT](ctx, req, jkt) {
    const { client, mfaToken, tx } = await mfaGrant(ctx, req, MFA_OOB_GRANT)
    const oobCode = required(req.body, 'oob_code')
    const found = authStore(ctx).challenges.get(oobCode)
    const authenticator =
      found === undefined ? undefined : authStore(ctx).authenticators.get(found.authenticatorId)
    if (!found || !authenticator || found.mfaToken !== mfaToken || found.expiresAt <= ctx.now())
      throw oauthError(403, 'invalid_grant', 'Invalid oob_code.')
    const bindingCode = req.body['binding_code']
    if (typeof bindingCode === 'string' && found.bindingCode !== undefined) {
      if (!sameSecret(bindingCode, found.bindingCode))
        throw oauthError(403, 'invalid_grant', 'Invalid binding_code.')
      found.status = 'approved'
    }
    if (found.status === 'denied')
      throw oauthError(403, 'access_denied', 'The user rejected the challenge.')
    if (found.status === 'pending')
      throw oauthError(
        403,
        'authorization_pending',
        'Authorization pending: please repeat the request in a few seconds.',
      )
    activate(ctx, authenticator)
    return complete(ctx, client, mfaToken, tx, jkt)
  },

  async [MFA_RECOVERY_CODE_GRANT](ctx, req, jkt) {
    const { client, mfaToken, tx } = await mfaGrant(ctx, req, MFA_RECOVERY_CODE_GRANT)
    const code = required(req.body, 'recovery_code')
    const recovery = authenticatorsOf(ctx, tx.userId).find(
      (a) => a.type === 'recovery-code' && a.active && sameSecret(a.secret ?? '', code),
    )
    if (!recovery) throw oauthError(403, 'invalid_grant', 'Invalid recovery_code.')
    recovery.secret = recoveryCode()
    return { ...(await complete(ctx, client, mfaToken, tx, jkt)), recovery_code: recovery.secret }
  },
}

/** A pending out-of-band challenge, for the tenant's test hooks. @throws Error for an unknown oob_code */
export function pendingChallenge(ctx: TenantContext, oobCode: string): OobChallenge {
  const found = authStore(ctx).challenges.get(oobCode)
  if (!found) throw new Error('Unknown oob_code: no challenge is waiting for it')
  return found
}
