import type { TenantContext } from '../context.js'
import { badBody, conflict, empty, json, type Json } from '../http.js'
import { nextId, userConnection } from '../state.js'
import {
  NOT_FOUND,
  allowOnly,
  getOr404,
  patch,
  requireString,
  route,
  type ApiRoute,
} from './common.js'
import { paginate, project } from './query.js'

const UPDATE_FIELDS = [
  'name',
  'display_name',
  'options',
  'enabled_clients',
  'metadata',
  'realms',
  'is_domain_connection',
  'show_as_button',
]
const CREATE_FIELDS = [...UPDATE_FIELDS, 'strategy']
const NAME = /^[a-zA-Z0-9](-?[a-zA-Z0-9])*$/

function checkName(ctx: TenantContext, name: string, except?: string): void {
  if (!NAME.test(name) || name.length > 128)
    throw badBody(
      `String does not match pattern ^[a-zA-Z0-9](-?[a-zA-Z0-9])*$: ${name} on property name`,
    )
  if ([...ctx.state.connections.values()].some((c) => c['name'] === name && c['id'] !== except))
    throw conflict('A connection with the same name already exists', 'connection_conflict')
}

export function connectionRoutes(ctx: TenantContext): ApiRoute[] {
  const connection = (id: string) => getOr404(ctx.state.connections, id, NOT_FOUND.connection)

  return [
    route('GET', '/connections', ['read:connections'], ({ query }) => {
      const strategies = query
        .getAll('strategy')
        .flatMap((s) => s.split(','))
        .filter(Boolean)
      const name = query.get('name')
      const found = [...ctx.state.connections.values()].filter(
        (c) =>
          (strategies.length === 0 || strategies.includes(String(c['strategy']))) &&
          (name === null || c['name'] === name),
      )
      return json(
        paginate(
          found.map((c) => project(c, query)),
          query,
          { key: 'connections' },
        ),
      )
    }),

    route('GET', '/connections/:id', ['read:connections'], ({ params, query }) =>
      json(project(connection(params['id'] as string), query)),
    ),

    route('POST', '/connections', ['create:connections'], ({ body }) => {
      allowOnly(body, CREATE_FIELDS)
      const name = requireString(body, 'name')
      requireString(body, 'strategy')
      checkName(ctx, name)
      const id = nextId(ctx.state, 'con_')
      const record: Json = {
        id,
        options: {},
        enabled_clients: [],
        realms: [name],
        is_domain_connection: false,
        ...body,
      }
      ctx.state.connections.set(id, record)
      return json(record, 201)
    }),

    // Unlike a real tenant, `name` may change: the SDK's seed example renames a connection.
    route('PATCH', '/connections/:id', ['update:connections'], ({ params, body }) => {
      const record = connection(params['id'] as string)
      allowOnly(body, UPDATE_FIELDS)
      if (body['name'] !== undefined)
        checkName(ctx, requireString(body, 'name'), String(record['id']))
      return json(patch(record, body))
    }),

    route('DELETE', '/connections/:id', ['delete:connections'], ({ params }) => {
      const record = connection(params['id'] as string)
      ctx.state.connections.delete(params['id'] as string)
      for (const map of ctx.state.orgConnections.values()) map.delete(String(record['id']))
      return empty(204)
    }),

    route('DELETE', '/connections/:id/users', ['delete:users'], ({ params, query }) => {
      const realm = String(connection(params['id'] as string)['name'])
      const email = requireString(Object.fromEntries(query), 'email').toLowerCase()
      for (const [id, user] of ctx.state.users)
        if (userConnection(user) === realm && String(user['email']).toLowerCase() === email)
          ctx.state.users.delete(id)
      return empty(204)
    }),
  ]
}
