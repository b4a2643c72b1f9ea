import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { isAuth0Error } from './errors.js'
import { isOptionsError, type OptionsError } from './options-error.js'
import { RestClient } from './rest-client.js'
import type { CachedToken, TokenCache } from './token.js'
import {
  clientCredentialsCacheKey,
  createCachedTokenProvider,
  createClientCredentialsProvider,
  createMemoryTokenCache,
  type TokenFetcher,
} from './token-provider.js'

const T0 = 1_800_000_000_000
const HOUR = 3_600_000

/** A fetcher that hands out `tok-1`, `tok-2`, ... valid for an hour; `hold` keeps each fetch pending until released. */
function fetcher(clock: { t: number }, options: { hold?: boolean; fail?: boolean } = {}) {
  const signals: AbortSignal[] = []
  const pending: (() => void)[] = []
  const fetchToken = vi.fn<TokenFetcher>(async ({ signal }) => {
    signals.push(signal)
    const n = signals.length
    if (options.hold)
      await new Promise<void>((resolve, reject) => {
        pending.push(resolve)
        signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true })
      })
    if (options.fail) throw new Error(`endpoint down ${n}`)
    return { accessToken: `tok-${n}`, expiresAt: clock.t + HOUR }
  })
  return { fetchToken, signals, release: () => pending.splice(0).forEach((r) => r()) }
}

function provider(
  clock = { t: T0 },
  options: { hold?: boolean; fail?: boolean; cache?: TokenCache; skew?: number } = {},
) {
  const f = fetcher(clock, options)
  const tokens = createCachedTokenProvider({
    fetchToken: f.fetchToken,
    cacheKey: 'my-api',
    now: () => clock.t,
    cache: options.cache,
    skew: options.skew,
  })
  return { tokens, ...f }
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p
  } catch (e) {
    return e
  }
  throw new Error('expected a rejection')
}

describe('createCachedTokenProvider', () => {
  it('fetches once, serves the token from the cache and counts what it did', async () => {
    const { tokens, fetchToken } = provider()
    await expect(tokens()).resolves.toBe('tok-1')
    await expect(tokens.getToken()).resolves.toBe('tok-1')
    await expect(tokens.getTokenResponse()).resolves.toEqual({
      accessToken: 'tok-1',
      expiresAt: T0 + HOUR,
    })
    expect(fetchToken).toHaveBeenCalledTimes(1)
    expect(tokens.stats).toEqual({
      hits: 2,
      misses: 1,
      fetches: 1,
      failures: 0,
      expiresAt: T0 + HOUR,
    })
    expect(tokens.cacheKey).toBe('my-api')
  })

  it('replaces the token `skew` seconds before it expires (60 by default)', async () => {
    const clock = { t: T0 }
    const { tokens } = provider(clock)
    await tokens()
    clock.t = T0 + HOUR - 60_000 - 1
    await expect(tokens()).resolves.toBe('tok-1')
    clock.t = T0 + HOUR - 60_000
    await expect(tokens()).resolves.toBe('tok-2')

    const exact = provider({ t: T0 }, { skew: 0 })
    await exact.tokens()
    expect(exact.fetchToken).toHaveBeenCalledTimes(1)
  })

  it('shares one fetch among concurrent callers', async () => {
    const { tokens, fetchToken, release } = provider({ t: T0 }, { hold: true })
    const all = Promise.all(Array.from({ length: 10 }, () => tokens()))
    await vi.waitFor(() => expect(fetchToken).toHaveBeenCalledTimes(1))
    release()
    expect(await all).toEqual(Array(10).fill('tok-1'))
    expect(fetchToken).toHaveBeenCalledTimes(1)
    expect(tokens.stats).toMatchObject({ misses: 10, fetches: 1 })
  })

  it('rejects every waiter when the fetch fails, stores nothing and fetches again next time', async () => {
    const cache = createMemoryTokenCache()
    const set = vi.spyOn(cache, 'set')
    const failing = provider({ t: T0 }, { fail: true, cache })
    const settled = await Promise.allSettled([failing.tokens(), failing.tokens()])
    expect(settled.map((r) => r.status)).toEqual(['rejected', 'rejected'])
    expect(failing.fetchToken).toHaveBeenCalledTimes(1)
    expect(set).not.toHaveBeenCalled()
    expect(failing.tokens.stats).toMatchObject({ fetches: 1, failures: 1, expiresAt: undefined })
    await expect(failing.tokens()).rejects.toThrow('endpoint down 2')
  })

  it('re-reads a locked cache inside the lock, so one process of a fleet fetches', async () => {
    const store = new Map<string, CachedToken>()
    const locked: string[] = []
    const cache: TokenCache = {
      get: (key) => Promise.resolve(store.get(key)),
      set: (key, token) => Promise.resolve(void store.set(key, token)),
      async lock(key, fn) {
        locked.push(key)
        // another process stored a token while this one waited for the lock
        store.set(key, { accessToken: 'from-another-process', expiresAt: T0 + HOUR })
        return fn()
      },
    }
    const { tokens, fetchToken } = provider({ t: T0 }, { cache })
    await expect(tokens()).resolves.toBe('from-another-process')
    expect(locked).toEqual(['my-api'])
    expect(fetchToken).not.toHaveBeenCalled()
  })

  describe('abort', () => {
    it('rejects at once for a signal already aborted, without fetching', async () => {
      const { tokens, fetchToken } = provider()
      const reason = new Error('gave up')
      await expect(tokens({ signal: AbortSignal.abort(reason) })).rejects.toBe(reason)
      expect(fetchToken).not.toHaveBeenCalled()
    })

    it('lets one caller give up while the others keep the fetch', async () => {
      const { tokens, fetchToken, signals, release } = provider({ t: T0 }, { hold: true })
      const leaving = new AbortController()
      const first = tokens({ signal: leaving.signal })
      const second = tokens({ signal: new AbortController().signal })
      const third = tokens()
      await vi.waitFor(() => expect(fetchToken).toHaveBeenCalledTimes(1))
      const reason = new Error('user left')
      leaving.abort(reason)
      await expect(first).rejects.toBe(reason)
      expect(signals[0]?.aborted).toBe(false)
      release()
      await expect(second).resolves.toBe('tok-1')
      await expect(third).resolves.toBe('tok-1')
      expect(fetchToken).toHaveBeenCalledTimes(1)
    })

    it('aborts the fetch when every caller gave up, and starts afresh for the next', async () => {
      const { tokens, fetchToken, signals, release } = provider({ t: T0 }, { hold: true })
      const a = new AbortController()
      const b = new AbortController()
      const pending = [tokens({ signal: a.signal }), tokens({ signal: b.signal })]
      await vi.waitFor(() => expect(fetchToken).toHaveBeenCalledTimes(1))
      a.abort(new Error('a left'))
      expect(signals[0]?.aborted).toBe(false)
      const reason = new Error('b left')
      b.abort(reason)
      expect(signals[0]?.aborted).toBe(true)
      expect(signals[0]?.reason).toBe(reason)
      await Promise.allSettled(pending)

      const next = tokens()
      await vi.waitFor(() => expect(fetchToken).toHaveBeenCalledTimes(2))
      release()
      await expect(next).resolves.toBe('tok-2')
      expect(tokens.stats).toMatchObject({ fetches: 2, failures: 1 })
    })
  })

  describe('invalidate', () => {
    it('drops the token, deleting it from a cache that can', async () => {
      const cache = createMemoryTokenCache()
      const del = vi.spyOn(cache, 'delete' as never)
      const { tokens } = provider({ t: T0 }, { cache })
      await expect(tokens()).resolves.toBe('tok-1')
      await tokens.invalidate()
      expect(del).toHaveBeenCalledWith('my-api')
      await expect(cache.get('my-api')).resolves.toBeUndefined()
      await expect(tokens()).resolves.toBe('tok-2')
    })

    it('never serves the dropped token again from a cache without delete', async () => {
      const store = new Map<string, CachedToken>()
      const cache: TokenCache = {
        get: (key) => Promise.resolve(store.get(key)),
        set: (key, token) => Promise.resolve(void store.set(key, token)),
      }
      const { tokens } = provider({ t: T0 }, { cache })
      await tokens()
      await tokens.invalidate()
      expect(store.get('my-api')?.accessToken).toBe('tok-1')
      await expect(tokens()).resolves.toBe('tok-2')
      await expect(tokens()).resolves.toBe('tok-2')
    })

    it('serves a token again when the endpoint hands out the same one after an invalidation', async () => {
      const fetchToken = vi.fn<TokenFetcher>(async () => ({
        accessToken: 'same',
        expiresAt: T0 + HOUR,
      }))
      const tokens = createCachedTokenProvider({ fetchToken, cacheKey: 'k', now: () => T0 })
      await tokens()
      await tokens.invalidate()
      await expect(tokens()).resolves.toBe('same')
      await expect(tokens()).resolves.toBe('same')
      expect(fetchToken).toHaveBeenCalledTimes(2)
    })
  })

  it('rejects bad options with one OptionsError', () => {
    let error: unknown
    try {
      createCachedTokenProvider({ cacheKey: '', skew: -1, cache: {} } as never)
    } catch (e) {
      error = e
    }
    expect(isOptionsError(error)).toBe(true)
    expect((error as OptionsError).problems).toEqual([
      'fetchToken: is required',
      'cacheKey: expected a non-empty string',
      'skew: expected a number of seconds >= 0',
      'cache: expected an object with get and set functions',
    ])
  })
})

describe('createClientCredentialsProvider', () => {
  const DOMAIN = 'tenant.example.com'
  const BASE = `https://${DOMAIN}`
  const SECRET = 'client-secret-value'
  const server = setupServer()
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())

  const credentials = {
    domain: DOMAIN,
    clientId: 'CID',
    clientSecret: SECRET,
    audience: `${BASE}/api/v2/`,
    now: () => T0,
    restOptions: { retries: 0 },
  }

  it('POSTs a client-credentials form to /oauth/token and caches the token', async () => {
    const seen: { headers: Headers; body: string }[] = []
    server.use(
      http.post(`${BASE}/oauth/token`, async ({ request }) => {
        seen.push({ headers: request.headers, body: await request.text() })
        return HttpResponse.json({
          access_token: 'mgmt-token',
          token_type: 'Bearer',
          expires_in: 86400,
          scope: 'read:users',
        })
      }),
    )
    const tokens = createClientCredentialsProvider({ ...credentials, organization: 'org_1' })
    await expect(tokens()).resolves.toBe('mgmt-token')
    await expect(tokens()).resolves.toBe('mgmt-token')
    expect(seen).toHaveLength(1)
    expect(seen[0]!.headers.get('content-type')).toBe('application/x-www-form-urlencoded')
    expect(seen[0]!.headers.get('authorization')).toBeNull()
    expect([...new URLSearchParams(seen[0]!.body)]).toEqual([
      ['grant_type', 'client_credentials'],
      ['client_id', 'CID'],
      ['client_secret', SECRET],
      ['audience', `${BASE}/api/v2/`],
      ['organization', 'org_1'],
    ])
    await expect(tokens.getTokenResponse()).resolves.toEqual({
      accessToken: 'mgmt-token',
      expiresAt: T0 + 86_400_000,
      tokenType: 'Bearer',
      scope: 'read:users',
    })
    expect(tokens.cacheKey).toBe(
      clientCredentialsCacheKey(DOMAIN, 'CID', `${BASE}/api/v2/`, 'org_1'),
    )
    expect(tokens.cacheKey).toBe(
      'auth0-ts:client-credentials:tenant.example.com:CID:https%3A%2F%2Ftenant.example.com%2Fapi%2Fv2%2F:org_1',
    )
  })

  it('serves as a RestClient token', async () => {
    server.use(
      http.post(`${BASE}/oauth/token`, () =>
        HttpResponse.json({ access_token: 'mgmt-token', expires_in: 60 * 60 }),
      ),
    )
    const auth: (string | null)[] = []
    server.use(
      http.get(`${BASE}/api/v2/users`, ({ request }) => {
        auth.push(request.headers.get('authorization'))
        return HttpResponse.json([])
      }),
    )
    const rest = new RestClient({
      baseUrl: `${BASE}/api/v2`,
      token: createClientCredentialsProvider(credentials),
    })
    await rest.request({ method: 'GET', path: '/users' })
    await rest.request({ method: 'GET', path: '/users' })
    expect(auth).toEqual(['Bearer mgmt-token', 'Bearer mgmt-token'])
  })

  it('never puts the secret in an error, even when the endpoint echoes it', async () => {
    server.use(
      http.post(`${BASE}/oauth/token`, () =>
        HttpResponse.json(
          {
            error: 'access_denied',
            error_description: `Unauthorized: ${SECRET}`,
            client_secret: SECRET,
          },
          { status: 401 },
        ),
      ),
    )
    const error = await rejection(createClientCredentialsProvider(credentials)())
    expect(isAuth0Error(error) && [error.statusCode, error.errorCode]).toEqual([
      401,
      'access_denied',
    ])
    for (const text of [String(error), JSON.stringify(error), (error as Error).message])
      expect(text).not.toContain(SECRET)
  })

  it('rejects a 2xx without an access token as invalid_response', async () => {
    server.use(http.post(`${BASE}/oauth/token`, () => HttpResponse.json({ token_type: 'Bearer' })))
    const error = await rejection(createClientCredentialsProvider(credentials)())
    expect(isAuth0Error(error) && error.errorCode).toBe('invalid_response')
  })

  it("aborts its request with the caller's signal", async () => {
    const started: AbortSignal[] = []
    const hanging = ((_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_, reject) => {
        const signal = init?.signal as AbortSignal
        started.push(signal)
        signal.addEventListener('abort', () => reject(signal.reason as Error))
      })) as typeof fetch
    const tokens = createClientCredentialsProvider({ ...credentials, fetch: hanging })
    const controller = new AbortController()
    const pending = tokens({ signal: controller.signal })
    await vi.waitFor(() => expect(started).toHaveLength(1))
    const reason = new Error('request cancelled')
    controller.abort(reason)
    await expect(pending).rejects.toBe(reason)
    expect(started[0]?.aborted).toBe(true)
  })

  it('lists every bad option in one OptionsError, and never the secret', () => {
    let error: unknown
    try {
      createClientCredentialsProvider({
        domain: 'https://tenant.example.com',
        clientId: '',
        clientSecret: SECRET,
        audience: 3,
        protocol: 'ftp',
        restOptions: { timeout: 0 },
        colour: 'red',
      } as never)
    } catch (e) {
      error = e
    }
    expect(isOptionsError(error)).toBe(true)
    const e = error as OptionsError
    expect(e.where).toBe('client credentials options')
    expect(e.problems).toEqual([
      'colour: unknown option',
      'clientId: expected a non-empty string',
      'audience: expected a non-empty string',
      'domain: expected a host name with an optional port, such as "tenant.auth0.com" (got "https://tenant.example.com")',
      'protocol: expected one of "https", "http"',
      'restOptions.timeout: expected a finite number > 0',
    ])
    expect(e.message).not.toContain(SECRET)
    expect(() => createClientCredentialsProvider({ ...credentials, clientSecret: '' })).toThrow(
      'clientSecret: expected a non-empty string',
    )
  })
})
