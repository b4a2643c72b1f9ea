import type { KeyObject } from 'node:crypto'
import type {
  ClientGrantRecord,
  ClientRecord,
  ConnectionRecord,
  EnabledConnectionRecord,
  LogRecord,
  OrganizationRecord,
  PermissionRecord,
  ResourceServerRecord,
  RoleRecord,
  UserRecord,
} from './records.js'

/** An authorization code waiting to be exchanged at `/oauth/token`. */
export interface CodeGrant {
  clientId: string
  userId: string
  redirectUri: string | undefined
  scope: string
  audience: string | undefined
  nonce: string | undefined
  orgId: string | undefined
  codeChallenge: string | undefined
  codeChallengeMethod: string | undefined
  authTime: number
  expiresAt: number
}

/** A refresh token and what it may mint again. */
export interface RefreshGrant {
  clientId: string
  userId: string
  scope: string
  audience: string | undefined
  orgId: string | undefined
  authTime: number
}

/** A pushed authorization request (PAR) or a back-channel (CIBA) request, waiting to be used. */
export interface PendingRequest {
  clientId: string
  params: Record<string, string>
  userId?: string
  expiresAt: number
}

/** The last one-time code sent to an email address or phone number. */
export interface OtpRecord {
  otp: string
  connection: string
  clientId: string
}

/** A client's registered public key (private_key_jwt), kept beside its wire record. */
export interface ClientAuth {
  publicKey?: KeyObject
}

/** What the generic store holds for the operations no hand-written route serves. */
export interface GenericState {
  /** Records by collection instance (`/users/{}/sessions|auth0%7C1`), then by id, in insertion order. */
  records: Map<string, Map<string, unknown>>
  /** Singleton documents by decoded path below `/api/v2`; `null` once deleted. */
  documents: Map<string, unknown>
  /** Records of lookup-only collections that were deleted (they otherwise exist for any id), by instance and id. */
  deleted: Set<string>
  /** Per collection instance: how many ids it has handed out. */
  counters: Map<string, number>
}

/** Everything the tenant holds in memory. Wire records are kept in their Management API shape. */
export interface State {
  users: Map<string, UserRecord>
  passwords: Map<string, string>
  connections: Map<string, ConnectionRecord>
  clients: Map<string, ClientRecord>
  clientAuth: Map<string, ClientAuth>
  /** By identifier (the audience). */
  resourceServers: Map<string, ResourceServerRecord>
  clientGrants: Map<string, ClientGrantRecord>
  roles: Map<string, RoleRecord>
  rolePermissions: Map<string, PermissionRecord[]>
  userRoles: Map<string, Set<string>>
  userPermissions: Map<string, PermissionRecord[]>
  organizations: Map<string, OrganizationRecord>
  orgMembers: Map<string, Set<string>>
  orgMemberRoles: Map<string, Set<string>>
  orgConnections: Map<string, Map<string, EnabledConnectionRecord>>
  logs: LogRecord[]
  codes: Map<string, CodeGrant>
  refreshTokens: Map<string, RefreshGrant>
  otps: Map<string, OtpRecord>
  pending: Map<string, PendingRequest>
  usedJtis: Set<string>
  generic: GenericState
  seq: number
}

export function emptyState(): State {
  return {
    users: new Map(),
    passwords: new Map(),
    connections: new Map(),
    clients: new Map(),
    clientAuth: new Map(),
    resourceServers: new Map(),
    clientGrants: new Map(),
    roles: new Map(),
    rolePermissions: new Map(),
    userRoles: new Map(),
    userPermissions: new Map(),
    organizations: new Map(),
    orgMembers: new Map(),
    orgMemberRoles: new Map(),
    orgConnections: new Map(),
    logs: [],
    codes: new Map(),
    refreshTokens: new Map(),
    otps: new Map(),
    pending: new Map(),
    usedJtis: new Set(),
    generic: { records: new Map(), documents: new Map(), deleted: new Set(), counters: new Map() },
    seq: 0,
  }
}

/** The next id with a prefix: deterministic, so a reset tenant hands out the same ids again. */
export function nextId(state: State, prefix: string, width = 16): string {
  state.seq += 1
  return `${prefix}${state.seq.toString(36).padStart(width, '0')}`
}

export const memberKey = (orgId: string, userId: string) => `${orgId} ${userId}`

/** The connection a user lives in (their first identity's). */
export function userConnection(user: UserRecord): string | undefined {
  return user.identities[0]?.connection
}
