// This process's time is injected (`now`, `sleep`); where Redis's own clock matters (lock TTLs), the tests wait for
// Redis's keyspace events and read its TIME, never a fixed sleep.
import { createCachedTokenProvider, isOptionsError, type CachedToken } from '@auth0-ts/core'
import { Redis } from 'ioredis'
import { describe, expect, it, vi } from 'vitest'
import { freePort } from '../test/fleet/redis-server.mjs'
import { useRedisServer } from './test-utils/redis.js'
import { createRedisTokenCache, type RedisTokenCacheOptions } from './token-cache.js'

const ctx = useRedisServer()
let n = 0
const T0 = 1_900_000_000_000

/** A cache on its own connection, as another process would have, on a clock frozen at T0 unless given one. */
function makeCache(overrides: Partial<RedisTokenCacheOptions> = {}) {
  return ctx.track(createRedisTokenCache({ url: ctx.server.url, now: () => T0, ...overrides }))
}
const uniquePrefix = () => `t${++n}:`
const makeToken = (overrides: Partial<CachedToken> = {}): CachedToken => ({
  accessToken: `secret-access-token-${++n}`,
  expiresAt: T0 + 60_000,
  tokenType: 'Bearer',
  ...overrides,
})

function deferred<T = void>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

/** A clock that only moves when the code under test sleeps. */
function fakeTime() {
  const clock = { t: T0, waits: [] as number[] }
  return {
    clock,
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.waits.push(ms)
      clock.t += ms
    },
  }
}

/** Redis's own clock, in ms. */
async function redisNow(): Promise<number> {
  const [seconds, micros] = await ctx.redis.time()
  return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000)
}

/**
 * Redis's keyspace events for one key (`set`, `expire` for SET PX and PEXPIRE, `del`, `expired`): `next(name)`
 * resolves on the next such event, and rejects if the key expires first.
 */
async function watchKey(key: string) {
  await ctx.redis.config('SET', 'notify-keyspace-events', 'K$gx')
  const sub = ctx.track(
    Object.assign(new Redis(ctx.server.url), {
      close: async () => void sub.disconnect(),
    }),
  )
  const seen: string[] = []
  const waiters: { name: string; resolve: () => void; reject: (e: Error) => void }[] = []
  sub.on('message', (_channel: string, event: string) => {
    seen.push(event)
    for (const w of waiters.splice(0))
      if (event === w.name) w.resolve()
      else if (event === 'expired') w.reject(new Error(`${key} expired`))
      else waiters.push(w)
  })
  await sub.subscribe(`__keyspace@0__:${key}`)
  return {
    seen,
    next: (name: string) =>
      new Promise<void>((resolve, reject) => waiters.push({ name, resolve, reject })),
  }
}

describe('createRedisTokenCache', () => {
  it('stores a token under the prefix with its remaining lifetime as the key TTL, and reads it back', async () => {
    const prefix = uniquePrefix()
    const token = makeToken({ scope: 'read:users' })
    await makeCache({ prefix }).set('tenant|client', token)

    expect(JSON.parse((await ctx.redis.get(`${prefix}token:tenant|client`)) ?? 'null')).toEqual(
      token,
    )
    // expiresAt is 60 s after this process's (frozen) clock; Redis counts down from there on its own clock
    const ttl = await ctx.redis.pttl(`${prefix}token:tenant|client`)
    expect(ttl).toBeGreaterThan(55_000)
    expect(ttl).toBeLessThanOrEqual(60_000)
    expect(await makeCache({ prefix }).get('tenant|client')).toEqual(token)
  })

  it('judges expiry by this process’s clock: an expired token is neither stored nor served', async () => {
    const prefix = uniquePrefix()
    const cache = makeCache({ prefix })
    await cache.set('old', makeToken({ expiresAt: T0 - 1 }))
    await cache.set('now', makeToken({ expiresAt: T0 + 60_000 }))
    await ctx.redis.set(`${prefix}token:junk`, '{"accessToken":42}')

    expect(await ctx.redis.exists(`${prefix}token:old`)).toBe(0)
    expect(await cache.get('old')).toBeUndefined()
    expect(await cache.get('junk')).toBeUndefined()
    // still in Redis, but expired for a process whose clock reads a minute later
    expect(await makeCache({ prefix, now: () => T0 + 60_000 }).get('now')).toBeUndefined()
    expect(await ctx.redis.exists(`${prefix}token:now`)).toBe(1)
  })

  it('deletes a token for every process, its own copy included', async () => {
    const prefix = uniquePrefix()
    const a = makeCache({ prefix })
    const b = makeCache({ prefix })
    const token = makeToken()
    await a.set('k', token)
    expect(await b.get('k')).toEqual(token)

    await a.delete('k')
    expect(await ctx.redis.exists(`${prefix}token:k`)).toBe(0)
    expect(await a.get('k')).toBeUndefined()
    expect(await b.get('k')).toBeUndefined()
    await a.delete('never-stored') // no error
  })

  it('lets core’s provider drop a refused token fleet-wide: invalidate() after a 401 deletes it', async () => {
    const prefix = uniquePrefix()
    let issued = 0
    // an hour to live: well past the provider's 60 s skew
    const fetchToken = vi.fn(async () =>
      makeToken({ accessToken: `token-${++issued}`, expiresAt: T0 + 3_600_000 }),
    )
    const provider = () =>
      createCachedTokenProvider({
        cacheKey: 'tenant|client',
        fetchToken,
        cache: makeCache({ prefix }),
        now: () => T0,
      })
    const first = provider()
    expect(await first.getToken()).toBe('token-1')
    expect(await provider().getToken()).toBe('token-1') // another process: from Redis
    expect(fetchToken).toHaveBeenCalledTimes(1)

    await first.invalidate() // what a client does when the API answers 401
    expect(await ctx.redis.exists(`${prefix}token:tenant|client`)).toBe(0)
    expect(await provider().getToken()).toBe('token-2')
    expect(await first.getToken()).toBe('token-2')
    expect(fetchToken).toHaveBeenCalledTimes(2)
  })

  it('lets one holder at a time run, across connections, and frees the lock after', async () => {
    const prefix = uniquePrefix()
    const events: string[] = []
    const aHolds = deferred()
    const releaseA = deferred()
    const a = makeCache({ prefix }).lock('k', async () => {
      events.push('a in')
      aHolds.resolve()
      await releaseA.promise
      events.push('a out')
      return 'a'
    })
    await aHolds.promise
    expect(await ctx.redis.exists(`${prefix}lock:k`)).toBe(1)
    // b finds the lock taken and sleeps once: a finishes during that sleep, so b's next try takes the lock
    const waits: number[] = []
    const b = makeCache({
      prefix,
      pollInterval: 10,
      sleep: async (ms) => {
        waits.push(ms)
        releaseA.resolve()
        await a
      },
    }).lock('k', async () => {
      events.push('b in')
      events.push('b out')
      return 'b'
    })

    expect(await Promise.all([a, b])).toEqual(['a', 'b'])
    expect(events).toEqual(['a in', 'a out', 'b in', 'b out'])
    expect(waits).toEqual([10])
    expect(await ctx.redis.exists(`${prefix}lock:k`)).toBe(0)
  })

  it('never releases a lock that another owner took over', async () => {
    const prefix = uniquePrefix()
    await makeCache({ prefix }).lock('k', async () => {
      await ctx.redis.set(`${prefix}lock:k`, 'another-owner') // ours expired and someone else took it
    })
    expect(await ctx.redis.get(`${prefix}lock:k`)).toBe('another-owner')
  })

  it('renews the lock while its holder works past lockTtl, by Redis’s clock', async () => {
    const prefix = uniquePrefix()
    const lockTtl = 1000
    const key = await watchKey(`${prefix}lock:k`)
    let started = 0
    let renewals = 0
    let held = 0
    let released: Promise<void> | undefined
    await makeCache({ prefix, lockTtl }).lock('k', async () => {
      started = await redisNow()
      // wait on Redis's renewals (PEXPIRE) until Redis's clock is well past lockTtl; an expiry rejects at once
      while ((await redisNow()) - started < 1.5 * lockTtl) {
        await key.next('expire')
        renewals++
      }
      held = await ctx.redis.exists(`${prefix}lock:k`)
      released = key.next('del')
    })
    await released
    expect(held).toBe(1)
    expect(renewals).toBeGreaterThanOrEqual(2)
    expect(key.seen).not.toContain('expired')
    expect(await ctx.redis.exists(`${prefix}lock:k`)).toBe(0)
  })

  it('runs fn without the lock after waitTimeout, with a warning', async () => {
    const prefix = uniquePrefix()
    await ctx.redis.set(`${prefix}lock:k`, 'stuck-holder', 'PX', 60_000)
    const logger = { warn: vi.fn() }
    const fn = vi.fn(async () => 'fetched')
    const time = fakeTime()

    const cache = makeCache({
      prefix,
      waitTimeout: 150,
      pollInterval: 20,
      logger,
      now: time.now,
      sleep: time.sleep,
    })
    expect(await cache.lock('k', fn)).toBe('fetched')
    expect(fn).toHaveBeenCalledTimes(1)
    // polled at 0, 20, ..., 140 ms of this process's clock; at 160 ms the wait is over
    expect(time.clock.waits).toEqual([20, 20, 20, 20, 20, 20, 20, 20])
    expect(logger.warn).toHaveBeenCalledExactlyOnceWith(
      '@auth0-ts/redis: token cache: waited 150 ms for another process to fetch; fetching directly',
    )
    expect(await ctx.redis.get(`${prefix}lock:k`)).toBe('stuck-holder')
  })

  it('works without Redis: no failures, its own copy, one warning, never the token', async () => {
    const logger = { warn: vi.fn() }
    const cache = makeCache({
      url: `redis://127.0.0.1:${await freePort()}`,
      commandTimeout: 200,
      retryInterval: 60_000,
      logger,
    })
    const token = makeToken()

    expect(await cache.get('k')).toBeUndefined()
    await cache.set('k', token)
    expect(await cache.get('k')).toEqual(token)
    expect(await cache.lock('k', async () => 'fetched directly')).toBe('fetched directly')
    await cache.delete('k')
    expect(await cache.get('k')).toBeUndefined()
    expect(logger.warn).toHaveBeenCalledTimes(1)
    expect(logger.warn.mock.calls[0]?.[0]).toMatch(
      /token cache: Redis is unavailable .*working without it/,
    )
    expect(JSON.stringify(logger.warn.mock.calls)).not.toContain(token.accessToken)
  })

  it('rejects bad options with one OptionsError listing every problem', () => {
    const problemsOf = (options: unknown) => {
      try {
        createRedisTokenCache(options as RedisTokenCacheOptions)
      } catch (e) {
        expect(isOptionsError(e)).toBe(true)
        expect(e).toBeInstanceOf(TypeError)
        return (e as { problems: readonly string[] }).problems
      }
      throw new Error('no error')
    }
    expect(problemsOf({})).toEqual(['client, url: give exactly one of them'])
    expect(problemsOf(undefined)).toEqual(['(root): expected an object'])
    expect(problemsOf({ url: 'http://x', lockTtl: -1, sleep: 5, logger: {}, extra: 1 })).toEqual([
      'extra: unknown option',
      'url: expected a redis:// or rediss:// URL',
      'logger: expected an object with a function warn',
      'lockTtl: expected a finite number > 0',
      'sleep: expected a function',
    ])
    expect(() => createRedisTokenCache({ url: 'redis://x', lockTtl: 0 })).toThrow(
      /^Invalid createRedisTokenCache options:\n {2}- lockTtl: expected a finite number > 0$/,
    )
  })
})
