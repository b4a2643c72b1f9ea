/** What a response said about the rate limit. Every field is -1 when unknown. */
export interface RateLimitInfo {
  /** `x-ratelimit-limit`. */
  limit: number
  /** `x-ratelimit-remaining`. */
  remaining: number
  /** `x-ratelimit-reset`, in epoch seconds. */
  resetAt: number
  /** `Retry-After`, in seconds (an HTTP date is converted). */
  retryAfter: number
  /** How long to wait before the next attempt, in ms: `Retry-After` wins, then `x-ratelimit-reset`. */
  waitMs: number
}

/** Anything headers can be read from. */
export type HeadersLike = Headers | Readonly<Record<string, string | undefined>>

function header(headers: HeadersLike, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined
  const rec = headers as Readonly<Record<string, string | undefined>>
  if (name in rec) return rec[name]
  for (const [k, v] of Object.entries(rec)) if (k.toLowerCase() === name) return v
  return undefined
}

function nonNegativeInt(value: string | undefined): number {
  if (value === undefined) return -1
  const t = value.trim()
  if (!/^\d{1,15}$/.test(t)) return -1
  return Number(t)
}

/**
 * Reads Auth0's rate-limit headers. A pure function: garbage gives -1, never a throw.
 *
 * @param headers - the response headers
 * @param now - the current time in epoch milliseconds
 * @example
 * ```ts
 * const { remaining, waitMs } = parseRateLimit(response.headers, Date.now())
 * ```
 */
export function parseRateLimit(headers: HeadersLike, now: number): RateLimitInfo {
  const limit = nonNegativeInt(header(headers, 'x-ratelimit-limit'))
  const remaining = nonNegativeInt(header(headers, 'x-ratelimit-remaining'))
  const resetAt = nonNegativeInt(header(headers, 'x-ratelimit-reset'))
  let retryAfter = -1
  const ra = header(headers, 'retry-after')
  if (ra !== undefined) {
    retryAfter = nonNegativeInt(ra)
    if (retryAfter === -1 && /[a-z]/i.test(ra)) {
      const date = Date.parse(ra)
      if (Number.isFinite(date)) retryAfter = Math.max(0, Math.ceil((date - now) / 1000))
    }
  }
  let waitMs = -1
  if (retryAfter >= 0) waitMs = retryAfter * 1000
  else if (resetAt >= 0) waitMs = Math.max(0, resetAt * 1000 - now)
  return { limit, remaining, resetAt, retryAfter, waitMs }
}

/**
 * A hook that decides when a request may be sent, given what earlier responses reported. The default keeps one
 * client under its tenant's limit; a shared implementation (Redis, for example) keeps a whole fleet under it.
 */
export interface RateLimiter {
  /** Resolves when one request may be sent. Rejects with the signal's reason if aborted. */
  acquire(signal?: AbortSignal): Promise<void>
  /** Records what a response reported. */
  update(info: RateLimitInfo, status: number): void
}

/** Options of {@link createRateLimiter}. */
export interface LocalRateLimiterOptions {
  /** Longest wait for a reset, in ms; past it, the request is sent and the server decides. @default 10000 */
  maxWait?: number
  now?: () => number
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
}

/**
 * The in-process rate limiter: when the server reported `x-ratelimit-remaining: 0`, requests wait for the reset
 * instead of being sent to be refused. Requests are counted against what remains, so concurrent callers share it.
 */
export function createRateLimiter(options: LocalRateLimiterOptions = {}): RateLimiter {
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? defaultSleep
  const maxWait = options.maxWait ?? 10_000
  let remaining = -1 // -1: unknown, send freely
  let resetAtMs = -1
  return {
    async acquire(signal) {
      for (;;) {
        signal?.throwIfAborted()
        if (remaining === -1) return
        if (remaining > 0) {
          remaining -= 1
          return
        }
        const wait = resetAtMs - now()
        if (wait <= 0 || wait > maxWait) {
          // the window has reset (or the reset is too far to wait for here): back to unknown
          remaining = -1
          return
        }
        await sleep(wait, signal)
        if (remaining === 0 && resetAtMs - now() <= 0) remaining = -1
      }
    },
    update(info) {
      if (info.remaining < 0) return
      remaining = info.remaining
      resetAtMs = info.resetAt >= 0 ? info.resetAt * 1000 : info.waitMs >= 0 ? now() + info.waitMs : now() + 1000
    },
  }
}

/** A `sleep` that honours an abort signal. */
export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
