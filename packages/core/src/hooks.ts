// Observability: the hooks a client calls around each call, and the one-line debug log. Every payload is a plain,
// frozen object with no token, no secret, no body and no query value. A hook is never awaited and never fails a call.
import type { RateLimitInfo } from './rate-limit.js'

/** What every hook event says about the call. */
export interface CallEvent {
  /** The same number in every event of one call (calls are numbered in the order they start). */
  readonly callId: number
  /** The HTTP method. */
  readonly method: string
  /** The declared path, parameters unfilled: `/api/v2/users/{id}`. */
  readonly pathTemplate: string
  /** The path sent, without the query: `/api/v2/users/auth0%7C123`. */
  readonly path: string
  /** The attempt this event is about, from 1 (a redirect keeps its attempt). */
  readonly attempt: number
  /** Milliseconds since the call started (limiter and token waits included). */
  readonly elapsedMs: number
}

/** What an attempt got back, when it got a response. */
export interface OutcomeEvent extends CallEvent {
  /** The HTTP status, or 0 when there was no response (timeout, network error, abort). */
  readonly status: number
  /** How long this attempt took, in milliseconds (0 when none was sent). */
  readonly durationMs: number
  /** Auth0's request id (`x-auth0-requestid` or `x-request-id`), when there was one. */
  readonly requestId: string | undefined
  /** What the last response said about the rate limit (every field -1 when unknown). */
  readonly rateLimit: Readonly<RateLimitInfo>
}

/** Why an attempt is retried. */
export type RetryReason = 'rate_limited' | 'server_error' | 'network_error' | 'unauthorized'

/** A retry about to wait. */
export interface RetryEvent extends OutcomeEvent {
  /** Why the attempt failed. `unauthorized`: a 401, retried once with a fresh token. */
  readonly reason: RetryReason
  /** How long the call waits before the next attempt, in milliseconds. */
  readonly waitMs: number
}

/** A call that failed. */
export interface FailureEvent extends OutcomeEvent {
  /** The error's `name` (`Auth0Error`, `RateLimitError`, `TimeoutError`, ...). */
  readonly errorName: string
  /** The error's `errorCode`, or `unknown` for an error that is not an `Auth0Error` (a token source's own). */
  readonly errorCode: string
}

/**
 * Functions a client calls around its calls, for logs, metrics and traces. Each gets a plain object; a slow (async)
 * hook delays nothing but itself and a hook that throws fails nothing. Per-call hooks run after the client's.
 *
 * @example
 * ```ts
 * const hooks: RequestHooks = { onRetry: (e) => log.warn(`${e.method} ${e.pathTemplate} retry: ${e.reason}`) }
 * ```
 */
export interface RequestHooks {
  /** Before each attempt is sent (its token and rate-limit slot acquired). */
  onRequest?: ((event: CallEvent) => unknown) | undefined
  /** Once per call, when it succeeded: the final response was read and parsed. */
  onResponse?: ((event: OutcomeEvent) => unknown) | undefined
  /** Each time an attempt failed and another follows after `waitMs`. */
  onRetry?: ((event: RetryEvent) => unknown) | undefined
  /** Once per call, when it failed. */
  onError?: ((event: FailureEvent) => unknown) | undefined
}

/** The hook names, for validation and iteration. */
export const HOOK_NAMES = ['onRequest', 'onResponse', 'onRetry', 'onError'] as const

const noop = (): void => {}

/**
 * Calls one hook of every hook set, never awaiting it and never letting it throw. `report` hears of a failed hook
 * (by hook and error name only: an error message can carry anything).
 */
export function emit<K extends keyof RequestHooks>(
  sets: readonly RequestHooks[],
  name: K,
  event: Parameters<NonNullable<RequestHooks[K]>>[0],
  report: ((line: string) => void) | undefined,
): void {
  Object.freeze(event)
  for (const hooks of sets) {
    const hook = hooks[name] as ((e: typeof event) => unknown) | undefined
    if (hook === undefined) continue
    const failed = (error: unknown) =>
      report?.(
        `[auth0-ts] hook ${name} failed: ${error instanceof Error ? error.name : typeof error}`,
      )
    try {
      const result = hook(event)
      if (typeof (result as PromiseLike<unknown> | undefined)?.then === 'function')
        Promise.resolve(result).then(noop, failed)
    } catch (error) {
      failed(error)
    }
  }
}
