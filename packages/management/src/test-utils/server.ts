// A shared msw server for the unit tests: records every request, answers with the handler given per test.
import { http, HttpResponse, type JsonBodyType } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'

export const DOMAIN = 'tenant.example.com'
export const BASE = `https://${DOMAIN}/api/v2`

export interface Seen {
  method: string
  /** The URL exactly as sent (percent-encoding kept). */
  raw: string
  url: URL
  query: Record<string, string>
  headers: Headers
  body: string
}

/** Starts one msw server for the file; `reply` answers each request (the n-th, from 1). */
export function mockApi() {
  const seen: Seen[] = []
  let reply: (req: Seen, n: number) => Response | Promise<Response> = () => HttpResponse.json({})
  const server = setupServer(
    http.all(`https://${DOMAIN}/*`, async ({ request }) => {
      const url = new URL(request.url)
      const req: Seen = {
        method: request.method,
        raw: request.url,
        url,
        query: Object.fromEntries(url.searchParams),
        headers: request.headers,
        body: await request.text(),
      }
      seen.push(req)
      return reply(req, seen.length)
    }),
  )
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => {
    seen.length = 0
    reply = () => HttpResponse.json({})
  })
  afterAll(() => server.close())
  return {
    seen,
    reply(fn: (req: Seen, n: number) => Response | Promise<Response>) {
      reply = fn
    },
    json(body: JsonBodyType, init?: ResponseInit) {
      return HttpResponse.json(body, init)
    },
  }
}

let counter = 0
/** A user with a unique id. */
export function makeUser(overrides: Record<string, unknown> = {}) {
  counter++
  return { user_id: `auth0|u${counter}`, email: `u${counter}@example.com`, ...overrides }
}
