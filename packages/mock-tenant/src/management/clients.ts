import { randomBytes } from 'node:crypto'
import type { TenantContext } from '../context.js'
import { empty, json, type Json } from '../http.js'
import type { ClientRecord } from '../records.js'
import type { ApiAuth, ProtectedRoute } from '../router/route.js'
import { nextId } from '../state.js'
import { checkBody, mergeMetadata } from './body.js'
import { NOT_FOUND, getOr404, route } from './common.js'
import { paginate, project } from './query.js'

const newSecret = () => `mock-secret-${randomBytes(16).toString('hex')}`

/** The client settings the emulator reads; any other setting is stored as sent. */
const FIELDS = {
  name: 'string',
  app_type: 'string',
  client_secret: 'string',
  grant_types: 'string[]',
  callbacks: 'string[]',
  allowed_logout_urls: 'string[]',
  token_endpoint_auth_method: 'string',
  is_first_party: 'boolean',
  oidc_conformant: 'boolean',
  jwt_configuration: 'object',
  client_metadata: 'object',
} as const

/** Secrets show only to tokens with `read:client_keys`, as on a tenant. */
function view(client: ClientRecord, auth: ApiAuth, query: URLSearchParams): Json {
  const { client_secret: _secret, ...rest } = client
  return project(auth.scopes.has('read:client_keys') ? client : rest, query)
}

export function clientRoutes(ctx: TenantContext): ProtectedRoute[] {
  const client = (id: string) => getOr404(ctx.state.clients, id, NOT_FOUND.client)
  return [
    route('GET', '/clients', ({ query, auth }) => {
      const items = [...ctx.state.clients.values()].map((c) => view(c, auth, query))
      return json(paginate(items, query, { key: 'clients' }))
    }),
    route('GET', '/clients/{id}', ({ params, query, auth }) =>
      json(view(client(params['id'] as string), auth, query)),
    ),
    route('POST', '/clients', ({ body }) => {
      const { client_id: _ignored, ...settings } = body
      const known = checkBody(settings, FIELDS, { required: ['name'], open: true })
      const id = nextId(ctx.state, 'mockClient', 22)
      const record: ClientRecord = {
        client_secret: newSecret(),
        tenant: 'mock-tenant',
        app_type: 'regular_web',
        grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
        callbacks: [],
        token_endpoint_auth_method: 'client_secret_post',
        is_first_party: true,
        oidc_conformant: true,
        ...structuredClone(settings),
        ...known,
        name: known.name as string,
        client_id: id,
      }
      ctx.state.clients.set(id, record)
      return json(record, 201)
    }),
    route('PATCH', '/clients/{id}', ({ params, body }) => {
      const record = client(params['id'] as string)
      const { client_id: _ignored, ...settings } = body
      const known = checkBody(settings, FIELDS, { open: true })
      const metadata = record.client_metadata
      Object.assign(record, structuredClone(settings), known)
      if (known.client_metadata)
        record.client_metadata = mergeMetadata(metadata, known.client_metadata)
      return json(record)
    }),
    route('DELETE', '/clients/{id}', ({ params }) => {
      const id = client(params['id'] as string).client_id
      ctx.state.clients.delete(id)
      ctx.state.clientAuth.delete(id)
      for (const [gid, g] of ctx.state.clientGrants)
        if (g.client_id === id) ctx.state.clientGrants.delete(gid)
      return empty(204)
    }),
    route('POST', '/clients/{id}/rotate-secret', ({ params }) => {
      const record = client(params['id'] as string)
      record.client_secret = newSecret()
      return json(record)
    }),
  ]
}
