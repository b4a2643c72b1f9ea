import { Auth0Error, isRateLimitError, NetworkError, RateLimitError } from '@auth0-ts/core'
import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { createManagementClient } from './client.js'
import { BASE_URL, mountApp } from './test-utils/app.js'
import { makeUser, rateLimited } from './test-utils/tenant.js'
import { setupMsw } from './test-utils/msw.js'

const server = setupMsw()

describe('createManagementClient', () => {
  it('posts the call to the proxy and resolves to the data', async () => {
    const ada = makeUser({ name: 'Ada' })
    const { client, calls, tenant } = mountApp(server, { users: [ada] })
    const user = await client.users.get(ada.user_id, { fields: ['name'] })
    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({
      name: 'users.get',
      body: { args: [ada.user_id, { fields: ['name'] }] },
    })
    expect(calls[0]!.headers.get('content-type')).toBe('application/json')
    expect(calls[0]!.headers.get('x-csrf')).toBe('ok')
    expect(calls[0]!.headers.get('authorization')).toBeNull()
    expect(tenant.requests[0]).toMatchObject({
      method: 'GET',
      path: `/users/${encodeURIComponent(ada.user_id)}`,
      query: { fields: 'name' },
    })
    expect(user).toEqual(ada)
  })

  it('sends header functions per call, drops trailing undefineds and keeps RequestOptions off the wire', async () => {
    const { calls } = mountApp(server, { users: [makeUser()] })
    const headers = vi.fn(async () => ({ 'x-csrf': 'ok' }))
    const client = createManagementClient({ baseUrl: `${BASE_URL}/`, headers })
    const controller = new AbortController()
    await client.users.list({ perPage: 1 }, { signal: controller.signal, retries: 5 })
    await client.users.get('auth0|x', undefined).catch(() => undefined)
    expect(calls.map((c) => c.body)).toEqual([{ args: [{ perPage: 1 }] }, { args: ['auth0|x'] }])
    expect(headers).toHaveBeenCalledTimes(2)
  })

  it('aborts with the signal of a trailing RequestOptions', async () => {
    let release = () => {}
    server.use(
      http.post(
        `${BASE_URL}/users.list`,
        () =>
          new Promise<Response>(
            (resolve) => (release = () => resolve(HttpResponse.json({ data: [] }))),
          ),
      ),
    )
    const client = createManagementClient({ baseUrl: BASE_URL })
    const controller = new AbortController()
    const pending = client.users.list({}, { signal: controller.signal })
    controller.abort()
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
    release()
  })

  it('rebuilds a RateLimitError with resetAt from the envelope', async () => {
    const { client, tenant } = mountApp(server)
    tenant.overrides.push(() => rateLimited(1_900_000_000))
    const error = await client.connections.all().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RateLimitError)
    expect(error).toBeInstanceOf(Auth0Error)
    expect(isRateLimitError(error)).toBe(true)
    expect(error).toMatchObject({
      statusCode: 429,
      errorCode: 'too_many_requests',
      message: 'Global limit has been reached',
      resetAt: 1_900_000_000,
      retryAfter: 30,
      limit: 10,
      remaining: 0,
      requestId: 'req-429',
    })
    expect((error as RateLimitError).headers).toEqual({
      'retry-after': '30',
      'x-ratelimit-limit': '10',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': '1900000000',
    })
  })

  it('rebuilds Auth0Error from upstream and proxy refusals', async () => {
    const { client } = mountApp(server)
    await expect(client.users.get('auth0|missing')).rejects.toMatchObject({
      name: 'Auth0Error',
      statusCode: 404,
      errorCode: 'inexistent_user',
      requestId: 'req-404',
    })
    await expect(client.users.delete('auth0|1')).rejects.toMatchObject({
      statusCode: 403,
      errorCode: 'forbidden_call',
    })
    const anonymous = createManagementClient({ baseUrl: BASE_URL })
    await expect(anonymous.users.list()).rejects.toMatchObject({
      statusCode: 401,
      errorCode: 'unauthenticated',
    })
  })

  it('reads errors that are not envelopes (an HTML gateway page, a bare 429)', async () => {
    server.use(
      http.post(
        `${BASE_URL}/users.list`,
        () =>
          new HttpResponse('<html><body><h1>502 Bad Gateway</h1></body></html>', {
            status: 502,
            headers: { 'content-type': 'text/html' },
          }),
      ),
      http.post(
        `${BASE_URL}/users.get`,
        () =>
          new HttpResponse('slow down', {
            status: 429,
            headers: { 'x-ratelimit-reset': '1900000001' },
          }),
      ),
    )
    const client = createManagementClient({ baseUrl: BASE_URL })
    await expect(client.users.list()).rejects.toMatchObject({
      name: 'Auth0Error',
      statusCode: 502,
      message: '502 Bad Gateway',
    })
    await expect(client.users.get('x')).rejects.toMatchObject({
      name: 'RateLimitError',
      resetAt: 1_900_000_001,
      message: 'slow down',
    })
  })

  it('turns an unreachable proxy into a NetworkError', async () => {
    server.use(http.post(`${BASE_URL}/users.list`, () => HttpResponse.error()))
    const error = await createManagementClient({ baseUrl: BASE_URL })
      .users.list()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NetworkError)
    expect(error).toMatchObject({
      statusCode: 0,
      errorCode: 'network_error',
      url: `${BASE_URL}/users.list`,
    })
  })

  it('is not thenable, and refuses bad options', async () => {
    const client = createManagementClient({ baseUrl: BASE_URL })
    expect(await Promise.resolve(client)).toBe(client)
    expect((client.users as unknown as Record<string, unknown>)['then']).toBeUndefined()
    expect((client as unknown as Record<string, unknown>)['constructor']).toBeUndefined()
    expect(() => createManagementClient({ baseUrl: '', fetch: 1 as never })).toThrow(
      /baseUrl[\s\S]*fetch/,
    )
  })
})
