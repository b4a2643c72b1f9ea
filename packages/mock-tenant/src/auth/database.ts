// Database connections: `/dbconnections/signup` and `/dbconnections/change_password`, with their own error shape.
import { addLog, type TenantContext } from '../context.js'
import { HttpError, isObject, json, str, text, type Json } from '../http.js'
import type { ConnectionRecord, UserRecord } from '../records.js'
import { nextId, userConnection } from '../state.js'

/** The error shape of /dbconnections. */
const dbError = (code: string, description: string, name = 'BadRequestError') =>
  new HttpError(400, { name, code, description, statusCode: 400 })

const WEAK_PASSWORD = new HttpError(400, {
  name: 'PasswordStrengthError',
  message: 'Password is too weak',
  code: 'invalid_password',
  statusCode: 400,
  description: {
    rules: [
      {
        message: 'At least %d characters in length',
        format: [8],
        code: 'lengthAtLeast',
        verified: false,
      },
    ],
    verified: false,
  },
  policy: '* At least 8 characters in length',
})

/** The database connection a request names, enabled for its client. */
function databaseConnection(
  ctx: TenantContext,
  clientId: string | undefined,
  name: string | undefined,
): ConnectionRecord {
  if (clientId === undefined || !ctx.state.clients.has(clientId))
    throw dbError('invalid_request', 'The client_id is missing or invalid')
  if (name === undefined) throw dbError('invalid_request', 'The connection is missing')
  const connection = [...ctx.state.connections.values()].find((c) => c.name === name)
  if (!connection || connection.strategy !== 'auth0')
    throw dbError('bad.connection', 'Connection does not exist')
  if (!connection.enabled_clients.includes(clientId))
    throw dbError('bad.connection', 'Connection is disabled for this client')
  return connection
}

/** Profile fields a signup may set, as strings. */
const SIGNUP_FIELDS = [
  'username',
  'given_name',
  'family_name',
  'name',
  'nickname',
  'picture',
] as const

function signupProfile(body: Json): Partial<Pick<UserRecord, (typeof SIGNUP_FIELDS)[number]>> {
  const out: Partial<Pick<UserRecord, (typeof SIGNUP_FIELDS)[number]>> = {}
  for (const key of SIGNUP_FIELDS) {
    const v = str(body, key)
    if (v !== undefined) out[key] = v
  }
  return out
}

/** `POST /dbconnections/signup`: a new database user who can log in at once. */
export function signup(ctx: TenantContext, body: Json): Response {
  const clientId = str(body, 'client_id')
  const connection = databaseConnection(ctx, clientId, str(body, 'connection'))
  const email = str(body, 'email')
  const password = str(body, 'password')
  if (email === undefined || password === undefined)
    throw dbError('invalid_signup', 'Missing email or password')
  if (password.length < 8) throw WEAK_PASSWORD
  const realm = connection.name
  const taken = [...ctx.state.users.values()].some(
    (u) => userConnection(u) === realm && u.email?.toLowerCase() === email.toLowerCase(),
  )
  if (taken) throw dbError('invalid_signup', 'Invalid sign up')
  const id = nextId(ctx.state, '', 24)
  const now = new Date(ctx.now()).toISOString()
  const profile = signupProfile(body)
  const metadata = isObject(body['user_metadata']) ? body['user_metadata'] : undefined
  const user: UserRecord = {
    user_id: `auth0|${id}`,
    email,
    email_verified: false,
    name: email,
    nickname: email.split('@')[0] ?? email,
    picture: 'https://avatars.mock.test/signup.png',
    ...profile,
    created_at: now,
    updated_at: now,
    logins_count: 0,
    identities: [{ connection: realm, provider: 'auth0', user_id: id, isSocial: false }],
    app_metadata: {},
    user_metadata: metadata ?? {},
  }
  ctx.state.users.set(user.user_id, user)
  ctx.state.passwords.set(user.user_id, password)
  addLog(ctx, {
    type: 'ss',
    description: 'Success Signup',
    client_id: clientId as string,
    user_id: user.user_id,
    user_name: email,
    connection: realm,
  })
  return json({
    _id: id,
    email_verified: false,
    email,
    ...profile,
    ...(metadata === undefined ? {} : { user_metadata: metadata }),
  })
}

/** `POST /dbconnections/change_password`: logs the request and answers with Auth0's sentence. */
export function changePassword(ctx: TenantContext, body: Json): Response {
  const clientId = str(body, 'client_id')
  const connection = databaseConnection(ctx, clientId, str(body, 'connection'))
  const email = str(body, 'email')
  if (email === undefined) throw dbError('invalid_request', 'Missing email')
  addLog(ctx, {
    type: 'scpr',
    description: 'Success Change Password Request',
    client_id: clientId as string,
    user_name: email,
    connection: connection.name,
  })
  return text("We've just sent you an email to reset your password.")
}
