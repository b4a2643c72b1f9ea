// Helpers shared by the transport tests: msw capture, a client with injected time, and settling a call under fake
// timers (microtasks and I/O stay real; timers advance only when the test says so).
import { http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, vi } from 'vitest'
import type { Auth0Error } from '../errors.js'
import { RestClient, type RestClientConfig } from '../rest-client.js'

export const BASE = 'https://tenant.example.com'

export interface Captured {
  method: string
  url: URL
  headers: Headers
  body: string
}

/**
 * This test file's msw server: an unmatched request fails the test; handlers, fake timers and mocks are reset after
 * each test. `capture` records on it.
 */
export function useServer() {
  const server = setupServer()
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => {
    server.resetHandlers()
    vi.useRealTimers()
    vi.restoreAllMocks()
  })
  afterAll(() => server.close())
  return {
    server,
    capture: (...args: Parameters<typeof capture> extends [unknown, ...infer R] ? R : never) =>
      capture(server, ...args),
  }
}

/** Records every request the handler sees, answering with `reply(n)` for the n-th request. */
export function capture(
  server: ReturnType<typeof setupServer>,
  method: 'get' | 'post' | 'patch' | 'delete' | 'put',
  path: string,
  reply: (n: number, request: Captured) => Response | Promise<Response>,
): Captured[] {
  const seen: Captured[] = []
  server.use(
    http[method](`${BASE}${path}`, async ({ request }) => {
      const captured = {
        method: request.method,
        url: new URL(request.url),
        headers: request.headers,
        body: await request.text(),
      }
      seen.push(captured)
      return reply(seen.length, captured)
    }),
  )
  return seen
}

/** A client whose sleeps are recorded and instant; `now` is the (possibly fake) `Date.now`. */
export function client(overrides: Partial<RestClientConfig> = {}) {
  const sleeps: number[] = []
  const rest = new RestClient({
    baseUrl: BASE,
    token: 'TOKEN-abcdef',
    client: { name: '@auth0-ts/test', version: '1.2.3' },
    now: () => Date.now(),
    sleep: async (ms, signal) => {
      signal?.throwIfAborted()
      sleeps.push(ms)
    },
    random: () => 0,
    ...overrides,
  })
  return { rest, sleeps }
}

export async function caught(p: Promise<unknown>): Promise<Auth0Error> {
  try {
    await p
  } catch (e) {
    return e as Auth0Error
  }
  throw new Error('expected a rejection')
}

/** Fake timers for setTimeout and Date only, so msw and promises run as usual. */
export function fakeTime(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: 1_700_000_000_000 })
}

/** Lets real I/O and microtasks run, then advances fake time by `stepMs`, until `p` settles. */
export async function settle<T>(p: Promise<T>, stepMs: number, maxSteps = 200): Promise<T> {
  let done = false
  void p.then(
    () => (done = true),
    () => (done = true),
  )
  for (let i = 0; i < maxSteps && !done; i++) {
    await new Promise((r) => setImmediate(r))
    if (!done) await vi.advanceTimersByTimeAsync(stepMs)
  }
  return p
}

/** A fetch whose response never comes, until its signal aborts. */
export const hanging = ((input: RequestInfo | URL, init?: RequestInit) =>
  new Promise<Response>((_, reject) => {
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined)
    signal?.addEventListener('abort', () => reject(signal.reason as Error))
  })) as typeof fetch
