// A tiny Management API upstream for tests, served by msw, with the real Auth0 client in front of it.
import { Auth0 } from '@auth0-ts/management'
import { http, HttpResponse, type HttpHandler } from 'msw'

const DOMAIN = 'tenant.example.com'
/** JWT-shaped, as a real management token is, so a leak of any part of it is easy to spot. */
export const TOKEN =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJtZ210LXNlY3JldCJ9.c2lnbmF0dXJlLW1nbXQtc2VjcmV0'
const API = `https://${DOMAIN}/api/v2`

export interface TenantUser {
  user_id: string
  email: string
  name: string
}
export interface TenantConnection {
  id: string
  name: string
  strategy: string
  display_name: string
}

let seq = 0
export function makeUser(overrides: Partial<TenantUser> = {}): TenantUser {
  const n = ++seq
  return { user_id: `auth0|u${n}`, email: `user${n}@example.com`, name: `User ${n}`, ...overrides }
}
export function makeConnection(overrides: Partial<TenantConnection> = {}): TenantConnection {
  const n = ++seq
  return {
    id: `con_${n}`,
    name: `db-${n}`,
    strategy: 'auth0',
    display_name: `Database ${n}`,
    ...overrides,
  }
}

/** What reached the upstream: method, path, query, body and the Authorization header. */
export interface UpstreamRequest {
  method: string
  path: string
  query: Record<string, string>
  body: unknown
  authorization: string | null
}

const notFound = (what: string) =>
  HttpResponse.json(
    {
      statusCode: 404,
      error: 'Not Found',
      message: `The ${what} does not exist.`,
      errorCode: `inexistent_${what}`,
    },
    { status: 404, headers: { 'x-auth0-requestid': 'req-404', 'set-cookie': 'upstream=1' } },
  )

/** An in-memory tenant: its data, the requests it saw, and msw handlers serving it. */
export function createTenant(
  seed: { users?: TenantUser[]; connections?: TenantConnection[] } = {},
) {
  const users = seed.users ?? []
  const connections = seed.connections ?? []
  const requests: UpstreamRequest[] = []
  /** Responses to send instead of the normal ones, first in first out. */
  const overrides: Array<() => Response | Promise<Response>> = []
  const record = async (
    request: Request,
  ): Promise<(() => Response | Promise<Response>) | undefined> => {
    const url = new URL(request.url)
    const text = await request.clone().text()
    requests.push({
      method: request.method,
      path: url.pathname.replace('/api/v2', ''),
      query: Object.fromEntries(url.searchParams),
      body: text === '' ? undefined : JSON.parse(text),
      authorization: request.headers.get('authorization'),
    })
    return overrides.shift()
  }
  const handlers: HttpHandler[] = [
    http.all(`${API}/*`, async ({ request }) => {
      const override = await record(request)
      if (override) return override()
      return undefined
    }),
    http.get(`${API}/users`, ({ request }) => {
      const q = new URL(request.url).searchParams
      const page = Number(q.get('page') ?? 0)
      const perPage = Number(q.get('per_page') ?? 50)
      // enough Lucene for tests: `email:*al*` or a bare term
      const term = (q.get('q') ?? '').replace(/^\w+:/, '').replaceAll('*', '')
      const found = users.filter((u) => u.email.includes(term) || u.name.includes(term))
      const slice = found.slice(page * perPage, (page + 1) * perPage)
      return HttpResponse.json(
        q.get('include_totals') === 'true'
          ? { users: slice, start: page * perPage, limit: perPage, total: found.length }
          : slice,
      )
    }),
    http.get(`${API}/users/:id`, ({ params }) => {
      const user = users.find((u) => u.user_id === params['id'])
      return user ? HttpResponse.json(user) : notFound('user')
    }),
    http.get(`${API}/connections`, () => HttpResponse.json(connections)),
    http.get(`${API}/connections/:id`, ({ params }) => {
      const connection = connections.find((c) => c.id === params['id'])
      return connection ? HttpResponse.json(connection) : notFound('connection')
    }),
    http.patch(`${API}/connections/:id`, async ({ request, params }) => {
      const connection = connections.find((c) => c.id === params['id'])
      if (!connection) return notFound('connection')
      Object.assign(connection, (await request.json()) as object)
      return HttpResponse.json(connection)
    }),
  ]
  return { users, connections, requests, overrides, handlers }
}

/** A 429 as Auth0 sends it, plus headers that must not reach a browser. */
export function rateLimited(resetAt: number): Response {
  return HttpResponse.json(
    {
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Global limit has been reached',
      errorCode: 'too_many_requests',
    },
    {
      status: 429,
      headers: {
        'x-ratelimit-limit': '10',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(resetAt),
        'retry-after': '30',
        'x-auth0-requestid': 'req-429',
        'set-cookie': 'did=abc',
        'x-upstream-secret': 'internal',
      },
    },
  )
}

/** The real management client, with no retries so a 429 surfaces at once. */
export function makeManagement(): Auth0 {
  return new Auth0(DOMAIN, TOKEN, { restOptions: { retries: 0 } })
}
