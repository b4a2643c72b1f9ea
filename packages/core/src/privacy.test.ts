// No personal data from a query in any error, however it is printed (issue 15, item 9); mfa_token out of inspect.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { inspect } from 'node:util'
import { HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { errorFromResponse, type Auth0Error } from './errors.js'
import { RestClient } from './rest-client.js'
import {
  BASE,
  capture as captureOn,
  caught,
  client,
  fakeTime,
  hanging,
  settle,
} from './test-utils/transport.js'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  vi.useRealTimers()
})
afterAll(() => server.close())

const EMAIL = 'jane.doe@example.com'
const query = { q: `email:"${EMAIL}"`, search_engine: 'v3', page: 2 }
const spec = { method: 'GET', path: '/api/v2/users', query } as const
const SAFE_URL = `${BASE}/api/v2/users?q=…&search_engine=…&page=…`

/** Every way an error can be printed or walked: it must never show `EMAIL`. */
function renderings(err: Auth0Error): string[] {
  const props = Object.getOwnPropertyNames(err).map((k) => {
    const v = (err as unknown as Record<string, unknown>)[k]
    return typeof v === 'string' ? v : inspect(v, { depth: 5 })
  })
  return [
    err.message,
    String(err),
    inspect(err, { depth: 5 }),
    inspect(err, { depth: 5, showHidden: true }),
    JSON.stringify(err),
    err.stack ?? '',
    err.response?.url ?? '',
    JSON.stringify(err.rawResponse ?? {}),
    ...props,
  ]
}

function expectNoEmail(err: Auth0Error): void {
  for (const text of renderings(err)) expect(text).not.toContain(EMAIL)
  for (const text of renderings(err)) expect(text).not.toContain('jane.doe')
}

describe('errors carry the method, the path and the query keys, never the values', () => {
  it('an HTTP error: url and response.url keep the keys only', async () => {
    captureOn(server, 'get', '/api/v2/users', () =>
      HttpResponse.json({ statusCode: 400, message: 'Bad query' }, { status: 400 }),
    )
    const err = await caught(client().rest.request(spec))
    expect(err).toMatchObject({ statusCode: 400, method: 'GET', url: SAFE_URL })
    expect(err.response?.url).toBe(SAFE_URL)
    expectNoEmail(err)
  })

  it('a timeout: the message names the path and the keys', async () => {
    fakeTime()
    const { rest } = client({ fetch: hanging, options: { timeout: 1000 } })
    const err = await settle(caught(rest.request(spec)), 250)
    expect(err.message).toBe('GET /api/v2/users?q=…&search_engine=…&page=… timed out after 1000 ms')
    expect(err.url).toBe(SAFE_URL)
    expectNoEmail(err)
  })

  it('a deadline, an abort, a network error, a redirect, a bad body and a body too large', async () => {
    const { rest } = client({ options: { deadline: 5000 } })
    const errors: Auth0Error[] = []
    errors.push(
      await caught(
        client({ fetch: hanging }).rest.request(spec, {
          signal: AbortSignal.abort(new Error('stop')),
        }),
      ),
    )
    const failing = (async () => {
      throw new TypeError('fetch failed', { cause: new Error(`connect ECONNREFUSED for ${EMAIL}`) })
    }) as typeof fetch
    errors.push(
      await caught(client({ fetch: failing, options: { retries: 0 } }).rest.request(spec)),
    )
    captureOn(server, 'get', '/api/v2/users', (n) =>
      n === 1
        ? new HttpResponse(null, {
            status: 302,
            headers: { location: `https://evil.example.net/?e=${EMAIL}` },
          })
        : n === 2
          ? new HttpResponse('{"users": [', { headers: { 'content-type': 'application/json' } })
          : HttpResponse.json({ big: 'x'.repeat(2000) }),
    )
    errors.push(await caught(rest.request(spec)))
    errors.push(await caught(rest.request(spec)))
    errors.push(await caught(client({ options: { maxResponseSize: 100 } }).rest.request(spec)))
    expect(errors.map((e) => e.errorCode)).toEqual([
      'aborted',
      'network_error',
      'redirect_not_followed',
      'invalid_response',
      'response_too_large',
    ])
    for (const err of errors) {
      expect(err.message).toContain('GET /api/v2/users?q=…&search_engine=…&page=…')
      expect(err.url).toBe(SAFE_URL)
    }
    // the network error keeps its cause (the library's), which is not ours to rewrite: only what we write is checked
    for (const err of errors.filter((e) => e.errorCode !== 'network_error')) expectNoEmail(err)
    expect(errors[1]?.message).not.toContain(EMAIL)
  })

  it('a timeout from ky itself never keeps ky’s error, whose message has the full URL', async () => {
    fakeTime()
    const err = await settle(
      caught(client({ fetch: hanging, options: { timeout: 500 } }).rest.request(spec)),
      100,
    )
    expect(inspect(err.cause)).not.toContain(EMAIL)
    expect(inspect(err.cause)).not.toContain('Request timed out')
  })
})

describe('a real connection reset', () => {
  let http: Server
  beforeAll(async () => {
    http = createServer((req) => req.socket.destroy())
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r))
  })
  afterAll(() => new Promise<void>((r) => http.close(() => r())))

  it('is a NetworkError whose message and url keep the keys only', async () => {
    server.close()
    try {
      const { port } = http.address() as AddressInfo
      const rest = new RestClient({
        baseUrl: `http://127.0.0.1:${port}`,
        token: 'TOKEN-abcdef',
        options: { retries: 0 },
      })
      const err = await caught(rest.request(spec))
      expect(err).toMatchObject({
        name: 'NetworkError',
        url: `http://127.0.0.1:${port}/api/v2/users?q=…&search_engine=…&page=…`,
      })
      expectNoEmail(err)
    } finally {
      server.listen({ onUnhandledRequest: 'error' })
    }
  })
})

describe('mfa_token', () => {
  it('is available as mfaToken and in content, but not in util.inspect (console.error)', () => {
    const mfa = 'Fe26.2**mfa-token-value-123'
    const body = JSON.stringify({
      error: 'mfa_required',
      error_description: 'Multifactor authentication required',
      mfa_token: mfa,
    })
    const err = errorFromResponse({
      response: new Response(body, { status: 403 }),
      text: body,
      method: 'POST',
      url: `${BASE}/oauth/token`,
      headers: { 'content-type': 'application/json' },
      rateLimit: { resetAt: -1, limit: -1, remaining: -1, retryAfter: -1 },
      secrets: [],
    })
    expect(err.mfaToken).toBe(mfa)
    expect(err.content).toMatchObject({ mfa_token: mfa })
    expect(inspect(err)).not.toContain(mfa)
    expect(inspect(err, { depth: 10 })).not.toContain(mfa)
    expect(String(err)).not.toContain(mfa)
    expect(JSON.stringify(err)).not.toContain(mfa)
    expect(inspect(err)).toContain('mfa_required')
  })
})
