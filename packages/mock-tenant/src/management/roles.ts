import type { TenantContext } from '../context.js'
import { conflict, empty, json } from '../http.js'
import type { RoleRecord } from '../records.js'
import type { ProtectedRoute } from '../router/route.js'
import { nextId } from '../state.js'
import { checkBody } from './body.js'
import { NOT_FOUND, getOr404, lookup, memberView, route } from './common.js'
import { paginate, pagedOrCheckpoint } from './query.js'
import { permissionRoutes } from './users.js'

const FIELDS = { name: 'string', description: 'string' } as const

export function roleRoutes(ctx: TenantContext): ProtectedRoute[] {
  const role = (id: string) => getOr404(ctx.state.roles, id, NOT_FOUND.role)
  const checkName = (name: string, except?: string) => {
    if ([...ctx.state.roles.values()].some((r) => r.name === name && r.id !== except))
      throw conflict('Role name already exists')
  }
  const holders = (roleId: string) =>
    lookup(
      ctx.state.users,
      [...ctx.state.userRoles].filter(([, set]) => set.has(roleId)).map(([id]) => id),
    )

  return [
    route('GET', '/roles', ({ query }) => {
      const filter = query.get('name_filter')?.toLowerCase()
      const roles = [...ctx.state.roles.values()].filter(
        (r) => filter === undefined || r.name.toLowerCase().includes(filter),
      )
      return json(paginate(roles, query, { key: 'roles' }))
    }),
    route('GET', '/roles/{id}', ({ params }) => json(role(params['id'] as string))),
    route('POST', '/roles', ({ body }) => {
      const { name = '', description = '' } = checkBody(body, FIELDS, { required: ['name'] })
      checkName(name)
      const id = nextId(ctx.state, 'rol_')
      const record: RoleRecord = { id, name, description }
      ctx.state.roles.set(id, record)
      return json(record, 200)
    }),
    route('PATCH', '/roles/{id}', ({ params, body }) => {
      const record = role(params['id'] as string)
      const input = checkBody(body, FIELDS)
      if (input.name !== undefined) checkName(input.name, record.id)
      return json(Object.assign(record, input))
    }),
    route('DELETE', '/roles/{id}', ({ params }) => {
      const id = role(params['id'] as string).id
      ctx.state.roles.delete(id)
      for (const set of [...ctx.state.userRoles.values(), ...ctx.state.orgMemberRoles.values()])
        set.delete(id)
      return empty(204)
    }),
    route('GET', '/roles/{id}/users', ({ params, query }) => {
      const id = role(params['id'] as string).id
      return pagedOrCheckpoint(holders(id).map(memberView), query, 'users', 'user_id')
    }),
    route('POST', '/roles/{id}/users', ({ params, body }) => {
      const roleId = role(params['id'] as string).id
      const { users = [] } = checkBody(body, { users: 'string[]' }, { required: ['users'] })
      for (const id of users) getOr404(ctx.state.users, id, NOT_FOUND.user)
      for (const id of users)
        ctx.state.userRoles.set(id, (ctx.state.userRoles.get(id) ?? new Set()).add(roleId))
      return empty(200)
    }),
    ...permissionRoutes('/roles/{id}/permissions', () => ctx.state.rolePermissions, role),
  ]
}
