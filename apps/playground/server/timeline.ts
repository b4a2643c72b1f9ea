// Records one run of the bulk update as the page draws it: for each user, the waits before its requests and the
// requests themselves (send, answer, status), through a fetch wrapper that either client can be given.
import { parseRateLimit } from '@auth0-ts/core'
import type { RunReport, RunStrategy } from '../shared/api.js'

/** Tolerance for a wait measured across two clocks (Retry-After is whole seconds, so this is generous). */
const CLOCK_SLACK_MS = 25

/** The key both clients' requests for one user share: the method and the decoded path. */
export function updateKey(userId: string): string {
  return `PATCH /api/v2/users/${userId}`
}

function requestKey(input: Request | string | URL, init?: RequestInit): string {
  const method = input instanceof Request ? input.method : (init?.method ?? 'GET')
  const url = new URL(input instanceof Request ? input.url : String(input))
  return `${method.toUpperCase()} ${decodeURIComponent(url.pathname)}`
}

export class RunRecorder {
  readonly report: RunReport
  readonly #now: () => number
  #started = 0
  /** Request key → the update it belongs to. */
  readonly #rows = new Map<string, number>()
  /** Per update: since when it has been ready to send, and the least wait the tenant asked for. */
  readonly #ready = new Map<number, { at: number; waitMs: number }>()
  /** The latest `x-ratelimit-reset` seen, in epoch seconds (-1: none): when the tenant's bucket is full again. */
  resetAt = -1

  constructor(strategy: RunStrategy, total: number, now: () => number = Date.now) {
    this.#now = now
    this.report = {
      strategy,
      state: 'pending',
      updated: 0,
      failed: 0,
      requestsSent: 0,
      rateLimited: 0,
      waitedMsSummed: 0,
      waitsIgnored: 0,
      elapsedMs: 0,
      updates: Array.from({ length: total }, () => ({ waits: [], attempts: [] })),
      lastRateLimitError: null,
    }
  }

  /** Ms since the run started. */
  #t(): number {
    return this.#now() - this.#started
  }

  start(): void {
    this.#started = this.#now()
    this.report.state = 'running'
  }

  finish(): void {
    this.report.elapsedMs = this.#t()
    this.report.state = 'done'
  }

  /** The elapsed time, live while the run goes. */
  elapsed(): number {
    return this.report.state === 'running' ? this.#t() : this.report.elapsedMs
  }

  /** Update `row` is about to be sent; its requests are recognised by `key` (see {@link updateKey}). */
  ready(row: number, key: string): void {
    this.#rows.set(key, row)
    this.#ready.set(row, { at: this.#t(), waitMs: 0 })
  }

  /** A fetch that records each request of a known update, and passes every request on to `inner`. */
  fetch(inner: typeof fetch): typeof fetch {
    return async (input, init) => {
      const row = this.#rows.get(requestKey(input, init))
      const track = row === undefined ? undefined : this.report.updates[row]
      if (row === undefined || track === undefined) return inner(input, init)
      const sentAt = this.#t()
      const ready = this.#ready.get(row)
      if (ready) {
        this.#ready.delete(row)
        const waited = sentAt - ready.at
        if (waited > 0) track.waits.push({ start: ready.at, end: sentAt })
        this.report.waitedMsSummed += waited
        if (waited + CLOCK_SLACK_MS < ready.waitMs) this.report.waitsIgnored++
      }
      const attempt = { start: sentAt, end: null as number | null, status: 0 }
      track.attempts.push(attempt)
      this.report.requestsSent++
      try {
        const response = await inner(input, init)
        attempt.end = this.#t()
        attempt.status = response.status
        const info = parseRateLimit(response.headers, this.#now())
        if (info.resetAt > this.resetAt) this.resetAt = info.resetAt
        if (response.status === 429) {
          this.report.rateLimited++
          this.#ready.set(row, { at: attempt.end, waitMs: Math.max(0, info.waitMs) })
        }
        return response
      } catch (error) {
        attempt.end = this.#t()
        throw error
      }
    }
  }
}

/** `(total - burst) / perSecond` in ms: a full bucket covers the first `burst`, the rest come at the refill rate. */
export function minimumMs(
  total: number,
  limit: { burst: number; perSecond: number } | null,
): number | null {
  if (limit === null) return null
  return (Math.max(0, total - limit.burst) / limit.perSecond) * 1000
}
