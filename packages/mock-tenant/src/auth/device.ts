// The device authorization flow (RFC 8628): `/oauth/device/code`, the `device_code` grant, and `/activate`, where a
// user (or a test, through the tenant's hooks) approves or denies a user code.
import { randomInt } from 'node:crypto'
import type { TenantContext } from '../context.js'
import { HttpError, isObject, json, oauthError, str, text } from '../http.js'
import type { UserRecord } from '../records.js'
import type { RouteRequest } from '../router/route.js'
import { DATABASE_CONNECTION } from '../seed.js'
import { escapeHtml } from './authorize.js'
import { authenticateAnyClient, authenticateClient } from './client-auth.js'
import {
  assertGrantAllowed,
  findResourceServer,
  invalidGrant,
  required,
  token,
  type Grant,
} from './common.js'
import { DEVICE_CODE_GRANT } from './grant-types.js'
import { issueUserTokens } from './issue.js'
import { authStore, type DeviceRequest } from './store.js'
import { login } from './login.js'

const DEVICE_CODE_TTL_S = 900
const INTERVAL_S = 5
const SLOW_DOWN_S = 5
// Consonants only, as Auth0's user codes: no vowels (no words) and no look-alikes.
const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ'

const normalise = (userCode: string) => userCode.toUpperCase().replace(/[^A-Z]/g, '')

function newUserCode(): string {
  const letters = Array.from(
    { length: 8 },
    () => USER_CODE_ALPHABET[randomInt(USER_CODE_ALPHABET.length)],
  )
  return `${letters.slice(0, 4).join('')}-${letters.slice(4).join('')}`
}

/** `POST /oauth/device/code`: a device code to poll with and a user code to show (RFC 8628 §3.2). */
export async function deviceCode(ctx: TenantContext, req: RouteRequest): Promise<Response> {
  const client = await authenticateClient(ctx, req, true)
  assertGrantAllowed(client, DEVICE_CODE_GRANT)
  const audience = str(req.body, 'audience')
  if (audience !== undefined) findResourceServer(ctx, audience)
  const store = authStore(ctx)
  const code = token('mock-device-')
  const userCode = newUserCode()
  store.devices.set(code, {
    clientId: client.client_id,
    userCode,
    scope: str(req.body, 'scope') ?? 'openid',
    audience,
    expiresAt: ctx.now() + DEVICE_CODE_TTL_S * 1000,
    intervalS: INTERVAL_S,
    lastPollAt: undefined,
    status: 'pending',
    userId: undefined,
  })
  store.userCodes.set(normalise(userCode), code)
  const verificationUri = `${ctx.url}/activate`
  return json({
    device_code: code,
    user_code: userCode,
    verification_uri: verificationUri,
    verification_uri_complete: `${verificationUri}?user_code=${encodeURIComponent(userCode)}`,
    expires_in: DEVICE_CODE_TTL_S,
    interval: INTERVAL_S,
  })
}

/** The device request of a user code that can still be answered. @throws Error when there is none */
function deviceRequest(ctx: TenantContext, userCode: string): DeviceRequest {
  const code = authStore(ctx).userCodes.get(normalise(userCode))
  const found = code === undefined ? undefined : authStore(ctx).devices.get(code)
  if (!found || found.expiresAt <= ctx.now() || found.status !== 'pending')
    throw new Error('Unknown user code: no device is waiting for it')
  return found
}

export const DEVICE_GRANTS: Readonly<Record<string, Grant>> = {
  async [DEVICE_CODE_GRANT](ctx, req, jkt) {
    const client = await authenticateAnyClient(ctx, req)
    assertGrantAllowed(client, DEVICE_CODE_GRANT)
    const code = required(req.body, 'device_code')
    const store = authStore(ctx)
    const found = store.devices.get(code)
    if (!found || found.clientId !== client.client_id)
      throw invalidGrant('Invalid or unknown device code.')
    const now = ctx.now()
    if (found.expiresAt <= now)
      throw oauthError(403, 'expired_token', 'The device code has expired.')
    const tooSoon =
      found.lastPollAt !== undefined && now - found.lastPollAt < found.intervalS * 1000
    found.lastPollAt = now
    if (tooSoon) {
      found.intervalS += SLOW_DOWN_S
      throw oauthError(429, 'slow_down', 'You are polling faster than allowed; slow down.')
    }
    if (found.status === 'denied') {
      store.devices.delete(code)
      throw oauthError(403, 'access_denied', 'The user denied the authorization request.')
    }
    const user = found.userId === undefined ? undefined : ctx.state.users.get(found.userId)
    if (found.status === 'pending' || !user)
      throw oauthError(403, 'authorization_pending', 'User has yet to authorize device code.')
    store.devices.delete(code)
    store.userCodes.delete(normalise(found.userCode))
    return issueUserTokens(ctx, {
      client,
      user,
      scope: found.scope,
      audience: found.audience,
      authTime: Math.floor(now / 1000),
      issueRefresh: true,
      jkt,
    })
  },
}

/** Records the user's answer to a user code. @throws Error for an unknown user code */
export function answerUserCode(
  ctx: TenantContext,
  userCode: string,
  answer: { approvedBy: UserRecord } | 'denied',
): void {
  const found = deviceRequest(ctx, userCode)
  if (answer === 'denied') found.status = 'denied'
  else {
    found.status = 'approved'
    found.userId = answer.approvedBy.user_id
  }
}

function activatePage(userCode: string, message?: string, status = 200): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Mock Auth0 device activation</title></head>
<body>
  <h1>Activate your device</h1>
  ${message ? `<p role="alert">${escapeHtml(message)}</p>` : ''}
  <form method="post" action="/activate">
    <label>Code <input name="user_code" value="${escapeHtml(userCode)}" required></label>
    <label>Email or username <input name="username" autocomplete="username" required></label>
    <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
    <button type="submit" name="action" value="approve">Confirm</button>
    <button type="submit" name="action" value="deny" formnovalidate>Cancel</button>
  </form>
</body></html>`
  return text(html, status, 'text/html; charset=utf-8')
}

/** `GET /activate`: the page where a user types the code their device shows. */
export function activateForm(req: RouteRequest): Response {
  return activatePage(req.query.get('user_code') ?? '')
}

/** `POST /activate`: the user logs in and approves (or denies) the device. */
export function activate(ctx: TenantContext, req: RouteRequest): Response {
  const userCode = str(req.body, 'user_code') ?? ''
  let found: DeviceRequest
  try {
    found = deviceRequest(ctx, userCode)
  } catch {
    return activatePage(userCode, 'That code is not valid or has expired.', 400)
  }
  if (req.body['action'] === 'deny') {
    answerUserCode(ctx, userCode, 'denied')
    return text('Device denied. You can close this window.')
  }
  const client = ctx.state.clients.get(found.clientId)
  try {
    if (!client) throw invalidGrant('Unknown client')
    const realm = str(req.body, 'connection') ?? DATABASE_CONNECTION
    const user = login(
      ctx,
      client,
      realm,
      required(req.body, 'username'),
      required(req.body, 'password'),
      req,
    )
    answerUserCode(ctx, userCode, { approvedBy: user })
  } catch (e) {
    if (!(e instanceof HttpError) || !isObject(e.body)) throw e
    return activatePage(userCode, String(e.body['error_description']), 401)
  }
  return text('Device approved. You can close this window and return to your device.')
}
