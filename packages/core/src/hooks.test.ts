// Observability: hooks around every call, the debug log, the OpenTelemetry recipe of the README, and a sweep of every
// fault scenario with hooks and debug on, proving no secret reaches either.
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { inspect } from 'node:util'
import { SpanStatusCode } from '@opentelemetry/api'
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base'
import { http, HttpResponse } from 'msw'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Auth0Error } from './errors.js'
import type { RequestHooks } from './hooks.js'
import { RestClient, type RequestSpec } from './rest-client.js'
import { tracingHooks } from './test-utils/otel-recipe.js'
import {
  BASE,
  caught,
  client,
  fakeTime,
  hanging,
  settle,
  useServer,
} from './test-utils/transport.js'
import { createClientCredentialsProvider } from './token-provider.js'

const { server, capture } = useServer()

/** Hooks that record each event as `[hook, payload]`. */
function recorder() {
  const events: [string, Record<string, unknown>][] = []
  const hooks: RequestHooks = {
    onRequest: (e) => void events.push(['onRequest', { ...e }]),
    onResponse: (e) => void events.push(['onResponse', { ...e }]),
    onRetry: (e) => void events.push(['onRetry', { ...e }]),
    onError: (e) => void events.push(['onError', { ...e }]),
  }
  return { events, hooks }
}

const rateLimited = (remaining: number) => ({
  'x-ratelimit-limit': '50',
  'x-ratelimit-remaining': String(remaining),
  'x-ratelimit-reset': '1700000060',
})

describe('hooks', () => {
  it('see each attempt, each retry with its wait and reason, and the call’s end: plain objects, no token', async () => {
    capture('get', '/api/v2/users/:id', (n) =>
      n === 1
        ? new HttpResponse(null, {
            status: 429,
            headers: { 'retry-after': '2', ...rateLimited(0) },
          })
        : HttpResponse.json(
            { user_id: 'u1' },
            { headers: { 'x-auth0-requestid': 'req-7', ...rateLimited(48) } },
          ),
    )
    const { events, hooks } = recorder()
    const { rest } = client({ baseUrl: `${BASE}/api/v2`, rateLimiter: false, options: { hooks } })
    await rest.request({
      method: 'GET',
      path: '/users/{id}',
      params: { id: 'auth0|u1' },
      query: { fields: 'email' },
    })
    const call = {
      callId: expect.any(Number) as number,
      method: 'GET',
      pathTemplate: '/api/v2/users/{id}',
      path: '/api/v2/users/auth0%7Cu1',
      elapsedMs: expect.any(Number) as number,
    }
    expect(events).toEqual([
      ['onRequest', { ...call, attempt: 1 }],
      [
        'onRetry',
        {
          ...call,
          attempt: 1,
          status: 429,
          durationMs: expect.any(Number),
          requestId: undefined,
          rateLimit: {
            limit: 50,
            remaining: 0,
            resetAt: 1_700_000_060,
            retryAfter: 2,
            waitMs: 2000,
          },
          reason: 'rate_limited',
          waitMs: 2000,
        },
      ],
      ['onRequest', { ...call, attempt: 2 }],
      [
        'onResponse',
        {
          ...call,
          attempt: 2,
          status: 200,
          durationMs: expect.any(Number),
          requestId: 'req-7',
          rateLimit: expect.objectContaining({ remaining: 48, limit: 50 }),
        },
      ],
    ])
    expect(new Set(events.map(([, e]) => e['callId'])).size).toBe(1)
    expect(JSON.stringify(events)).not.toContain('TOKEN-abcdef')
  })

  it('report a failed call once, with its error name and code', async () => {
    capture('get', '/x', () => HttpResponse.json({ error: 'not_found' }, { status: 404 }))
    const { events, hooks } = recorder()
    await caught(client({ options: { hooks } }).rest.request({ method: 'GET', path: '/x' }))
    expect(events.map(([name]) => name)).toEqual(['onRequest', 'onError'])
    expect(events[1]?.[1]).toMatchObject({
      status: 404,
      errorName: 'Auth0Error',
      errorCode: 'not_found',
      attempt: 1,
    })
  })

  it('report a call that failed before sending anything (a deadline in the rate limiter)', async () => {
    fakeTime()
    const { events, hooks } = recorder()
    const { rest } = client({
      rateLimiter: { acquire: () => new Promise(() => {}), update: () => {} },
      options: { hooks, deadline: 1000 },
    })
    await settle(caught(rest.request({ method: 'GET', path: '/x' })), 250)
    expect(events).toEqual([
      [
        'onError',
        expect.objectContaining({
          attempt: 0,
          status: 0,
          errorName: 'TimeoutError',
          errorCode: 'timeout',
        }),
      ],
    ])
  })

  it('run per-call hooks after the client’s', async () => {
    capture('get', '/x', () => HttpResponse.json({}))
    const order: string[] = []
    const { rest } = client({ options: { hooks: { onResponse: () => void order.push('client') } } })
    await rest.request(
      { method: 'GET', path: '/x' },
      { hooks: { onResponse: () => void order.push('call') } },
    )
    expect(order).toEqual(['client', 'call'])
  })

  it('delay nothing: a hook that never settles holds up no call', async () => {
    capture('get', '/x', () => HttpResponse.json({ ok: 1 }))
    const never = () => new Promise<void>(() => {})
    const { rest } = client({
      options: { hooks: { onRequest: never, onResponse: never, onRetry: never, onError: never } },
    })
    await expect(rest.request({ method: 'GET', path: '/x' })).resolves.toEqual({ ok: 1 })
  })

  it('fail nothing: a hook that throws or rejects is reported to the debug log by name only', async () => {
    capture('get', '/x', () => HttpResponse.json({ ok: 1 }))
    const lines: string[] = []
    const { rest } = client({
      options: {
        debug: (line) => lines.push(line),
        hooks: {
          onRequest: () => {
            throw new TypeError('secret detail TOKEN-abcdef')
          },
          onResponse: () => Promise.reject(new RangeError('boom')),
        },
      },
    })
    await expect(rest.request({ method: 'GET', path: '/x' })).resolves.toEqual({ ok: 1 })
    await new Promise((r) => setImmediate(r))
    expect(lines.filter((l) => l.includes('hook'))).toEqual([
      '[auth0-ts] hook onRequest failed: TypeError',
      '[auth0-ts] hook onResponse failed: RangeError',
    ])
  })

  it('are checked at construction', () => {
    expect(
      () => new RestClient({ baseUrl: BASE, options: { hooks: { onRequest: 'log' } as never } }),
    ).toThrow(
      /restOptions\.hooks: expected an object with functions onRequest, onResponse, onRetry, onError/,
    )
    expect(
      () => new RestClient({ baseUrl: BASE, options: { hooks: { onStart: () => {} } as never } }),
    ).toThrow(/restOptions\.hooks/)
  })
})

describe('the debug log', () => {
  it('writes one redacted line per attempt, with the query keys only', async () => {
    capture('get', '/api/v2/users', (n) =>
      n === 1
        ? new HttpResponse(null, { status: 503 })
        : HttpResponse.json([], { headers: { 'x-auth0-requestid': 'r-9', ...rateLimited(49) } }),
    )
    const lines: string[] = []
    const { rest } = client({ options: { debug: (l) => lines.push(l) } })
    await rest.request({
      method: 'GET',
      path: '/api/v2/users',
      query: { q: 'email:"ann@example.com"' },
    })
    expect(lines.map((l) => l.replace(/ in \d+ ms/, ' in N ms'))).toEqual([
      '[auth0-ts] GET /api/v2/users?q=… attempt 1: 503 in N ms → retry in 101 ms (server_error)',
      '[auth0-ts] GET /api/v2/users?q=… attempt 2: 200 in N ms, request id r-9, rate limit 49/50 → done',
    ])
  })

  it('goes to console.debug with debug: true', async () => {
    capture('get', '/x', () => HttpResponse.json({}))
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {})
    await client({ options: { debug: true } }).rest.request({ method: 'GET', path: '/x' })
    expect(debug).toHaveBeenCalledTimes(1)
    expect(debug.mock.calls[0]?.[0]).toMatch(
      /^\[auth0-ts\] GET \/x attempt 1: 200 in \d+ ms → done$/,
    )
  })
})

describe('OpenTelemetry, as the README shows', () => {
  it('is the README’s recipe, word for word', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    const recipe = readFileSync(new URL('./test-utils/otel-recipe.ts', import.meta.url), 'utf8')
    expect(readme).toContain(recipe.replace("'../index.js'", "'@auth0-ts/core'").trim())
  })

  it('opens one span per call, with one event per retry, and marks failures', async () => {
    const exporter = new InMemorySpanExporter()
    const provider = new BasicTracerProvider({
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    })
    const hooks = tracingHooks(provider.getTracer('auth0-ts-test'))
    capture('get', '/api/v2/users/:id', (n) =>
      n <= 2
        ? new HttpResponse(null, { status: n === 1 ? 429 : 503, headers: { 'retry-after': '1' } })
        : HttpResponse.json({}, { headers: { 'x-auth0-requestid': 'req-1' } }),
    )
    capture('delete', '/api/v2/users/:id', () =>
      HttpResponse.json({ error: 'forbidden' }, { status: 403 }),
    )
    const { rest } = client({ baseUrl: `${BASE}/api/v2`, rateLimiter: false, options: { hooks } })
    await rest.request({ method: 'GET', path: '/users/{id}', params: { id: 'u1' } })
    await caught(rest.request({ method: 'DELETE', path: '/users/{id}', params: { id: 'u2' } }))
    const spans = exporter.getFinishedSpans()
    expect(spans.map((s) => s.name)).toEqual([
      'GET /api/v2/users/{id}',
      'DELETE /api/v2/users/{id}',
    ])
    expect(spans[0]?.events.map((e) => [e.name, e.attributes])).toEqual([
      [
        'retry',
        {
          'auth0.retry.reason': 'rate_limited',
          'auth0.retry.wait_ms': 1000,
          'http.response.status_code': 429,
        },
      ],
      [
        'retry',
        {
          'auth0.retry.reason': 'server_error',
          'auth0.retry.wait_ms': 201,
          'http.response.status_code': 503,
        },
      ],
    ])
    expect(spans[0]?.attributes).toMatchObject({
      'http.request.method': 'GET',
      'url.path': '/api/v2/users/u1',
      'url.template': '/api/v2/users/{id}',
      'http.response.status_code': 200,
      'auth0.request_id': 'req-1',
    })
    expect(spans[0]?.status.code).toBe(SpanStatusCode.UNSET)
    expect(spans[1]?.events).toEqual([])
    expect(spans[1]?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'forbidden' })
    await provider.shutdown()
  })
})

describe('every fault scenario, with hooks and debug on, leaks no secret', () => {
  const CLIENT_SECRET = 'client-SECRET-9f8e7d6c'
  const PASSWORD = 'Pa55word-correct-horse'
  const EMAIL = 'jane.doe@example.com'
  const issued: string[] = []
  const seen: string[] = []
  const errors: Auth0Error[] = []
  const record: RequestHooks = {
    onRequest: (e) => void seen.push(JSON.stringify(e)),
    onResponse: (e) => void seen.push(JSON.stringify(e)),
    onRetry: (e) => void seen.push(JSON.stringify(e)),
    onError: (e) => void seen.push(JSON.stringify(e)),
  }
  const search = { q: `email:"${EMAIL}"`, search_engine: 'v3' }
  let resets: Server

  beforeAll(async () => {
    resets = createServer((req) => req.socket.destroy())
    await new Promise<void>((r) => resets.listen(0, '127.0.0.1', r))
  })
  afterAll(() => new Promise<void>((r) => resets.close(() => r())))

  function tokenEndpoint() {
    server.use(
      http.post(`${BASE}/oauth/token`, async ({ request }) => {
        const form = new URLSearchParams(await request.text())
        if (form.get('client_secret') !== CLIENT_SECRET)
          return HttpResponse.json({}, { status: 401 })
        const token = `eyJ.access-token-${issued.length + 1}-${'x'.repeat(20)}`
        issued.push(token)
        return HttpResponse.json({ access_token: token, expires_in: 86_400 })
      }),
    )
  }

  function m2m(
    options: ConstructorParameters<typeof RestClient>[0]['options'] = {},
    fetch?: typeof globalThis.fetch,
  ) {
    const token = createClientCredentialsProvider({
      domain: 'tenant.example.com',
      clientId: 'cid',
      clientSecret: CLIENT_SECRET,
      audience: `${BASE}/api/v2/`,
    })
    return new RestClient({
      baseUrl: `${BASE}/api/v2`,
      token,
      fetch,
      now: () => Date.now(),
      sleep: async () => {},
      secrets: [CLIENT_SECRET],
      options: { retries: 3, hooks: record, debug: (l) => seen.push(l), ...options },
    })
  }

  const users: RequestSpec = { method: 'GET', path: '/users', query: search }
  const signup: RequestSpec = {
    method: 'POST',
    path: '/users',
    query: search,
    json: { email: EMAIL, password: PASSWORD, connection: 'db' },
    secrets: [PASSWORD],
  }
  const answer = (reply: (n: number) => Response) => {
    let n = 0
    server.use(
      http.all(`${BASE}/api/v2/users`, () => reply(++n)),
      http.all(`${BASE}/api/v2/elsewhere`, () => HttpResponse.json([])),
    )
  }
  const run = async (p: Promise<unknown>) => {
    try {
      await p
    } catch (e) {
      errors.push(e as Auth0Error)
    }
  }

  it('429 storms, 5xx, resets, hangs, trickled bodies, bad JSON, redirects, 401s, aborts and deadlines', async () => {
    tokenEndpoint()
    // a 429 storm, on GET and on a POST with a password
    answer(
      () =>
        new HttpResponse(null, { status: 429, headers: { 'retry-after': '1', ...rateLimited(0) } }),
    )
    await run(m2m().request(users))
    await run(m2m().request(signup))
    // 5xx: retried on GET, not on POST; a body that echoes what it was sent
    answer((n) =>
      n < 3
        ? HttpResponse.json(
            { message: `upstream failed for ${EMAIL} ${PASSWORD}` },
            { status: 503 },
          )
        : new HttpResponse(`<html><title>500 for ${EMAIL}</title></html>`, {
            status: 500,
            headers: { 'content-type': 'text/html' },
          }),
    )
    await run(m2m().request(users))
    await run(m2m().request(signup))
    // bad JSON, and a 2xx that echoes the password
    answer(
      () =>
        new HttpResponse(`{"users": ["${EMAIL}", `, {
          headers: { 'content-type': 'application/json' },
        }),
    )
    await run(m2m().request(users))
    answer(() => HttpResponse.json({ password: PASSWORD, email: EMAIL }, { status: 201 }))
    await run(m2m().request({ ...signup, responseType: 'json' }))
    // redirects: followed within the origin, refused to another one (with the query in the Location)
    answer((n) =>
      n === 1
        ? new HttpResponse(null, {
            status: 301,
            headers: { location: `/api/v2/elsewhere?q=${EMAIL}` },
          })
        : new HttpResponse(null, {
            status: 302,
            headers: { location: `https://evil.example.net/?q=${EMAIL}` },
          }),
    )
    await run(m2m().request(users))
    await run(m2m().request(users))
    // 401: once (a fresh token), then twice (an error)
    answer((n) =>
      n === 2
        ? HttpResponse.json([])
        : HttpResponse.json({ message: 'Invalid token' }, { status: 401 }),
    )
    await run(m2m().request(users))
    await run(m2m().request(users))
    // a wrong client secret at the token endpoint
    await run(
      new RestClient({
        baseUrl: `${BASE}/api/v2`,
        token: createClientCredentialsProvider({
          domain: 'tenant.example.com',
          clientId: 'cid',
          clientSecret: `${CLIENT_SECRET}-wrong`,
          audience: `${BASE}/api/v2/`,
        }),
        secrets: [`${CLIENT_SECRET}-wrong`],
        options: { hooks: record, debug: (l) => seen.push(l) },
      }).request(users),
    )
    // an abort
    await run(m2m().request(users, { signal: AbortSignal.abort(new Error(`left ${EMAIL}`)) }))
    // resets, from a real server on 127.0.0.1 (msw steps aside)
    server.close()
    try {
      const { port } = resets.address() as AddressInfo
      const static_ = new RestClient({
        baseUrl: `http://127.0.0.1:${port}/api/v2`,
        token: issued[0] as string,
        sleep: async () => {},
        options: { hooks: record, debug: (l) => seen.push(l) },
      })
      await run(static_.request(users))
      await run(static_.request(signup))
    } finally {
      server.listen({ onUnhandledRequest: 'error' })
    }
    tokenEndpoint()
    // hangs and trickled bodies, on fake time
    fakeTime()
    const trickling = (async (input: Request) => {
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(`{"email":"${EMAIL}",`))
          input.signal.addEventListener('abort', () => controller.error(input.signal.reason))
        },
      })
      return new Response(body, { headers: { 'content-type': 'application/json' } })
    }) as unknown as typeof fetch
    const viaApi = (f: typeof fetch) =>
      (async (input: Request, init?: RequestInit) =>
        input.url.includes('/oauth/token')
          ? globalThis.fetch(input, init)
          : f(input, init)) as unknown as typeof fetch
    await run(settle(m2m({ timeout: 1000 }, viaApi(hanging)).request(users), 250))
    await run(settle(m2m({ timeout: 1000 }, viaApi(trickling)).request(signup), 250))
    await run(settle(m2m({ deadline: 1500, timeout: 1000 }, viaApi(hanging)).request(users), 250))

    expect(errors.map((e) => e.errorCode)).toEqual([
      'a0.sdk.internal.unknown',
      'a0.sdk.internal.unknown',
      'a0.sdk.internal.unknown',
      'a0.sdk.internal.unknown',
      'invalid_response',
      'redirect_not_followed',
      'a0.sdk.internal.unknown',
      'a0.sdk.internal.unknown',
      'aborted',
      'network_error',
      'network_error',
      'timeout',
      'timeout',
      'timeout',
    ])
    expect(errors.map((e) => e.statusCode)).toEqual([
      429, 429, 500, 500, 200, 302, 401, 401, 0, 0, 0, 0, 0, 0,
    ])
    expect(issued.length).toBeGreaterThanOrEqual(3)
    expect(seen.length).toBeGreaterThan(60)
    const secrets = [CLIENT_SECRET, PASSWORD, EMAIL, ...issued]
    for (const text of seen) for (const secret of secrets) expect(text).not.toContain(secret)
    for (const err of errors) {
      // the abort keeps the caller's own reason (which names the e-mail) as its cause: that one is theirs
      const own = err.errorCode === 'aborted' ? [] : [inspect(err, { depth: 10 })]
      for (const text of [err.message, String(err), JSON.stringify(err), ...own])
        for (const secret of secrets) expect(text).not.toContain(secret)
    }
  })
})
