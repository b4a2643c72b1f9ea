import { generateKeyPairSync } from 'node:crypto'
import { isOptionsError, RestClient } from '@auth0-ts/core'
import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { BASE, bodyOf, DOMAIN, useServer } from './test-utils/msw.js'
import {
  createMemoryTokenCache,
  createTokenProvider,
  GetToken,
  isAuth0Error,
  type CachedToken,
  type TokenCache,
} from './index.js'

const server = useServer()
const AUDIENCE = 'https://api.example.com/'
const T0 = 1_800_000_000_000

interface TokenEndpoint {
  bodies: Record<string, unknown>[]
  /** Resolves the pending requests (when `hold` is set). */
  release: () => void
}

/** A token endpoint that answers `tok-1`, `tok-2`, ... with a lifetime of `expiresIn` seconds. */
function tokenEndpoint(
  options: { expiresIn?: number; hold?: boolean; status?: number } = {},
): TokenEndpoint {
  const bodies: Record<string, unknown>[] = []
  let release = () => {}
  const gate = options.hold
    ? new Promise<void>((resolve) => (release = resolve))
    : Promise.resolve()
  server.use(
    http.post(`${BASE}/oauth/token`, async ({ request }) => {
      bodies.push(await bodyOf(request))
      await gate
      if (options.status)
        return HttpResponse.json(
          { error: 'access_denied', error_description: 'Unauthorized' },
          { status: options.status },
        )
      return HttpResponse.json({
        access_token: `tok-${bodies.length}`,
        token_type: 'Bearer',
        expires_in: options.expiresIn ?? 3600,
        scope: 'read:users',
      })
    }),
  )
  return { bodies, release: () => release() }
}

function provider(
  overrides: Partial<Parameters<typeof createTokenProvider>[0]> = {},
  clock = { t: T0 },
) {
  const getToken = new GetToken(DOMAIN, 'CID', {
    clientSecret: 'client-secret-value',
    restOptions: { retries: 0 },
  })
  return createTokenProvider({ getToken, audience: AUDIENCE, now: () => clock.t, ...overrides })
}

describe('createTokenProvider for several APIs', () => {
  it('forAudience gives one cached provider per audience, sharing the client and the cache', async () => {
    const endpoint = tokenEndpoint()
    const cache = createMemoryTokenCache()
    const tokens = provider({ cache })
    const orders = tokens.forAudience('https://orders.example.com/')
    expect(tokens.forAudience('https://orders.example.com/')).toBe(orders)
    expect(tokens.forAudience(AUDIENCE)).toBe(tokens)
    await expect(tokens()).resolves.toBe('tok-1')
    await expect(orders()).resolves.toBe('tok-2')
    await expect(orders()).resolves.toBe('tok-2')
    await expect(tokens.forAudience('https://orders.example.com/', 'org_1')()).resolves.toBe(
      'tok-3',
    )
    expect(endpoint.bodies.map((b) => [b['audience'], b['organization']])).toEqual([
      [AUDIENCE, undefined],
      ['https://orders.example.com/', undefined],
      ['https://orders.example.com/', 'org_1'],
    ])
    expect(orders.cacheKey).not.toBe(tokens.cacheKey)
    await expect(cache.get(orders.cacheKey)).resolves.toMatchObject({ accessToken: 'tok-2' })
    expect(() => tokens.forAudience('')).toThrow(
      'Invalid forAudience arguments:\n  - audience: expected a non-empty string',
    )
  })
})

describe('createTokenProvider', () => {
  it('fetches a client-credentials token once and serves it from the cache', async () => {
    const endpoint = tokenEndpoint()
    const tokens = provider()
    await expect(tokens.getToken()).resolves.toBe('tok-1')
    await expect(tokens()).resolves.toBe('tok-1')
    await expect(tokens.getTokenResponse()).resolves.toEqual({
      accessToken: 'tok-1',
      expiresAt: T0 + 3_600_000,
      tokenType: 'Bearer',
      scope: 'read:users',
    })
    expect(endpoint.bodies).toEqual([
      {
        client_id: 'CID',
        client_secret: 'client-secret-value',
        audience: AUDIENCE,
        grant_type: 'client_credentials',
      },
    ])
    expect(tokens.stats).toEqual({
      hits: 2,
      misses: 1,
      fetches: 1,
      failures: 0,
      expiresAt: T0 + 3_600_000,
    })
  })

  it('replaces the token `skew` seconds before it expires', async () => {
    const endpoint = tokenEndpoint({ expiresIn: 3600 })
    const clock = { t: T0 }
    const tokens = provider({}, clock)
    await tokens.getToken()
    clock.t = T0 + 3_600_000 - 60_000 - 1
    await expect(tokens.getToken()).resolves.toBe('tok-1')
    clock.t = T0 + 3_600_000 - 60_000
    await expect(tokens.getToken()).resolves.toBe('tok-2')
    expect(endpoint.bodies).toHaveLength(2)

    const custom = provider({ skew: 0 }, clock)
    await expect(custom.getToken()).resolves.toBe('tok-3')
    clock.t += 3_600_000 - 1
    await expect(custom.getToken()).resolves.toBe('tok-3')
    clock.t += 1
    await expect(custom.getToken()).resolves.toBe('tok-4')
  })

  it('shares one request among concurrent callers', async () => {
    const endpoint = tokenEndpoint({ hold: true })
    const tokens = provider()
    const waiting = Promise.all(Array.from({ length: 10 }, () => tokens.getToken()))
    await vi.waitFor(() => expect(endpoint.bodies).toHaveLength(1))
    endpoint.release()
    expect(await waiting).toEqual(Array(10).fill('tok-1'))
    expect(endpoint.bodies).toHaveLength(1)
    expect(tokens.stats).toMatchObject({ misses: 10, fetches: 1 })
  })

  it('rejects every waiter when the endpoint fails, and does not poison the cache', async () => {
    const cache = createMemoryTokenCache()
    const set = vi.spyOn(cache, 'set')
    const failing = tokenEndpoint({ hold: true, status: 401 })
    const tokens = provider({ cache })
    const results = Promise.allSettled(Array.from({ length: 5 }, () => tokens.getToken()))
    await vi.waitFor(() => expect(failing.bodies).toHaveLength(1))
    failing.release()
    const settled = await results
    expect(settled.map((r) => r.status)).toEqual(Array(5).fill('rejected'))
    const reason = (settled[0] as PromiseRejectedResult).reason as unknown
    expect(isAuth0Error(reason) && [reason.statusCode, reason.errorCode]).toEqual([
      401,
      'access_denied',
    ])
    expect(String(reason)).not.toContain('client-secret-value')
    expect(set).not.toHaveBeenCalled()
    expect(tokens.stats).toMatchObject({ fetches: 1, failures: 1, expiresAt: undefined })

    tokenEndpoint()
    await expect(tokens.getToken()).resolves.toBe('tok-1')
    expect(set).toHaveBeenCalledTimes(1)
  })

  it('uses a custom cache, and re-checks it inside the lock before fetching', async () => {
    const endpoint = tokenEndpoint()
    const store = new Map<string, CachedToken>()
    const locks: string[] = []
    const cache: TokenCache = {
      get: (key) => Promise.resolve(store.get(key)),
      set: (key, token) => {
        store.set(key, token)
        return Promise.resolve()
      },
      async lock(key, fn) {
        locks.push(key)
        // Another process fetched while this one waited for the lock.
        if (locks.length === 1)
          store.set(key, { accessToken: 'from-another-process', expiresAt: T0 + 600_000 })
        return fn()
      },
    }
    const clock = { t: T0 }
    const tokens = provider({ cache }, clock)
    await expect(tokens.getToken()).resolves.toBe('from-another-process')
    expect(endpoint.bodies).toHaveLength(0)
    expect(locks).toEqual([tokens.cacheKey])

    clock.t = T0 + 600_000
    await expect(tokens.getToken()).resolves.toBe('tok-1')
    expect(store.get(tokens.cacheKey)).toEqual({
      accessToken: 'tok-1',
      expiresAt: clock.t + 3_600_000,
      tokenType: 'Bearer',
      scope: 'read:users',
    })
    expect(locks).toHaveLength(2)
  })

  it('shares a token between processes through the cache, reading it only when its own token goes stale', async () => {
    const endpoint = tokenEndpoint({ expiresIn: 3600 })
    const shared = createMemoryTokenCache()
    const get = vi.spyOn(shared, 'get')
    const clock = { t: T0 }
    const [processA, processB] = [
      provider({ cache: shared }, clock),
      provider({ cache: shared }, clock),
    ]
    await expect(processA.getToken()).resolves.toBe('tok-1')
    await expect(processB.getToken()).resolves.toBe('tok-1')
    await expect(processB.getToken()).resolves.toBe('tok-1')
    expect([endpoint.bodies.length, get.mock.calls.length]).toEqual([1, 2])
    expect(processB.stats).toMatchObject({ hits: 2, misses: 0, fetches: 0 })

    clock.t = T0 + 3_600_000 - 60_000
    await expect(processB.getToken()).resolves.toBe('tok-2')
    await expect(processA.getToken()).resolves.toBe('tok-2')
    expect([endpoint.bodies.length, get.mock.calls.length]).toEqual([2, 4])
  })

  it('keys the cache by domain, client, audience and organization, never by the secret', async () => {
    const a = provider()
    const b = provider({ organization: 'org_1' })
    expect(a.cacheKey).toBe(
      'auth0-ts:client-credentials:tenant.example.com:CID:https%3A%2F%2Fapi.example.com%2F:',
    )
    expect(b.cacheKey).toBe(`${a.cacheKey}org_1`)
    expect(provider({ audience: 'other' }).cacheKey).not.toBe(a.cacheKey)
    expect(a.cacheKey).not.toContain('client-secret-value')

    const endpoint = tokenEndpoint()
    await b.getToken()
    expect(endpoint.bodies[0]).toMatchObject({ organization: 'org_1' })
  })

  it('builds its own GetToken from credentials, and serves as a RestClient token source', async () => {
    tokenEndpoint()
    const tokens = createTokenProvider({
      domain: DOMAIN,
      clientId: 'CID',
      clientSecret: 'client-secret-value',
      audience: `${BASE}/api/v2/`,
    })
    const seen: (string | null)[] = []
    server.use(
      http.get(`${BASE}/api/v2/users`, ({ request }) => {
        seen.push(request.headers.get('authorization'))
        return HttpResponse.json([])
      }),
    )
    const rest = new RestClient({ baseUrl: BASE, token: tokens })
    await rest.request({ method: 'GET', path: '/api/v2/users' })
    await rest.request({ method: 'GET', path: '/api/v2/users' })
    expect(seen).toEqual(['Bearer tok-1', 'Bearer tok-1'])
  })

  it('rejects bad options, listing every problem', () => {
    const bad = { audience: '', skew: -1, cache: {} } as unknown as Parameters<
      typeof createTokenProvider
    >[0]
    expect(() => createTokenProvider(bad)).toThrow(
      'Invalid token provider options:\n  - getToken: expected a GetToken, or domain and clientId with credentials\n  - audience: expected a non-empty string\n  - skew: expected a number of seconds >= 0\n  - cache: expected an object with get and set functions',
    )
  })

  it("aborts the token request when the caller's signal aborts", async () => {
    const endpoint = tokenEndpoint({ hold: true })
    const tokens = provider()
    const controller = new AbortController()
    const pending = tokens({ signal: controller.signal })
    await vi.waitFor(() => expect(endpoint.bodies).toHaveLength(1))
    const reason = new Error('caller gave up')
    controller.abort(reason)
    await expect(pending).rejects.toBe(reason)
    // the request itself was aborted: the fetch fails without waiting for the endpoint
    await vi.waitFor(() => expect(tokens.stats).toMatchObject({ fetches: 1, failures: 1 }))
    endpoint.release()
    expect(tokens.stats.expiresAt).toBeUndefined()
  })

  it('drops the cached token on invalidate(), so the next call fetches a new one', async () => {
    const endpoint = tokenEndpoint()
    const cache = createMemoryTokenCache()
    const tokens = provider({ cache })
    await expect(tokens()).resolves.toBe('tok-1')
    await tokens.invalidate()
    await expect(cache.get(tokens.cacheKey)).resolves.toBeUndefined()
    await expect(tokens()).resolves.toBe('tok-2')
    expect(endpoint.bodies).toHaveLength(2)
  })

  it('authenticates with a private_key_jwt assertion instead of the secret', async () => {
    const endpoint = tokenEndpoint()
    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    })
    const tokens = createTokenProvider({
      domain: DOMAIN,
      clientId: 'CID',
      clientAssertionSigningKey: privateKey,
      audience: AUDIENCE,
    })
    await expect(tokens()).resolves.toBe('tok-1')
    expect(endpoint.bodies[0]).toMatchObject({
      client_id: 'CID',
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    })
    expect(endpoint.bodies[0]?.['client_assertion']).toMatch(/^eyJ/)
    expect(endpoint.bodies[0]).not.toHaveProperty('client_secret')
  })

  it("throws core's OptionsError, and lets GetToken's constructor report the credential options", () => {
    let error: unknown
    try {
      createTokenProvider({ getToken: {} as GetToken, audience: AUDIENCE, colour: 'red' } as never)
    } catch (e) {
      error = e
    }
    expect(isOptionsError(error) && error.problems).toEqual([
      'colour: unknown option',
      'getToken: expected a GetToken instance',
    ])
    expect(() =>
      createTokenProvider({ domain: DOMAIN, clientId: 'CID', audience: AUDIENCE, timeout: -1 }),
    ).toThrow('Invalid GetToken options:\n  - timeout: expected a finite number > 0')
  })
})
