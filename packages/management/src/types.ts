// The Management API's main entities, described once. Fields stay in the API's wire shape (snake_case); any field
// not listed here is still there, typed `unknown`.

/** A JSON object as sent or received: a request body, or a response this package has no entity type for. */
export type Body = { [key: string]: unknown }

/** One identity of a user at a connection. */
export interface UserIdentity {
  connection: string
  user_id: string
  provider: string
  isSocial: boolean
  access_token?: string
  profileData?: Body
  [key: string]: unknown
}

/** A user (`/api/v2/users`). */
export interface User {
  user_id: string
  email?: string
  email_verified?: boolean
  username?: string
  phone_number?: string
  phone_verified?: boolean
  name?: string
  given_name?: string
  family_name?: string
  nickname?: string
  picture?: string
  created_at?: string
  updated_at?: string
  last_login?: string
  last_ip?: string
  logins_count?: number
  blocked?: boolean
  identities?: UserIdentity[]
  app_metadata?: Body
  user_metadata?: Body
  [key: string]: unknown
}

/** A connection (`/api/v2/connections`). */
export interface Connection {
  id: string
  name: string
  strategy: string
  display_name?: string
  enabled_clients?: string[]
  options?: Body
  realms?: string[]
  is_domain_connection?: boolean
  metadata?: Record<string, string>
  [key: string]: unknown
}

/** An application (`/api/v2/clients`). */
export interface Client {
  client_id: string
  name?: string
  description?: string
  app_type?: string
  client_secret?: string
  callbacks?: string[]
  allowed_origins?: string[]
  allowed_logout_urls?: string[]
  web_origins?: string[]
  grant_types?: string[]
  is_first_party?: boolean
  token_endpoint_auth_method?: string
  client_metadata?: Record<string, string>
  [key: string]: unknown
}

/** A permission: one scope of an API, as granted to a user or a role. */
export interface Permission {
  permission_name: string
  resource_server_identifier: string
  description?: string
  resource_server_name?: string
  [key: string]: unknown
}

/** Names a permission to grant or remove. */
export type PermissionRef = Pick<Permission, 'permission_name' | 'resource_server_identifier'>

/** A role (`/api/v2/roles`). */
export interface Role {
  id: string
  name: string
  description?: string
  [key: string]: unknown
}

/** An organization (`/api/v2/organizations`). */
export interface Organization {
  id: string
  name: string
  display_name?: string
  branding?: Body
  metadata?: Record<string, string>
  [key: string]: unknown
}

/** An API (`/api/v2/resource-servers`). */
export interface ResourceServer {
  id: string
  identifier: string
  name?: string
  scopes?: { value: string; description?: string }[]
  signing_alg?: string
  token_lifetime?: number
  allow_offline_access?: boolean
  skip_consent_for_verifiable_first_party_clients?: boolean
  is_system?: boolean
  [key: string]: unknown
}

/** A grant of an API's scopes to an application (`/api/v2/client-grants`). */
export interface ClientGrant {
  id: string
  client_id: string
  audience: string
  scope: string[]
  organization_usage?: 'deny' | 'allow' | 'require'
  allow_any_organization?: boolean
  [key: string]: unknown
}

/** A log event (`/api/v2/logs`). */
export interface Log {
  log_id: string
  date: string
  type: string
  description?: string
  client_id?: string
  client_name?: string
  ip?: string
  user_id?: string
  user_name?: string
  connection?: string
  details?: Body
  [key: string]: unknown
}

/** An import, export or verification-email job (`/api/v2/jobs`). */
export interface Job {
  id: string
  type: 'users_import' | 'users_export' | 'verification_email' | (string & {})
  status: 'pending' | 'processing' | 'completed' | 'failed' | (string & {})
  created_at?: string
  connection_id?: string
  external_id?: string
  /** Import and export progress, in percent. */
  percentage_done?: number
  time_left_seconds?: number
  location?: string
  summary?: {
    failed: number
    updated: number
    inserted: number
    total: number
    [key: string]: unknown
  }
  [key: string]: unknown
}

/** One failed entry of a job (`GET /api/v2/jobs/{id}/errors`). */
export interface JobFailure {
  user?: Body
  errors?: { code: string; message: string; path?: string; [key: string]: unknown }[]
  [key: string]: unknown
}

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

/** Extra query parameters, sent as they are (declared parameters win). */
export interface ExtraParamsOptions {
  extraParams?: Readonly<Record<string, string | number | boolean>>
}
