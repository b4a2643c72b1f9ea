// The token plug-in contracts: what a client accepts as its bearer token, and where a token provider keeps tokens.
// Core owns them (beside RateLimiter) so that every package, and @auth0-ts/redis, implements one definition.

/** A cached access token. */
export interface CachedToken {
  /** The access token itself. A secret: never logged. */
  accessToken: string
  /** When the token expires, in epoch milliseconds. */
  expiresAt: number
  /** `Bearer`, or `DPoP` for a sender-constrained token. */
  tokenType?: string
  /** The scopes granted, space-separated. */
  scope?: string
}

/**
 * Where a token provider keeps its tokens: in memory by default, or a store shared by a fleet (Redis, KV).
 *
 * @example
 * ```ts
 * const cache: TokenCache = { get: (k) => kv.get(k), set: (k, t) => kv.put(k, t) }
 * ```
 */
export interface TokenCache {
  /** The token stored under `key`, if any (expired ones too: the provider checks `expiresAt`). */
  get(key: string): Promise<CachedToken | undefined>
  /** Stores `token` under `key`. */
  set(key: string, token: CachedToken): Promise<void>
  /** Optional: drops the token under `key`, when the API rejected it (revoked or re-scoped). */
  delete?(key: string): Promise<void>
  /** Optional: runs `fn` while holding a cross-process lock on `key`, so that only one process fetches. */
  lock?<T>(key: string, fn: () => Promise<T>): Promise<T>
}

/** What a client passes when it asks a {@link TokenFunction} for a token. */
export interface TokenContext {
  /** Aborted when the call that needs the token gives up (its timeout, deadline or the caller's signal). */
  readonly signal?: AbortSignal
}

/**
 * A function that returns a bearer token, called before each attempt: cache inside it. It may carry `invalidate()`,
 * which a client calls when the API answers 401, so that the next call fetches a fresh token.
 */
export interface TokenFunction {
  (context?: TokenContext): string | Promise<string>
  /** Forgets the current token (it was revoked or re-scoped). */
  invalidate?: () => void | Promise<void>
}

/** A bearer token, or a {@link TokenFunction} that returns one. */
export type TokenSource = string | TokenFunction
