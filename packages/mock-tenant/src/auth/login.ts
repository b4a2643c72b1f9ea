// A database login by username (or email) and password: checked, recorded on the user, and logged.
import { addLog, type TenantContext } from '../context.js'
import { oauthError } from '../http.js'
import type { ClientRecord, UserRecord } from '../records.js'
import type { RouteRequest } from '../router/route.js'
import { userConnection } from '../state.js'
import { invalidGrant, sameSecret } from './common.js'

/** Finds a database user by email or username and checks the password. */
function checkPassword(
  ctx: TenantContext,
  realm: string,
  username: string,
  password: string,
): UserRecord | undefined {
  const wanted = username.toLowerCase()
  for (const user of ctx.state.users.values()) {
    if (userConnection(user) !== realm) continue
    if (user.email?.toLowerCase() !== wanted && user.username?.toLowerCase() !== wanted) continue
    const stored = ctx.state.passwords.get(user.user_id)
    return stored !== undefined && sameSecret(stored, password) ? user : undefined
  }
  return undefined
}

/** Records a successful login on the user and in the logs. */
export function recordLogin(
  ctx: TenantContext,
  user: UserRecord,
  client: ClientRecord,
  realm: string,
  req: RouteRequest,
): void {
  user.last_login = new Date(ctx.now()).toISOString()
  user.logins_count += 1
  const userName = user.email ?? user.phone_number
  addLog(ctx, {
    type: 's',
    description: 'Success Login',
    client_id: client.client_id,
    client_name: client.name,
    user_id: user.user_id,
    ...(userName === undefined ? {} : { user_name: userName }),
    connection: realm,
    ip: req.request.headers.get('auth0-forwarded-for') ?? '127.0.0.1',
  })
}

/** Logs a user in with a password. @throws HttpError 403 `invalid_grant` for a wrong password, 401 when blocked */
export function login(
  ctx: TenantContext,
  client: ClientRecord,
  realm: string,
  username: string,
  password: string,
  req: RouteRequest,
): UserRecord {
  const user = checkPassword(ctx, realm, username, password)
  if (!user) {
    addLog(ctx, {
      type: 'fp',
      description: 'Wrong email or password.',
      client_id: client.client_id,
      user_name: username,
      connection: realm,
    })
    throw invalidGrant('Wrong email or password.')
  }
  if (user.blocked === true) throw oauthError(401, 'unauthorized', 'user is blocked')
  recordLogin(ctx, user, client, realm, req)
  return user
}
