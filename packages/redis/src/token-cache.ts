import { parseOptions } from '@auth0-ts/core'
import { defaultSleep } from '@auth0-ts/core/internal'
import * as z from 'zod/mini'
import { randomUUID } from 'node:crypto'
import { connect, connectionShape, positiveNumber, type ConnectionOptions } from './connection.js'

/** A token as the authentication package's provider caches it. */
export interface CachedToken {
  accessToken: string
  /** Epoch ms. */
  expiresAt: number
  tokenType?: string
  scope?: string
}

/** The authentication package's pluggable token cache (declared here structurally, so no dependency is needed). */
export interface TokenCache {
  get(key: string): Promise<CachedToken | undefined>
  set(key: string, token: CachedToken): Promise<void>
  /** Runs `fn` while holding a cross-process lock on `key`, so only one process fetches. */
  lock<T>(key: string, fn: () => Promise<T>): Promise<T>
}

/** A {@link TokenCache} backed by Redis. */
export interface RedisTokenCache extends TokenCache {
  /** Closes the Redis client if it was created from `url`. */
  close(): Promise<void>
}

/** Options of {@link createRedisTokenCache}. */
export interface RedisTokenCacheOptions extends ConnectionOptions {
  /** How long a lock lives unless its holder renews it, in ms; a holder that dies frees it after this. @default 10000 */
  lockTtl?: number
  /** How long to wait for another process's fetch before fetching anyway, in ms. @default 30000 */
  waitTimeout?: number
  /** How often a waiting process checks the lock, in ms. @default 50 */
  pollInterval?: number
}

const schema = z.strictObject({
  ...connectionShape,
  lockTtl: z.optional(positiveNumber),
  waitTimeout: z.optional(positiveNumber),
  pollInterval: z.optional(positiveNumber),
})

// Deletes or extends the lock only while this process still owns it, so an expired lock taken over by another
// process is never released or kept alive by the first holder.
const RELEASE =
  "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0"
const RENEW =
  "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0"

function parseToken(raw: string | null): CachedToken | undefined {
  if (raw === null) return undefined
  try {
    const t = JSON.parse(raw) as Partial<CachedToken>
    if (typeof t.accessToken !== 'string' || typeof t.expiresAt !== 'number') return undefined
    return {
      accessToken: t.accessToken,
      expiresAt: t.expiresAt,
      ...(typeof t.tokenType === 'string' && { tokenType: t.tokenType }),
      ...(typeof t.scope === 'string' && { scope: t.scope }),
    }
  } catch {
    return undefined
  }
}

/**
 * A token cache shared by every process that uses the same Redis: tokens are stored until they expire, and `lock`
 * lets one process fetch while the others wait for its result. When Redis is down, calls fall back to this
 * process's own copy, or to fetching directly, with one warning; they never fail because of Redis.
 *
 * @throws TypeError for invalid options, listing every problem
 * @example
 * ```ts
 * const cache = createRedisTokenCache({ url: process.env.REDIS_URL })
 * ```
 */
export function createRedisTokenCache(options: RedisTokenCacheOptions): RedisTokenCache {
  const o = parseOptions(schema, options, 'createRedisTokenCache options')
  const { guard, prefix, logger } = connect(o, 'createRedisTokenCache options', 'token cache')
  const lockTtl = Math.ceil(o.lockTtl ?? 10_000)
  const waitTimeout = o.waitTimeout ?? 30_000
  const pollInterval = o.pollInterval ?? 50
  const tokenKey = (key: string) => `${prefix}token:${key}`
  const lockKey = (key: string) => `${prefix}lock:${key}`
  // The last token this process saw per key, served only while Redis is unreachable.
  const local = new Map<string, CachedToken>()
  const localGet = (key: string) => {
    const t = local.get(key)
    return t && t.expiresAt > Date.now() ? t : undefined
  }

  async function tryLock(key: string, owner: string): Promise<'locked' | 'busy' | 'down'> {
    return guard.run(
      async (c) =>
        (await c.set(lockKey(key), owner, 'PX', lockTtl, 'NX')) === 'OK' ? 'locked' : 'busy',
      () => 'down' as const,
    )
  }

  async function holding<T>(key: string, owner: string, fn: () => Promise<T>): Promise<T> {
    const renew = setInterval(
      () => {
        void guard.run(
          (c) => c.eval(RENEW, 1, lockKey(key), owner, lockTtl),
          () => 0,
        )
      },
      Math.max(1, Math.floor(lockTtl / 3)),
    )
    try {
      return await fn()
    } finally {
      clearInterval(renew)
      await guard.run(
        (c) => c.eval(RELEASE, 1, lockKey(key), owner),
        () => 0,
      )
    }
  }

  return {
    async get(key) {
      const token = await guard.run(
        async (c) => parseToken(await c.get(tokenKey(key))),
        () => localGet(key),
      )
      if (!token || token.expiresAt <= Date.now()) return undefined
      local.set(key, token)
      return token
    },
    async set(key, token) {
      const ttl = Math.floor(token.expiresAt - Date.now())
      if (ttl <= 0) return
      local.set(key, token)
      await guard.run(
        async (c) => {
          await c.set(tokenKey(key), JSON.stringify(token), 'PX', ttl)
        },
        () => undefined,
        [token.accessToken],
      )
    },
    async lock(key, fn) {
      const owner = randomUUID()
      const deadline = Date.now() + waitTimeout
      for (;;) {
        const state = await tryLock(key, owner)
        if (state === 'locked') return holding(key, owner, fn)
        // Redis is down, or the holder is alive but too slow: fetch rather than fail.
        if (state === 'down') return fn()
        if (Date.now() >= deadline) {
          logger.warn(
            `@auth0-ts/redis: token cache: waited ${waitTimeout} ms for another process to fetch; fetching directly`,
          )
          return fn()
        }
        await defaultSleep(pollInterval)
      }
    },
    close: () => guard.close(),
  }
}
