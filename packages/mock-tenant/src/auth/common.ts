// Shared pieces of the Authentication API: its error shapes, token lifetimes and lookups.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { TenantContext } from '../context.js'
import { oauthError, str, type Json } from '../http.js'
import type { ClientRecord, OrganizationRecord, ResourceServerRecord } from '../records.js'

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
