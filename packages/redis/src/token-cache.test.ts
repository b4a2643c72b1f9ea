import { describe, expect, it, vi } from 'vitest'
import { freePort } from '../test/fleet/redis-server.mjs'
import { useRedisServer } from './test-utils/redis.js'
import {
  createRedisTokenCache,
  type CachedToken,
  type RedisTokenCacheOptions,
} from './token-cache.js'

const ctx = useRedisServer()
let n = 0

/** A cache on its own connection, as another process would have, with a unique prefix per test. */
function makeCache(overrides: Partial<RedisTokenCacheOptions> = {}) {
  return ctx.track(createRedisTokenCache({ url: ctx.server.url, ...overrides }))
}
const uniquePrefix = () => `t${++n}:`
const makeToken = (overrides: Partial<CachedToken> = {}): CachedToken => ({
  accessToken: `secret-access-token-${++n}`,
  expiresAt: Date.now() + 60_000,
  tokenType: 'Bearer',
  ...overrides,
})
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('createRedisTokenCache', () => {
  it('stores a token under the prefix with its expiry as the key TTL, and reads it back', async () => {
    const prefix = uniquePrefix()
    const token = makeToken({ scope: 'read:users' })
    await makeCache({ prefix }).set('tenant|client', token)

    expect(JSON.parse((await ctx.redis.get(`${prefix}token:tenant|client`)) ?? 'null')).toEqual(
      token,
    )
    const ttl = await ctx.redis.pttl(`${prefix}token:tenant|client`)
    expect(ttl).toBeGreaterThan(58_000)
    expect(ttl).toBeLessThanOrEqual(60_000)
    expect(await makeCache({ prefix }).get('tenant|client')).toEqual(token)
  })

  it('does not store an expired token, and ignores what is not a token', async () => {
    const prefix = uniquePrefix()
    const cache = makeCache({ prefix })
    await cache.set('old', makeToken({ expiresAt: Date.now() - 1 }))
    await ctx.redis.set(`${prefix}token:junk`, '{"accessToken":42}')

    expect(await ctx.redis.exists(`${prefix}token:old`)).toBe(0)
    expect(await cache.get('old')).toBeUndefined()
    expect(await cache.get('junk')).toBeUndefined()
  })

  it('lets one holder at a time run, across connections, and frees the lock after', async () => {
    const prefix = uniquePrefix()
    const events: string[] = []
    const run = (name: string) => async () => {
      events.push(`${name} in`)
      await sleep(100)
      events.push(`${name} out`)
      return name
    }
    const [a, b] = await Promise.all([
      makeCache({ prefix, pollInterval: 10 }).lock('k', run('a')),
      sleep(20).then(() => makeCache({ prefix, pollInterval: 10 }).lock('k', run('b'))),
    ])

    expect([a, b]).toEqual(['a', 'b'])
    expect(events).toEqual(['a in', 'a out', 'b in', 'b out'])
    expect(await ctx.redis.exists(`${prefix}lock:k`)).toBe(0)
  })

  it('never releases a lock that another owner took over', async () => {
    const prefix = uniquePrefix()
    await makeCache({ prefix }).lock('k', async () => {
      await ctx.redis.set(`${prefix}lock:k`, 'another-owner') // ours expired and someone else took it
    })
    expect(await ctx.redis.get(`${prefix}lock:k`)).toBe('another-owner')
  })

  it('renews the lock while its holder is still working past lockTtl', async () => {
    const prefix = uniquePrefix()
    let heldAfterTtl = 0
    await makeCache({ prefix, lockTtl: 150 }).lock('k', async () => {
      await sleep(400)
      heldAfterTtl = await ctx.redis.exists(`${prefix}lock:k`)
    })
    expect(heldAfterTtl).toBe(1)
  })

  it('runs fn without the lock after waitTimeout, with a warning', async () => {
    const prefix = uniquePrefix()
    await ctx.redis.set(`${prefix}lock:k`, 'stuck-holder', 'PX', 60_000)
    const logger = { warn: vi.fn() }
    const fn = vi.fn(async () => 'fetched')

    expect(
      await makeCache({ prefix, waitTimeout: 150, pollInterval: 20, logger }).lock('k', fn),
    ).toBe('fetched')
    expect(fn).toHaveBeenCalledTimes(1)
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/waited 150 ms for another process/),
    )
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
    expect(logger.warn).toHaveBeenCalledTimes(1)
    expect(logger.warn.mock.calls[0]?.[0]).toMatch(
      /token cache: Redis is unavailable .*working without it/,
    )
    expect(JSON.stringify(logger.warn.mock.calls)).not.toContain(token.accessToken)
  })

  it('rejects bad options with every problem listed', () => {
    expect(() => createRedisTokenCache({})).toThrow(/client, url: give exactly one/)
    const bad = { url: 'http://x', lockTtl: -1, extra: 1 } as RedisTokenCacheOptions
    expect(() => createRedisTokenCache(bad)).toThrow(
      /Invalid createRedisTokenCache options:\n {2}- url: .*redis:\/\/.*\n {2}- lockTtl: must be > 0\n {2}- \(root\): unknown option 'extra'/,
    )
  })
})
