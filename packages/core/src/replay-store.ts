// The replay contract: where a verifier remembers single-use values (a DPoP proof's `jti`) so that a second use is
// refused. Core owns it, beside TokenCache, so that the verifier and @auth0-ts/redis implement one definition.
import { checkOptions, fn, integer } from './rules.js'

/**
 * Remembers single-use values until they expire, so that a second use is caught: in memory by default, or in a store
 * shared by a fleet (Redis), so that a value used with one process is refused by every other.
 *
 * @example
 * ```ts
 * const store: ReplayStore = { seen: async (key, expiresAt) => !(await kv.putIfAbsent(key, expiresAt)) }
 * ```
 */
export interface ReplayStore {
  /**
   * Records `key` as used until `expiresAt` and says whether it was recorded already, in one atomic step: of any
   * number of concurrent calls with one key (across every process sharing the store), exactly one resolves `false`.
   * A key whose `expiresAt` is already past is not recorded.
   *
   * @param key - the single-use value, namespaced by the caller (the verifier uses `dpop:<jkt>:<jti>`)
   * @param expiresAt - when the record may be forgotten, in epoch milliseconds
   * @returns `true` for a replay (recorded before and not expired), `false` when this call recorded it
   */
  seen(key: string, expiresAt: number): Promise<boolean>
}

/** Options of {@link createMemoryReplayStore}. */
export interface MemoryReplayStoreOptions {
  /** The most keys held at once; past it, the oldest are forgotten first. @default 100000 */
  maxEntries?: number
  /** Clock in epoch milliseconds, for tests. @default Date.now */
  now?: () => number
}

const RULES = { maxEntries: integer(1, Number.MAX_SAFE_INTEGER), now: fn }

/**
 * A {@link ReplayStore} in this process's memory, bounded: expired keys are dropped as new ones arrive, and past
 * `maxEntries` the oldest key goes first. Size it to the most single-use values accepted within one lifetime (for
 * DPoP, proofs per proof lifetime); a fleet needs a shared store instead, such as `@auth0-ts/redis`'s.
 *
 * @throws OptionsError (a `TypeError`) listing every invalid option
 * @example
 * ```ts
 * const replayStore = createMemoryReplayStore({ maxEntries: 50_000 })
 * ```
 */
export function createMemoryReplayStore(options: MemoryReplayStoreOptions = {}): ReplayStore {
  checkOptions('createMemoryReplayStore options', options, RULES)
  const maxEntries = options.maxEntries ?? 100_000
  const now = options.now ?? Date.now
  // Insertion order is close to expiry order (keys live about as long as each other), so the head is always the
  // first to expire or, past the cap, the oldest.
  const entries = new Map<string, number>()

  return {
    seen(key, expiresAt) {
      if (typeof key !== 'string' || typeof expiresAt !== 'number' || Number.isNaN(expiresAt))
        return Promise.reject(
          new TypeError('ReplayStore.seen: expected a string key and a number of epoch ms'),
        )
      const time = now()
      const recorded = entries.get(key)
      if (recorded !== undefined && recorded > time) return Promise.resolve(true)
      entries.delete(key)
      for (const [head, until] of entries) {
        if (until > time && entries.size < maxEntries) break
        entries.delete(head)
      }
      if (expiresAt > time) entries.set(key, expiresAt)
      return Promise.resolve(false)
    },
  }
}
