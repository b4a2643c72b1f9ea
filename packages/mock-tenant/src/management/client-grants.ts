import type { TenantContext } from '../context.js'
import { conflict, empty, json, notFound } from '../http.js'
import type { ClientGrantRecord } from '../records.js'
import type { ProtectedRoute } from '../router/route.js'
import { nextId } from '../state.js'
import { checkBody } from './body.js'
import { NOT_FOUND, getOr404, route } from './common.js'
import { paginate } from './query.js'

const grantNotFound = () => notFound('The client grant does not exist', 'inexistent_client_grant')
const serverNotFound = () =>
  notFound('The resource server does not exist', 'inexistent_resource_server')

const UPDATE_FIELDS = {
  scope: 'string[]',
  organization_usage: 'string',
  allow_any_organization: 'boolean',
} as const
const CREATE_FIELDS = { ...UPDATE_FIELDS, client_id: 'string', audience: 'string' } as const

/** Client grants decide which client may use client_credentials for which API, and with which scopes. */
export function clientGrantRoutes(ctx: TenantContext): ProtectedRoute[] {
  const grant = (id: string) => getOr404(ctx.state.clientGrants, id, grantNotFound)
  return [
    route('GET', '/client-grants', ({ query }) => {
      const audience = query.get('audience')
      const clientId = query.get('client_id')
      const found = [...ctx.state.clientGrants.values()].filter(
        (g) =>
          (audience === null || g.audience === audience) &&
          (clientId === null || g.client_id === clientId),
      )
      return json(paginate(found, query, { key: 'client_grants' }))
    }),
    route('POST', '/client-grants', ({ body }) => {
      const input = checkBody(body, CREATE_FIELDS, {
        required: ['client_id', 'audience', 'scope'],
      })
      const { client_id: clientId = '', audience = '', scope = [] } = input
      getOr404(ctx.state.clients, clientId, NOT_FOUND.client)
      getOr404(ctx.state.resourceServers, audience, serverNotFound)
      if (
        [...ctx.state.clientGrants.values()].some(
          (g) => g.client_id === clientId && g.audience === audience,
        )
      )
        throw conflict(
          'A client grant for this client and audience already exists',
          'client_grant_conflict',
        )
      const id = nextId(ctx.state, 'cgr_')
      const record: ClientGrantRecord = { ...input, id, client_id: clientId, audience, scope }
      ctx.state.clientGrants.set(id, record)
      return json(record, 201)
    }),
    route('PATCH', '/client-grants/{id}', ({ params, body }) => {
      const record = grant(params['id'] as string)
      return json(Object.assign(record, checkBody(body, UPDATE_FIELDS)))
    }),
    route('DELETE', '/client-grants/{id}', ({ params }) => {
      ctx.state.clientGrants.delete(grant(params['id'] as string).id)
      return empty(204)
    }),
    route('GET', '/resource-servers', ({ query }) =>
      json(paginate([...ctx.state.resourceServers.values()], query, { key: 'resource_servers' })),
    ),
    route('GET', '/resource-servers/{id}', ({ params }) => {
      const id = params['id'] as string
      const found = [...ctx.state.resourceServers.values()].find(
        (r) => r.id === id || r.identifier === id,
      )
      if (!found) throw serverNotFound()
      return json(found)
    }),
  ]
}
