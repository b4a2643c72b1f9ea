// Real redis-server (127.0.0.1, port 0). This process's clock is frozen at T0; Redis counts key TTLs down on its own
// clock, which the tests read back (PTTL) rather than wait for.
import { isOptionsError } from '@auth0-ts/core'
import { describe, expect, it, vi } from 'vitest'
import { freePort, startRedis } from '../test/fleet/redis-server.mjs'
import { createRedisReplayStore, type RedisReplayStoreOptions } from './replay-store.js'
import { useRedisServer } from './test-utils/redis.js'

const ctx = useRedisServer()
const T0 = 1_900_000_000_000
let n = 0
const uniquePrefix = () => `r${++n}:`

/** A store on its own connection, as another process would have it, on a clock frozen at T0. */
function makeStore(overrides: Partial<RedisReplayStoreOptions> = {}) {
  return ctx.track(createRedisReplayStore({ url: ctx.server.url, now: () => T0, ...overrides }))
}

describe('createRedisReplayStore', () => {
  it('records a key with SET NX under the prefix, for the time left until expiresAt, and reports the replay', async () => {
    const prefix = uniquePrefix()
    const store = makeStore({ prefix })
    expect(await store.seen('dpop:jkt:jti-1', T0 + 60_000)).toBe(false)
    expect(await ctx.redis.get(`${prefix}replay:dpop:jkt:jti-1`)).toBe('1')
    const ttl = await ctx.redis.pttl(`${prefix}replay:dpop:jkt:jti-1`)
    expect(ttl).toBeGreaterThan(59_000)
    expect(ttl).toBeLessThanOrEqual(60_000)
    expect(await store.seen('dpop:jkt:jti-1', T0 + 60_000)).toBe(true)
    expect(await store.seen('dpop:jkt:jti-2', T0 + 60_000)).toBe(false)
  })

  it('refuses a key seen by another process, and gives exactly one of many racing processes false', async () => {
    const prefix = uniquePrefix()
    const fleet = Array.from({ length: 4 }, () => makeStore({ prefix }))
    expect(await fleet[0]?.seen('first', T0 + 10_000)).toBe(false)
    for (const other of fleet.slice(1)) expect(await other.seen('first', T0 + 10_000)).toBe(true)
    const answers = await Promise.all(
      fleet.flatMap((store) => Array.from({ length: 5 }, () => store.seen('race', T0 + 10_000))),
    )
    expect(answers.filter((seen) => !seen)).toHaveLength(1)
  })

  it('forgets a key when Redis expires it, and records nothing whose expiry is past', async () => {
    const prefix = uniquePrefix()
    const store = makeStore({ prefix, localMaxEntries: 1 })
    expect(await store.seen('past', T0)).toBe(false)
    expect(await ctx.redis.exists(`${prefix}replay:past`)).toBe(0)
    await store.seen('short', T0 + 5_000)
    await store.seen('filler', T0 + 5_000) // pushes 'short' out of this process's own memory (1 key)
    await ctx.redis.del(`${prefix}replay:short`) // as Redis does when the TTL runs out
    expect(await store.seen('short', T0 + 5_000)).toBe(false)
  })

  it('keeps a replay this process saw even when Redis lost the key (a restart without persistence)', async () => {
    const prefix = uniquePrefix()
    const store = makeStore({ prefix })
    await store.seen('k', T0 + 5_000)
    await ctx.redis.del(`${prefix}replay:k`)
    expect(await store.seen('k', T0 + 5_000)).toBe(true)
  })

  it("works without Redis from this process's own memory, with one warning", async () => {
    const own = await startRedis()
    const logger = { warn: vi.fn() }
    const store = ctx.track(
      createRedisReplayStore({
        url: own.url,
        now: () => T0,
        commandTimeout: 500,
        retryInterval: 1000,
        logger,
      }),
    )
    expect(await store.seen('before', T0 + 60_000)).toBe(false)
    await own.kill()
    // this process still refuses what it saw, and records new keys itself
    expect(await store.seen('before', T0 + 60_000)).toBe(true)
    expect(await store.seen('during', T0 + 60_000)).toBe(false)
    expect(await store.seen('during', T0 + 60_000)).toBe(true)
    expect(logger.warn).toHaveBeenCalledTimes(1)
    expect(logger.warn.mock.calls[0]?.[0]).toMatch(
      /replay store: Redis is unavailable .*working without it/,
    )
  })

  it('rejects bad arguments and bad options, listing every problem', async () => {
    const store = makeStore({ prefix: uniquePrefix() })
    await expect(store.seen('k', Number.NaN)).rejects.toBeInstanceOf(TypeError)
    let error: unknown
    try {
      createRedisReplayStore({
        url: `redis://127.0.0.1:${await freePort()}`,
        localMaxEntries: 0,
        extra: true,
      } as RedisReplayStoreOptions)
    } catch (e) {
      error = e
    }
    expect(isOptionsError(error) && error.problems).toEqual([
      'extra: unknown option',
      `localMaxEntries: expected an integer from 1 to ${Number.MAX_SAFE_INTEGER}`,
    ])
  })
})
