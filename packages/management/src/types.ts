// The Management API's main entities under the names this package has always exported: each is the definition's own
// type (generated/types.ts), described once. Fields stay in the API's wire shape (snake_case).
import type * as Def from './generated/types.js'

/** A JSON object as sent or received: a request body, or a response this package has no entity type for. */
export type Body = { [key: string]: unknown }

export type {
  Client,
  Log,
  Organization,
  ResourceServer,
  Role,
  UserIdentity,
} from './generated/types.js'

/** A user (`/api/v2/users`): the definition's `UserResponseSchema`. */
export type User = Def.UserResponseSchema

/** A connection (`/api/v2/connections/{id}`): the definition's `GetConnectionResponseContent`. */
export type Connection = Def.GetConnectionResponseContent

/** A permission of a role: the definition's `PermissionsResponsePayload`. */
export type Permission = Def.PermissionsResponsePayload

/** Names a permission to grant or remove: the definition's `PermissionRequestPayload`. */
export type PermissionRef = Def.PermissionRequestPayload

/** A grant of an API's scopes to an application: the definition's `ClientGrantResponseContent`. */
export type ClientGrant = Def.ClientGrantResponseContent

/** An import, export or verification-email job (`/api/v2/jobs/{id}`): the definition's `GetJobResponseContent`. */
export type Job = Def.GetJobResponseContent

/** One failed entry of a job (`GET /api/v2/jobs/{id}/errors`): the definition's `GetJobErrorResponseContent`. */
export type JobFailure = Def.GetJobErrorResponseContent

/** A page of a list with totals (`include_totals=true`): the items under `K`, plus where the page starts. */
export type Page<K extends string, T> = { [P in K]: T[] } & {
  start?: number
  limit?: number
  length?: number
  total?: number
  /** The next checkpoint (checkpoint paging). */
  next?: string
}

/** What awaiting a list gives: a page with totals, or the bare array when `includeTotals` is false. */
export type ListBody<K extends string, T> = Page<K, T> | T[]

/** The `fields` / `include_fields` options. */
export interface FieldsOptions {
  /** Fields to include (or exclude, with `includeFields: false`); comma-joined on the wire. */
  fields?: readonly string[]
  /** Whether `fields` lists fields to include. @default true */
  includeFields?: boolean
}

/** Offset paging: `page` / `per_page`. */
export interface PageOptions {
  /** The page index, from 0. @default the method's (auth0-python's), often none */
  page?: number
  /** Items per page. @default the method's (auth0-python's), often none */
  perPage?: number
}

/** `include_totals`: a page with `start`, `limit` and `total` instead of a bare array. */
export interface TotalsOptions {
  /** @default the method's (auth0-python's) */
  includeTotals?: boolean
}

/** Checkpoint paging: `from` / `take`. */
export interface CheckpointOptions {
  /** The checkpoint to start from (sent as `from`). */
  fromParam?: string
  /** Items to take. */
  take?: number
}

/** Offset paging with `include_totals`: the paging options of most lists. */
export type PagedOptions = PageOptions & TotalsOptions

/** The filters of `clientGrants.all()`. */
export type ClientGrantFilter = {
  /** Only the grants of this API, by its identifier (sent as `audience`). */
  audience?: string
  /** Only the grants of this application (sent as `client_id`). */
  clientId?: string
  /** Only the grants whose `allow_any_organization` has this value. */
  allowAnyOrganization?: boolean
}

/** The filters of `rules.all()`. */
export type RuleFilter = {
  /** Only the rules of this stage. @default 'login_success' */
  stage?: string
  /** Only enabled (or, with `false`, disabled) rules. @default true */
  enabled?: boolean
}

/** The search options of `users.list()`. */
export type UserSearchOptions = {
  /** The sort order, `field:1` (ascending) or `field:-1` (descending). */
  sort?: string
  /** Only the users of this connection. */
  connection?: string
  /** A Lucene query; iteration then stops at the search's 1000-result window. */
  q?: string
  /** The search engine version, such as `v3`. */
  searchEngine?: string
}

/** Extra query parameters, sent as they are (declared parameters win). */
export interface ExtraParamsOptions {
  extraParams?: Readonly<Record<string, string | number | boolean>>
}
