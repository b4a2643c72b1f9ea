import type { TenantContext } from '../context.js'
import { badBody, conflict, empty, json } from '../http.js'
import type { ConnectionRecord } from '../records.js'
import type { ProtectedRoute } from '../router/route.js'
import { nextId, userConnection } from '../state.js'
import { checkBody } from './body.js'
import { NOT_FOUND, getOr404, route } from './common.js'
import { paginate, project } from './query.js'

const UPDATE_FIELDS = {
  name: 'string',
  display_name: 'string',
  options: 'object',
  enabled_clients: 'string[]',
  metadata: 'object',
  realms: 'string[]',
  is_domain_connection: 'boolean',
  show_as_button: 'boolean',
} as const
const CREATE_FIELDS = { ...UPDATE_FIELDS, strategy: 'string' } as const
const NAME = /^[a-zA-Z0-9](-?[a-zA-Z0-9])*$/

function checkName(ctx: TenantContext, name: string, except?: string): void {
  if (!NAME.test(name) || name.length > 128)
    throw badBody(
      `String does not match pattern ^[a-zA-Z0-9](-?[a-zA-Z0-9])*$: ${name} on property name`,
    )
  if ([...ctx.state.connections.values()].some((c) => c.name === name && c.id !== except))
    throw conflict('A connection with the same name already exists', 'connection_conflict')
}

export function connectionRoutes(ctx: TenantContext): ProtectedRoute[] {
  const connection = (id: string) => getOr404(ctx.state.connections, id, NOT_FOUND.connection)

  return [
    route('GET', '/connections', ({ query }) => {
      const strategies = query
        .getAll('strategy')
        .flatMap((s) => s.split(','))
        .filter(Boolean)
      const name = query.get('name')
      const found = [...ctx.state.connections.values()].filter(
        (c) =>
          (strategies.length === 0 || strategies.includes(c.strategy)) &&
          (name === null || c.name === name),
      )
      return json(
        paginate(
          found.map((c) => project(c, query)),
          query,
          { key: 'connections' },
        ),
      )
    }),

    route('GET', '/connections/{id}', ({ params, query }) =>
      json(project(connection(params['id'] as string), query)),
    ),

    route('POST', '/connections', ({ body }) => {
      const input = checkBody(body, CREATE_FIELDS, { required: ['name', 'strategy'] })
      const name = input.name as string
      checkName(ctx, name)
      const id = nextId(ctx.state, 'con_')
      const record: ConnectionRecord = {
        id,
        options: {},
        enabled_clients: [],
        realms: [name],
        is_domain_connection: false,
        ...input,
        name,
        strategy: input.strategy as string,
      }
      ctx.state.connections.set(id, record)
      return json(record, 201)
    }),

    // Unlike a real tenant, `name` may change: auth0-python's connections example renames one.
    route('PATCH', '/connections/{id}', ({ params, body }) => {
      const record = connection(params['id'] as string)
      const input = checkBody(body, UPDATE_FIELDS)
      if (input.name !== undefined) checkName(ctx, input.name, record.id)
      return json(Object.assign(record, input))
    }),

    route('DELETE', '/connections/{id}', ({ params }) => {
      const record = connection(params['id'] as string)
      ctx.state.connections.delete(record.id)
      for (const map of ctx.state.orgConnections.values()) map.delete(record.id)
      return empty(204)
    }),

    route('DELETE', '/connections/{id}/users', ({ params, query }) => {
      const realm = connection(params['id'] as string).name
      const { email } = checkBody(
        Object.fromEntries(query),
        { email: 'string' },
        { required: ['email'], open: true },
      )
      const wanted = (email as string).toLowerCase()
      for (const [id, user] of ctx.state.users)
        if (userConnection(user) === realm && user.email?.toLowerCase() === wanted)
          ctx.state.users.delete(id)
      return empty(204)
    }),
  ]
}
