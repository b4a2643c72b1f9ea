import type { KeyObject } from 'node:crypto'
import { EXTRA_USER_GRANTS } from './auth/grant-types.js'
import { operations } from './generated/operations.js'
import type { ClientRecord } from './records.js'
import { emptyState, memberKey, type State } from './state.js'

/** Every Management API scope an operation accepts (inferred ones included), sorted; the m2m clients get them all. */
export const MANAGEMENT_SCOPES: readonly string[] = [
  ...new Set(operations.flatMap((op) => op.scopes)),
].sort()

/** A second API, for user tokens with an audience. */
const MOCK_API = {
  identifier: 'https://api.mock.test/',
  name: 'Mock API',
  scopes: ['read:messages', 'write:messages'],
}

const AMAZON_CONNECTION_ID = 'con_ErZf9LpXQDE0cNBr'
const DATABASE_CONNECTION_ID = 'con_i8qF5DPiZ3FdadwJ'
export const DATABASE_CONNECTION = 'Username-Password-Authentication'
export const PASSWORD_REALM_GRANT = 'http://auth0.com/oauth/grant-type/password-realm'
export const OTP_GRANT = 'http://auth0.com/oauth/grant-type/passwordless/otp'
export const CIBA_GRANT = 'urn:openid:params:grant-type:ciba'

/** The seeded, obviously fake credentials. */
export const SEED_CREDENTIALS = {
  m2m: { clientId: 'mock-m2m-client', clientSecret: 'mock-secret-m2m-not-a-real-secret' },
  m2mJwt: { clientId: 'mock-m2m-jwt-client' },
  web: { clientId: 'mock-web-client', clientSecret: 'mock-secret-web-not-a-real-secret' },
  user: {
    username: 'mock.user@example.com',
    password: 'mock-password-not-real-1',
    connection: DATABASE_CONNECTION,
  },
} as const

const ORG_ID = 'org_MockOrganization1'
const ROLE_IDS = {
  admin: 'rol_MockAdmin0000001',
  editor: 'rol_MockEditor000001',
  viewer: 'rol_MockViewer000001',
} as const

/** What the seed is made from. */
export interface SeedOptions {
  /** How many users to seed, the login user included. @default 120 */
  users?: number
  /** How many log events to seed. @default 150 */
  logs?: number
}

export interface SeedContext {
  managementAudience: string
  redirectUris: readonly string[]
  m2mJwtPublicKey: KeyObject
}

const FIRST = [
  'Ada',
  'Alan',
  'Grace',
  'Linus',
  'Barbara',
  'Dennis',
  'Margaret',
  'Ken',
  'Radia',
  'Tim',
  'Frances',
  'John',
  'Hedy',
  'Donald',
  'Katherine',
  'Edsger',
  'Sophie',
  'Niklaus',
  'Joan',
  'Guido',
]
const LAST = [
  'Lovelace',
  'Turing',
  'Hopper',
  'Torvalds',
  'Liskov',
  'Ritchie',
  'Hamilton',
  'Thompson',
  'Perlman',
  'Lee',
]
const LOG_TYPES: readonly [string, string][] = [
  ['s', 'Success Login'],
  ['fp', 'Wrong email or password.'],
  ['seccft', 'Client Credentials for Access Token'],
  ['ss', 'Success Signup'],
  ['sapi', 'Success API Operation'],
]

export const SEED_EPOCH = Date.parse('2024-01-01T00:00:00.000Z')
const iso = (ms: number) => new Date(ms).toISOString()
const pad = (n: number, width: number) => String(n).padStart(width, '0')

function logId(n: number): string {
  return `900${pad(n, 20)}`
}

function userId(i: number): string {
  return `auth0|65a0${pad(i, 20)}`
}

/** Builds the deterministic seed. Called again by `reset()`, so every reset gives the same state. */
export function buildSeed(ctx: SeedContext, options: SeedOptions = {}): State {
  const state = emptyState()
  const { m2m, m2mJwt, web, user } = SEED_CREDENTIALS

  state.resourceServers.set(ctx.managementAudience, {
    id: 'mock-management-api',
    name: 'Auth0 Management API',
    identifier: ctx.managementAudience,
    is_system: true,
    scopes: MANAGEMENT_SCOPES.map((value) => ({ value, description: value })),
  })
  state.resourceServers.set(MOCK_API.identifier, {
    id: 'mock-api',
    name: MOCK_API.name,
    identifier: MOCK_API.identifier,
    scopes: MOCK_API.scopes.map((value) => ({ value, description: value })),
  })

  const grant = (n: number, clientId: string, audience: string, scope: readonly string[]) =>
    state.clientGrants.set(`cgr_Mock${String(n).padStart(12, '0')}`, {
      id: `cgr_Mock${String(n).padStart(12, '0')}`,
      client_id: clientId,
      audience,
      scope: [...scope],
    })
  for (const [i, clientId] of [m2m.clientId, m2mJwt.clientId].entries()) {
    grant(2 * i + 1, clientId, ctx.managementAudience, MANAGEMENT_SCOPES)
    grant(2 * i + 2, clientId, MOCK_API.identifier, MOCK_API.scopes)
  }
  grant(5, web.clientId, MOCK_API.identifier, MOCK_API.scopes)
  const client = (
    clientId: string,
    name: string,
    extra: Pick<ClientRecord, 'app_type' | 'grant_types' | 'token_endpoint_auth_method'> &
      Partial<Pick<ClientRecord, 'client_secret' | 'callbacks'>>,
  ): ClientRecord => ({
    client_id: clientId,
    name,
    tenant: 'mock-tenant',
    is_first_party: true,
    oidc_conformant: true,
    callbacks: [],
    allowed_logout_urls: [],
    jwt_configuration: { alg: 'RS256', lifetime_in_seconds: 36000 },
    ...extra,
  })
  state.clients.set(
    m2m.clientId,
    client(m2m.clientId, 'Mock M2M', {
      app_type: 'non_interactive',
      client_secret: m2m.clientSecret,
      grant_types: ['client_credentials'],
      token_endpoint_auth_method: 'client_secret_post',
    }),
  )
  state.clients.set(
    m2mJwt.clientId,
    client(m2mJwt.clientId, 'Mock M2M (private_key_jwt)', {
      app_type: 'non_interactive',
      grant_types: ['client_credentials'],
      token_endpoint_auth_method: 'private_key_jwt',
    }),
  )
  state.clientAuth.set(m2mJwt.clientId, { publicKey: ctx.m2mJwtPublicKey })
  state.clients.set(
    web.clientId,
    client(web.clientId, 'Mock Web App', {
      app_type: 'regular_web',
      client_secret: web.clientSecret,
      callbacks: [...ctx.redirectUris],
      grant_types: [
        'authorization_code',
        'refresh_token',
        'implicit',
        PASSWORD_REALM_GRANT,
        OTP_GRANT,
        CIBA_GRANT,
        ...EXTRA_USER_GRANTS,
      ],
      token_endpoint_auth_method: 'client_secret_post',
    }),
  )

  state.connections.set(AMAZON_CONNECTION_ID, {
    enabled_clients: [web.clientId],
    id: AMAZON_CONNECTION_ID,
    name: 'Amazon-Connection',
    options: { profile: true, scope: ['profile'] },
    strategy: 'amazon',
    realms: ['Amazon-Connection'],
    is_domain_connection: false,
  })
  state.connections.set(DATABASE_CONNECTION_ID, {
    enabled_clients: [web.clientId],
    id: DATABASE_CONNECTION_ID,
    name: DATABASE_CONNECTION,
    options: { brute_force_protection: true },
    strategy: 'auth0',
    realms: [DATABASE_CONNECTION],
    is_domain_connection: false,
  })

  const userCount = options.users ?? 120
  for (let i = 0; i < userCount; i++) {
    const social = i % 10 === 5
    const first = i === 0 ? 'Mock' : (FIRST[i % FIRST.length] as string)
    const last = i === 0 ? 'User' : (LAST[Math.floor(i / FIRST.length) % LAST.length] as string)
    const email =
      i === 0
        ? user.username
        : `${first}.${last}${i >= FIRST.length * LAST.length ? i : ''}@example.com`.toLowerCase()
    const id = social ? `amazon|amzn1.account.MOCK${pad(i, 20)}` : userId(i)
    const created = SEED_EPOCH + i * 3_600_000
    state.users.set(id, {
      user_id: id,
      email,
      email_verified: social || i % 4 !== 1,
      ...(social ? {} : { username: i === 0 ? 'mockuser' : `${first}${last}${i}`.toLowerCase() }),
      name: `${first} ${last}`,
      given_name: first,
      family_name: last,
      nickname: first.toLowerCase(),
      picture: `https://avatars.mock.test/${i}.png`,
      created_at: iso(created),
      updated_at: iso(created + 60_000),
      last_login: iso(created + 120_000),
      logins_count: i % 7,
      identities: [
        {
          connection: social ? 'Amazon-Connection' : DATABASE_CONNECTION,
          provider: social ? 'amazon' : 'auth0',
          user_id: id.slice(id.indexOf('|') + 1),
          isSocial: social,
        },
      ],
      app_metadata: { plan: i % 3 === 0 ? 'pro' : 'free' },
      user_metadata: {},
    })
    if (!social) state.passwords.set(id, i === 0 ? user.password : `mock-password-${i}`)
  }

  const role = (id: string, name: string, description: string) =>
    state.roles.set(id, { id, name, description })
  role(ROLE_IDS.admin, 'admin', 'Can do everything')
  role(ROLE_IDS.editor, 'editor', 'Can edit messages')
  role(ROLE_IDS.viewer, 'viewer', 'Can read messages')
  const permission = (permission_name: string) => ({
    permission_name,
    resource_server_identifier: MOCK_API.identifier,
    resource_server_name: MOCK_API.name,
  })
  state.rolePermissions.set(ROLE_IDS.admin, MOCK_API.scopes.map(permission))
  state.rolePermissions.set(ROLE_IDS.editor, MOCK_API.scopes.map(permission))
  state.rolePermissions.set(ROLE_IDS.viewer, [permission('read:messages')])
  const userIds = [...state.users.keys()]
  const first = userIds[0]
  if (first !== undefined) state.userRoles.set(first, new Set([ROLE_IDS.admin]))
  for (const id of userIds.slice(1, 11)) state.userRoles.set(id, new Set([ROLE_IDS.viewer]))

  state.organizations.set(ORG_ID, {
    id: ORG_ID,
    name: 'mock-org',
    display_name: 'Mock Organization',
    branding: {},
    metadata: { tier: 'gold' },
  })
  const members = userIds.slice(0, 6)
  state.orgMembers.set(ORG_ID, new Set(members))
  if (first !== undefined)
    state.orgMemberRoles.set(memberKey(ORG_ID, first), new Set([ROLE_IDS.admin]))
  state.orgConnections.set(
    ORG_ID,
    new Map([
      [
        DATABASE_CONNECTION_ID,
        { connection_id: DATABASE_CONNECTION_ID, assign_membership_on_login: false },
      ],
    ]),
  )

  const logCount = options.logs ?? 150
  for (let i = 1; i <= logCount; i++) {
    const [type, description] = LOG_TYPES[i % LOG_TYPES.length] as [string, string]
    const u = state.users.get(userIds[i % Math.max(1, userIds.length)] ?? '')
    const isClient = type === 'seccft'
    state.logs.push({
      log_id: logId(i),
      date: iso(SEED_EPOCH + i * 60_000),
      type,
      description,
      ip: '127.0.0.1',
      client_id: isClient ? m2m.clientId : web.clientId,
      client_name: isClient ? 'Mock M2M' : 'Mock Web App',
      ...(u && !isClient
        ? {
            user_id: u.user_id,
            ...(u.email === undefined ? {} : { user_name: u.email }),
            connection: DATABASE_CONNECTION,
            connection_id: DATABASE_CONNECTION_ID,
          }
        : {}),
    })
  }
  state.seq = 1000
  return state
}
