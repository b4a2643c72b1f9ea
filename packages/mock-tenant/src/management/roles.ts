import type { TenantContext } from '../context.js'
import { conflict, empty, json, type Json } from '../http.js'
import { nextId } from '../state.js'
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
import { permissionRoutes } from './users.js'

const FIELDS = ['name', 'description']

export function roleRoutes(ctx: TenantContext): ApiRoute[] {
  const role = (id: string) => getOr404(ctx.state.roles, id, NOT_FOUND.role)
  const checkName = (name: string, except?: string) => {
    if ([...ctx.state.roles.values()].some((r) => r['name'] === name && r['id'] !== except))
      throw conflict('Role name already exists')
  }
  const holders = (roleId: string) =>
    lookup(
      ctx.state.users,
      [...ctx.state.userRoles].filter(([, set]) => set.has(roleId)).map(([id]) => id),
    )

  return [
    route('GET', '/roles', ['read:roles'], ({ query }) => {
      const filter = query.get('name_filter')?.toLowerCase()
      const roles = [...ctx.state.roles.values()].filter(
        (r) => filter === undefined || String(r['name']).toLowerCase().includes(filter),
      )
      return json(paginate(roles, query, { key: 'roles' }))
    }),
    route('GET', '/roles/:id', ['read:roles'], ({ params }) => json(role(params['id'] as string))),
    route('POST', '/roles', ['create:roles'], ({ body }) => {
      allowOnly(body, FIELDS)
      const name = requireString(body, 'name')
      checkName(name)
      const id = nextId(ctx.state, 'rol_')
      const record: Json = { id, name, description: body['description'] ?? '' }
      ctx.state.roles.set(id, record)
      return json(record, 200)
    }),
    route('PATCH', '/roles/:id', ['update:roles'], ({ params, body }) => {
      const record = role(params['id'] as string)
      allowOnly(body, FIELDS)
      if (body['name'] !== undefined) checkName(requireString(body, 'name'), String(record['id']))
      return json(patch(record, body))
    }),
    route('DELETE', '/roles/:id', ['delete:roles'], ({ params }) => {
      role(params['id'] as string)
      ctx.state.roles.delete(params['id'] as string)
      for (const set of [...ctx.state.userRoles.values(), ...ctx.state.orgMemberRoles.values()])
        set.delete(params['id'] as string)
      return empty(204)
    }),
    route('GET', '/roles/:id/users', ['read:role_members'], ({ params, query }) => {
      role(params['id'] as string)
      return pagedOrCheckpoint(
        holders(params['id'] as string).map(memberView),
        query,
        'users',
        'user_id',
      )
    }),
    route('POST', '/roles/:id/users', ['create:role_members'], ({ params, body }) => {
      role(params['id'] as string)
      const ids = stringArray(body, 'users')
      for (const id of ids) getOr404(ctx.state.users, id, NOT_FOUND.user)
      for (const id of ids)
        ctx.state.userRoles.set(
          id,
          (ctx.state.userRoles.get(id) ?? new Set()).add(params['id'] as string),
        )
      return empty(200)
    }),
    ...permissionRoutes(
      '/roles/:id/permissions',
      ['read:roles'],
      ['update:roles'],
      () => ctx.state.rolePermissions,
      role,
    ),
  ]
}
