export {
  createRedisTokenCache,
  type CachedToken,
  type TokenCache,
  type RedisTokenCache,
  type RedisTokenCacheOptions,
} from './token-cache.js'
export {
  createRedisRateLimiter,
  type RedisRateLimiter,
  type RedisRateLimiterOptions,
} from './rate-limiter.js'
export type { ConnectionOptions, Logger, RedisClient } from './connection.js'
