import {
  Auth0Error,
  isOptionsError,
  isRateLimitError,
  NetworkError,
  OptionsError,
  RateLimitError,
  TimeoutError,
} from '@auth0-ts/core'
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

  it('sends header functions per call, drops trailing undefineds and keeps init off the wire', async () => {
    const { calls } = mountApp(server, { users: [makeUser()] })
    const headers = vi.fn(async () => ({ 'x-csrf': 'ok' }))
    const client = createManagementClient({ baseUrl: `${BASE_URL}/`, headers })
    const controller = new AbortController()
    await client.call('users', 'list', [{ perPage: 1 }], {
      signal: controller.signal,
      timeout: 5000,
    })
    await client.users.get('auth0|x', undefined).catch(() => undefined)
    expect(calls.map((c) => c.body)).toEqual([{ args: [{ perPage: 1 }] }, { args: ['auth0|x'] }])
    expect(headers).toHaveBeenCalledTimes(2)
  })

  it('never guesses options from an argument’s shape: a trailing { signal } is an argument, which the proxy refuses', async () => {
    const { calls, tenant } = mountApp(server, { users: [makeUser()] })
    const client = createManagementClient({ baseUrl: BASE_URL, headers: { 'x-csrf': 'ok' } })
    const list = client.users.list as (...args: unknown[]) => Promise<unknown>
    await expect(list({ perPage: 1 }, { retries: 5 })).rejects.toMatchObject({
      name: 'Auth0Error',
      statusCode: 400,
      errorCode: 'invalid_arguments',
    })
    expect(calls.map((c) => c.body)).toEqual([{ args: [{ perPage: 1 }, { retries: 5 }] }])
    expect(tenant.requests).toEqual([])
  })

  it('refuses per-call options the browser does not honour, before sending anything', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>()
    const client = createManagementClient({ baseUrl: BASE_URL, fetch })
    const init = { retries: 5, headers: { authorization: 'Bearer x' }, timeout: -1 }
    const error = await client.call('users', 'list', [], init as never).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OptionsError)
    expect(error).toMatchObject({
      code: 'invalid_options',
      problems: [
        'retries: unknown option',
        'headers: unknown option',
        'timeout: expected a number of ms > 0 and <= 2147483647',
      ],
    })
    expect(fetch).not.toHaveBeenCalled()
  })

  it('aborts with init.signal', async () => {
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
    const pending = client.call('users', 'list', [{}], { signal: controller.signal })
    controller.abort()
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
    release()
    const aborted = AbortSignal.abort()
    await expect(client.call('users', 'list', [], { signal: aborted })).rejects.toBe(aborted.reason)
  })

  describe('timeout', () => {
    /** A fetch that answers only when its signal aborts (with the abort), as a stalled proxy would. */
    const stalledFetch = () =>
      vi.fn<typeof globalThis.fetch>(
        (_, init) =>
          new Promise((_, reject) =>
            init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
          ),
      )
    const settled = (p: Promise<unknown>) => {
      const state = { done: false }
      p.then(
        () => (state.done = true),
        () => (state.done = true),
      )
      return state
    }

    it('gives up after 30 s by default, with a TimeoutError', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
      const fetch = stalledFetch()
      const pending = createManagementClient({ baseUrl: BASE_URL, fetch })
        .users.list()
        .catch((e: unknown) => e)
      const state = settled(pending)
      await vi.advanceTimersByTimeAsync(29_999)
      expect(state.done).toBe(false)
      expect(fetch.mock.calls[0]?.[1]?.signal?.aborted).toBe(false)
      await vi.advanceTimersByTimeAsync(1)
      const error = await pending
      expect(error).toBeInstanceOf(TimeoutError)
      expect(error).toMatchObject({
        statusCode: 0,
        errorCode: 'timeout',
        timeout: 30_000,
        url: `${BASE_URL}/users.list`,
        message: 'The management proxy did not answer within 30000 ms',
      })
      expect(fetch.mock.calls[0]?.[1]?.signal?.aborted).toBe(true)
    })

    it('takes the client’s timeout, and a per-call one over it', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
      const client = createManagementClient({
        baseUrl: BASE_URL,
        fetch: stalledFetch(),
        timeout: 100,
      })
      const byClient = client.users.list().catch((e: unknown) => e)
      const byCall = client.call('users', 'list', [], { timeout: 50 }).catch((e: unknown) => e)
      const call = settled(byCall)
      const both = settled(byClient)
      await vi.advanceTimersByTimeAsync(50)
      expect(call.done).toBe(true)
      expect(both.done).toBe(false)
      await vi.advanceTimersByTimeAsync(50)
      expect(await byCall).toMatchObject({ name: 'TimeoutError', timeout: 50 })
      expect(await byClient).toMatchObject({ name: 'TimeoutError', timeout: 100 })
    })

    it('covers a header function that never settles', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
      const fetch = vi.fn<typeof globalThis.fetch>()
      const client = createManagementClient({
        baseUrl: BASE_URL,
        fetch,
        timeout: 1000,
        headers: () => new Promise<HeadersInit>(() => {}),
      })
      const pending = client.users.list().catch((e: unknown) => e)
      await vi.advanceTimersByTimeAsync(1000)
      expect(await pending).toMatchObject({ name: 'TimeoutError', timeout: 1000 })
      expect(fetch).not.toHaveBeenCalled()
    })

    it('clears its timer once the answer is read', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
      const fetch = vi.fn<typeof globalThis.fetch>(async () => Response.json({ data: [] }))
      const client = createManagementClient({ baseUrl: BASE_URL, fetch })
      expect(await client.users.list()).toEqual([])
      expect(vi.getTimerCount()).toBe(0)
    })
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
    const bad = { baseUrl: '', fetch: 1, timeout: 0, retries: 2 }
    const error = (() => {
      try {
        createManagementClient(bad as never)
      } catch (e) {
        return e
      }
    })()
    expect(isOptionsError(error)).toBe(true)
    expect(error).toBeInstanceOf(TypeError)
    expect(error).toMatchObject({
      code: 'invalid_options',
      problems: [
        'retries: unknown option',
        'baseUrl: expected a URL or a path',
        'fetch: expected a function',
        'timeout: expected a number of ms > 0 and <= 2147483647',
      ],
    })
    expect((error as Error).message).toMatch(/^Invalid management client options:\n {2}- retries/)
    expect(() => createManagementClient(undefined as never)).toThrow(OptionsError)
  })
})
