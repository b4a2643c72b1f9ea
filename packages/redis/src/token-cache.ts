import type { CachedToken, TokenCache } from '@auth0-ts/core'
import { defaultSleep, fn, positive } from '@auth0-ts/core/internal'
import { randomUUID } from 'node:crypto'
import { checkConnectionOptions, connect, type ConnectionOptions } from './connection.js'

/**
 * Core's {@link TokenCache} backed by Redis, with the contract's optional `delete` and `lock` both implemented.
 */
export interface RedisTokenCache extends TokenCache {
  /** Drops the token under `key` for every process (the provider calls it when the API refused the token). */
  delete(key: string): Promise<void>
  /** Runs `fn` while holding a lock on `key` shared by every process, so that only one of them fetches. */
  lock<T>(key: string, fn: () => Promise<T>): Promise<T>
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
  /** Sleep used between checks of the lock, for tests. */
  sleep?: (ms: number) => Promise<void>
}

const RULES = { lockTtl: positive, waitTimeout: positive, pollInterval: positive, sleep: fn }

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
 * A token cache shared by every process that uses the same Redis: tokens are stored until they expire, `delete`
 * drops one for the whole fleet, and `lock` lets one process fetch while the others wait for its result. When Redis
 * is down, calls fall back to this process's own copy, or to fetching directly, with one warning; they never fail
 * because of Redis.
 *
 * @throws OptionsError (a `TypeError`) listing every invalid option
 * @example
 * ```ts
 * const cache = createRedisTokenCache({ url: process.env.REDIS_URL })
 * const token = createClientCredentialsProvider({ domain, clientId, clientSecret, audience, cache })
 * ```
 */
export function createRedisTokenCache(options: RedisTokenCacheOptions): RedisTokenCache {
  checkConnectionOptions('createRedisTokenCache options', options, RULES)
  const { guard, prefix, logger, now } = connect(options, 'token cache')
  const lockTtl = Math.ceil(options.lockTtl ?? 10_000)
  const waitTimeout = options.waitTimeout ?? 30_000
  const pollInterval = options.pollInterval ?? 50
  const sleep = options.sleep ?? defaultSleep
  const tokenKey = (key: string) => `${prefix}token:${key}`
  const lockKey = (key: string) => `${prefix}lock:${key}`
  // The last token this process saw per key, served only while Redis is unreachable.
  const local = new Map<string, CachedToken>()
  const localGet = (key: string) => {
    const t = local.get(key)
    return t && t.expiresAt > now() ? t : undefined
  }

  async function tryLock(key: string, owner: string): Promise<'locked' | 'busy' | 'down'> {
    return guard.run(
      async (c) =>
        (await c.set(lockKey(key), owner, 'PX', lockTtl, 'NX')) === 'OK' ? 'locked' : 'busy',
      () => 'down' as const,
    )
  }

  async function holding<T>(key: string, owner: string, work: () => Promise<T>): Promise<T> {
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
      return await work()
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
      if (!token || token.expiresAt <= now()) return undefined
      local.set(key, token)
      return token
    },
    async set(key, token) {
      const ttl = Math.floor(token.expiresAt - now())
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
    async delete(key) {
      local.delete(key)
      await guard.run(
        async (c) => {
          await c.del(tokenKey(key))
        },
        () => undefined,
      )
    },
    async lock(key, work) {
      const owner = randomUUID()
      const deadline = now() + waitTimeout
      for (;;) {
        const state = await tryLock(key, owner)
        if (state === 'locked') return holding(key, owner, work)
        // Redis is down, or the holder is alive but too slow: fetch rather than fail.
        if (state === 'down') return work()
        if (now() >= deadline) {
          logger.warn(
            `@auth0-ts/redis: token cache: waited ${waitTimeout} ms for another process to fetch; fetching directly`,
          )
          return work()
        }
        await sleep(pollInterval)
      }
    },
    close: () => guard.close(),
  }
}
