// Shared pieces of the Authentication API: its error shapes, token lifetimes and lookups.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import * as z from 'zod/mini'
import type { TenantContext } from '../context.js'
import { HttpError, oauthError, str, type Json } from '../http.js'
import type {
  ClientRecord,
  OrganizationRecord,
  ResourceServerRecord,
  UserRecord,
} from '../records.js'
import type { RouteRequest } from '../router/route.js'

export const ACCESS_TOKEN_TTL = 86_400
export const ID_TOKEN_TTL = 36_000
export const CODE_TTL_MS = 600_000
export const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
export const PAR_PREFIX = 'urn:ietf:params:oauth:request_uri:'
export const PAR_TTL_S = 30
export const CIBA_TTL_S = 300
export const unauthorized = () => oauthError(401, 'access_denied', 'Unauthorized')
export const invalidGrant = (description: string) => oauthError(403, 'invalid_grant', description)
export const missing = (name: string) =>
  oauthError(400, 'invalid_request', `Missing required parameter: ${name}`)
export const token = (prefix: string) => `${prefix}${randomBytes(24).toString('base64url')}`

/** A grant of `/oauth/token`; `jkt` is the thumbprint of the DPoP key its access token is bound to, if any. */
export type Grant = (
  ctx: TenantContext,
  req: RouteRequest,
  jkt: string | undefined,
) => Promise<Json>

/**
 * A body checked by a zod/mini schema whose messages read `field: expected ...`.
 *
 * @throws HttpError 400 with `error` (default `invalid_request`) and the first problem
 */
export function parseBody<T>(
  schema: z.ZodMiniType<T>,
  body: unknown,
  error: (path: string) => string = () => 'invalid_request',
): T {
  const result = z.safeParse(schema, body)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const path = issue?.path.map(String).join('.') ?? ''
  throw new HttpError(400, {
    error: error(path),
    error_description: `${path || 'body'}: ${issue?.message ?? 'invalid'}`,
  })
}

/** The token of an `Authorization: Bearer` header, if any. */
export function bearerToken(request: Request): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1]
}

/** A user by id or email address (case-insensitive). */
export function findUser(ctx: TenantContext, idOrEmail: string): UserRecord | undefined {
  const byId = ctx.state.users.get(idOrEmail)
  if (byId) return byId
  const wanted = idOrEmail.toLowerCase()
  for (const user of ctx.state.users.values()) if (user.email?.toLowerCase() === wanted) return user
  return undefined
}

export function required(body: Json, name: string): string {
  const v = str(body, name)
  if (v === undefined) throw missing(name)
  return v
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

export function assertGrantAllowed(client: ClientRecord, grant: string): void {
  if (!client.grant_types.includes(grant))
    throw oauthError(
      403,
      'unauthorized_client',
      `Grant type '${grant}' not allowed for the client.`,
    )
}

export const scopesOf = (scope: string | undefined) => (scope ?? '').split(/\s+/).filter(Boolean)

export function findResourceServer(ctx: TenantContext, audience: string): ResourceServerRecord {
  const rs = ctx.state.resourceServers.get(audience)
  if (!rs) throw oauthError(403, 'access_denied', `Service not found: ${audience}`)
  return rs
}

export function resolveOrganization(
  ctx: TenantContext,
  organization: string | undefined,
): OrganizationRecord | undefined {
  if (organization === undefined) return undefined
  const org =
    ctx.state.organizations.get(organization) ??
    [...ctx.state.organizations.values()].find((o) => o.name === organization)
  if (!org) throw oauthError(400, 'invalid_request', `Organization ${organization} does not exist`)
  return org
}

/** The listed fields of a record that are set. */
export function pick<T extends Json>(record: T, keys: readonly (keyof T & string)[]): Partial<T> {
  const out: Partial<T> = {}
  for (const k of keys) if (record[k] !== undefined) out[k] = record[k]
  return out
}
