import type { TenantContext } from '../context.js'
import { badBody, conflict, empty, json, notFound, type Json } from '../http.js'
import type { EnabledConnectionRecord, OrganizationRecord } from '../records.js'
import type { ProtectedRoute } from '../router/route.js'
import { memberKey, nextId } from '../state.js'
import { checkBody } from './body.js'
import { NOT_FOUND, getOr404, lookup, memberView, route } from './common.js'
import { paginate, pagedOrCheckpoint } from './query.js'

const UPDATE_FIELDS = {
  name: 'string',
  display_name: 'string',
  branding: 'object',
  metadata: 'object',
} as const
const CREATE_FIELDS = { ...UPDATE_FIELDS, enabled_connections: 'object[]' } as const
const ENABLED_FIELDS = {
  assign_membership_on_login: 'boolean',
  show_as_button: 'boolean',
  is_signup_enabled: 'boolean',
} as const
const NAME = /^[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?$/

export function organizationRoutes(ctx: TenantContext): ProtectedRoute[] {
  const s = () => ctx.state
  const org = (id: string) => getOr404(s().organizations, id, NOT_FOUND.organization)
  const checkName = (name: string, except?: string) => {
    if (!NAME.test(name) || name.length > 50)
      throw badBody(
        `String does not match pattern ^[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?$: ${name} on property name`,
      )
    if ([...s().organizations.values()].some((o) => o.name === name && o.id !== except))
      throw conflict('An organization with this name already exists.', 'conflict')
  }
  const members = (id: string) => {
    org(id)
    const set = s().orgMembers.get(id) ?? new Set<string>()
    s().orgMembers.set(id, set)
    return set
  }
  const member = (orgId: string, userId: string) => {
    if (!members(orgId).has(userId))
      throw notFound('The user is not a member of the organization', 'inexistent_member')
    return memberKey(orgId, userId)
  }
  const connectionsOf = (id: string) => {
    org(id)
    const map = s().orgConnections.get(id) ?? new Map<string, EnabledConnectionRecord>()
    s().orgConnections.set(id, map)
    return map
  }
  const enabledView = (entry: EnabledConnectionRecord): Json => {
    const c = s().connections.get(entry.connection_id)
    return { ...entry, connection: c ? { name: c.name, strategy: c.strategy } : {} }
  }
  const enabledEntry = (body: Json): EnabledConnectionRecord => {
    const input = checkBody(
      body,
      { connection_id: 'string', ...ENABLED_FIELDS },
      { required: ['connection_id'] },
    )
    return {
      ...input,
      connection_id: input.connection_id as string,
      assign_membership_on_login: input.assign_membership_on_login === true,
    }
  }

  return [
    route('GET', '/organizations', ({ query }) =>
      pagedOrCheckpoint([...s().organizations.values()], query, 'organizations', 'id'),
    ),
    route('GET', '/organizations/name/{name}', ({ params }) => {
      const found = [...s().organizations.values()].find((o) => o.name === params['name'])
      if (!found) throw NOT_FOUND.organization()
      return json(found)
    }),
    route('GET', '/organizations/{id}', ({ params }) => json(org(params['id'] as string))),
    route('POST', '/organizations', ({ body }) => {
      const { enabled_connections: enabled = [], ...input } = checkBody(body, CREATE_FIELDS, {
        required: ['name'],
      })
      const name = input.name as string
      checkName(name)
      const entries = enabled.map(enabledEntry)
      const id = nextId(ctx.state, 'org_')
      const record: OrganizationRecord = { id, ...input, name }
      s().organizations.set(id, record)
      s().orgMembers.set(id, new Set())
      s().orgConnections.set(id, new Map(entries.map((e) => [e.connection_id, e])))
      return json(record, 201)
    }),
    route('PATCH', '/organizations/{id}', ({ params, body }) => {
      const record = org(params['id'] as string)
      const input = checkBody(body, UPDATE_FIELDS)
      if (input.name !== undefined) checkName(input.name, record.id)
      return json(Object.assign(record, input))
    }),
    route('DELETE', '/organizations/{id}', ({ params }) => {
      const id = org(params['id'] as string).id
      s().organizations.delete(id)
      s().orgMembers.delete(id)
      s().orgConnections.delete(id)
      return empty(204)
    }),

    route('GET', '/organizations/{id}/members', ({ params, query }) => {
      const list = lookup(s().users, members(params['id'] as string)).map(memberView)
      return pagedOrCheckpoint(list, query, 'members', 'user_id')
    }),
    route('POST', '/organizations/{id}/members', ({ params, body }) => {
      const set = members(params['id'] as string)
      const { members: ids = [] } = checkBody(
        body,
        { members: 'string[]' },
        { required: ['members'] },
      )
      for (const id of ids) getOr404(s().users, id, NOT_FOUND.user)
      for (const id of ids) set.add(id)
      return empty(204)
    }),
    route('DELETE', '/organizations/{id}/members', ({ params, body }) => {
      const orgId = params['id'] as string
      const set = members(orgId)
      const { members: ids = [] } = checkBody(
        body,
        { members: 'string[]' },
        { required: ['members'] },
      )
      for (const id of ids) {
        set.delete(id)
        s().orgMemberRoles.delete(memberKey(orgId, id))
      }
      return empty(204)
    }),

    route('GET', '/organizations/{id}/members/{userId}/roles', ({ params, query }) => {
      const key = member(params['id'] as string, params['userId'] as string)
      const roles = lookup(s().roles, s().orgMemberRoles.get(key) ?? [])
      return json(paginate(roles, query, { key: 'roles' }))
    }),
    route('POST', '/organizations/{id}/members/{userId}/roles', ({ params, body }) => {
      const key = member(params['id'] as string, params['userId'] as string)
      const { roles = [] } = checkBody(body, { roles: 'string[]' }, { required: ['roles'] })
      for (const id of roles) getOr404(s().roles, id, NOT_FOUND.role)
      const set = s().orgMemberRoles.get(key) ?? new Set<string>()
      for (const id of roles) set.add(id)
      s().orgMemberRoles.set(key, set)
      return empty(204)
    }),
    route('DELETE', '/organizations/{id}/members/{userId}/roles', ({ params, body }) => {
      const key = member(params['id'] as string, params['userId'] as string)
      const { roles = [] } = checkBody(body, { roles: 'string[]' }, { required: ['roles'] })
      for (const id of roles) s().orgMemberRoles.get(key)?.delete(id)
      return empty(204)
    }),

    route('GET', '/organizations/{id}/enabled_connections', ({ params, query }) =>
      json(
        paginate([...connectionsOf(params['id'] as string).values()].map(enabledView), query, {
          key: 'enabled_connections',
        }),
      ),
    ),
    route('POST', '/organizations/{id}/enabled_connections', ({ params, body }) => {
      const map = connectionsOf(params['id'] as string)
      const entry = enabledEntry(body)
      getOr404(s().connections, entry.connection_id, NOT_FOUND.connection)
      if (map.has(entry.connection_id))
        throw conflict('The connection is already enabled for the organization')
      map.set(entry.connection_id, entry)
      return json(enabledView(entry), 201)
    }),
    route('GET', '/organizations/{id}/enabled_connections/{connectionId}', ({ params }) =>
      json(
        enabledView(
          getOr404(
            connectionsOf(params['id'] as string),
            params['connectionId'] as string,
            NOT_FOUND.enabledConnection,
          ),
        ),
      ),
    ),
    route('PATCH', '/organizations/{id}/enabled_connections/{connectionId}', ({ params, body }) => {
      const entry = getOr404(
        connectionsOf(params['id'] as string),
        params['connectionId'] as string,
        NOT_FOUND.enabledConnection,
      )
      return json(enabledView(Object.assign(entry, checkBody(body, ENABLED_FIELDS))))
    }),
    route('DELETE', '/organizations/{id}/enabled_connections/{connectionId}', ({ params }) => {
      const map = connectionsOf(params['id'] as string)
      const id = getOr404(
        map,
        params['connectionId'] as string,
        NOT_FOUND.enabledConnection,
      ).connection_id
      map.delete(id)
      return empty(204)
    }),
  ]
}
