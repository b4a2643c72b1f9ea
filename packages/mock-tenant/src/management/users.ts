import { addLog, type TenantContext } from '../context.js'
import { badBody, badQuery, conflict, empty, json, notFound } from '../http.js'
import type { PermissionRecord, UserRecord } from '../records.js'
import type { ProtectedRoute } from '../router/route.js'
import { nextId, userConnection } from '../state.js'
import { checkBody, mergeMetadata, type BodyOf } from './body.js'
import { NOT_FOUND, getOr404, isoNow, lookup, route } from './common.js'
import { paginate, project, sortBy } from './query.js'
import { compileQuery } from './search.js'

const USER_FIELDS = {
  email: 'string',
  phone_number: 'string',
  user_metadata: 'object',
  app_metadata: 'object',
  given_name: 'string',
  family_name: 'string',
  name: 'string',
  nickname: 'string',
  picture: 'string',
  username: 'string',
  email_verified: 'boolean',
  phone_verified: 'boolean',
  verify_email: 'boolean',
  blocked: 'boolean',
  password: 'string',
  connection: 'string',
} as const
const CREATE_FIELDS = { ...USER_FIELDS, user_id: 'string' } as const
const UPDATE_FIELDS = {
  ...USER_FIELDS,
  client_id: 'string',
  verify_phone_number: 'boolean',
  verify_password: 'boolean',
} as const

/** The fields of a user body that are stored on the record; the others only steer the request. */
function storable(
  body: BodyOf<typeof UPDATE_FIELDS>,
): Partial<Omit<UserRecord, 'app_metadata' | 'user_metadata'>> {
  const {
    password: _password,
    connection: _connection,
    verify_email: _verifyEmail,
    verify_phone_number: _verifyPhone,
    verify_password: _verifyPassword,
    client_id: _clientId,
    app_metadata: _app,
    user_metadata: _user,
    ...stored
  } = body
  return stored
}

function emailTaken(ctx: TenantContext, realm: string, email: string, except?: string): boolean {
  return [...ctx.state.users.values()].some(
    (u) =>
      u.user_id !== except &&
      userConnection(u) === realm &&
      u.email?.toLowerCase() === email.toLowerCase(),
  )
}

export function userRoutes(ctx: TenantContext): ProtectedRoute[] {
  const users = () => ctx.state.users
  const user = (id: string) => getOr404(users(), id, NOT_FOUND.user)

  return [
    route('GET', '/users', ({ query }) => {
      const matches = compileQuery(query.get('q'))
      const connection = query.get('connection')
      const found = [...users().values()].filter(
        (u) => matches(u) && (connection === null || userConnection(u) === connection),
      )
      return json(
        paginate(
          sortBy(found, query).map((u) => project(u, query)),
          query,
          { key: 'users', window: 1000 },
        ),
      )
    }),

    route('GET', '/users-by-email', ({ query }) => {
      const email = query.get('email')?.toLowerCase()
      if (!email) throw badQuery('Missing required property: email')
      return json(
        [...users().values()]
          .filter((u) => u.email?.toLowerCase() === email)
          .map((u) => project(u, query)),
      )
    }),

    route('GET', '/users/{id}', ({ params, query }) =>
      json(project(user(params['id'] as string), query)),
    ),

    route('POST', '/users', ({ body }) => {
      const input = checkBody(body, CREATE_FIELDS, { required: ['connection'] })
      const connectionName = input.connection as string
      const connection = [...ctx.state.connections.values()].find((c) => c.name === connectionName)
      if (!connection) throw notFound('The connection does not exist.', 'inexistent_connection')
      const isDatabase = connection.strategy === 'auth0'
      const { email, password } = input
      if (isDatabase) {
        if (email === undefined) throw badBody('Missing required property: email')
        if (password === undefined) throw badBody('Missing required property: password')
        if (emailTaken(ctx, connectionName, email))
          throw conflict('The user already exists.', 'auth0_idp_error')
      }
      const provider = isDatabase ? 'auth0' : connection.strategy
      const localId = input.user_id ?? nextId(ctx.state, '', 24)
      const id = `${provider}|${localId}`
      if (users().has(id)) throw conflict('The user already exists.', 'auth0_idp_error')
      const now = isoNow(ctx)
      const { user_id: _localId, ...fields } = input
      const record: UserRecord = {
        user_id: id,
        email_verified: false,
        name: email ?? localId,
        nickname: email?.split('@')[0] ?? localId,
        picture: 'https://avatars.mock.test/new.png',
        ...storable(fields),
        user_metadata: input.user_metadata ?? {},
        app_metadata: input.app_metadata ?? {},
        created_at: now,
        updated_at: now,
        logins_count: 0,
        identities: [
          { connection: connectionName, provider, user_id: localId, isSocial: !isDatabase },
        ],
      }
      users().set(id, record)
      if (password !== undefined) ctx.state.passwords.set(id, password)
      addLog(ctx, {
        type: 'sapi',
        description: 'Create a User',
        user_id: id,
        ...(email === undefined ? {} : { user_name: email }),
      })
      return json(record, 201)
    }),

    route('PATCH', '/users/{id}', ({ params, body }) => {
      const record = user(params['id'] as string)
      const input = checkBody(body, UPDATE_FIELDS)
      const realm = userConnection(record)
      if (
        input.email !== undefined &&
        realm !== undefined &&
        emailTaken(ctx, realm, input.email, record.user_id)
      )
        throw conflict('The specified new email already exists', 'email_conflict')
      if (input.password !== undefined) ctx.state.passwords.set(record.user_id, input.password)
      Object.assign(record, storable(input))
      if (input.user_metadata)
        record.user_metadata = mergeMetadata(record.user_metadata, input.user_metadata)
      if (input.app_metadata)
        record.app_metadata = mergeMetadata(record.app_metadata, input.app_metadata)
      record.updated_at = isoNow(ctx)
      return json(record)
    }),

    route('DELETE', '/users/{id}', ({ params }) => {
      const id = params['id'] as string
      users().delete(id)
      ctx.state.passwords.delete(id)
      ctx.state.userRoles.delete(id)
      for (const members of ctx.state.orgMembers.values()) members.delete(id)
      for (const [token, grant] of ctx.state.refreshTokens)
        if (grant.userId === id) ctx.state.refreshTokens.delete(token)
      return empty(204)
    }),

    route('GET', '/users/{id}/roles', ({ params, query }) => {
      const id = user(params['id'] as string).user_id
      const roles = lookup(ctx.state.roles, ctx.state.userRoles.get(id) ?? [])
      return json(paginate(roles, query, { key: 'roles' }))
    }),

    route('POST', '/users/{id}/roles', ({ params, body }) => {
      const id = user(params['id'] as string).user_id
      const { roles } = checkBody(body, { roles: 'string[]' }, { required: ['roles'] })
      for (const roleId of roles ?? []) getOr404(ctx.state.roles, roleId, NOT_FOUND.role)
      const set = ctx.state.userRoles.get(id) ?? new Set<string>()
      for (const roleId of roles ?? []) set.add(roleId)
      ctx.state.userRoles.set(id, set)
      return empty(204)
    }),

    route('DELETE', '/users/{id}/roles', ({ params, body }) => {
      const id = user(params['id'] as string).user_id
      const { roles } = checkBody(body, { roles: 'string[]' }, { required: ['roles'] })
      const set = ctx.state.userRoles.get(id)
      for (const roleId of roles ?? []) set?.delete(roleId)
      return empty(204)
    }),

    ...permissionRoutes('/users/{id}/permissions', () => ctx.state.userPermissions, user),

    route('GET', '/users/{id}/organizations', ({ params, query }) => {
      const id = user(params['id'] as string).user_id
      const orgs = [...ctx.state.organizations.values()].filter((o) =>
        ctx.state.orgMembers.get(o.id)?.has(id),
      )
      return json(paginate(orgs, query, { key: 'organizations' }))
    }),

    route('GET', '/users/{id}/logs', ({ params, query }) => {
      const id = user(params['id'] as string).user_id
      const logs = ctx.state.logs.filter((l) => l.user_id === id)
      const sorted = query.has('sort') ? sortBy(logs, query) : [...logs].reverse()
      return json(paginate(sorted, query, { key: 'logs' }))
    }),
  ]
}

const PERMISSION_FIELDS = {
  permission_name: 'string',
  resource_server_identifier: 'string',
  resource_server_name: 'string',
} as const

/** A `permissions` body: `[{permission_name, resource_server_identifier}]`. */
function permissions(body: Record<string, unknown>): PermissionRecord[] {
  const { permissions: list } = checkBody(
    body,
    { permissions: 'object[]' },
    { required: ['permissions'] },
  )
  return (list ?? []).map((p) => {
    const { permission_name, resource_server_identifier, resource_server_name } = checkBody(
      p,
      PERMISSION_FIELDS,
      { required: ['permission_name', 'resource_server_identifier'] },
    )
    return {
      permission_name: permission_name as string,
      resource_server_identifier: resource_server_identifier as string,
      ...(resource_server_name === undefined ? {} : { resource_server_name }),
    }
  })
}

function samePermission(a: PermissionRecord, b: PermissionRecord): boolean {
  return (
    a.permission_name === b.permission_name &&
    a.resource_server_identifier === b.resource_server_identifier
  )
}

/** GET / POST / DELETE of the permissions held by a user or a role. */
export function permissionRoutes(
  path: string,
  store: () => Map<string, PermissionRecord[]>,
  owner: (id: string) => unknown,
): ProtectedRoute[] {
  const held = (id: string) => {
    owner(id)
    return store().get(id) ?? []
  }
  return [
    route('GET', path, ({ params, query }) =>
      json(paginate(held(params['id'] as string), query, { key: 'permissions' })),
    ),
    route('POST', path, ({ params, body }) => {
      const id = params['id'] as string
      const next = [...held(id)]
      for (const p of permissions(body)) if (!next.some((c) => samePermission(c, p))) next.push(p)
      store().set(id, next)
      return empty(201)
    }),
    route('DELETE', path, ({ params, body }) => {
      const id = params['id'] as string
      const removed = permissions(body)
      store().set(
        id,
        held(id).filter((c) => !removed.some((p) => samePermission(c, p))),
      )
      return empty(204)
    }),
  ]
}
