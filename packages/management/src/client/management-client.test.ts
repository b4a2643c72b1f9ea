// ManagementClient over msw: the request each call sends, then what it resolves to.
import { Auth0Error, isAuth0Error, isOptionsError, isRateLimitError } from '@auth0-ts/core'
import { HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { BASE, DOMAIN, makeUser, mockApi } from '../test-utils/server.js'
import { EventStream } from './event-stream.js'
import { ManagementError, NotFoundError } from './errors.js'
import { ManagementClient } from './management-client.js'
import { Page } from './page.js'
import { withHeaders, withTimeout } from './request-options.js'
import { UsersClient } from './resources.js'

const api = mockApi()
const client = (options: Record<string, unknown> = {}) =>
  new ManagementClient({ domain: DOMAIN, token: 'TOKEN', rateLimiter: false, ...options })

describe('calls', () => {
  it('sends path parameters percent-encoded, then the request object as the query, and resolves to the body', async () => {
    const user = makeUser()
    api.reply(() => api.json(user))
    const got = await client().users.get('auth0|a/b c', { fields: 'email', include_fields: true })
    expect(api.seen).toHaveLength(1)
    const [req] = api.seen
    expect(req?.method).toBe('GET')
    expect(req?.raw).toBe(`${BASE}/users/auth0%7Ca%2Fb%20c?fields=email&include_fields=true`)
    expect(req?.headers.get('authorization')).toBe('Bearer TOKEN')
    expect(JSON.parse(atob(req?.headers.get('auth0-client') ?? ''))).toMatchObject({
      name: '@auth0-ts/management',
    })
    expect(got).toEqual(user)
  })

  it('sends the request object as the JSON body, {} when an optional one is left out', async () => {
    api.reply(() => api.json({ id: 'r' }))
    await client().users.update('auth0|1', { name: 'Jane', app_metadata: { plan: 'pro' } })
    await client().users.update('auth0|1')
    expect(
      api.seen.map((r) => [r.method, r.url.pathname, r.headers.get('content-type'), r.body]),
    ).toEqual([
      [
        'PATCH',
        '/api/v2/users/auth0%7C1',
        'application/json',
        '{"name":"Jane","app_metadata":{"plan":"pro"}}',
      ],
      ['PATCH', '/api/v2/users/auth0%7C1', 'application/json', '{}'],
    ])
  })

  it('refuses a missing or empty id with a TypeError, before anything is sent', async () => {
    const c = client()
    await expect(c.users.get(undefined as unknown as string)).rejects.toThrow(
      new TypeError('id is required: expected a non-empty string'),
    )
    await expect(c.users.delete('')).rejects.toThrow(TypeError)
    await expect(c.users.roles.list(null as unknown as string)).rejects.toThrow(TypeError)
    expect(api.seen).toHaveLength(0)
  })

  it('gives the response with .withRawResponse(), from the one request awaiting also uses', async () => {
    api.reply(() =>
      api.json(
        { user_id: 'u' },
        { headers: { 'x-ratelimit-remaining': '41', 'x-ratelimit-limit': '50' } },
      ),
    )
    const call = client().users.get('u')
    const { data, rawResponse } = await call.withRawResponse()
    expect(await call).toEqual({ user_id: 'u' })
    expect(data).toEqual({ user_id: 'u' })
    expect(rawResponse.status).toBe(200)
    expect(rawResponse.headers.get('x-ratelimit-remaining')).toBe('41')
    expect(rawResponse.url).toBe(`${BASE}/users/u`)
    expect(api.seen).toHaveLength(1)
  })

  it('resolves an operation without content to undefined', async () => {
    api.reply(() => new HttpResponse(null, { status: 204 }))
    expect(await client().users.delete('auth0|1')).toBeUndefined()
    expect(api.seen[0]?.method).toBe('DELETE')
  })

  it('builds each resource on first use, once', () => {
    const c = client()
    expect(Object.keys(c)).toHaveLength(47)
    expect(c.users).toBe(c.users)
    expect(c.users.roles).toBe(c.users.roles)
    expect(c.organizations.members.roles.list).toBeTypeOf('function')
  })
})

describe('what a 2xx must carry', () => {
  it('refuses an empty 2xx where the definition declares a value, and reads none where it declares none', async () => {
    api.reply(() => new HttpResponse(null, { status: 200 }))
    const err = await client()
      .users.get('u')
      .catch((e: unknown) => e)
    expect(err).toMatchObject({ errorCode: 'invalid_response', statusCode: 200 })
    api.reply(() => api.json({ unexpected: true }))
    expect(await client().users.delete('u')).toBeUndefined()
  })
})

describe("core's transport options", () => {
  it('pass hooks, debug and deadline to core, per client and per call', async () => {
    api.reply(() => api.json({ user_id: 'u' }))
    const seen: string[] = []
    const lines: string[] = []
    const c = client({
      hooks: {
        onResponse: (e: { method: string; pathTemplate: string; status: number }) =>
          void seen.push(`client ${e.method} ${e.pathTemplate} ${e.status}`),
      },
      debug: (line: string) => void lines.push(line),
    })
    await c.users.get('auth0|1', undefined, {
      hooks: { onRequest: (e) => void seen.push(`call ${e.path}`) },
    })
    expect(seen).toEqual(['call /api/v2/users/auth0%7C1', 'client GET /api/v2/users/{id} 200'])
    expect(lines.join('\n')).toContain('/api/v2/users/auth0%7C1')
    expect(lines.join('\n')).not.toContain('TOKEN')
  })

  it('fails a call past its deadline with a TimeoutError', async () => {
    api.reply(() => new Promise<Response>(() => {}))
    const err = await client({ deadline: 100 })
      .users.get('u')
      .catch((e: unknown) => e)
    expect(err).toMatchObject({ name: 'TimeoutError', bound: 'deadline' })
    const perCall = await client()
      .users.get('u', undefined, { deadline: 100 })
      .catch((e: unknown) => e)
    expect(perCall).toMatchObject({ name: 'TimeoutError', bound: 'deadline' })
  })

  it('lists a bad core option with the others', () => {
    expect(() => client({ deadline: -1, colour: 'red' })).toThrow(
      expect.objectContaining({
        problems: expect.arrayContaining([
          'colour: unknown option',
          expect.stringMatching(/^deadline: /),
        ]),
      }),
    )
  })
})

describe('per-call options', () => {
  it('takes node-auth0’s names and ours: headers (functions too), queryParams, timeouts and retries', async () => {
    api.reply(() => api.json({}))
    const c = client({ headers: { 'x-app': 'a', 'x-dynamic': () => Promise.resolve('d1') } })
    await c.users.get(
      'u',
      { fields: 'email' },
      { headers: { 'X-App': 'per-call', 'x-drop': undefined }, queryParams: { extra: ['1', '2'] } },
    )
    await c.users.get('u', undefined, { ...withTimeout(2), ...withHeaders({ 'x-req': 'r' }) })
    const [first, second] = api.seen
    expect(first?.headers.get('x-app')).toBe('per-call')
    expect(first?.headers.get('x-dynamic')).toBe('d1')
    expect(first?.url.search).toBe('?fields=email&extra=1&extra=2')
    expect(second?.headers.get('x-app')).toBe('a')
    expect(second?.headers.get('x-req')).toBe('r')
  })

  it('aborts with abortSignal, node-auth0’s name for signal', async () => {
    api.reply(() => api.json({}))
    const controller = new AbortController()
    controller.abort(new Error('stop'))
    const err = await client()
      .users.get('u', undefined, { abortSignal: controller.signal })
      .catch((e: unknown) => e)
    expect(err).toBeDefined()
    expect(api.seen).toHaveLength(0)
  })

  it('lists every problem of bad per-call options in one OptionsError, before sending', async () => {
    const err = await client()
      .users.get('u', undefined, {
        timeout: 1000,
        timeoutInSeconds: 1,
        maxRetries: 'x',
        colour: 'red',
      } as never)
      .catch((e: unknown) => e)
    expect(isOptionsError(err)).toBe(true)
    expect((err as { problems: string[] }).problems).toEqual([
      'colour: unknown option',
      'maxRetries: expected a finite number',
      'timeout, timeoutInSeconds: give one of them',
    ])
    expect(api.seen).toHaveLength(0)
  })
})

describe('the custom-domain header', () => {
  it('goes with withCustomDomainHeader on the operations that take it only; per-call headers send it anywhere', async () => {
    api.reply(() => api.json({}))
    const c = client({ withCustomDomainHeader: 'login.example.com' })
    await c.users.create({ connection: 'db', email: 'a@example.com' })
    await c.users.get('u')
    await c.users.get('u', undefined, { headers: { 'Auth0-Custom-Domain': 'other.example.com' } })
    expect(api.seen.map((r) => r.headers.get('auth0-custom-domain'))).toEqual([
      'login.example.com',
      null,
      'other.example.com',
    ])
  })
})

describe('lists', () => {
  const total = 5
  const replyUsers = () =>
    api.reply((req) => {
      const page = Number(req.query['page'] ?? 0)
      const perPage = Number(req.query['per_page'] ?? 50)
      const users = Array.from({ length: total }, (_, i) => ({ user_id: `u${i}` }))
      return api.json({
        users: users.slice(page * perPage, (page + 1) * perPage),
        start: page * perPage,
        limit: perPage,
        total,
      })
    })

  it('resolves to a page, sending node-auth0’s defaults', async () => {
    replyUsers()
    const page = await client().users.list()
    expect(api.seen[0]?.url.search).toBe('?page=0&per_page=50&include_totals=true')
    expect(page).toBeInstanceOf(Page)
    expect(page.data).toHaveLength(5)
    expect(page.response).toMatchObject({ total: 5 })
    expect(page.hasNextPage()).toBe(false)
  })

  it('walks every page with for await on the call itself, stopping on the totals', async () => {
    replyUsers()
    const ids: string[] = []
    for await (const user of client().users.list({ per_page: 2 })) ids.push(user.user_id as string)
    expect(ids).toEqual(['u0', 'u1', 'u2', 'u3', 'u4'])
    expect(api.seen.map((r) => r.url.search)).toEqual([
      '?page=0&per_page=2&include_totals=true',
      '?page=1&per_page=2&include_totals=true',
      '?page=2&per_page=2&include_totals=true',
    ])
  })

  it('follows checkpoints on a list that takes both styles when the call pages by take', async () => {
    api.reply((req) =>
      api.json(
        req.query['from'] === undefined
          ? { connections: [{ id: 'c1' }], next: 'n1' }
          : { connections: [{ id: 'c2' }] },
      ),
    )
    const ids: string[] = []
    for await (const c of client().connections.list({ take: 1 })) ids.push(c.id as string)
    expect(ids).toEqual(['c1', 'c2'])
    expect(api.seen.map((r) => r.url.search)).toEqual([
      '?include_totals=true&take=1',
      '?include_totals=true&take=1&from=n1',
    ])
  })

  it('gives the first page with .withRawResponse()', async () => {
    replyUsers()
    const { data, rawResponse } = await client().users.list().withRawResponse()
    expect(data.data).toHaveLength(5)
    expect(rawResponse.status).toBe(200)
  })
})

describe('errors', () => {
  it('rejects with our Auth0Error, which is also node-auth0’s ManagementError and per-status class', async () => {
    api.reply(() =>
      api.json(
        {
          statusCode: 404,
          error: 'Not Found',
          message: 'The user does not exist.',
          errorCode: 'inexistent_user',
        },
        { status: 404, headers: { 'x-ratelimit-remaining': '7' } },
      ),
    )
    const err = await client()
      .users.get('nope')
      .catch((e: unknown) => e)
    expect(isAuth0Error(err)).toBe(true)
    expect(err).toBeInstanceOf(Auth0Error)
    expect(err).toBeInstanceOf(ManagementError)
    expect(err).toBeInstanceOf(NotFoundError)
    const e = err as ManagementError
    expect(e.statusCode).toBe(404)
    expect(e.errorCode).toBe('inexistent_user')
    expect(e.body).toMatchObject({ errorCode: 'inexistent_user' })
    expect(e.rawResponse?.status).toBe(404)
    expect(e.rawResponse?.headers.get('x-ratelimit-remaining')).toBe('7')
  })

  it('never retries a write the server may have acted on (503), but retries a 429', async () => {
    api.reply(() => api.json({ message: 'busy' }, { status: 503 }))
    const err = await client({ retries: 3 })
      .users.create({ connection: 'db' })
      .catch((e: unknown) => e)
    expect((err as ManagementError).statusCode).toBe(503)
    expect(api.seen).toHaveLength(1)
    api.seen.length = 0
    api.reply((_, n) =>
      n === 1
        ? api.json({ message: 'slow down' }, { status: 429, headers: { 'retry-after': '0' } })
        : api.json({ user_id: 'new' }, { status: 201 }),
    )
    expect(await client({ retries: 3 }).users.create({ connection: 'db' })).toEqual({
      user_id: 'new',
    })
    expect(api.seen).toHaveLength(2)
  })

  it('surfaces a 429 after the retries as a RateLimitError, node-auth0’s TooManyRequestsError', async () => {
    api.reply(() =>
      api.json({ message: 'slow down' }, { status: 429, headers: { 'retry-after': '0' } }),
    )
    const err = await client({ maxRetries: 0 })
      .users.list()
      .catch((e: unknown) => e)
    expect(isRateLimitError(err)).toBe(true)
    expect(api.seen).toHaveLength(1)
  })
})

describe('client credentials', () => {
  it('fetches a token with the client id and secret for the tenant’s API, once, and sends it', async () => {
    api.reply((req) =>
      req.url.pathname === '/oauth/token'
        ? api.json({ access_token: 'M2M', expires_in: 86400, token_type: 'Bearer' })
        : api.json({ user_id: 'u' }),
    )
    const c = new ManagementClient({ domain: DOMAIN, clientId: 'cid', clientSecret: 'sec' })
    await c.users.get('u')
    await c.users.get('v')
    expect(api.seen.map((r) => r.url.pathname)).toEqual([
      '/oauth/token',
      '/api/v2/users/u',
      '/api/v2/users/v',
    ])
    expect(Object.fromEntries(new URLSearchParams(api.seen[0]?.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: 'cid',
      client_secret: 'sec',
      audience: `https://${DOMAIN}/api/v2/`,
    })
    expect(api.seen[1]?.headers.get('authorization')).toBe('Bearer M2M')
  })

  it('fetches a fresh token once when the API answers 401 (a revoked or re-scoped token)', async () => {
    let tokens = 0
    api.reply((req) => {
      if (req.url.pathname === '/oauth/token')
        return api.json({ access_token: `M2M-${++tokens}`, expires_in: 86400 })
      return req.headers.get('authorization') === 'Bearer M2M-1'
        ? api.json({ message: 'revoked' }, { status: 401 })
        : api.json({ user_id: 'u' })
    })
    const c = new ManagementClient({ domain: DOMAIN, clientId: 'cid', clientSecret: 'sec' })
    expect(await c.users.get('u')).toEqual({ user_id: 'u' })
    expect(
      api.seen.map((r) => `${r.url.pathname} ${r.headers.get('authorization') ?? ''}`),
    ).toEqual([
      '/oauth/token ',
      '/api/v2/users/u Bearer M2M-1',
      '/oauth/token ',
      '/api/v2/users/u Bearer M2M-2',
    ])
  })

  it('uses the given audience and token cache', async () => {
    api.reply((req) =>
      req.url.pathname === '/oauth/token'
        ? api.json({ access_token: 'NEW', expires_in: 60 })
        : api.json({}),
    )
    const stored = new Map<string, { accessToken: string; expiresAt: number }>()
    const tokenCache = {
      get: (k: string) => Promise.resolve(stored.get(k)),
      set: (k: string, t: { accessToken: string; expiresAt: number }) => {
        stored.set(k, t)
        return Promise.resolve()
      },
    }
    await new ManagementClient({
      domain: DOMAIN,
      clientId: 'cid',
      clientSecret: 'sec',
      audience: 'https://api.example.com/',
      tokenCache,
    }).users.get('u')
    expect(new URLSearchParams(api.seen[0]?.body).get('audience')).toBe('https://api.example.com/')
    expect([...stored.values()].map((t) => t.accessToken)).toEqual(['NEW'])
  })
})

describe('a resource client alone', () => {
  it('is the same resource, built from the same options', async () => {
    api.reply(() => api.json({ user_id: 'u' }))
    const users = new UsersClient({ domain: DOMAIN, token: 'T' })
    expect(await users.get('u')).toEqual({ user_id: 'u' })
    expect(api.seen[0]?.headers.get('authorization')).toBe('Bearer T')
    expect(() => new UsersClient({ domain: 'https://x' } as never)).toThrow(/UsersClient options/)
  })
})

describe('events.subscribe', () => {
  it('opens the stream through core and yields each event, with its type', async () => {
    api.reply(
      () =>
        new HttpResponse(
          ': keep-alive\n\nevent: user.created\ndata: {"id":"e1",\ndata: "data":{"user_id":"u1"}}\n\ndata: {"type":"user.deleted","id":"e2"}\r\n\r\n',
          { headers: { 'content-type': 'text/event-stream' } },
        ),
    )
    const events = await client().events.subscribe({ event_type: ['user.created'] })
    expect(events).toBeInstanceOf(EventStream)
    const got: unknown[] = []
    for await (const event of events) got.push(event)
    expect(got).toEqual([
      { type: 'user.created', id: 'e1', data: { user_id: 'u1' } },
      { type: 'user.deleted', id: 'e2' },
    ])
    expect(api.seen[0]?.url.search).toBe('?event_type=user.created')
    expect(api.seen[0]?.headers.get('authorization')).toBe('Bearer TOKEN')
  })

  it('rejects an error status with our error, before any stream', async () => {
    api.reply(() => api.json({ message: 'no' }, { status: 403 }))
    const err = await client()
      .events.subscribe()
      .catch((e: unknown) => e)
    expect((err as Auth0Error).statusCode).toBe(403)
  })

  it('rejects a 2xx that is not an event stream as invalid_response', async () => {
    api.reply(() => api.json({ not: 'a stream' }))
    const err = await client()
      .events.subscribe()
      .catch((e: unknown) => e)
    expect(err).toMatchObject({ errorCode: 'invalid_response' })
  })
})
