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
  if (typeof (headers as Headers).get === 'function')
    return (headers as Headers).get(name) ?? undefined
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

/** What the transport tells a {@link RateLimiter} about the request it wants to send. */
export interface AcquireOptions {
  /**
   * When the call this request belongs to started, in epoch milliseconds: a call waiting since earlier goes first, so a
   * call retried after a 429 keeps its place ahead of calls that started after it. @default the time of `acquire`
   */
  since?: number | undefined
}

/**
 * A hook that decides when a request may be sent, given what earlier responses reported. The default keeps one
 * client under its tenant's limit; a shared implementation (Redis, for example) keeps a whole fleet under it.
 */
export interface RateLimiter {
  /**
   * Resolves when one request may be sent. Rejects with the signal's reason if aborted. `options.since` orders
   * waiting requests (an implementation may ignore it).
   */
  acquire(signal?: AbortSignal, options?: AcquireOptions): Promise<void>
  /** Records what a response reported. */
  update(info: RateLimitInfo, status: number): void
}

/** Options of {@link createRateLimiter}. */
export interface LocalRateLimiterOptions {
  /** Longest wait for a reset, in ms; past it, the request is sent and the server decides. @default 10000 */
  maxWait?: number
  /** Clock in epoch ms, for tests. @default Date.now */
  now?: () => number
  /** Sleep in ms that honours a signal, for tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
}

/**
 * The built-in limiter's synchronous fast path, for the transport only: takes a token when the line is empty and one is
 * free, sparing the call a turn of the event loop. Not part of the {@link RateLimiter} contract.
 */
export const TRY_ACQUIRE: unique symbol = Symbol('auth0-ts.tryAcquire')

/** Responses needed before the refill rate is trusted; until then a drained bucket waits for the full reset. */
const MIN_SAMPLES = 3
/** How many recent rate samples are kept, so that a changed limit is learnt again. */
const SAMPLES = 32
/** An acquired slot whose response never came (network error, timeout) stops counting after this long. */
const INFLIGHT_TTL = 60_000

interface Waiter {
  readonly since: number
  readonly seq: number
  readonly resolve: () => void
  readonly signal: AbortSignal | undefined
  readonly onAbort: (() => void) | undefined
}

/**
 * The in-process rate limiter: when the server reported `x-ratelimit-remaining: 0`, requests wait instead of being
 * sent to be refused. Concurrent callers share what remains (requests in flight count against it).
 *
 * Auth0 refills its bucket continuously and reports `x-ratelimit-reset` as the time the bucket is full again. From
 * `limit`, `remaining` and `reset` each response gives an upper bound of the time one request's token takes to come
 * back; once a few responses agree, a drained bucket is paced at that rate (one request per token) instead of
 * waiting for the whole bucket, which keeps bulk work near the tenant's sustained rate without 429s.
 *
 * Waiting requests form one line, ordered by when their call started (`since`), and only the head of the line may
 * take a token: a call that waited out a 429 is not overtaken by calls that started after it, however the event
 * loop orders their wake-ups.
 *
 * @example
 * ```ts
 * const rest = new RestClient({ baseUrl, token, rateLimiter: createRateLimiter({ maxWait: 5000 }) })
 * ```
 */
export function createRateLimiter(options: LocalRateLimiterOptions = {}): RateLimiter {
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? defaultSleep
  const maxWait = options.maxWait ?? 10_000
  let tokens = Number.POSITIVE_INFINITY // what the server has left, as far as we know; Infinity = unknown
  let limit = -1
  let updatedAt = 0
  let resetAtMs = -1
  const samples: number[] = [] // upper bounds of ms per token
  let floor = 0 // raised by each 429 while paced: the headers promised more than the server gave
  const inflight: number[] = [] // acquisition times of requests not yet answered
  const line: Waiter[] = [] // ordered by (since, seq)
  let seq = 0
  let pumping = false
  let wake: AbortController | undefined // ends the pump's sleep early when a response brings news

  const msPerToken = (): number =>
    samples.length >= MIN_SAMPLES ? Math.max(floor, Math.min(...samples)) : -1
  const refill = (t: number): void => {
    const ms = msPerToken()
    if (ms > 0 && Number.isFinite(tokens))
      tokens = Math.min(limit > 0 ? limit : Infinity, tokens + (t - updatedAt) / ms)
    updatedAt = t
  }

  /** Spends one token and returns 0, or returns how many ms until one may be spent. */
  const take = (): number => {
    const t = now()
    while (inflight.length > 0 && t - (inflight[0] as number) > INFLIGHT_TTL) inflight.shift()
    refill(t)
    if (tokens < 1) {
      const ms = msPerToken()
      // Paced: the next token is due in (1 - tokens) token times. Unpaced: wait for the reported reset.
      const wait = ms > 0 ? Math.ceil((1 - tokens) * ms) : resetAtMs - t
      if (wait > 0 && wait <= maxWait) return wait
      // the window has reset (or is too far away to wait for here): back to unknown, the server decides
      tokens = Number.POSITIVE_INFINITY
    }
    tokens -= 1
    inflight.push(t)
    return 0
  }

  /** Lets the head of the line go while tokens last; returns the wait for the next one (0: the line is empty). */
  const grant = (): number => {
    for (let head = line[0]; head !== undefined; head = line[0]) {
      const wait = take()
      if (wait > 0) return wait
      line.shift()
      head.signal?.removeEventListener('abort', head.onAbort as () => void)
      head.resolve()
    }
    return 0
  }

  const pump = async (): Promise<void> => {
    if (pumping) return
    pumping = true
    try {
      for (let wait = grant(); wait > 0; wait = grant()) {
        wake = new AbortController()
        await sleep(wait, wake.signal).catch(() => {})
      }
    } finally {
      pumping = false
      wake = undefined
    }
  }

  const limiter: RateLimiter & { readonly [TRY_ACQUIRE]: () => boolean } = {
    [TRY_ACQUIRE]: () => line.length === 0 && take() === 0,
    acquire(signal, acquireOptions) {
      if (signal?.aborted) return Promise.reject(signal.reason as Error)
      if (line.length === 0 && take() === 0) return Promise.resolve()
      return new Promise<void>((resolve, reject) => {
        const since = acquireOptions?.since ?? now()
        const onAbort = signal
          ? () => {
              const i = line.indexOf(waiter)
              if (i !== -1) line.splice(i, 1)
              reject(signal.reason as Error)
            }
          : undefined
        const waiter: Waiter = { since, seq: seq++, resolve, signal, onAbort }
        let i = line.length
        while (i > 0 && (line[i - 1] as Waiter).since > since) i--
        line.splice(i, 0, waiter)
        if (onAbort) signal?.addEventListener('abort', onAbort, { once: true })
        void pump()
      })
    },
    update(info, status) {
      inflight.shift()
      if (info.remaining < 0) return
      const t = now()
      refill(t)
      if (status === 429 && msPerToken() > 0) floor = msPerToken() * 1.1
      if (info.limit > 0) limit = info.limit
      resetAtMs =
        info.resetAt >= 0 ? info.resetAt * 1000 : info.waitMs >= 0 ? t + info.waitMs : t + 1000
      // A 2xx reports when the bucket is full again: `limit - remaining` tokens come back by the reset, which is
      // rounded up to a whole second, so one sample bounds the token time from above.
      const missing = limit - info.remaining
      if (status < 400 && limit > 0 && missing >= 2 && info.resetAt >= 0 && resetAtMs > t) {
        samples.push((resetAtMs - t) / (missing - 1))
        if (samples.length > SAMPLES) samples.shift()
      }
      // Requests still in flight will take tokens the server has not counted yet. Once the refill rate is known, a
      // response only lowers the count: responses overtake each other, and a late one reports an older, higher
      // `remaining` (time refills the count instead).
      const reported = info.remaining - inflight.length
      tokens = msPerToken() > 0 ? Math.min(tokens, reported) : reported
      // The line's wait was worked out from older news.
      if (line.length > 0) wake?.abort()
    },
  }
  return limiter
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
