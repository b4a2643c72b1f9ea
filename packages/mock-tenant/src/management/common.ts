import type { TenantContext } from '../context.js'
import { badBody, isObject, notFound, type Handler, type Json, type Route } from '../http.js'
import { clone } from '../state.js'

/** Who called the Management API, from the verified bearer token. */
export interface ApiAuth {
  scopes: ReadonlySet<string>
  sub: string
}

export type ApiRoute = Route<ApiAuth>

/** One Management API route: the path is under `/api/v2`, and the listed scopes are all required. */
export function route(
  method: string,
  path: string,
  scopes: readonly string[],
  handle: Handler<ApiAuth>,
): ApiRoute {
  return { method, path: `/api/v2${path}`, scopes, handle }
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

export function getOr404(map: ReadonlyMap<string, Json>, id: string, missing: () => Error): Json {
  const found = map.get(id)
  if (!found) throw missing()
  return found
}

/** Rejects properties a resource does not have, like Auth0's payload validation. */
export function allowOnly(body: Json, allowed: readonly string[]): void {
  const extra = Object.keys(body).filter((k) => !allowed.includes(k))
  if (extra.length > 0) throw badBody(`Additional properties not allowed: ${extra.join(',')}`)
}

export function requireString(body: Json, key: string): string {
  const v = body[key]
  if (v === undefined) throw badBody(`Missing required property: ${key}`)
  if (typeof v !== 'string' || v === '')
    throw badBody(`Expected type string but found type ${typeOf(v)} on property ${key}`)
  return v
}

export function stringArray(body: Json, key: string): string[] {
  const v = body[key]
  if (v === undefined) throw badBody(`Missing required property: ${key}`)
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
    throw badBody(`Expected type array of strings but found type ${typeOf(v)} on property ${key}`)
  return v as string[]
}

export function typeOf(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v
}

/** Merges metadata the Management API way: one level deep, and a `null` removes the key. */
export function mergeMetadata(current: unknown, patch: unknown): Json {
  const out: Json = { ...(isObject(current) ? current : {}) }
  if (!isObject(patch)) return out
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]
    else out[k] = v
  }
  return out
}

/** Applies a PATCH body to a stored record. */
export function patch(record: Json, body: Json, mergeKeys: readonly string[] = []): Json {
  for (const [k, v] of Object.entries(body))
    record[k] = mergeKeys.includes(k) ? mergeMetadata(record[k], v) : clone(v)
  return record
}

export const isoNow = (ctx: TenantContext) => new Date(ctx.now()).toISOString()

/** The short user shape of member lists. */
export function memberView(user: Json): Json {
  return {
    user_id: user['user_id'],
    email: user['email'],
    picture: user['picture'],
    name: user['name'],
  }
}

/** The records of these ids that still exist. */
export function lookup(map: ReadonlyMap<string, Json>, ids: Iterable<string>): Json[] {
  return [...ids].flatMap((id): Json[] => {
    const found = map.get(id)
    return found ? [found] : []
  })
}
