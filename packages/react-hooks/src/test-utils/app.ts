// The app's side for browser tests: msw mounts the real proxy at http://app.test, in front of the msw tenant.
import { http, type RequestHandler } from 'msw'
import { createManagementClient, type ManagementClient } from '../client.js'
import { createManagementProxy, type ManagementProxyOptions } from '../server.js'
import { createTenant, makeManagement } from './tenant.js'

export const BASE_URL = 'http://app.test/api/management'

/** A proxy call as the browser sent it. */
export interface ProxyRequest {
  name: string
  body: unknown
  headers: Headers
  signal: AbortSignal
}

export function mountApp(
  server: { use: (...handlers: RequestHandler[]) => void },
  seed: Parameters<typeof createTenant>[0] = {},
  options: Partial<ManagementProxyOptions> = {},
) {
  const tenant = createTenant(seed)
  const handler = createManagementProxy({
    management: makeManagement(),
    allow: ['users.list', 'users.get', 'connections.all', 'connections.update'],
    authorize: (request) => request.headers.get('x-csrf') === 'ok' || 'unauthenticated',
    ...options,
  })
  const calls: ProxyRequest[] = []
  server.use(
    http.all(`${BASE_URL}/*`, async ({ request }) => {
      calls.push({
        name: new URL(request.url).pathname.split('/').pop() ?? '',
        body: await request.clone().json(),
        headers: request.headers,
        signal: request.signal,
      })
      return handler(request)
    }),
    ...tenant.handlers,
  )
  const client: ManagementClient = createManagementClient({
    baseUrl: BASE_URL,
    headers: { 'x-csrf': 'ok' },
  })
  return { tenant, calls, client }
}
