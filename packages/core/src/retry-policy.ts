// The one retry policy of the transport, as a pure function: ky is told never to retry, so every retry, wait and
// redirect decision is made here and can be tested table by table.

/** What one attempt produced: an HTTP status, or a failure before any response. */
export type AttemptOutcome = number | 'timeout' | 'abort' | 'network'

/** Everything {@link nextStep} decides from. */
export interface StepInput {
  outcome: AttemptOutcome
  /** Whether the method may be repeated after the server may have acted (GET and HEAD). */
  idempotent: boolean
  /** The attempt that produced `outcome`, from 1. Redirects do not count. */
  attempt: number
  /** Retries allowed for the call (0..10). */
  retries: number
  /** Redirects followed so far. */
  redirects: number
  /** `parseRateLimit(...).waitMs` of the response: the server's wait in ms, or -1. */
  rateLimitWaitMs: number
  /** The backoff for this attempt, in ms. */
  backoffMs: number
  /** The longest wait before a retry, in ms. */
  maxRetryDelay: number
  /** The redirect target resolved against the request URL, when the response had a usable `Location`. */
  location?: URL | undefined
  /** The origin of the client's base URL: the only origin a redirect may go to. */
  origin: string
  /**
   * Whether a 401 may be retried with a fresh token: the token source can be invalidated and this call has not done
   * so yet. @default false
   */
  canReauthenticate?: boolean | undefined
}

/** Why a call ends without a result. */
export type FailReason = 'timeout' | 'abort' | 'network' | 'redirect' | 'status'

/** What the transport does next. */
export type Step =
  | { readonly action: 'succeed' }
  | { readonly action: 'retry'; readonly afterMs: number }
  | { readonly action: 'redirect'; readonly url: string }
  | { readonly action: 'reauthenticate' }
  | { readonly action: 'fail'; readonly reason: FailReason }

/** Redirects followed at most per call. */
export const MAX_REDIRECTS = 3
const RETRYABLE_STATUS = new Set([502, 503, 504])

/**
 * Decides what follows an attempt. A 429 is retried on any method (Auth0 did not act on it) after the server's wait,
 * or the backoff without one, unless that wait is longer than `maxRetryDelay`. A network error and 502/503/504 are
 * retried for GET and HEAD only. A timeout or an abort is never retried. Redirects are followed within the origin,
 * for GET and HEAD, at most {@link MAX_REDIRECTS} times. A 401 is retried once, on any method (the API did not act on
 * it), with a fresh token when the token source can be invalidated; it does not count against `retries`.
 */
export function nextStep(input: StepInput): Step {
  const { outcome, idempotent, attempt, retries } = input
  const canRetry = attempt <= retries
  if (outcome === 'abort' || outcome === 'timeout') return { action: 'fail', reason: outcome }
  if (outcome === 'network')
    return idempotent && canRetry
      ? { action: 'retry', afterMs: input.backoffMs }
      : { action: 'fail', reason: 'network' }
  if (outcome >= 200 && outcome < 300) return { action: 'succeed' }
  if (outcome === 401 && input.canReauthenticate === true) return { action: 'reauthenticate' }
  if (outcome === 0 || (outcome >= 300 && outcome < 400)) {
    const target = input.location
    return target && target.origin === input.origin && idempotent && input.redirects < MAX_REDIRECTS
      ? { action: 'redirect', url: target.href }
      : { action: 'fail', reason: 'redirect' }
  }
  if (outcome === 429 && canRetry) {
    const wait = input.rateLimitWaitMs > 0 ? input.rateLimitWaitMs : input.backoffMs
    if (wait <= input.maxRetryDelay) return { action: 'retry', afterMs: wait }
  }
  if (RETRYABLE_STATUS.has(outcome) && idempotent && canRetry)
    return { action: 'retry', afterMs: input.backoffMs }
  return { action: 'fail', reason: 'status' }
}

/** auth0-python's backoff: 100·2^(attempt-1) ms plus 1–100 ms of jitter, between 100 and 1000 ms, and at most `max`. */
export function backoffDelay(attempt: number, random: number, max: number): number {
  const jitter = 1 + Math.floor(random * 100)
  return Math.min(max, Math.max(100, Math.min(1000, 100 * 2 ** (attempt - 1) + jitter)))
}
