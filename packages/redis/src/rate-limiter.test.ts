import { OptionsError, type RateLimitInfo } from '@auth0-ts/core'
import { describe, expect, it, vi } from 'vitest'
import { freePort } from '../test/fleet/redis-server.mjs'
import { useRedisServer } from './test-utils/redis.js'
import { createRedisRateLimiter, type RedisRateLimiterOptions } from './rate-limiter.js'

const ctx = useRedisServer()
let n = 0

/** A sleep that records the wait it was asked for, then aborts the acquire (so nothing really sleeps). */
function recordingSleep() {
  const controller = new AbortController()
  const waits: number[] = []
  const sleep = async (ms: number) => {
    waits.push(ms)
    controller.abort(new Error('stop waiting'))
    throw controller.signal.reason
  }
  return { sleep, waits, signal: controller.signal }
}

/** A limiter on its own connection, as another process would have. */
function makeLimiter(
  overrides: Partial<RedisRateLimiterOptions> & Pick<RedisRateLimiterOptions, 'key'>,
) {
  return ctx.track(createRedisRateLimiter({ url: ctx.server.url, perSecond: 1, ...overrides }))
}
const info = (overrides: Partial<RateLimitInfo>): RateLimitInfo => ({
  limit: -1,
  remaining: -1,
  resetAt: -1,
  retryAfter: -1,
  waitMs: -1,
  ...overrides,
})
const field = (key: string, name: string) => ctx.redis.hget(`auth0-ts:rate:${key}`, name)

describe('createRedisRateLimiter', () => {
  it('hands out permits from one bucket shared by every process on the key', async () => {
    const key = `tenant-${++n}`
    // a slow refill (one token per 10 s), so a busy machine cannot refill the bucket during the test
    const a = makeLimiter({ key, burst: 3, perSecond: 0.1 })
    const b = makeLimiter({ key, burst: 3, perSecond: 0.1 })
    await a.acquire()
    await b.acquire()
    await a.acquire()
    const { sleep, waits, signal } = recordingSleep()

    await expect(
      makeLimiter({ key, burst: 3, perSecond: 0.1, sleep }).acquire(signal),
    ).rejects.toThrow('stop waiting')
    expect(waits).toHaveLength(1)
    expect(waits[0]).toBeGreaterThan(9000) // the next permit is about 10 s away at 0.1/s
    expect(waits[0]).toBeLessThanOrEqual(10_004)
  })

  it('lowers the shared budget to what the server reports remaining', async () => {
    const key = `tenant-${++n}`
    // a slow refill (one token per 10 s), so a busy machine cannot refill the bucket during the test
    makeLimiter({ key, burst: 10, perSecond: 0.1 }).update(info({ limit: 10, remaining: 1 }), 200)
    // the report is sent in the background on its own connection: wait until it has landed (a missing field is not 0)
    await vi.waitFor(async () => {
      const tokens = await field(key, 'tokens')
      expect(tokens).not.toBeNull()
      expect(Number(tokens)).toBeLessThan(2)
    })
    const { sleep, waits, signal } = recordingSleep()
    const other = makeLimiter({ key, burst: 10, perSecond: 0.1, sleep })

    await other.acquire(signal)
    await expect(other.acquire(signal)).rejects.toThrow('stop waiting')
    expect(waits).toHaveLength(1)
  })

  it('learns the burst from x-ratelimit-limit when none is given, and never exceeds a given one', async () => {
    const learned = `tenant-${++n}`
    const fixed = `tenant-${++n}`
    makeLimiter({ key: learned, perSecond: 5 }).update(info({ limit: 50, remaining: 49 }), 200)
    makeLimiter({ key: fixed, perSecond: 5, burst: 20 }).update(
      info({ limit: 50, remaining: 49 }),
      200,
    )

    await vi.waitFor(async () => expect(await field(learned, 'cap')).toBe('50'))
    await vi.waitFor(async () => expect(await field(fixed, 'cap')).toBe('20'))
  })

  it('pauses every process for the Retry-After of a 429', async () => {
    const key = `tenant-${++n}`
    const updatedAt = Date.now()
    makeLimiter({ key, burst: 50 }).update(
      info({ limit: 50, remaining: 0, retryAfter: 3, waitMs: 3000 }),
      429,
    )
    await vi.waitFor(async () => expect(Number(await field(key, 'until'))).toBeGreaterThan(0))
    const { sleep, waits, signal } = recordingSleep()

    await expect(makeLimiter({ key, burst: 50, sleep }).acquire(signal)).rejects.toThrow(
      'stop waiting',
    )
    // what is left of the 3 s pause when the second process asks (a busy machine takes a while to get there)
    expect(waits[0]).toBeGreaterThan(3000 - (Date.now() - updatedAt) - 10)
    expect(waits[0]).toBeLessThanOrEqual(3004)
  })

  it('sends anyway once a permit is further away than maxWait', async () => {
    const key = `tenant-${++n}`
    const sleep = vi.fn(async () => {})
    const limiter = makeLimiter({ key, burst: 1, perSecond: 0.1, maxWait: 5000, sleep })
    await limiter.acquire()
    await limiter.acquire() // the next permit is 100 s away
    expect(sleep).not.toHaveBeenCalled()
  })

  it('falls back to the in-process limiter while Redis is down, with one warning', async () => {
    const logger = { warn: vi.fn() }
    const { sleep, waits, signal } = recordingSleep()
    const now = 1_900_000_000_000
    const limiter = makeLimiter({
      key: 'down',
      url: `redis://127.0.0.1:${await freePort()}`,
      commandTimeout: 200,
      retryInterval: 60_000,
      logger,
      sleep,
      now: () => now,
    })
    await limiter.acquire()
    limiter.update(info({ limit: 50, remaining: 0, resetAt: now / 1000 + 2 }), 200)

    await expect(limiter.acquire(signal)).rejects.toThrow('stop waiting') // core's limiter waits for the reset
    expect(waits[0]).toBeGreaterThanOrEqual(2000) // the reset, 2 s after this process's (injected) clock
    expect(waits[0]).toBeLessThan(2100)
    expect(logger.warn).toHaveBeenCalledTimes(1)
    expect(logger.warn.mock.calls[0]?.[0]).toMatch(/rate limiter: Redis is unavailable/)
  })

  it('rejects bad options with one OptionsError listing every problem', () => {
    const bad = {
      client: {},
      perSecond: 0,
      burst: 0.5,
      now: 1,
    } as unknown as RedisRateLimiterOptions
    let error: unknown
    try {
      createRedisRateLimiter(bad)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(OptionsError)
    expect(error).toMatchObject({
      code: 'invalid_options',
      where: 'createRedisRateLimiter options',
      problems: [
        'client: expected an ioredis client',
        'now: expected a function',
        'key: is required',
        'perSecond: expected a finite number > 0',
        'burst: expected a finite number >= 1',
      ],
    })
    expect(() =>
      createRedisRateLimiter({ key: 'k', perSecond: 1 } as RedisRateLimiterOptions),
    ).toThrow(
      /^Invalid createRedisRateLimiter options:\n {2}- client, url: give exactly one of them$/,
    )
  })
})
