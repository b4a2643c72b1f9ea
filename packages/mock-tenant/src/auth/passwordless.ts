// Passwordless: `/passwordless/start` sends (records) a one-time code; the OTP grant creates the user on first use.
import { randomBytes, randomInt } from 'node:crypto'
import { addLog, type TenantContext } from '../context.js'
import { json, oauthError } from '../http.js'
import type { UserRecord } from '../records.js'
import type { RouteRequest } from '../router/route.js'
import { nextId, userConnection } from '../state.js'
import { authenticateClient } from './client-auth.js'
import { required } from './common.js'

/** `POST /passwordless/start`: records a code for the email address or phone number; `lastOtp()` reads it. */
export async function passwordlessStart(ctx: TenantContext, req: RouteRequest): Promise<Response> {
  const client = await authenticateClient(ctx, req, true)
  const { body } = req
  const connection = required(body, 'connection')
  if (connection !== 'email' && connection !== 'sms')
    throw oauthError(400, 'bad.connection', 'Connection must be email or sms')
  const target = connection === 'sms' ? required(body, 'phone_number') : required(body, 'email')
  ctx.state.otps.set(target.toLowerCase(), {
    otp: String(randomInt(0, 1_000_000)).padStart(6, '0'),
    connection,
    clientId: client.client_id,
  })
  addLog(ctx, {
    type: connection === 'sms' ? 'cs' : 'cls',
    description: `Passwordless ${connection} sent`,
    client_id: client.client_id,
    user_name: target,
    connection,
  })
  const id = randomBytes(12).toString('hex')
  return connection === 'sms'
    ? json({ _id: id, phone_number: target, phone_verified: false, request_language: null })
    : json({ _id: id, email: target, email_verified: false })
}

/** The user behind a passwordless login, created on first use as Auth0 does. */
export function passwordlessUser(ctx: TenantContext, realm: string, username: string): UserRecord {
  const sms = realm === 'sms'
  const wanted = username.toLowerCase()
  const found = [...ctx.state.users.values()].find(
    (u) =>
      userConnection(u) === realm && (sms ? u.phone_number : u.email)?.toLowerCase() === wanted,
  )
  if (found) return found
  const id = nextId(ctx.state, '', 24)
  const now = new Date(ctx.now()).toISOString()
  const user: UserRecord = {
    user_id: `${realm}|${id}`,
    ...(sms
      ? { phone_number: username, phone_verified: true }
      : { email: username, email_verified: true }),
    name: username,
    nickname: username.split('@')[0] ?? username,
    picture: 'https://avatars.mock.test/passwordless.png',
    created_at: now,
    updated_at: now,
    logins_count: 0,
    identities: [{ connection: realm, provider: realm, user_id: id, isSocial: false }],
    app_metadata: {},
    user_metadata: {},
  }
  ctx.state.users.set(user.user_id, user)
  return user
}
