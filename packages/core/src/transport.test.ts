// The transport items of issue 15: aborts, deadlines, 401s, one timeout for tokens, body expectations and caps, and
// the warning for timeouts that look like seconds.
import { HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import {
  AbortError,
  isAbortError,
  isAuth0Error,
  isRateLimitError,
  isTimeoutError,
  TimeoutError,
} from './errors.js'
import type { RateLimiter } from './rate-limit.js'
import { RestClient } from './rest-client.js'
import {
  BASE,
  caught,
  client,
  fakeTime,
  hanging,
  settle,
  useServer,
} from './test-utils/transport.js'
import type { TokenFunction } from './token.js'
import { createClientCredentialsProvider } from './token-provider.js'

const { capture } = useServer()

/** A limiter that never lets a request go, and ignores the signal it is given. */
const stuck: RateLimiter = { acquire: () => new Promise(() => {}), update: () => {} }

describe('an aborted call (item 4)', () => {
  it('rejects with TimeoutError (bound "signal") when the reason is a timeout, keeping it as cause', async () => {
    const seen = capture('get', '/x', () => HttpResponse.json({}))
    const controller = new AbortController()
    const { rest } = client({ fetch: hanging })
    const p = rest.request({ method: 'GET', path: '/x' }, { signal: controller.signal })
    // what AbortSignal.timeout() aborts with
    const reason = new DOMException('The operation was aborted due to timeout', 'TimeoutError')
    controller.abort(reason)
    const err = await caught(p)
    expect(seen).toHaveLength(0)
    expect(isTimeoutError(err)).toBe(true)
    expect(err).toMatchObject({ bound: 'signal', timeout: -1, errorCode: 'timeout', statusCode: 0 })
    expect(err.cause).toBe(reason)
  })

  it('rejects with AbortError when aborted before the call, sending nothing', async () => {
    const seen = capture('get', '/x', () => HttpResponse.json({}))
    const reason = new Error('page closed')
    const err = await caught(
      client().rest.request({ method: 'GET', path: '/x' }, { signal: AbortSignal.abort(reason) }),
    )
    expect(seen).toHaveLength(0)
    expect(err).toBeInstanceOf(AbortError)
    expect(err).toMatchObject({ errorCode: 'aborted', method: 'GET', url: `${BASE}/x` })
    expect(err.message).toBe('GET /x was aborted by its signal: page closed')
    expect(err.cause).toBe(reason)
  })

  it('rejects with AbortError while waiting for the rate limiter, even one that ignores the signal', async () => {
    const controller = new AbortController()
    const p = client({ rateLimiter: stuck }).rest.request(
      { method: 'GET', path: '/x' },
      { signal: controller.signal },
    )
    controller.abort()
    const err = await caught(p)
    expect(isAbortError(err)).toBe(true)
    expect((err.cause as Error).name).toBe('AbortError')
  })

  it('rejects with AbortError during the wait before a retry', async () => {
    const seen = capture('get', '/x', () => new HttpResponse(null, { status: 503 }))
    const controller = new AbortController()
    const { rest } = client({
      sleep: (_ms, signal) =>
        new Promise((_, reject) => {
          signal?.addEventListener('abort', () => reject(signal.reason as Error))
          controller.abort(new Error('shutting down'))
        }),
    })
    const err = await caught(
      rest.request({ method: 'GET', path: '/x' }, { signal: controller.signal }),
    )
    expect(seen).toHaveLength(1)
    expect(isAbortError(err)).toBe(true)
    expect((err.cause as Error).message).toBe('shutting down')
  })

  it('rejects with AbortError while waiting for a token that ignores the signal', async () => {
    const controller = new AbortController()
    const p = client({ token: () => new Promise<string>(() => {}) }).rest.request(
      { method: 'GET', path: '/x' },
      { signal: controller.signal },
    )
    await new Promise((r) => setImmediate(r))
    controller.abort()
    expect(isAbortError(await caught(p))).toBe(true)
  })

  it('is an Auth0Error, and the guards tell it from a DOM AbortError', () => {
    const err = new AbortError({ message: 'GET /x was aborted by its signal' })
    expect([isAuth0Error(err), isAbortError(err), isTimeoutError(err)]).toEqual([true, true, false])
    expect(isAbortError(new DOMException('aborted', 'AbortError'))).toBe(false)
  })
})

describe('a deadline (item 5)', () => {
  const limited = () => new HttpResponse(null, { status: 429, headers: { 'retry-after': '1' } })

  it('bounds the waits between retries: it fails before a wait that would pass it, not after', async () => {
    fakeTime()
    const seen = capture('post', '/x', limited)
    const rest = new RestClient({
      baseUrl: BASE,
      token: 'TOKEN-abcdef',
      now: () => Date.now(),
      rateLimiter: false,
      options: { deadline: 2500, retries: 10 },
    })
    const t0 = Date.now()
    const err = await settle(caught(rest.request({ method: 'POST', path: '/x', json: {} })), 100)
    expect(seen).toHaveLength(3)
    expect(err).toBeInstanceOf(TimeoutError)
    expect(err).toMatchObject({ bound: 'deadline', timeout: 2500, errorCode: 'timeout' })
    expect(err.message).toBe('POST /x passed its deadline of 2500 ms before a retry due in 1000 ms')
    expect(isRateLimitError(err.cause)).toBe(true)
    expect(Date.now() - t0).toBe(2000)
  })

  it('bounds an attempt: a per-call deadline shorter than the timeout wins, and says so', async () => {
    fakeTime()
    const { rest } = client({ fetch: hanging, options: { timeout: 5000, deadline: 60_000 } })
    const t0 = Date.now()
    const err = await settle(
      caught(rest.request({ method: 'GET', path: '/x' }, { deadline: 1200 })),
      100,
    )
    expect(err).toMatchObject({ name: 'TimeoutError', bound: 'deadline', timeout: 1200 })
    expect(err.message).toBe('GET /x passed its deadline of 1200 ms')
    expect(Date.now() - t0).toBe(1200)
  })

  it('bounds a rate-limiter wait, even one that ignores the signal', async () => {
    fakeTime()
    const { rest } = client({ rateLimiter: stuck, options: { deadline: 3000 } })
    const err = await settle(caught(rest.request({ method: 'GET', path: '/x' })), 500)
    expect(err).toMatchObject({ name: 'TimeoutError', bound: 'deadline', timeout: 3000 })
  })

  it('keeps the per-attempt timeout when it is the shorter bound', async () => {
    fakeTime()
    const { rest } = client({ fetch: hanging, options: { timeout: 700, deadline: 10_000 } })
    const err = await settle(caught(rest.request({ method: 'GET', path: '/x' })), 100)
    expect(err).toMatchObject({ name: 'TimeoutError', bound: 'timeout', timeout: 700 })
    expect(err.message).toBe('GET /x timed out after 700 ms')
  })

  it('is checked at construction and per call', async () => {
    expect(() => new RestClient({ baseUrl: BASE, options: { deadline: 0 } })).toThrow(
      /restOptions\.deadline: expected a finite number > 0/,
    )
    await expect(
      client().rest.request({ method: 'GET', path: '/x' }, { deadline: -1 }),
    ).rejects.toThrow(/deadline: expected a finite number > 0/)
  })
})

/** A token function that hands out tok-1, tok-2, ... and counts its invalidations. */
function rotating(): TokenFunction & { invalidations: number } {
  let n = 0
  const source = Object.assign(() => Promise.resolve(`tok-${n + 1}-xxxxxx`), {
    invalidations: 0,
    invalidate: () => {
      n++
      source.invalidations++
    },
  })
  return source
}

describe('a 401 (item 6)', () => {
  const unauthorized = () =>
    HttpResponse.json(
      { statusCode: 401, error: 'Unauthorized', message: 'Invalid token' },
      { status: 401 },
    )

  it('invalidates a token function that can be, and retries once with a fresh token', async () => {
    const seen = capture('patch', '/api/v2/users/:id', (n) =>
      n === 1 ? unauthorized() : HttpResponse.json({ user_id: 'u1' }),
    )
    const token = rotating()
    const { rest, sleeps } = client({ token })
    const result = await rest.request({
      method: 'PATCH',
      path: '/api/v2/users/{id}',
      params: { id: 'u1' },
      json: { name: 'n' },
    })
    expect(seen.map((r) => r.headers.get('authorization'))).toEqual([
      'Bearer tok-1-xxxxxx',
      'Bearer tok-2-xxxxxx',
    ])
    expect(seen.map((r) => r.body)).toEqual(['{"name":"n"}', '{"name":"n"}'])
    expect(token.invalidations).toBe(1)
    expect(sleeps).toEqual([])
    expect(result).toEqual({ user_id: 'u1' })
  })

  it('fails on a second 401, after one invalidation', async () => {
    const seen = capture('get', '/x', unauthorized)
    const token = rotating()
    const err = await caught(client({ token }).rest.request({ method: 'GET', path: '/x' }))
    expect(seen).toHaveLength(2)
    expect(token.invalidations).toBe(1)
    expect(err).toMatchObject({ statusCode: 401, message: 'Invalid token' })
  })

  it('does not retry with a static string token, nor with a function that cannot be invalidated', async () => {
    const seen = capture('get', '/x', unauthorized)
    await caught(client().rest.request({ method: 'GET', path: '/x' }))
    await caught(
      client({ token: () => 'plain-fn-token' }).rest.request({ method: 'GET', path: '/x' }),
    )
    expect(seen).toHaveLength(2)
  })

  it("does not count against the call's retries", async () => {
    const seen = capture('get', '/x', (n) => (n === 1 ? unauthorized() : HttpResponse.json([1])))
    const { rest } = client({ token: rotating() })
    await expect(rest.request({ method: 'GET', path: '/x' }, { retries: 0 })).resolves.toEqual([1])
    expect(seen).toHaveLength(2)
  })

  it("fetches a fresh M2M token from core's client-credentials provider after a revocation", async () => {
    let issued = 0
    const grants = capture('post', '/oauth/token', () =>
      HttpResponse.json({ access_token: `m2m-${++issued}-abcdef`, expires_in: 86_400 }),
    )
    const api = capture('get', '/api/v2/users', (_n, req) =>
      req.headers.get('authorization') === 'Bearer m2m-1-abcdef'
        ? unauthorized()
        : HttpResponse.json([]),
    )
    const token = createClientCredentialsProvider({
      domain: 'tenant.example.com',
      clientId: 'cid',
      clientSecret: 'client-secret-value',
      audience: `${BASE}/api/v2/`,
    })
    const rest = new RestClient({ baseUrl: `${BASE}/api/v2`, token })
    await expect(rest.request({ method: 'GET', path: '/users' })).resolves.toEqual([])
    await expect(rest.request({ method: 'GET', path: '/users' })).resolves.toEqual([])
    expect(grants).toHaveLength(2)
    expect(api.map((r) => r.headers.get('authorization'))).toEqual([
      'Bearer m2m-1-abcdef',
      'Bearer m2m-2-abcdef',
      'Bearer m2m-2-abcdef',
    ])
  })
})

describe('one timeout for the token too (item 7)', () => {
  it('stops waiting for a token at the timeout even if the source ignores its signal', async () => {
    fakeTime()
    const signals: AbortSignal[] = []
    const { rest } = client({
      options: { timeout: 1500 },
      token: ({ signal } = {}) => {
        if (signal) signals.push(signal)
        return new Promise<string>(() => {})
      },
    })
    const t0 = Date.now()
    const err = await settle(caught(rest.request({ method: 'GET', path: '/x' })), 100)
    expect(err).toMatchObject({ name: 'TimeoutError', bound: 'timeout', timeout: 1500 })
    expect(err.message).toBe('GET /x timed out after 1500 ms waiting for a token')
    expect(Date.now() - t0).toBe(1500)
    expect(signals.map((s) => s.aborted)).toEqual([true])
  })

  it("bounds core's provider by the client's timeout, aborting its token request", async () => {
    fakeTime()
    const tokenRequests: AbortSignal[] = []
    const token = createClientCredentialsProvider({
      domain: 'tenant.example.com',
      clientId: 'cid',
      clientSecret: 'client-secret-value',
      audience: `${BASE}/api/v2/`,
      restOptions: { timeout: 30_000 },
      fetch: ((input: Request, init?: RequestInit) => {
        tokenRequests.push(input.signal)
        return hanging(input, init)
      }) as typeof fetch,
    })
    const rest = new RestClient({ baseUrl: BASE, token, options: { timeout: 2000 } })
    const t0 = Date.now()
    const err = await settle(caught(rest.request({ method: 'GET', path: '/x' })), 250)
    expect(err).toMatchObject({ name: 'TimeoutError', bound: 'timeout', timeout: 2000 })
    expect(Date.now() - t0).toBe(2000)
    expect(tokenRequests).toHaveLength(1)
    expect(tokenRequests[0]?.aborted).toBe(true)
  })

  it('bounds the token by the deadline when it is shorter', async () => {
    fakeTime()
    const { rest } = client({
      options: { timeout: 5000, deadline: 800 },
      token: () => new Promise<string>(() => {}),
    })
    const err = await settle(caught(rest.request({ method: 'GET', path: '/x' })), 100)
    expect(err).toMatchObject({ name: 'TimeoutError', bound: 'deadline', timeout: 800 })
  })
})

describe('what a 2xx must carry (item 8)', () => {
  it.each([
    ['an empty 200', () => new HttpResponse(null, { status: 200 })],
    ['a 204', () => new HttpResponse(null, { status: 204 })],
    [
      'blank JSON',
      () => new HttpResponse('  \n', { headers: { 'content-type': 'application/json' } }),
    ],
  ])("fails %s with invalid_response where a value is required ('json')", async (_n, reply) => {
    capture('get', '/api/v2/users/:id', reply)
    const err = await caught(
      client().rest.request({
        method: 'GET',
        path: '/api/v2/users/{id}',
        params: { id: 'u1' },
        responseType: 'json',
      }),
    )
    expect(err).toMatchObject({ errorCode: 'invalid_response', content: undefined })
    expect(err.message).toMatch(
      /^GET \/api\/v2\/users\/u1 returned 20[04] with an empty body where a JSON value was expected$/,
    )
  })

  it("fails a non-JSON 200 where a value is required ('json')", async () => {
    capture(
      'get',
      '/x',
      () => new HttpResponse('OK', { headers: { 'content-type': 'text/plain' } }),
    )
    const err = await caught(
      client().rest.request({ method: 'GET', path: '/x', responseType: 'json' }),
    )
    expect(err.message).toBe('GET /x returned 200 with a text body where a JSON value was expected')
  })

  it("accepts a value or nothing ('json-or-empty'), and ignores any body ('empty')", async () => {
    capture('get', '/v', () => HttpResponse.json({ a: 1 }))
    capture('get', '/none', () => new HttpResponse(null, { status: 204 }))
    capture('delete', '/d', () => HttpResponse.json({ deleted: true }))
    const { rest } = client()
    await expect(
      rest.request({ method: 'GET', path: '/v', responseType: 'json-or-empty' }),
    ).resolves.toEqual({ a: 1 })
    await expect(
      rest.request({ method: 'GET', path: '/none', responseType: 'json-or-empty' }),
    ).resolves.toBeUndefined()
    await expect(
      rest.request({ method: 'DELETE', path: '/d', responseType: 'empty' }),
    ).resolves.toBeUndefined()
  })

  it('stays lenient for a spec that says nothing: an empty 2xx is undefined', async () => {
    capture('get', '/x', () => new HttpResponse(null, { status: 200 }))
    await expect(client().rest.request({ method: 'GET', path: '/x' })).resolves.toBeUndefined()
  })
})

/** A body of `total` bytes in 64 KiB chunks, made only as the reader pulls; `pulled()` says how much was made. */
function lazyBody(total: number) {
  const chunk = new Uint8Array(64 * 1024).fill(0x61)
  let made = 0
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (made >= total) return controller.close()
      made += chunk.byteLength
      controller.enqueue(chunk)
    },
  })
  return { stream, pulled: () => made }
}

describe('capped bodies (item 8)', () => {
  const MB = 1_000_000

  it('stops reading a 50 MB body at the 10 MiB default and says so', async () => {
    const body = lazyBody(50 * MB)
    const { rest } = client({
      fetch: (async () =>
        new Response(body.stream, {
          headers: { 'content-type': 'application/json' },
        })) as typeof fetch,
    })
    const err = await caught(
      rest.request({ method: 'GET', path: '/api/v2/logs', query: { q: 'x' } }),
    )
    expect(err).toMatchObject({ errorCode: 'response_too_large', statusCode: 200 })
    expect(err.message).toBe(
      'GET /api/v2/logs?q=… returned 200 with a body over the 10 MiB (10485760 bytes) limit (maxResponseSize); it was not read',
    )
    expect(body.pulled()).toBeLessThan(11 * MB)
  })

  it('refuses a declared Content-Length over the cap before reading', async () => {
    const body = lazyBody(50 * MB)
    const { rest } = client({
      options: { maxResponseSize: 1024 },
      fetch: (async () =>
        new Response(body.stream, {
          headers: { 'content-length': String(50 * MB) },
        })) as typeof fetch,
    })
    const err = await caught(rest.request({ method: 'GET', path: '/x' }))
    expect(err.message).toContain('over the 1 KiB (1024 bytes) limit')
    expect(body.pulled()).toBeLessThanOrEqual(64 * 1024)
  })

  it('reads a body within the cap, with or without a length', async () => {
    capture('get', '/x', () => HttpResponse.json({ ok: 'y'.repeat(900) }))
    await expect(
      client({ options: { maxResponseSize: 1000 } }).rest.request({ method: 'GET', path: '/x' }),
    ).resolves.toEqual({ ok: 'y'.repeat(900) })
    const body = lazyBody(3 * 64 * 1024)
    const { rest } = client({
      options: { maxResponseSize: 3 * 64 * 1024 },
      fetch: (async () => new Response(body.stream)) as typeof fetch,
    })
    await expect(
      rest.request({ method: 'GET', path: '/y', responseType: 'text' }),
    ).resolves.toHaveLength(3 * 64 * 1024)
  })
})

describe('timeouts that look like seconds (issue 19)', () => {
  it('warns once per client through console.warn', async () => {
    capture('get', '/x', () => HttpResponse.json({}))
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { rest } = client({ options: { timeout: 5.0 } })
    await rest.request({ method: 'GET', path: '/x' }, { timeout: 2 })
    expect(warn.mock.calls).toEqual([
      [
        '[auth0-ts] restOptions.timeout is 5 ms: timeouts are in milliseconds, so this gives up after 5 ms. Did you mean 5000?',
      ],
    ])
  })

  it('warns about a per-call deadline through the debug sink when there is one, and not about 100 ms or more', async () => {
    capture('get', '/x', () => HttpResponse.json({}))
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const lines: string[] = []
    const { rest } = client({ options: { timeout: 100, debug: (l) => lines.push(l) } })
    await rest.request({ method: 'GET', path: '/x' }, { deadline: 30 })
    await rest.request({ method: 'GET', path: '/x' }, { deadline: 20 })
    expect(warn).not.toHaveBeenCalled()
    expect(lines.filter((l) => l.includes('timeouts are in milliseconds'))).toEqual([
      '[auth0-ts] deadline is 30 ms: timeouts are in milliseconds, so this gives up after 30 ms. Did you mean 30000?',
    ])
  })
})

describe('an empty JSON body says it is empty (item 10)', () => {
  it('where a JSON object is required, a body of whitespace is "an empty body", not one that "does not parse"', async () => {
    capture(
      'post',
      '/oauth/token',
      () =>
        new HttpResponse(' \r\n', { status: 200, headers: { 'content-type': 'application/json' } }),
    )
    const err = await caught(
      client().rest.request({
        method: 'POST',
        path: '/oauth/token',
        form: {},
        responseType: 'object',
      }),
    )
    expect(err.message).toBe(
      'POST /oauth/token returned 200 with an empty body where a JSON object was expected',
    )
  })

  it('an HTML 200 where JSON was expected names the page by its title', async () => {
    capture(
      'get',
      '/x',
      () =>
        new HttpResponse('<html><head><title>Sign in</title></head><body>…</body></html>', {
          headers: { 'content-type': 'text/html' },
        }),
    )
    const err = await caught(
      client().rest.request({ method: 'GET', path: '/x', responseType: 'json' }),
    )
    expect(err.message).toBe(
      'GET /x returned 200 with an HTML page ("Sign in") where a JSON value was expected',
    )
  })
})
