import { createMemoryReplayStore, type ReplayStore } from '@auth0-ts/core'
import { integer } from '@auth0-ts/core/internal'
import { checkConnectionOptions, connect, type ConnectionOptions } from './connection.js'

/** Core's {@link ReplayStore} backed by Redis. */
export interface RedisReplayStore extends ReplayStore {
  /** Closes the Redis client if it was created from `url`. */
  close(): Promise<void>
}

/** Options of {@link createRedisReplayStore}. */
export interface RedisReplayStoreOptions extends ConnectionOptions {
  /** The most keys this process also remembers itself, for when Redis is down. @default 100000 */
  localMaxEntries?: number
}

const RULES = { localMaxEntries: integer(1, Number.MAX_SAFE_INTEGER) }

/**
 * A replay store shared by every process that uses the same Redis: each key is set with `SET NX PX` (one atomic
 * command, so of any number of processes exactly one records it) and lives until `expiresAt`. A DPoP proof used with
 * one process is then refused by all. This process also remembers the keys it saw (bounded), and while Redis is down
 * it answers from that memory alone, with one warning: each process then refuses the replays it saw itself, and
 * no call fails because of Redis.
 *
 * @throws OptionsError (a `TypeError`) listing every invalid option
 * @example
 * ```ts
 * const replayStore = createRedisReplayStore({ url: process.env.REDIS_URL })
 * const atv = new AccessTokenVerifier({ issuer, audience, jwksUrl, dpop: { replayStore } })
 * ```
 */
export function createRedisReplayStore(options: RedisReplayStoreOptions): RedisReplayStore {
  checkConnectionOptions('createRedisReplayStore options', options, RULES)
  const { guard, prefix, now } = connect(options, 'replay store')
  const local = createMemoryReplayStore({ now, maxEntries: options.localMaxEntries ?? 100_000 })
  return {
    async seen(key, expiresAt) {
      if (typeof key !== 'string' || typeof expiresAt !== 'number' || Number.isNaN(expiresAt))
        throw new TypeError('ReplayStore.seen: expected a string key and a number of epoch ms')
      // Redis keeps a key for whole milliseconds: rounding up never forgets it early.
      const ttl = Math.ceil(expiresAt - now())
      if (ttl <= 0) return false
      return guard.run(
        async (c) => {
          const shared = (await c.set(`${prefix}replay:${key}`, '1', 'PX', ttl, 'NX')) !== 'OK'
          // Also kept here, for an outage; a key this process saw stays a replay even if Redis lost it.
          const mine = await local.seen(key, expiresAt)
          return shared || mine
        },
        () => local.seen(key, expiresAt),
      )
    },
    close: () => guard.close(),
  }
}
