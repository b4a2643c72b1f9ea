import { addLog, type TenantContext } from '../context.js'
import { badBody, badQuery, conflict, empty, json, notFound, str, type Json } from '../http.js'
import { clone, nextId, userConnection } from '../state.js'
import {
  NOT_FOUND,
  allowOnly,
  getOr404,
  isoNow,
  lookup,
  patch,
  requireString,
  route,
  stringArray,
  type ApiRoute,
} from './common.js'
import { paginate, project, sortBy } from './query.js'
import { compileQuery } from './search.js'

const USER_FIELDS = [
  'email',
  'phone_number',
  'user_metadata',
  'app_metadata',
  'given_name',
  'family_name',
  'name',
  'nickname',
  'picture',
  'username',
  'email_verified',
  'phone_verified',
  'verify_email',
  'blocked',
  'password',
  'connection',
]
const CREATE_FIELDS = [...USER_FIELDS, 'user_id']
const UPDATE_FIELDS = [...USER_FIELDS, 'client_id', 'verify_phone_number', 'verify_password']
/** Accepted in bodies but never stored on the user record. */
const TRANSIENT = [
  'password',
  'connection',
  'verify_email',
  'verify_phone_number',
  'verify_password',
  'client_id',
]

/** The user's record without transient request-only fields. */
function storable(body: Json): Json {
  return Object.fromEntries(Object.entries(body).filter(([k]) => !TRANSIENT.includes(k)))
}

function emailTaken(ctx: TenantContext, realm: string, email: string, except?: string): boolean {
  return [...ctx.state.users.values()].some(
    (u) =>
      u['user_id'] !== except &&
      userConnection(u) === realm &&
      String(u['email']).toLowerCase() === email.toLowerCase(),
  )
}

export function userRoutes(ctx: TenantContext): ApiRoute[] {
  const users = () => ctx.state.users
  const user = (id: string) => getOr404(users(), id, NOT_FOUND.user)

  return [
    route('GET', '/users', ['read:users'], ({ query }) => {
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

    route('GET', '/users-by-email', ['read:users'], ({ query }) => {
      const email = query.get('email')?.toLowerCase()
      if (!email) throw badQuery('Missing required property: email')
      return json(
        [...users().values()]
          .filter((u) => String(u['email']).toLowerCase() === email)
          .map((u) => project(u, query)),
      )
    }),

    route('GET', '/users/:id', ['read:users'], ({ params, query }) =>
      json(project(user(params['id'] as string), query)),
    ),

    route('POST', '/users', ['create:users'], ({ body }) => {
      allowOnly(body, CREATE_FIELDS)
      const connectionName = requireString(body, 'connection')
      const connection = [...ctx.state.connections.values()].find(
        (c) => c['name'] === connectionName,
      )
      if (!connection) throw notFound('The connection does not exist.', 'inexistent_connection')
      const isDatabase = connection['strategy'] === 'auth0'
      const email = str(body, 'email')
      if (isDatabase) {
        if (email === undefined) throw badBody('Missing required property: email')
        requireString(body, 'password')
        if (emailTaken(ctx, connectionName, email))
          throw conflict('The user already exists.', 'auth0_idp_error')
      }
      const provider = isDatabase ? 'auth0' : String(connection['strategy'])
      const localId = str(body, 'user_id') ?? nextId(ctx.state, '', 24)
      const id = `${provider}|${localId}`
      if (users().has(id)) throw conflict('The user already exists.', 'auth0_idp_error')
      const now = isoNow(ctx)
      const record: Json = {
        user_id: id,
        email_verified: false,
        name: email ?? localId,
        nickname: email?.split('@')[0] ?? localId,
        picture: 'https://avatars.mock.test/new.png',
        user_metadata: {},
        app_metadata: {},
        ...storable(body),
        created_at: now,
        updated_at: now,
        logins_count: 0,
        identities: [
          { connection: connectionName, provider, user_id: localId, isSocial: !isDatabase },
        ],
      }
      users().set(id, record)
      const password = str(body, 'password')
      if (password !== undefined) ctx.state.passwords.set(id, password)
      addLog(ctx, { type: 'sapi', description: 'Create a User', user_id: id, user_name: email })
      return json(record, 201)
    }),

    route('PATCH', '/users/:id', ['update:users'], ({ params, body }) => {
      const record = user(params['id'] as string)
      allowOnly(body, UPDATE_FIELDS)
      const realm = userConnection(record)
      const email = str(body, 'email')
      if (
        email !== undefined &&
        realm !== undefined &&
        emailTaken(ctx, realm, email, String(record['user_id']))
      )
        throw conflict('The specified new email already exists', 'email_conflict')
      const password = str(body, 'password')
      if (password !== undefined) ctx.state.passwords.set(String(record['user_id']), password)
      patch(record, storable(body), ['user_metadata', 'app_metadata'])
      record['updated_at'] = isoNow(ctx)
      return json(record)
    }),

    route('DELETE', '/users/:id', ['delete:users'], ({ params }) => {
      const id = params['id'] as string
      users().delete(id)
      ctx.state.passwords.delete(id)
      ctx.state.userRoles.delete(id)
      for (const members of ctx.state.orgMembers.values()) members.delete(id)
      for (const [token, grant] of ctx.state.refreshTokens)
        if (grant.userId === id) ctx.state.refreshTokens.delete(token)
      return empty(204)
    }),

    route('GET', '/users/:id/roles', ['read:users', 'read:roles'], ({ params, query }) => {
      user(params['id'] as string)
      const ids = ctx.state.userRoles.get(params['id'] as string) ?? new Set()
      const roles = lookup(ctx.state.roles, ids)
      return json(paginate(roles, query, { key: 'roles' }))
    }),

    route('POST', '/users/:id/roles', ['create:role_members'], ({ params, body }) => {
      user(params['id'] as string)
      const roleIds = stringArray(body, 'roles')
      for (const id of roleIds) getOr404(ctx.state.roles, id, NOT_FOUND.role)
      const set = ctx.state.userRoles.get(params['id'] as string) ?? new Set<string>()
      for (const id of roleIds) set.add(id)
      ctx.state.userRoles.set(params['id'] as string, set)
      return empty(204)
    }),

    route('DELETE', '/users/:id/roles', ['delete:role_members'], ({ params, body }) => {
      user(params['id'] as string)
      const set = ctx.state.userRoles.get(params['id'] as string)
      for (const id of stringArray(body, 'roles')) set?.delete(id)
      return empty(204)
    }),

    ...permissionRoutes(
      '/users/:id/permissions',
      ['read:users'],
      ['update:users'],
      () => ctx.state.userPermissions,
      user,
    ),

    route('GET', '/users/:id/organizations', ['read:organizations'], ({ params, query }) => {
      user(params['id'] as string)
      const orgs = [...ctx.state.organizations.values()].filter((o) =>
        ctx.state.orgMembers.get(String(o['id']))?.has(params['id'] as string),
      )
      return json(paginate(orgs, query, { key: 'organizations' }))
    }),

    route('GET', '/users/:id/logs', ['read:logs', 'read:logs_users'], ({ params, query }) => {
      user(params['id'] as string)
      const logs = ctx.state.logs.filter((l) => l['user_id'] === params['id'])
      const sorted = query.has('sort') ? sortBy(logs, query) : [...logs].reverse()
      return json(paginate(sorted, query, { key: 'logs' }))
    }),
  ]
}

/** A `permissions` body: `[{permission_name, resource_server_identifier}]`. */
function permissions(body: Json): Json[] {
  const v = body['permissions']
  if (!Array.isArray(v) || !v.every((p) => p !== null && typeof p === 'object'))
    throw badBody('Missing required property: permissions')
  return clone(v as Json[])
}

function samePermission(a: Json, b: Json): boolean {
  return (
    a['permission_name'] === b['permission_name'] &&
    a['resource_server_identifier'] === b['resource_server_identifier']
  )
}

/** GET / POST / DELETE of the permissions held by a user or a role. */
export function permissionRoutes(
  path: string,
  readScopes: readonly string[],
  writeScopes: readonly string[],
  store: () => Map<string, Json[]>,
  owner: (id: string) => unknown,
): ApiRoute[] {
  const held = (id: string) => {
    owner(id)
    return store().get(id) ?? []
  }
  return [
    route('GET', path, readScopes, ({ params, query }) =>
      json(paginate(held(params['id'] as string), query, { key: 'permissions' })),
    ),
    route('POST', path, writeScopes, ({ params, body }) => {
      const next = [...held(params['id'] as string)]
      for (const p of permissions(body)) if (!next.some((c) => samePermission(c, p))) next.push(p)
      store().set(params['id'] as string, next)
      return empty(201)
    }),
    route('DELETE', path, writeScopes, ({ params, body }) => {
      const removed = permissions(body)
      store().set(
        params['id'] as string,
        held(params['id'] as string).filter((c) => !removed.some((p) => samePermission(c, p))),
      )
      return empty(204)
    }),
  ]
}
