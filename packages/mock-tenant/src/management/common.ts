import type { TenantContext } from '../context.js'
import { operations } from '../generated/operations.js'
import { notFound, type Json } from '../http.js'
import type { UserRecord } from '../records.js'
import type { Method } from '../router/route-table.js'
import type { ApiAuth, Handler, ProtectedRoute } from '../router/route.js'
import { normalize } from './plan.js'

export type { ApiAuth } from '../router/route.js'

const SCOPES = new Map(operations.map((op) => [`${op.method} ${normalize(op.path)}`, op.scopes]))

/**
 * One hand-written Management API route: the path is under `/api/v2`, and the token must hold any one of the scopes
 * the generated table lists for the operation, as every generated route does.
 *
 * @throws Error when the table has no such operation
 */
export function route(method: Method, path: string, handle: Handler<ApiAuth>): ProtectedRoute {
  const scopes = SCOPES.get(`${method} ${normalize(path)}`)
  if (scopes === undefined) throw new Error(`No operation ${method} ${path} in the generated table`)
  return { method, path: `/api/v2${path}`, bearer: { anyOf: scopes }, handle }
}

/** Each resource's 404, as Auth0 words it. */
export const NOT_FOUND = {
  user: () => notFound('The user does not exist.', 'inexistent_user'),
  connection: () => notFound('The connection does not exist', 'inexistent_connection'),
  client: () => notFound('The client does not exist', 'inexistent_client'),
  role: () => notFound('The role does not exist.', 'inexistent_role'),
  organization: () =>
    notFound('No organization found by that id or name', 'inexistent_organization'),
  log: () => notFound('log not found', 'inexistent_log'),
  enabledConnection: () => notFound('No connection found by that id', 'inexistent_connection'),
} as const

export function getOr404<T>(map: ReadonlyMap<string, T>, id: string, missing: () => Error): T {
  const found = map.get(id)
  if (found === undefined) throw missing()
  return found
}

export const isoNow = (ctx: TenantContext) => new Date(ctx.now()).toISOString()

/** The short user shape of member lists. */
export function memberView(user: UserRecord): Json {
  return { user_id: user.user_id, email: user.email, picture: user.picture, name: user.name }
}

/** The records of these ids that still exist. */
export function lookup<T>(map: ReadonlyMap<string, T>, ids: Iterable<string>): T[] {
  return [...ids].flatMap((id): T[] => {
    const found = map.get(id)
    return found === undefined ? [] : [found]
  })
}
