import type { TenantContext } from '../context.js'
import { badBody, conflict, empty, json, notFound, type Json } from '../http.js'
import { memberKey, nextId } from '../state.js'
import {
  NOT_FOUND,
  allowOnly,
  getOr404,
  lookup,
  memberView,
  patch,
  requireString,
  route,
  stringArray,
  type ApiRoute,
} from './common.js'
import { paginate, pagedOrCheckpoint } from './query.js'

const FIELDS = ['name', 'display_name', 'branding', 'metadata', 'enabled_connections']
const NAME = /^[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?$/

export function organizationRoutes(ctx: TenantContext): ApiRoute[] {
  const s = () => ctx.state
  const org = (id: string) => getOr404(s().organizations, id, NOT_FOUND.organization)
  const checkName = (name: string, except?: string) => {
    if (!NAME.test(name) || name.length > 50)
      throw badBody(
        `String does not match pattern ^[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?$: ${name} on property name`,
      )
    if ([...s().organizations.values()].some((o) => o['name'] === name && o['id'] !== except))
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
    const map = s().orgConnections.get(id) ?? new Map<string, Json>()
    s().orgConnections.set(id, map)
    return map
  }
  const enabledView = (entry: Json): Json => {
    const c = s().connections.get(String(entry['connection_id']))
    return { ...entry, connection: c ? { name: c['name'], strategy: c['strategy'] } : {} }
  }

  return [
    route('GET', '/organizations', ['read:organizations'], ({ query }) =>
      pagedOrCheckpoint([...s().organizations.values()], query, 'organizations', 'id'),
    ),
    route('GET', '/organizations/name/:name', ['read:organizations'], ({ params }) => {
      const found = [...s().organizations.values()].find((o) => o['name'] === params['name'])
      if (!found) throw NOT_FOUND.organization()
      return json(found)
    }),
    route('GET', '/organizations/:id', ['read:organizations'], ({ params }) =>
      json(org(params['id'] as string)),
    ),
    route('POST', '/organizations', ['create:organizations'], ({ body }) => {
      allowOnly(body, FIELDS)
      const name = requireString(body, 'name')
      checkName(name)
      const id = nextId(ctx.state, 'org_')
      const { enabled_connections: enabled, ...rest } = body
      const record: Json = { id, ...rest }
      s().organizations.set(id, record)
      s().orgMembers.set(id, new Set())
      const map = new Map<string, Json>()
      if (Array.isArray(enabled))
        for (const e of enabled as Json[])
          map.set(String(e['connection_id']), { assign_membership_on_login: false, ...e })
      s().orgConnections.set(id, map)
      return json(record, 201)
    }),
    route('PATCH', '/organizations/:id', ['update:organizations'], ({ params, body }) => {
      const record = org(params['id'] as string)
      allowOnly(
        body,
        FIELDS.filter((f) => f !== 'enabled_connections'),
      )
      if (body['name'] !== undefined) checkName(requireString(body, 'name'), String(record['id']))
      return json(patch(record, body))
    }),
    route('DELETE', '/organizations/:id', ['delete:organizations'], ({ params }) => {
      const id = params['id'] as string
      org(id)
      s().organizations.delete(id)
      s().orgMembers.delete(id)
      s().orgConnections.delete(id)
      return empty(204)
    }),

    route(
      'GET',
      '/organizations/:id/members',
      ['read:organization_members'],
      ({ params, query }) => {
        const list = lookup(s().users, members(params['id'] as string)).map(memberView)
        return pagedOrCheckpoint(list, query, 'members', 'user_id')
      },
    ),
    route(
      'POST',
      '/organizations/:id/members',
      ['create:organization_members'],
      ({ params, body }) => {
        const set = members(params['id'] as string)
        const ids = stringArray(body, 'members')
        for (const id of ids) getOr404(s().users, id, NOT_FOUND.user)
        for (const id of ids) set.add(id)
        return empty(204)
      },
    ),
    route(
      'DELETE',
      '/organizations/:id/members',
      ['delete:organization_members'],
      ({ params, body }) => {
        const set = members(params['id'] as string)
        for (const id of stringArray(body, 'members')) {
          set.delete(id)
          s().orgMemberRoles.delete(memberKey(params['id'] as string, id))
        }
        return empty(204)
      },
    ),

    route(
      'GET',
      '/organizations/:id/members/:userId/roles',
      ['read:organization_member_roles'],
      ({ params, query }) => {
        const key = member(params['id'] as string, params['userId'] as string)
        const roles = lookup(s().roles, s().orgMemberRoles.get(key) ?? [])
        return json(paginate(roles, query, { key: 'roles' }))
      },
    ),
    route(
      'POST',
      '/organizations/:id/members/:userId/roles',
      ['create:organization_member_roles'],
      ({ params, body }) => {
        const key = member(params['id'] as string, params['userId'] as string)
        const ids = stringArray(body, 'roles')
        for (const id of ids) getOr404(s().roles, id, NOT_FOUND.role)
        const set = s().orgMemberRoles.get(key) ?? new Set<string>()
        for (const id of ids) set.add(id)
        s().orgMemberRoles.set(key, set)
        return empty(204)
      },
    ),
    route(
      'DELETE',
      '/organizations/:id/members/:userId/roles',
      ['delete:organization_member_roles'],
      ({ params, body }) => {
        const key = member(params['id'] as string, params['userId'] as string)
        for (const id of stringArray(body, 'roles')) s().orgMemberRoles.get(key)?.delete(id)
        return empty(204)
      },
    ),

    route(
      'GET',
      '/organizations/:id/enabled_connections',
      ['read:organization_connections'],
      ({ params, query }) =>
        json(
          paginate([...connectionsOf(params['id'] as string).values()].map(enabledView), query, {
            key: 'enabled_connections',
          }),
        ),
    ),
    route(
      'POST',
      '/organizations/:id/enabled_connections',
      ['create:organization_connections'],
      ({ params, body }) => {
        const map = connectionsOf(params['id'] as string)
        const connectionId = requireString(body, 'connection_id')
        getOr404(s().connections, connectionId, NOT_FOUND.connection)
        if (map.has(connectionId))
          throw conflict('The connection is already enabled for the organization')
        const entry: Json = {
          connection_id: connectionId,
          assign_membership_on_login: body['assign_membership_on_login'] === true,
        }
        map.set(connectionId, entry)
        return json(enabledView(entry), 201)
      },
    ),
    route(
      'GET',
      '/organizations/:id/enabled_connections/:connectionId',
      ['read:organization_connections'],
      ({ params }) =>
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
    route(
      'PATCH',
      '/organizations/:id/enabled_connections/:connectionId',
      ['update:organization_connections'],
      ({ params, body }) => {
        const entry = getOr404(
          connectionsOf(params['id'] as string),
          params['connectionId'] as string,
          NOT_FOUND.enabledConnection,
        )
        allowOnly(body, ['assign_membership_on_login', 'show_as_button', 'is_signup_enabled'])
        return json(enabledView(patch(entry, body)))
      },
    ),
    route(
      'DELETE',
      '/organizations/:id/enabled_connections/:connectionId',
      ['delete:organization_connections'],
      ({ params }) => {
        const map = connectionsOf(params['id'] as string)
        getOr404(map, params['connectionId'] as string, NOT_FOUND.enabledConnection)
        map.delete(params['connectionId'] as string)
        return empty(204)
      },
    ),
  ]
}
