import type { TenantContext } from '../context.js'
import { conflict, empty, json, notFound, type Json } from '../http.js'
import { nextId } from '../state.js'
import {
  NOT_FOUND,
  allowOnly,
  getOr404,
  requireString,
  route,
  stringArray,
  type ApiRoute,
} from './common.js'
import { paginate } from './query.js'

const grantNotFound = () => notFound('The client grant does not exist', 'inexistent_client_grant')
const serverNotFound = () =>
  notFound('The resource server does not exist', 'inexistent_resource_server')

/** Client grants decide which client may use client_credentials for which API, and with which scopes. */
export function clientGrantRoutes(ctx: TenantContext): ApiRoute[] {
  const grant = (id: string) => getOr404(ctx.state.clientGrants, id, grantNotFound)
  return [
    route('GET', '/client-grants', ['read:client_grants'], ({ query }) => {
      const audience = query.get('audience')
      const clientId = query.get('client_id')
      const found = [...ctx.state.clientGrants.values()].filter(
        (g) =>
          (audience === null || g['audience'] === audience) &&
          (clientId === null || g['client_id'] === clientId),
      )
      return json(paginate(found, query, { key: 'client_grants' }))
    }),
    route('POST', '/client-grants', ['create:client_grants'], ({ body }) => {
      allowOnly(body, [
        'client_id',
        'audience',
        'scope',
        'organization_usage',
        'allow_any_organization',
      ])
      const clientId = requireString(body, 'client_id')
      const audience = requireString(body, 'audience')
      const scope = stringArray(body, 'scope')
      getOr404(ctx.state.clients, clientId, NOT_FOUND.client)
      getOr404(ctx.state.resourceServers, audience, serverNotFound)
      if (
        [...ctx.state.clientGrants.values()].some(
          (g) => g['client_id'] === clientId && g['audience'] === audience,
        )
      )
        throw conflict(
          'A client grant for this client and audience already exists',
          'client_grant_conflict',
        )
      const id = nextId(ctx.state, 'cgr_')
      const record: Json = { ...body, id, client_id: clientId, audience, scope }
      ctx.state.clientGrants.set(id, record)
      return json(record, 201)
    }),
    route('PATCH', '/client-grants/:id', ['update:client_grants'], ({ params, body }) => {
      const record = grant(params['id'] as string)
      allowOnly(body, ['scope', 'organization_usage', 'allow_any_organization'])
      if (body['scope'] !== undefined) record['scope'] = stringArray(body, 'scope')
      for (const key of ['organization_usage', 'allow_any_organization'])
        if (body[key] !== undefined) record[key] = body[key]
      return json(record)
    }),
    route('DELETE', '/client-grants/:id', ['delete:client_grants'], ({ params }) => {
      grant(params['id'] as string)
      ctx.state.clientGrants.delete(params['id'] as string)
      return empty(204)
    }),
    route('GET', '/resource-servers', ['read:resource_servers'], ({ query }) =>
      json(paginate([...ctx.state.resourceServers.values()], query, { key: 'resource_servers' })),
    ),
    route('GET', '/resource-servers/:id', ['read:resource_servers'], ({ params }) => {
      const id = params['id'] as string
      const found = [...ctx.state.resourceServers.values()].find(
        (r) => r['id'] === id || r['identifier'] === id,
      )
      if (!found) throw serverNotFound()
      return json(found)
    }),
  ]
}
