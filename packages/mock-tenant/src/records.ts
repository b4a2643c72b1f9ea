// The records the tenant stores, in their Management API wire shape (snake_case, as Auth0 sends them).
import type { Json } from './http.js'

/** One of a user's identities; the first one names the connection the user lives in. */
export type Identity = {
  connection: string
  provider: string
  user_id: string
  isSocial: boolean
}

/** A user (`/api/v2/users`). */
export type UserRecord = {
  user_id: string
  email?: string
  email_verified?: boolean
  phone_number?: string
  phone_verified?: boolean
  username?: string
  name?: string
  given_name?: string
  family_name?: string
  nickname?: string
  picture?: string
  blocked?: boolean
  /** ISO 8601. */
  created_at: string
  /** ISO 8601. */
  updated_at: string
  /** ISO 8601. */
  last_login?: string
  logins_count: number
  identities: Identity[]
  app_metadata: Json
  user_metadata: Json
}

/** An application (`/api/v2/clients`). Settings the emulator does not read are stored as sent. */
export type ClientRecord = {
  client_id: string
  name: string
  tenant: string
  app_type?: string
  client_secret?: string
  grant_types: string[]
  callbacks: string[]
  allowed_logout_urls?: string[]
  token_endpoint_auth_method?: string
  is_first_party: boolean
  oidc_conformant: boolean
  jwt_configuration?: Json
  client_metadata?: Json
  [setting: string]: unknown
}

/** A connection (`/api/v2/connections`). */
export type ConnectionRecord = {
  id: string
  name: string
  strategy: string
  display_name?: string
  options: Json
  enabled_clients: string[]
  realms: string[]
  is_domain_connection: boolean
  show_as_button?: boolean
  metadata?: Json
}

/** An API (`/api/v2/resource-servers`). */
export type ResourceServerRecord = {
  id: string
  name: string
  identifier: string
  is_system?: boolean
  scopes: { value: string; description: string }[]
}

/** A client grant (`/api/v2/client-grants`): which client may get client-credentials tokens for which API. */
export type ClientGrantRecord = {
  id: string
  client_id: string
  audience: string
  scope: string[]
  organization_usage?: string
  allow_any_organization?: boolean
}

/** A role (`/api/v2/roles`). */
export type RoleRecord = {
  id: string
  name: string
  description: string
}

/** A permission held by a user or a role. */
export type PermissionRecord = {
  permission_name: string
  resource_server_identifier: string
  resource_server_name?: string
}

/** An organization (`/api/v2/organizations`). */
export type OrganizationRecord = {
  id: string
  name: string
  display_name?: string
  branding?: Json
  metadata?: Json
}

/** A connection enabled for an organization (`/api/v2/organizations/{id}/enabled_connections`). */
export type EnabledConnectionRecord = {
  connection_id: string
  assign_membership_on_login: boolean
  show_as_button?: boolean
  is_signup_enabled?: boolean
}

/** A log event (`/api/v2/logs`). */
export type LogRecord = {
  log_id: string
  /** ISO 8601. */
  date: string
  type: string
  description: string
  ip: string
  client_id?: string
  client_name?: string
  user_id?: string
  user_name?: string
  connection?: string
  connection_id?: string
  audience?: string
  scope?: string
}
