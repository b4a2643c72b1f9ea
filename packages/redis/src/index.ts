export {
  createRedisTokenCache,
  type RedisTokenCache,
  type RedisTokenCacheOptions,
} from './token-cache.js'
// The contract the token cache implements, defined once in core; re-exported for existing imports.
export type { CachedToken, TokenCache } from '@auth0-ts/core'
export {
  createRedisRateLimiter,
  type RedisRateLimiter,
  type RedisRateLimiterOptions,
} from './rate-limiter.js'
export {
  createRedisReplayStore,
  type RedisReplayStore,
  type RedisReplayStoreOptions,
} from './replay-store.js'
// The contract the replay store implements, defined once in core.
export type { ReplayStore } from '@auth0-ts/core'
export type { ConnectionOptions, Logger, RedisClient } from './connection.js'
