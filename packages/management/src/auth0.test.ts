import { isOptionsError, type OptionsError } from '@auth0-ts/core'
import { HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import {
  Auth0,
  Auth0Error,
  isAuth0Error,
  isRateLimitError,
  RateLimitError,
  RestClient,
  Roles,
  Users,
  type Auth0Managers,
} from './index.js'
import { BASE, DOMAIN, makeUser, mockApi } from './test-utils/server.js'

const api = mockApi()
const NOW = 1_700_000_000_000

describe('new Auth0(domain, token, options)', () => {
  it('exposes the 32 managers, each built on first use and then kept', () => {
    const auth0 = new Auth0(DOMAIN, 'TOKEN')
    const accessors = Object.keys(auth0).filter((k) => k !== 'rest')
    expect(accessors).toHaveLength(32)
    expect(Object.getOwnPropertyDescriptor(auth0, 'users')?.get).toBeTypeOf('function')
    const users = auth0.users
    expect(users).toBeInstanceOf(Users)
    expect(auth0.users).toBe(users)
    expect(Object.getOwnPropertyDescriptor(auth0, 'users')?.value).toBe(users)
    expect(Object.getOwnPropertyDescriptor(auth0, 'roles')?.get).toBeTypeOf('function')
    expect(auth0.rest).toBeInstanceOf(RestClient)
  })

  it('sends the bearer token, the telemetry of this package and no Content-Type without a body', async () => {
    const user = makeUser()
    api.reply(() => api.json(user))
    await expect(new Auth0(DOMAIN, 'TOKEN').users.get(user.user_id)).resolves.toEqual(user)
    const req = api.seen[0]
    expect(req?.headers.get('authorization')).toBe('Bearer TOKEN')
    expect(req?.headers.get('content-type')).toBeNull()
    const telemetry = JSON.parse(atob(req?.headers.get('auth0-client') ?? '')) as {
      name: string
      version: string
    }
    expect(telemetry).toMatchObject({ name: '@auth0-ts/management', version: expect.any(String) })
  })

  it('calls a token function before each request', async () => {
    let n = 0
    const auth0 = new Auth0(DOMAIN, async () => `T${++n}`)
    await auth0.roles.get('r1')
    await auth0.clients.get('c1')
    expect(api.seen.map((r) => r.headers.get('authorization'))).toEqual(['Bearer T1', 'Bearer T2'])
  })

  it('reaches a local tenant over http', async () => {
    const calls: string[] = []
    const fetch = async (input: RequestInfo | URL) => {
      calls.push(input instanceof Request ? input.url : String(input))
      return new Response('[]', { headers: { 'content-type': 'application/json' } })
    }
    await new Auth0('127.0.0.1:8080', 'TOKEN', { protocol: 'http', fetch }).connections.all()
    expect(calls).toEqual(['http://127.0.0.1:8080/api/v2/connections?include_fields=true'])
  })

  it('percent-encodes ids, so `auth0|a/b?c` stays one path segment', async () => {
    await new Auth0(DOMAIN, 'TOKEN').users.unlinkUserAccount('auth0|a/b?c', 'google-oauth2', '1#2')
    expect(api.seen[0]?.raw).toBe(`${BASE}/users/auth0%7Ca%2Fb%3Fc/identities/google-oauth2/1%232`)
  })

  it.each([
    [{ protocol: 'ftp' }, 'protocol: expected one of "https", "http"'],
    [{ timeout: 5 }, 'timeout: unknown option'],
    [{ fetch: 'no' }, 'fetch: expected a function'],
  ])('rejects bad options at construction: %j', (options, problem) => {
    expect(() => new Auth0(DOMAIN, 'TOKEN', options as never)).toThrow(TypeError)
    expect(() => new Auth0(DOMAIN, 'TOKEN', options as never)).toThrow(problem)
  })

  it('lists every problem at once, and never echoes the token', () => {
    let message = ''
    try {
      new Auth0('https://tenant.example.com/', '', { protocol: 'ftp' as 'http' })
    } catch (e) {
      message = (e as Error).message
    }
    expect(message).toContain('domain:')
    expect(message).toContain('token:')
    expect(message).toContain('protocol:')
  })

  it('validates restOptions through the transport', () => {
    expect(() => new Auth0(DOMAIN, 'TOKEN', { restOptions: { timeout: -1 } })).toThrow(
      /restOptions[\s\S]*timeout/,
    )
  })

  it("combines the domain's, the token's and every option's problems in one OptionsError", () => {
    let error: unknown
    try {
      new Users('https://tenant.example.com/', '', {
        protocol: 'ftp',
        timeout: 0,
        restOptions: { retries: 'many' },
        colour: 'red',
      } as never)
    } catch (e) {
      error = e
    }
    expect(isOptionsError(error)).toBe(true)
    expect((error as OptionsError).problems).toEqual([
      'colour: unknown option',
      'protocol: expected one of "https", "http"',
      'timeout: expected a finite number > 0',
      'token: expected a non-empty string or a function that returns one',
      'restOptions.retries: expected a finite number',
      'domain: expected a host name with an optional port, such as "tenant.auth0.com" (got "https://tenant.example.com/")',
    ])
  })
})

describe('a manager built alone', () => {
  it('takes telemetry and timeout, as in auth0-python', async () => {
    const users = new Users(DOMAIN, 'TOKEN', { telemetry: false, timeout: 1000 })
    await users.get('u1')
    expect(api.seen[0]?.headers.has('auth0-client')).toBe(false)
  })

  it('ignores telemetry and timeout when restOptions is given, as in auth0-python', async () => {
    await new Users(DOMAIN, 'TOKEN', { telemetry: false, restOptions: { telemetry: true } }).get(
      'u1',
    )
    expect(api.seen[0]?.headers.has('auth0-client')).toBe(true)
  })

  it('can share a RestClient (and its rate limiter) with other managers', async () => {
    let now = NOW
    const sleeps: number[] = []
    const rest = new RestClient({
      baseUrl: BASE,
      token: 'TOKEN',
      now: () => now,
      sleep: async (ms) => {
        sleeps.push(ms)
        now += ms
      },
    })
    const sentAt: number[] = []
    api.reply(() => {
      sentAt.push(now)
      return api.json(
        {},
        {
          headers: {
            'x-ratelimit-limit': '50',
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset': String(NOW / 1000 + 3),
          },
        },
      )
    })
    await new Users(rest).get('u1')
    await new Roles(rest).get('r1')
    // the second request waited for the reset the first response announced, instead of being refused
    expect(sleeps).toEqual([3000])
    expect(sentAt).toEqual([NOW, NOW + 3000])
  })
})

describe('per-call request options', () => {
  it('merge headers over the client’s and are never sent as parameters', async () => {
    await new Auth0(DOMAIN, 'TOKEN').users.get(
      'u1',
      { fields: ['email'] },
      { headers: { 'x-request-id': 'abc' }, timeout: 1000 },
    )
    const req = api.seen[0]
    expect(req?.headers.get('x-request-id')).toBe('abc')
    expect(req?.query).toEqual({ fields: 'email', include_fields: 'true' })
  })

  it('come right after the positional parameters of a method without options', async () => {
    await new Auth0(DOMAIN, 'TOKEN').users.update('u1', { name: 'n' }, { headers: { 'x-a': '1' } })
    expect(api.seen[0]?.headers.get('x-a')).toBe('1')
    expect(JSON.parse(api.seen[0]?.body ?? '')).toEqual({ name: 'n' })
  })

  it('set retries for one call', async () => {
    api.reply(
      () =>
        new HttpResponse(null, {
          status: 429,
          headers: { 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 600) },
        }),
    )
    const err = await new Auth0(DOMAIN, 'TOKEN').users
      .get('u1', {}, { retries: 0 })
      .catch((e: unknown) => e)
    expect(api.seen).toHaveLength(1)
    expect(isRateLimitError(err)).toBe(true)
  })

  it('abort with a signal, before anything is sent', async () => {
    const controller = new AbortController()
    controller.abort(new Error('stop'))
    await expect(
      new Auth0(DOMAIN, 'TOKEN').users.get('u1', {}, { signal: controller.signal }),
    ).rejects.toThrow('stop')
    expect(api.seen).toHaveLength(0)
  })
})

describe('errors', () => {
  it('are core’s, re-exported: an HTTP error is an Auth0Error with the body’s code and message', async () => {
    api.reply(() =>
      api.json(
        {
          statusCode: 404,
          error: 'Not Found',
          message: 'The user does not exist.',
          errorCode: 'inexistent_user',
        },
        { status: 404 },
      ),
    )
    const err = await new Auth0(DOMAIN, 'TOKEN').users.get('u1').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(Auth0Error)
    expect(isAuth0Error(err)).toBe(true)
    expect(err).toMatchObject({
      statusCode: 404,
      errorCode: 'inexistent_user',
      message: 'The user does not exist.',
    })
  })

  it('a 429 after the retries is a RateLimitError with resetAt', async () => {
    const resetAt = Math.floor(Date.now() / 1000) + 3600
    api.reply(() =>
      api.json(
        { message: 'Too Many Requests' },
        {
          status: 429,
          headers: {
            'x-ratelimit-limit': '50',
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset': String(resetAt),
          },
        },
      ),
    )
    const err = await new Auth0(DOMAIN, 'TOKEN').users.get('u1').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RateLimitError)
    expect(err).toMatchObject({ statusCode: 429, resetAt, limit: 50, remaining: 0 })
  })

  it('a missing required parameter is a TypeError, and nothing is sent', async () => {
    const users = new Auth0(DOMAIN, 'TOKEN').users as Auth0Managers['users'] & {
      addRoles: (id: string) => Promise<unknown>
    }
    await expect(users.addRoles('u1')).rejects.toThrow(new TypeError('roles is required'))
    await expect(new Auth0(DOMAIN, 'TOKEN').users.get('')).rejects.toThrow(TypeError)
    expect(api.seen).toHaveLength(0)
  })
})

describe('rateLimiter option', () => {
  it('passes a custom limiter to the shared transport and rejects a malformed one', async () => {
    const calls: string[] = []
    const limiter = {
      acquire: async () => {
        calls.push('acquire')
      },
      update: () => {
        calls.push('update')
      },
    }
    api.reply(() => api.json(3))
    const auth0 = new Auth0(DOMAIN, 'TOKEN', { rateLimiter: limiter })
    await expect(auth0.stats.activeUsers()).resolves.toBe(3)
    expect(api.seen[0]?.url.pathname).toBe('/api/v2/stats/active-users')
    expect(calls).toEqual(['acquire', 'update'])
    expect(() => new Auth0(DOMAIN, 'TOKEN', { rateLimiter: {} as never })).toThrow(/rateLimiter/)
  })
})
