import { createRateLimiter, type RateLimiter } from '@auth0-ts/core'
import {
  defaultSleep,
  fn,
  nonEmptyString,
  nonNegative,
  positive,
  rule,
} from '@auth0-ts/core/internal'
import { checkConnectionOptions, connect, type ConnectionOptions } from './connection.js'

/** A {@link RateLimiter} whose budget lives in Redis. */
export interface RedisRateLimiter extends RateLimiter {
  /** Closes the Redis client if it was created from `url`. */
  close(): Promise<void>
}

/** Options of {@link createRedisRateLimiter}. */
export interface RedisRateLimiterOptions extends ConnectionOptions {
  /** The budget's name: every process using the same key shares one budget (use the tenant's domain). */
  key: string
  /** The tenant's sustained rate, in requests per second. */
  perSecond: number
  /** The tenant's burst. @default learned from `x-ratelimit-limit` (`perSecond` until a response reports it) */
  burst?: number
  /** Longest wait for a permit, in ms; past it, the request is sent and the server decides. @default 60000 */
  maxWait?: number
  /** Sleep used while waiting for a permit, for tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
}

const RULES = {
  key: nonEmptyString,
  perSecond: positive,
  burst: rule('a finite number >= 1', (v) => typeof v === 'number' && Number.isFinite(v) && v >= 1),
  maxWait: nonNegative,
  sleep: fn,
}

// A token bucket refilled from Redis's own clock, so every process agrees on time. ARGV: initial capacity, tokens
// per ms, key TTL in ms. Fields: tokens (fractional), ts (last refill, ms), cap (capacity), until (blocked until, ms).
const REFILL = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local rate = tonumber(ARGV[2])
local h = redis.call('HMGET', KEYS[1], 'tokens', 'ts', 'cap', 'until')
local cap = tonumber(h[3]) or tonumber(ARGV[1])
local tokens = tonumber(h[1]) or cap
local blocked = tonumber(h[4]) or 0
tokens = math.min(cap, tokens + math.max(0, now - (tonumber(h[2]) or now)) * rate)
`
const SAVE = `
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', now, 'cap', tostring(cap), 'until', blocked)
redis.call('PEXPIRE', KEYS[1], ARGV[3])
`
/** Takes one permit; returns 0, or how many ms to wait before asking again. */
const ACQUIRE = `${REFILL}
local wait = 0
if now < blocked then wait = blocked - now
elseif tokens >= 1 then tokens = tokens - 1
else wait = math.ceil((1 - tokens) / rate) end
${SAVE}
return wait`
/** Applies what a response reported. ARGV 4..7: remaining, limit, fixed burst, block ms (-1 = none). */
const REPORT = `${REFILL}
local remaining, limit, burst, block = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
if limit > 0 then
  if burst > 0 then cap = math.min(burst, limit) else cap = limit end
  tokens = math.min(tokens, cap)
end
-- the server reports whole permits; keep our fraction so refills are not lost
if remaining >= 0 and tokens >= remaining + 1 then tokens = remaining + tokens % 1 end
if block >= 0 then blocked = math.max(blocked, now + block) end
${SAVE}
return 0`

/**
 * A rate limiter shared by every process that uses the same Redis and `key`: permits come from one token bucket,
 * kept in step with what Auth0 reports (`x-ratelimit-limit`, `-remaining`, `-reset`, `Retry-After`), so a whole
 * fleet stays under the tenant's limit. While Redis is down, each process falls back to core's in-process limiter.
 *
 * @throws OptionsError (a `TypeError`) listing every invalid option
 * @example
 * ```ts
 * const rateLimiter = createRedisRateLimiter({ url: process.env.REDIS_URL, key: 'tenant.auth0.com', perSecond: 10, burst: 50 })
 * const rest = new RestClient({ baseUrl, token, rateLimiter })
 * ```
 */
export function createRedisRateLimiter(options: RedisRateLimiterOptions): RedisRateLimiter {
  checkConnectionOptions('createRedisRateLimiter options', options, RULES, ['key', 'perSecond'])
  const o = options
  const { guard, prefix, now } = connect(o, 'rate limiter')
  const bucket = `${prefix}rate:${o.key}`
  const perMs = o.perSecond / 1000
  const initialCap = o.burst ?? o.perSecond
  // Idle budgets disappear once they would have refilled completely anyway.
  const ttl = Math.max(60_000, Math.ceil((2 * Math.max(initialCap, 1000)) / perMs))
  const maxWait = o.maxWait ?? 60_000
  const sleep = o.sleep ?? defaultSleep
  const local = createRateLimiter({ maxWait: Math.min(maxWait, 10_000), now, sleep })
  const args = [initialCap, perMs, ttl]

  return {
    async acquire(signal) {
      const started = now()
      for (;;) {
        signal?.throwIfAborted()
        const wait = await guard.run(
          async (c) => Number(await c.eval(ACQUIRE, 1, bucket, ...args)),
          () => -1,
        )
        if (wait === -1) return local.acquire(signal)
        if (wait <= 0) return
        if (now() - started + wait > maxWait) return
        // a little jitter, so waiting processes do not all ask at the same millisecond
        await sleep(wait + Math.floor(Math.random() * 4), signal)
      }
    },
    update(info, status) {
      local.update(info, status)
      const block =
        status === 429 ? Math.max(0, info.waitMs >= 0 ? info.waitMs : 1000 / o.perSecond) : -1
      if (info.remaining < 0 && info.limit < 0 && block < 0) return
      void guard.run(
        (c) =>
          c.eval(
            REPORT,
            1,
            bucket,
            ...args,
            info.remaining,
            info.limit,
            o.burst ?? -1,
            Math.ceil(block),
          ),
        () => 0,
      )
    },
    close: () => guard.close(),
  }
}
