import { readFileSync } from 'node:fs'
import { Auth0Error, OptionsError } from '@auth0-ts/core'
import { HttpResponse } from 'msw'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createManagementProxy, type ManagementProxyOptions } from './server.js'
import {
  createTenant,
  makeConnection,
  makeManagement,
  makeUser,
  rateLimited,
  TOKEN,
} from './test-utils/tenant.js'
import { setupMsw } from './test-utils/msw.js'

const server = setupMsw()

let tenant: ReturnType<typeof createTenant>
beforeEach(() => {
  tenant = createTenant({
    users: [makeUser({ email: 'ada@example.com' }), makeUser(), makeUser()],
    connections: [makeConnection()],
  })
  server.use(...tenant.handlers)
})

const ALLOW = ['users.list', 'users.get', 'connections.all', 'connections.update'] as const

function proxy(overrides: Partial<ManagementProxyOptions> = {}) {
  return createManagementProxy({
    management: makeManagement(),
    allow: ALLOW,
    authorize: () => true,
    ...overrides,
  })
}

function post(name: string, args: unknown[] = [], init: RequestInit = {}): Request {
  return new Request(`https://app.example.com/api/management/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: 'session=admin' },
    body: JSON.stringify({ args }),
    ...init,
  })
}

async function read(
  response: Response,
): Promise<{ status: number; body: Record<string, unknown>; headers: Record<string, string> }> {
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: Object.fromEntries(response.headers),
  }
}

describe('createManagementProxy: forwarding', () => {
  it('calls an allowed method with the JSON args and answers the raw page of a list', async () => {
    const res = await read(await proxy()(post('users.list', [{ q: 'ada', perPage: 2 }])))
    expect(tenant.requests).toEqual([
      {
        method: 'GET',
        path: '/users',
        query: {
          q: 'ada',
          per_page: '2',
          page: '0',
          include_totals: 'true',
          include_fields: 'true',
        },
        body: undefined,
        authorization: `Bearer ${TOKEN}`,
      },
    ])
    expect(res.status).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.body).toEqual({ data: { users: [tenant.users[0]], start: 0, limit: 2, total: 1 } })
  })

  it('sends a body through and turns null arguments back into left-out ones', async () => {
    const id = tenant.connections[0]!.id
    const res = await read(
      await proxy()(post('connections.update', [id, { display_name: 'Staff' }])),
    )
    expect(tenant.requests.map((r) => [r.method, r.path, r.body])).toEqual([
      ['PATCH', `/connections/${id}`, { display_name: 'Staff' }],
    ])
    expect(res.body).toEqual({ data: { ...tenant.connections[0], display_name: 'Staff' } })
    const again = await read(await proxy()(post('users.get', [tenant.users[1]!.user_id, null])))
    expect(again.body).toEqual({ data: tenant.users[1] })
  })

  it('asks the factory for a client on each request', async () => {
    const factory = vi.fn((_request: Request) => makeManagement())
    const handler = proxy({ management: factory })
    await handler(post('connections.all'))
    await handler(post('connections.all'))
    expect(factory).toHaveBeenCalledTimes(2)
    expect(factory.mock.calls[0]![0].headers.get('cookie')).toBe('session=admin')
  })

  it('answers 500 when the factory fails with a bug, and passes on its Auth0Error', async () => {
    const onError = vi.fn()
    const buggy = await read(
      await proxy({ management: () => Promise.reject(new TypeError('x is undefined')), onError })(
        post('users.list'),
      ),
    )
    expect(buggy).toMatchObject({ status: 500, body: { error: { errorCode: 'internal_error' } } })
    expect(onError).toHaveBeenCalledWith(
      expect.any(TypeError),
      expect.objectContaining({ name: 'users.list' }),
    )
    const refused = new Auth0Error({
      statusCode: 401,
      errorCode: 'access_denied',
      message: 'Unauthorized',
    })
    const token = await read(
      await proxy({ management: () => Promise.reject(refused) })(post('users.list')),
    )
    expect(token).toMatchObject({
      status: 502,
      body: { error: { source: 'upstream', statusCode: 401, errorCode: 'access_denied' } },
    })
    expect(tenant.requests).toEqual([])
  })

  it('honours basePath and answers 404 outside it', async () => {
    const handler = proxy({ basePath: '/admin/mgmt/' })
    const inside = new Request('https://app.example.com/admin/mgmt/users.list', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"args":[]}',
    })
    expect((await handler(inside)).status).toBe(200)
    expect((await handler(post('users.list'))).status).toBe(404)
    expect(tenant.requests).toHaveLength(1)
  })
})

describe('createManagementProxy: refusals', () => {
  it.each([
    ['a method not on the allow-list', 'users.delete'],
    ['an unknown accessor', 'nope.list'],
    ['an unknown method', 'users.nope'],
    ['constructor', 'users.constructor'],
    ['__proto__', 'users.__proto__'],
    ['a prototype accessor', '__proto__.list'],
    ['toString', 'users.toString'],
    ['hasOwnProperty', 'connections.hasOwnProperty'],
    ['a Function.prototype method', 'users.list.call'],
    ['an encoded dot', 'users%2Elist'],
    ['an empty name', ''],
  ])('answers 403 to %s, and sends nothing', async (_, name) => {
    const authorize = vi.fn(() => true)
    const res = await read(await proxy({ authorize })(post(name)))
    expect(res.status).toBe(403)
    expect(res.body).toEqual({
      error: {
        name: 'Auth0Error',
        source: 'proxy',
        statusCode: 403,
        errorCode: 'forbidden_call',
        message: 'This call is not allowed',
      },
    })
    expect(authorize).not.toHaveBeenCalled()
    expect(tenant.requests).toEqual([])
  })

  it('refuses bad allow-lists when it is created', () => {
    const make = (allow: readonly string[]) => () => proxy({ allow: allow as never })
    expect(make(['users.constructor'])).toThrow(
      /allow\[0\]: "users.constructor" is not an "accessor.method" name/,
    )
    expect(make(['users.list', '__proto__.x', 'users.nope'])).toThrow(
      /allow\[1\][\s\S]*allow\[2\]: users.nope is not a method/,
    )
    // the client's transport would send any request with the token
    expect(make(['rest.request'])).toThrow(/allow\[0\]: rest.request is not a method/)
    expect(() => createManagementProxy({} as ManagementProxyOptions)).toThrow(TypeError)
  })

  it('lists every bad option in one OptionsError', () => {
    const bad = {
      management: 'token',
      allow: 'users.list',
      basePath: 'api',
      maxBodyBytes: 1.5,
      onError: true,
      cors: '*',
    }
    let error: unknown
    try {
      createManagementProxy(bad as unknown as ManagementProxyOptions)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(OptionsError)
    expect(error).toMatchObject({
      code: 'invalid_options',
      where: 'management proxy options',
      problems: [
        'cors: unknown option',
        'management: expected an Auth0 client or a function that returns one',
        'allow: expected an array of "accessor.method" names',
        'authorize: is required',
        'basePath: expected a path starting with "/"',
        'maxBodyBytes: expected a positive integer',
        'onError: expected a function',
      ],
    })
    expect(() => createManagementProxy(undefined as never)).toThrow(
      /^Invalid management proxy options:\n {2}- \(root\): expected an object$/,
    )
  })

  it('answers 401 and 403 from authorize, which sees the parsed call', async () => {
    const authorize = vi
      .fn<ManagementProxyOptions['authorize']>()
      .mockReturnValueOnce('unauthenticated')
      .mockResolvedValueOnce(false)
      .mockReturnValueOnce('forbidden')
    const handler = proxy({ authorize })
    const statuses = []
    for (let i = 0; i < 3; i++)
      statuses.push((await handler(post('users.get', ['auth0|1']))).status)
    expect(statuses).toEqual([401, 403, 403])
    expect(authorize.mock.calls[0]![1]).toEqual({
      name: 'users.get',
      accessor: 'users',
      method: 'get',
      args: ['auth0|1'],
    })
    expect(tenant.requests).toEqual([])
  })

  it('answers 500 without details when authorize throws, and reports it to onError', async () => {
    const onError = vi.fn()
    const res = await read(
      await proxy({ authorize: () => Promise.reject(new Error(`db down ${TOKEN}`)), onError })(
        post('users.list'),
      ),
    )
    expect(res.status).toBe(500)
    expect(res.body).toEqual({
      error: expect.objectContaining({
        errorCode: 'internal_error',
        message: 'The management proxy failed to complete the call',
      }),
    })
    expect(onError).toHaveBeenCalledOnce()
  })

  it.each([
    ['GET', post('users.list', [], { method: 'GET', body: null }), 405],
    [
      'a form body',
      post('users.list', [], {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'args=1',
      }),
      415,
    ],
    ['broken JSON', post('users.list', [], { body: '{"args":' }), 400],
    ['args that are not an array', post('users.list', [], { body: '{"args":{"q":1}}' }), 400],
    ['a body over maxBodyBytes', post('users.list', ['x'.repeat(2000)]), 413],
  ])('refuses %s', async (_, request, status) => {
    const res = await read(await proxy({ maxBodyBytes: 1000 })(request))
    expect(res.status).toBe(status)
    expect(tenant.requests).toEqual([])
  })

  it.each([
    ['headers', ['auth0|1', {}, { headers: { authorization: 'Bearer other' } }]],
    ['retries', [{ retries: 10 }]],
    ['timeout mixed with options', [{ q: 'a', timeout: 999999 }]],
  ])('refuses arguments that carry request options (%s)', async (_, args) => {
    const res = await read(await proxy()(post('users.get', args)))
    expect(res.status).toBe(400)
    expect(res.body).toEqual({ error: expect.objectContaining({ errorCode: 'invalid_arguments' }) })
    expect(tenant.requests).toEqual([])
  })

  it('answers 400 when the management client rejects the arguments', async () => {
    const res = await read(await proxy()(post('users.get', [])))
    expect(res.status).toBe(400)
    expect(res.body).toEqual({
      error: expect.objectContaining({
        errorCode: 'invalid_arguments',
        message: expect.stringContaining('id'),
      }),
    })
  })
})

describe('createManagementProxy: errors', () => {
  it('maps an upstream error to its status and an envelope, without upstream headers', async () => {
    const res = await read(await proxy()(post('users.get', ['auth0|missing'])))
    expect(res.status).toBe(404)
    expect(res.body).toEqual({
      error: {
        name: 'Auth0Error',
        source: 'upstream',
        statusCode: 404,
        errorCode: 'inexistent_user',
        message: 'The user does not exist.',
        requestId: 'req-404',
      },
    })
    expect(Object.keys(res.headers).sort()).toEqual(['cache-control', 'content-type'])
  })

  it('maps a 429 to a RateLimitError envelope with resetAt and only the rate-limit headers', async () => {
    tenant.overrides.push(() => rateLimited(1_900_000_000))
    const res = await read(await proxy()(post('users.list')))
    expect(res.status).toBe(429)
    expect(res.body).toEqual({
      error: {
        name: 'RateLimitError',
        source: 'upstream',
        statusCode: 429,
        errorCode: 'too_many_requests',
        message: 'Global limit has been reached',
        requestId: 'req-429',
        resetAt: 1_900_000_000,
        retryAfter: 30,
        limit: 10,
        remaining: 0,
      },
    })
    expect(res.headers).toMatchObject({
      'retry-after': '30',
      'x-ratelimit-limit': '10',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': '1900000000',
    })
    expect(res.headers).not.toHaveProperty('set-cookie')
    expect(res.headers).not.toHaveProperty('x-upstream-secret')
    expect(res.headers).not.toHaveProperty('x-auth0-requestid')
  })

  it('answers 502 for an unreachable upstream', async () => {
    tenant.overrides.push(() => HttpResponse.error())
    const res = await read(await proxy()(post('users.list')))
    expect(res.status).toBe(502)
    expect(res.body).toEqual({
      error: expect.objectContaining({ name: 'NetworkError', source: 'upstream', statusCode: 0 }),
    })
  })
})

describe('createManagementProxy: the token never reaches the browser', () => {
  const echoes = [
    [
      'a 401 that echoes the token',
      () =>
        HttpResponse.json(
          {
            statusCode: 401,
            error: 'Unauthorized',
            message: `Bad token ${TOKEN}`,
            attributes: { token: TOKEN },
          },
          { status: 401, headers: { 'www-authenticate': `Bearer ${TOKEN}` } },
        ),
    ],
    [
      'a 400 that echoes the header',
      () => HttpResponse.json({ message: `Authorization: Bearer ${TOKEN}` }, { status: 400 }),
    ],
    [
      'an HTML 500 page with the token',
      () =>
        new HttpResponse(`<html><body>Server error for Bearer ${TOKEN}</body></html>`, {
          status: 500,
          headers: { 'content-type': 'text/html', authorization: `Bearer ${TOKEN}` },
        }),
    ],
    ['a 429', () => rateLimited(1_900_000_000)],
    ['a success', undefined],
  ] as const

  it.each(echoes)('for %s', async (_, respond) => {
    if (respond) tenant.overrides.push(respond)
    const response = await proxy()(post('users.list', [{ q: 'ada' }]))
    const text = await response.text()
    const headers = [...response.headers].flat().join('\n')
    expect(tenant.requests[0]?.authorization).toBe(`Bearer ${TOKEN}`)
    for (const part of [TOKEN, ...TOKEN.split('.')]) {
      expect(text).not.toContain(part)
      expect(headers).not.toContain(part)
    }
    expect(headers.toLowerCase()).not.toContain('authorization')
    expect(text).not.toMatch(/\bat .*\.(ts|js):\d+/)
  })

  it('scrubs token-shaped text the client did not know as a secret (a rotated token)', async () => {
    const old = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvbGQtdG9rZW4ifQ.b2xkLXNpZ25hdHVyZQ'
    tenant.overrides.push(() =>
      HttpResponse.json(
        {
          statusCode: 401,
          error: 'Unauthorized',
          message: `Expired token ${old}; send Bearer ${old.slice(0, 20)}`,
        },
        { status: 401 },
      ),
    )
    const res = await read(await proxy()(post('users.list')))
    // the server's token was refused: a gateway error, not the browser session's 401
    expect(res.status).toBe(502)
    expect(res.body).toEqual({
      error: expect.objectContaining({
        source: 'upstream',
        statusCode: 401,
        message: 'Expired token [REDACTED]; send Bearer [REDACTED]',
      }),
    })
  })
})

it('the server entry never loads React, directly or through its imports', () => {
  const seen = new Set<string>()
  const visit = (file: string): string[] => {
    if (seen.has(file)) return []
    seen.add(file)
    const source = readFileSync(new URL(file, import.meta.url), 'utf8')
    const specifiers = [
      ...source.matchAll(/^(?:import|export)\s+(?!type\b)[^;'"]*?\bfrom\s+['"]([^'"]+)['"]/gm),
    ].map((m) => m[1]!)
    return specifiers.flatMap((s) => (s.startsWith('./') ? visit(s.replace(/\.js$/, '.ts')) : [s]))
  }
  const external = visit('./server.ts')
  expect([...seen].sort()).toEqual(['./protocol.ts', './server.ts'])
  expect([...new Set(external)].sort()).toEqual(['@auth0-ts/core', '@auth0-ts/core/internal'])
})
