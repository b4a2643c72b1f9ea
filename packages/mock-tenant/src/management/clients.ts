import { randomBytes } from 'node:crypto'
import type { TenantContext } from '../context.js'
import { empty, json, type Json } from '../http.js'
import { nextId } from '../state.js'
import {
  NOT_FOUND,
  getOr404,
  patch,
  requireString,
  route,
  type ApiAuth,
  type ApiRoute,
} from './common.js'
import { paginate, project } from './query.js'

const newSecret = () => `mock-secret-${randomBytes(16).toString('hex')}`

/** Secrets show only to tokens with `read:client_keys`, as on a tenant. */
function view(client: Json, auth: ApiAuth, query: URLSearchParams): Json {
  const { client_secret: _secret, ...rest } = client
  return project(auth.scopes.has('read:client_keys') ? client : rest, query)
}

export function clientRoutes(ctx: TenantContext): ApiRoute[] {
  const client = (id: string) => getOr404(ctx.state.clients, id, NOT_FOUND.client)
  return [
    route('GET', '/clients', ['read:clients'], ({ query, auth }) => {
      const items = [...ctx.state.clients.values()].map((c) => view(c, auth, query))
      return json(paginate(items, query, { key: 'clients' }))
    }),
    route('GET', '/clients/:id', ['read:clients'], ({ params, query, auth }) =>
      json(view(client(params['id'] as string), auth, query)),
    ),
    route('POST', '/clients', ['create:clients'], ({ body }) => {
      const name = requireString(body, 'name')
      const id = nextId(ctx.state, 'mockClient', 22)
      const record: Json = {
        client_secret: newSecret(),
        name,
        tenant: 'mock-tenant',
        app_type: 'regular_web',
        grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
        callbacks: [],
        token_endpoint_auth_method: 'client_secret_post',
        is_first_party: true,
        oidc_conformant: true,
        ...body,
        ...{ client_id: id },
      }
      ctx.state.clients.set(id, record)
      return json(record, 201)
    }),
    route('PATCH', '/clients/:id', ['update:clients'], ({ params, body }) => {
      const { client_id: _ignored, ...changes } = body
      return json(patch(client(params['id'] as string), changes, ['client_metadata']))
    }),
    route('DELETE', '/clients/:id', ['delete:clients'], ({ params }) => {
      client(params['id'] as string)
      ctx.state.clients.delete(params['id'] as string)
      ctx.state.clientAuth.delete(params['id'] as string)
      for (const [gid, g] of ctx.state.clientGrants)
        if (g['client_id'] === params['id']) ctx.state.clientGrants.delete(gid)
      return empty(204)
    }),
    route('POST', '/clients/:id/rotate-secret', ['update:client_keys'], ({ params }) => {
      const record = client(params['id'] as string)
      record['client_secret'] = newSecret()
      return json(record)
    }),
  ]
}
