import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  isAbortError,
  isNetworkError,
  isRateLimitError,
  isTimeoutError,
  RateLimitError,
  type Auth0Error,
} from './errors.js'
import { OptionsError } from './options-error.js'
import type { RateLimiter } from './rate-limit.js'
import { RestClient, type RestClientConfig } from './rest-client.js'

const BASE = 'https://tenant.example.com'
const NOW = 1_700_000_000_000
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

interface Captured {
  method: string
  url: URL
  headers: Headers
  body: string
}

/** Records every request the handler sees, answering with `reply(n)` for the n-th request. */
function capture(
  method: 'get' | 'post' | 'patch' | 'delete' | 'put',
  path: string,
  reply: (n: number) => Response,
) {
  const seen: Captured[] = []
  server.use(
    http[method](`${BASE}${path}`, async ({ request }) => {
      seen.push({
        method: request.method,
        url: new URL(request.url),
        headers: request.headers,
        body: await request.text(),
      })
      return reply(seen.length)
    }),
  )
  return seen
}

function client(overrides: Partial<RestClientConfig> = {}) {
  const sleeps: number[] = []
  const rest = new RestClient({
    baseUrl: BASE,
    token: 'TOKEN-abcdef',
    client: { name: '@auth0-ts/test', version: '1.2.3' },
    now: () => NOW,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    random: () => 0,
    ...overrides,
  })
  return { rest, sleeps }
}

async function caught(p: Promise<unknown>): Promise<Auth0Error> {
  try {
    await p
  } catch (e) {
    return e as Auth0Error
  }
  throw new Error('expected a rejection')
}

describe('building the request', () => {
  it('encodes path parameters, serialises the query and sends no Content-Type without a body', async () => {
    const seen = capture('get', '/api/v2/users/:id', () =>
      HttpResponse.json({ user_id: 'auth0|a/b?c' }),
    )
    const { rest } = client()
    const result = await rest.request({
      method: 'GET',
      path: '/api/v2/users/{id}',
      params: { id: 'auth0|a/b?c' },
      query: { include_fields: true, fields: ['a', 'b'], page: 0, q: undefined, sort: null },
    })
    expect(seen).toHaveLength(1)
    const req = seen[0]!
    expect(req.url.pathname).toBe('/api/v2/users/auth0%7Ca%2Fb%3Fc')
    expect([...req.url.searchParams]).toEqual([
      ['include_fields', 'true'],
      ['fields', 'a,b'],
      ['page', '0'],
    ])
    expect(req.headers.get('content-type')).toBeNull()
    expect(req.headers.get('authorization')).toBe('Bearer TOKEN-abcdef')
    expect(result).toEqual({ user_id: 'auth0|a/b?c' })
  })

  it('sends the Auth0-Client telemetry header with the caller package and runtime', async () => {
    const seen = capture('get', '/x', () => HttpResponse.json({}))
    await client().rest.request({ method: 'GET', path: '/x' })
    const decoded = JSON.parse(atob(seen[0]!.headers.get('auth0-client')!))
    expect(decoded).toEqual({
      name: '@auth0-ts/test',
      version: '1.2.3',
      env: { node: process.versions.node },
    })
  })

  it('sends no telemetry when it is off', async () => {
    const seen = capture('get', '/x', () => HttpResponse.json({}))
    await client({ options: { telemetry: false } }).rest.request({ method: 'GET', path: '/x' })
    expect(seen[0]!.headers.get('auth0-client')).toBeNull()
  })

  it('sends JSON bodies', async () => {
    const seen = capture('patch', '/api/v2/connections/:id', () => HttpResponse.json({ ok: 1 }))
    await client().rest.request({
      method: 'PATCH',
      path: '/api/v2/connections/{id}',
      params: { id: 'con_1' },
      json: { name: 'x' },
    })
    expect(seen[0]!.headers.get('content-type')).toBe('application/json')
    expect(JSON.parse(seen[0]!.body)).toEqual({ name: 'x' })
  })

  it('sends form bodies, leaving out unset values and sending objects as JSON text', async () => {
    const seen = capture('post', '/bc-authorize', () => HttpResponse.json({ auth_req_id: 'r' }))
    await client({ token: undefined }).rest.request({
      method: 'POST',
      path: '/bc-authorize',
      form: {
        client_id: 'CID',
        scope: 'openid',
        requested_expiry: 3,
        missing: undefined,
        none: null,
        details: [{ k1: 'v1' }],
      },
    })
    expect(seen[0]!.headers.get('content-type')).toBe('application/x-www-form-urlencoded')
    expect([...new URLSearchParams(seen[0]!.body)]).toEqual([
      ['client_id', 'CID'],
      ['scope', 'openid'],
      ['requested_expiry', '3'],
      ['details', '[{"k1":"v1"}]'],
    ])
    expect(seen[0]!.headers.get('authorization')).toBeNull()
  })

  it('sends multipart bodies with a file part', async () => {
    let fields: [string, string, string | undefined][] = []
    server.use(
      http.post(`${BASE}/api/v2/jobs/users-imports`, async ({ request }) => {
        expect(request.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/)
        const form = await request.formData()
        fields = await Promise.all(
          [...form.entries()].map(
            async ([k, v]) =>
              [
                k,
                typeof v === 'string' ? v : await v.text(),
                typeof v === 'string' ? undefined : v.name,
              ] as [string, string, string | undefined],
          ),
        )
        return HttpResponse.json({ id: 'job_1' }, { status: 201 })
      }),
    )
    await client().rest.request({
      method: 'POST',
      path: '/api/v2/jobs/users-imports',
      multipart: {
        connection_id: 'con_1',
        upsert: false,
        external_id: undefined,
        users: { file: new TextEncoder().encode('[{"email":"a@b.c"}]'), filename: 'users' },
      },
    })
    expect(fields).toEqual([
      ['connection_id', 'con_1', undefined],
      ['upsert', 'false', undefined],
      ['users', '[{"email":"a@b.c"}]', 'users'],
    ])
  })

  it('merges per-call headers last and resolves a token function per attempt', async () => {
    const seen = capture('get', '/x', (n) =>
      n === 1 ? new HttpResponse(null, { status: 429 }) : HttpResponse.json({}),
    )
    let calls = 0
    const { rest } = client({ token: async () => `tok-${++calls}-xxxxxx` })
    await rest.request(
      { method: 'GET', path: '/x', headers: { 'x-a': '1' } },
      { headers: { 'X-A': '2', 'x-b': '3' } },
    )
    expect(seen.map((s) => s.headers.get('authorization'))).toEqual([
      'Bearer tok-1-xxxxxx',
      'Bearer tok-2-xxxxxx',
    ])
    expect(seen[0]!.headers.get('x-a')).toBe('2')
    expect(seen[0]!.headers.get('x-b')).toBe('3')
  })

  it('rejects a missing path parameter before sending anything', async () => {
    await expect(
      client().rest.request({ method: 'GET', path: '/api/v2/users/{id}', params: { id: '' } }),
    ).rejects.toThrow(TypeError)
  })

  it('rejects bad per-call options before sending anything', async () => {
    await expect(
      client().rest.request({ method: 'GET', path: '/x' }, { timeout: -1 }),
    ).rejects.toThrow(/timeout/)
  })

  it('validates client options at construction, listing every problem in one TypeError', () => {
    const build = () =>
      new RestClient({ baseUrl: 'nope', token: '', fetch: 3 as never, options: { timeout: 0 } })
    expect(build).toThrow(TypeError)
    expect(build).toThrow(
      /restOptions\.timeout: expected a finite number > 0[\s\S]*baseUrl[\s\S]*fetch[\s\S]*token/,
    )
  })
})

describe('responses', () => {
  it('returns text for non-JSON bodies (SAML metadata is XML)', async () => {
    capture(
      'get',
      '/samlp/metadata/CID',
      () =>
        new HttpResponse('<EntityDescriptor/>', { headers: { 'content-type': 'application/xml' } }),
    )
    await expect(
      client().rest.request({ method: 'GET', path: '/samlp/metadata/CID' }),
    ).resolves.toBe('<EntityDescriptor/>')
  })

  it('returns undefined for an empty body', async () => {
    capture('delete', '/api/v2/users/:id', () => new HttpResponse(null, { status: 204 }))
    await expect(
      client().rest.request({ method: 'DELETE', path: '/api/v2/users/{id}', params: { id: 'u' } }),
    ).resolves.toBeUndefined()
  })

  it('turns a 2xx that claims JSON but does not parse into invalid_response with its real status', async () => {
    capture(
      'get',
      '/x',
      () =>
        new HttpResponse('{"users": [', {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
    )
    const err = await caught(client().rest.request({ method: 'GET', path: '/x' }))
    expect(err).toMatchObject({ statusCode: 200, errorCode: 'invalid_response' })
  })

  it('parses Auth0 error bodies into Auth0Error with request id and headers', async () => {
    capture('get', '/api/v2/users/:id', () =>
      HttpResponse.json(
        {
          statusCode: 404,
          error: 'Not Found',
          message: 'The user does not exist.',
          errorCode: 'inexistent_user',
        },
        { status: 404, headers: { 'x-auth0-requestid': 'req-42' } },
      ),
    )
    const err = await caught(
      client().rest.request({ method: 'GET', path: '/api/v2/users/{id}', params: { id: 'u1' } }),
    )
    expect(err).toMatchObject({
      name: 'Auth0Error',
      statusCode: 404,
      errorCode: 'inexistent_user',
      message: 'The user does not exist.',
      requestId: 'req-42',
      method: 'GET',
      url: `${BASE}/api/v2/users/u1`,
    })
    expect(err.headers['x-auth0-requestid']).toBe('req-42')
  })

  it('never puts the token or per-call secrets in an error', async () => {
    capture('post', '/oauth/token', () =>
      HttpResponse.json(
        { error: 'invalid_grant', error_description: 'bad password pa55w0rd-xyz for TOKEN-abcdef' },
        { status: 403 },
      ),
    )
    const err = await caught(
      client().rest.request({
        method: 'POST',
        path: '/oauth/token',
        json: { password: 'pa55w0rd-xyz' },
        secrets: ['pa55w0rd-xyz'],
      }),
    )
    for (const s of [err.message, String(err), JSON.stringify(err)]) {
      expect(s).not.toContain('pa55w0rd-xyz')
      expect(s).not.toContain('TOKEN-abcdef')
    }
  })
})

describe('retries', () => {
  it('retries a 429 with the Python backoff when there are no rate-limit headers, then raises RateLimitError', async () => {
    const seen = capture('post', '/api/v2/users', () =>
      HttpResponse.json({ error: 'Too Many Requests', message: 'Global limit' }, { status: 429 }),
    )
    const { rest, sleeps } = client()
    const err = await caught(rest.request({ method: 'POST', path: '/api/v2/users', json: {} }))
    expect(seen).toHaveLength(4)
    expect(sleeps).toEqual([101, 201, 401])
    expect(err).toBeInstanceOf(RateLimitError)
    expect(err).toMatchObject({
      statusCode: 429,
      resetAt: -1,
      retryAfter: -1,
      message: 'Global limit',
    })
  })

  it('caps the backoff at 1000 ms with full jitter', async () => {
    capture('get', '/x', () => new HttpResponse(null, { status: 429 }))
    const { rest, sleeps } = client({ random: () => 0.999, options: { retries: 6 } })
    await caught(rest.request({ method: 'GET', path: '/x' }))
    expect(sleeps).toEqual([200, 300, 500, 900, 1000, 1000])
  })

  it('waits for Retry-After, then succeeds', async () => {
    const seen = capture('get', '/x', (n) =>
      n === 1
        ? new HttpResponse(null, { status: 429, headers: { 'retry-after': '2' } })
        : HttpResponse.json({ ok: true }),
    )
    const { rest, sleeps } = client()
    await expect(rest.request({ method: 'GET', path: '/x' })).resolves.toEqual({ ok: true })
    expect(seen).toHaveLength(2)
    expect(sleeps).toEqual([2000])
  })

  it('waits for x-ratelimit-reset', async () => {
    capture('get', '/x', (n) =>
      n === 1
        ? new HttpResponse(null, {
            status: 429,
            headers: { 'x-ratelimit-reset': String(NOW / 1000 + 3), 'x-ratelimit-remaining': '0' },
          })
        : HttpResponse.json({}),
    )
    const { rest, sleeps } = client({ rateLimiter: false })
    await rest.request({ method: 'GET', path: '/x' })
    expect(sleeps).toEqual([3000])
  })

  it('fails at once when the reset is further away than maxRetryDelay', async () => {
    const resetAt = NOW / 1000 + 600
    const seen = capture(
      'get',
      '/x',
      () =>
        new HttpResponse(null, {
          status: 429,
          headers: {
            'x-ratelimit-reset': String(resetAt),
            'x-ratelimit-limit': '50',
            'x-ratelimit-remaining': '0',
          },
        }),
    )
    const { rest, sleeps } = client()
    const err = await caught(rest.request({ method: 'GET', path: '/x' }))
    expect(seen).toHaveLength(1)
    expect(sleeps).toEqual([])
    expect(isRateLimitError(err)).toBe(true)
    expect(err).toMatchObject({ resetAt, limit: 50, remaining: 0 })
  })

  it('honours per-call retries', async () => {
    const seen = capture('get', '/x', () => new HttpResponse(null, { status: 429 }))
    await caught(client().rest.request({ method: 'GET', path: '/x' }, { retries: 0 }))
    expect(seen).toHaveLength(1)
  })

  it.each([502, 503, 504])('retries %i on GET but never on POST', async (status) => {
    const get = capture('get', '/x', (n) =>
      n < 3 ? new HttpResponse('down', { status }) : HttpResponse.json({ ok: 1 }),
    )
    const post = capture('post', '/x', () => new HttpResponse('down', { status }))
    const { rest } = client()
    await expect(rest.request({ method: 'GET', path: '/x' })).resolves.toEqual({ ok: 1 })
    expect(get).toHaveLength(3)
    const err = await caught(rest.request({ method: 'POST', path: '/x', json: {} }))
    expect(post).toHaveLength(1)
    expect(err).toMatchObject({ statusCode: status, message: 'down' })
  })

  it('does not retry a 500', async () => {
    const seen = capture('get', '/x', () => new HttpResponse('boom', { status: 500 }))
    await caught(client().rest.request({ method: 'GET', path: '/x' }))
    expect(seen).toHaveLength(1)
  })

  it('retries a network error on GET, not on POST, and raises NetworkError with the cause', async () => {
    let calls = 0
    const failing = (async () => {
      calls++
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
          code: 'ECONNREFUSED',
        }),
      })
    }) as typeof fetch
    const { rest, sleeps } = client({ fetch: failing })
    const getErr = await caught(rest.request({ method: 'GET', path: '/x' }))
    expect(calls).toBe(4)
    expect(sleeps).toHaveLength(3)
    expect(isNetworkError(getErr)).toBe(true)
    expect(getErr.message).toContain('ECONNREFUSED')
    expect(getErr.cause).toBeInstanceOf(TypeError)
    calls = 0
    await caught(rest.request({ method: 'POST', path: '/x', json: {} }))
    expect(calls).toBe(1)
  })
})

/** Advances fake time until `p` settles (the transport loads ky on first use, which takes real I/O first). */
async function settle<T>(p: Promise<T>, stepMs: number): Promise<T> {
  let done = false
  void p.finally(() => (done = true))
  for (let i = 0; i < 100 && !done; i++) {
    await new Promise((r) => setImmediate(r))
    if (!done) await vi.advanceTimersByTimeAsync(stepMs)
  }
  return p
}

describe('timeouts and aborts', () => {
  /** A fetch whose response headers arrive at once but whose body never ends (until aborted). */
  const trickling = (async (_input: RequestInfo | URL, init?: RequestInit) => {
    const signal = init?.signal ?? (_input instanceof Request ? _input.signal : undefined)
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"partial":'))
        signal?.addEventListener('abort', () => controller.error(signal.reason))
      },
    })
    return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } })
  }) as typeof fetch

  const hanging = (async (input: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((_, reject) => {
      const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined)
      signal?.addEventListener('abort', () => reject(signal.reason))
    })) as typeof fetch

  it('bounds the body too: a trickling server raises TimeoutError after the timeout, without retrying', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      const fetchSpy = vi.fn(trickling)
      const { rest } = client({ fetch: fetchSpy as typeof fetch, options: { timeout: 1500 } })
      const err = await settle(caught(rest.request({ method: 'GET', path: '/x' })), 1500)
      expect(isTimeoutError(err)).toBe(true)
      expect(err).toMatchObject({ statusCode: 0, errorCode: 'timeout', timeout: 1500 })
      expect(fetchSpy).toHaveBeenCalledTimes(1)
    } finally {
      vi.useRealTimers()
    }
  })

  it('uses the per-call timeout', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      const { rest } = client({ fetch: hanging })
      expect(
        await settle(caught(rest.request({ method: 'GET', path: '/x' }, { timeout: 50 })), 50),
      ).toMatchObject({ name: 'TimeoutError', timeout: 50 })
    } finally {
      vi.useRealTimers()
    }
  })

  it('rejects with an AbortError that keeps the caller’s abort reason as its cause', async () => {
    const controller = new AbortController()
    const { rest } = client({ fetch: hanging })
    const p = rest.request({ method: 'GET', path: '/x' }, { signal: controller.signal })
    const reason = new Error('user left')
    controller.abort(reason)
    const err = await caught(p)
    expect(isAbortError(err)).toBe(true)
    expect(err).toMatchObject({ name: 'AbortError', statusCode: 0, errorCode: 'aborted' })
    expect(err.cause).toBe(reason)
  })
})

describe('redirects', () => {
  it('never follows a redirect to another origin', async () => {
    const seen = capture(
      'get',
      '/x',
      () =>
        new HttpResponse(null, {
          status: 302,
          headers: { location: 'https://evil.example.net/steal' },
        }),
    )
    const err = await caught(client().rest.request({ method: 'GET', path: '/x' }))
    expect(seen).toHaveLength(1)
    expect(err).toMatchObject({ statusCode: 302, errorCode: 'redirect_not_followed' })
    expect(JSON.stringify(err)).not.toContain('TOKEN-abcdef')
  })

  it('follows a same-origin redirect on GET', async () => {
    capture(
      'get',
      '/old',
      () => new HttpResponse(null, { status: 301, headers: { location: '/new' } }),
    )
    const seen = capture('get', '/new', () => HttpResponse.json({ moved: true }))
    await expect(client().rest.request({ method: 'GET', path: '/old' })).resolves.toEqual({
      moved: true,
    })
    expect(seen[0]!.headers.get('authorization')).toBe('Bearer TOKEN-abcdef')
  })
})

describe('rate limiter hook', () => {
  it('acquires before each attempt and reports each response', async () => {
    const events: string[] = []
    const limiter: RateLimiter = {
      acquire: async () => {
        events.push('acquire')
      },
      update: (info, status) => {
        events.push(`update ${status} ${info.remaining}`)
      },
    }
    capture('get', '/x', (n) =>
      n === 1
        ? new HttpResponse(null, {
            status: 429,
            headers: { 'x-ratelimit-remaining': '0', 'retry-after': '1' },
          })
        : HttpResponse.json({}, { headers: { 'x-ratelimit-remaining': '9' } }),
    )
    await client({ rateLimiter: limiter }).rest.request({ method: 'GET', path: '/x' })
    expect(events).toEqual(['acquire', 'update 429 0', 'acquire', 'update 200 9'])
  })

  it('by default waits for the reset instead of sending a request it knows will be refused', async () => {
    let now = NOW
    const sleeps: number[] = []
    const seen = capture('get', '/x', () =>
      HttpResponse.json(
        {},
        {
          headers: {
            'x-ratelimit-limit': '10',
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset': String(NOW / 1000 + 2),
          },
        },
      ),
    )
    const rest = new RestClient({
      baseUrl: BASE,
      now: () => now,
      sleep: async (ms) => {
        sleeps.push(ms)
        now += ms
      },
    })
    await rest.request({ method: 'GET', path: '/x' })
    await rest.request({ method: 'GET', path: '/x' })
    expect(seen).toHaveLength(2)
    expect(sleeps).toEqual([2000])
  })
})

describe("responseType 'object'", () => {
  it.each([
    ['an HTML page', '<html><body>Login</body></html>', 'text/html', /an HTML page/],
    ['an empty body', '', '', /an empty body/],
    ['a JSON array', '[1]', 'application/json', /a JSON array/],
    ['a text body', 'OK', 'text/plain', /a text body/],
  ])('rejects %s with invalid_response and the real status', async (_n, body, ct, pattern) => {
    capture(
      'post',
      '/oauth/token',
      () =>
        new HttpResponse(body || null, { status: 201, headers: ct ? { 'content-type': ct } : {} }),
    )
    const err = await caught(
      client().rest.request({
        method: 'POST',
        path: '/oauth/token',
        json: {},
        responseType: 'object',
      }),
    )
    expect(err).toMatchObject({ statusCode: 201, errorCode: 'invalid_response' })
    expect(err.message).toMatch(pattern)
  })

  it('returns a JSON object', async () => {
    capture('post', '/oauth/token', () => HttpResponse.json({ access_token: 'a' }))
    await expect(
      client().rest.request({
        method: 'POST',
        path: '/oauth/token',
        json: {},
        responseType: 'object',
      }),
    ).resolves.toEqual({ access_token: 'a' })
  })
})

describe('send: the raw variant', () => {
  it('resolves the parsed body with the final response, status and headers included', async () => {
    const seen = capture('post', '/api/v2/users', () =>
      HttpResponse.json(
        { user_id: 'u1' },
        { status: 201, headers: { 'x-ratelimit-remaining': '41', 'x-auth0-requestid': 'r-1' } },
      ),
    )
    const { data, response } = await client().rest.send<{ user_id: string }>({
      method: 'POST',
      path: '/api/v2/users',
      json: { email: 'a@example.com' },
    })
    expect(seen).toHaveLength(1)
    expect(JSON.parse(seen[0]!.body)).toEqual({ email: 'a@example.com' })
    expect(data).toEqual({ user_id: 'u1' })
    expect(response.status).toBe(201)
    expect(response.headers.get('x-ratelimit-remaining')).toBe('41')
    expect(response.headers.get('x-auth0-requestid')).toBe('r-1')
  })

  it('gives the response after retries and redirects, not the first one', async () => {
    capture(
      'get',
      '/old',
      () => new HttpResponse(null, { status: 301, headers: { location: '/new' } }),
    )
    const seen = capture('get', '/new', (n) =>
      n === 1 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json([], { status: 200 }),
    )
    const { data, response } = await client().rest.send({ method: 'GET', path: '/old' })
    expect(seen).toHaveLength(2)
    expect([data, response.status, response.url]).toEqual([[], 200, `${BASE}/new`])
  })

  it('rejects as request() does', async () => {
    capture('get', '/x', () => HttpResponse.json({ error: 'not_found' }, { status: 404 }))
    const err = await caught(client().rest.send({ method: 'GET', path: '/x' }))
    expect(err).toMatchObject({ statusCode: 404, errorCode: 'not_found' })
  })
})

describe('per-call options and token functions', () => {
  it('lists every bad per-call option in one OptionsError, before sending', async () => {
    const err = await caught(
      client().rest.request(
        { method: 'GET', path: '/x' },
        { timeout: 0, retries: Number.NaN, signal: 'stop' as never, headers: 'x' as never },
      ),
    )
    expect(err).toBeInstanceOf(OptionsError)
    expect((err as unknown as OptionsError).problems).toEqual([
      'signal: expected an AbortSignal',
      'timeout: expected a finite number > 0',
      'retries: expected a finite number',
      'headers: expected an object',
    ])
  })

  it("hands the caller's signal to a token function", async () => {
    capture('get', '/x', () => HttpResponse.json({}))
    const contexts: unknown[] = []
    const { rest } = client({
      token: (context) => {
        contexts.push(context)
        return 'tok-from-fn'
      },
    })
    const controller = new AbortController()
    await rest.request({ method: 'GET', path: '/x' }, { signal: controller.signal })
    await rest.request({ method: 'GET', path: '/x' })
    // a signal of its own, bounded by the call (see "one timeout" below), even when the caller gave none
    const signals = contexts.map((c) => (c as { signal: AbortSignal }).signal)
    expect(signals.map((s) => s instanceof AbortSignal && !s.aborted)).toEqual([true, true])
  })
})
