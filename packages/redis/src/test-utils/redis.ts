import { Redis } from 'ioredis'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { hasRedisServer, startRedis, type RedisServer } from '../../test/fleet/redis-server.mjs'

/**
 * Starts a redis-server for the test file, with a client to inspect it; `track` closes what a test opened.
 * Read `server` and `redis` inside tests, after `beforeAll` has run.
 */
export function useRedisServer() {
  const closing: { close(): Promise<void> }[] = []
  const ctx = {
    server: undefined as unknown as RedisServer,
    redis: undefined as unknown as Redis,
    track<T extends { close(): Promise<void> }>(item: T): T {
      closing.push(item)
      return item
    },
  }
  // Without redis-server on PATH the tests are skipped (and say so) on a developer's machine; CI sets
  // REQUIRE_REDIS=1 and installs it, and there a setup failure fails every test rather than skipping them.
  const skip = !hasRedisServer() && process.env['REQUIRE_REDIS'] !== '1'
  if (skip)
    console.warn(
      '@auth0-ts/redis: redis-server is not on PATH, so the Redis tests are skipped (apt-get install redis-server; CI sets REQUIRE_REDIS=1)',
    )
  let setupError: unknown
  beforeAll(async () => {
    if (skip) return
    try {
      ctx.server = await startRedis()
      ctx.redis = new Redis(ctx.server.url)
    } catch (error) {
      setupError = error
    }
  })
  beforeEach((test) => {
    if (skip) test.skip()
    if (setupError) throw setupError
  })
  afterAll(async () => {
    await Promise.all(closing.map((c) => c.close()))
    ctx.redis?.disconnect()
    await ctx.server?.stop()
  })
  return ctx
}
