import { describe, expect, it } from 'vitest'
import { backoffDelay, MAX_REDIRECTS, nextStep, type Step, type StepInput } from './retry-policy.js'

const ORIGIN = 'https://tenant.example.com'
/** A GET's first attempt that got a 200, with no rate-limit headers, 3 retries and a 150 ms backoff. */
const base: StepInput = {
  outcome: 200,
  idempotent: true,
  attempt: 1,
  retries: 3,
  redirects: 0,
  rateLimitWaitMs: -1,
  backoffMs: 150,
  maxRetryDelay: 10_000,
  origin: ORIGIN,
}
const POST = { idempotent: false }
const at = (path: string, origin = ORIGIN) => ({ location: new URL(path, origin) })

describe('nextStep', () => {
  it.each<[string, Partial<StepInput>, Step]>([
    ['a 2xx succeeds', {}, { action: 'succeed' }],
    ['a 204 succeeds', { outcome: 204 }, { action: 'succeed' }],
    ['a POST 201 succeeds', { ...POST, outcome: 201 }, { action: 'succeed' }],

    // 429: any method, the server's wait first, else the backoff, never past maxRetryDelay
    [
      'a 429 waits for the server',
      { outcome: 429, rateLimitWaitMs: 2000 },
      { action: 'retry', afterMs: 2000 },
    ],
    [
      'a POST 429 is retried too',
      { ...POST, outcome: 429, rateLimitWaitMs: 2000 },
      { action: 'retry', afterMs: 2000 },
    ],
    ['a 429 without headers backs off', { outcome: 429 }, { action: 'retry', afterMs: 150 }],
    [
      'a wait of 0 backs off',
      { outcome: 429, rateLimitWaitMs: 0 },
      { action: 'retry', afterMs: 150 },
    ],
    [
      'a wait of exactly maxRetryDelay is taken',
      { outcome: 429, rateLimitWaitMs: 10_000 },
      { action: 'retry', afterMs: 10_000 },
    ],
    [
      'a wait past maxRetryDelay fails at once',
      { outcome: 429, rateLimitWaitMs: 10_001 },
      { action: 'fail', reason: 'status' },
    ],
    [
      'a 429 on the last retry is retried',
      { outcome: 429, attempt: 3 },
      { action: 'retry', afterMs: 150 },
    ],
    [
      'a 429 past the retries fails',
      { outcome: 429, attempt: 4 },
      { action: 'fail', reason: 'status' },
    ],
    [
      'a 429 with no retries fails',
      { outcome: 429, retries: 0 },
      { action: 'fail', reason: 'status' },
    ],

    // 502/503/504 and network errors: GET and HEAD only
    ['a GET 502 backs off', { outcome: 502 }, { action: 'retry', afterMs: 150 }],
    ['a GET 503 backs off', { outcome: 503 }, { action: 'retry', afterMs: 150 }],
    [
      'a GET 504 backs off, ignoring the server wait',
      { outcome: 504, rateLimitWaitMs: 5000 },
      { action: 'retry', afterMs: 150 },
    ],
    [
      'a POST 503 fails: the server may have acted',
      { ...POST, outcome: 503 },
      { action: 'fail', reason: 'status' },
    ],
    [
      'a GET 503 past the retries fails',
      { outcome: 503, attempt: 4 },
      { action: 'fail', reason: 'status' },
    ],
    ['a 500 is never retried', { outcome: 500 }, { action: 'fail', reason: 'status' }],
    ['a 404 fails', { outcome: 404 }, { action: 'fail', reason: 'status' }],
    ['a 401 fails', { outcome: 401 }, { action: 'fail', reason: 'status' }],

    // 401 with a token source that can be invalidated: once, any method, outside the retries
    [
      'a 401 with a token to refresh reauthenticates',
      { outcome: 401, canReauthenticate: true },
      { action: 'reauthenticate' },
    ],
    [
      'a POST 401 reauthenticates too: the API did not act',
      { ...POST, outcome: 401, canReauthenticate: true },
      { action: 'reauthenticate' },
    ],
    [
      'a 401 reauthenticates with no retries left',
      { outcome: 401, canReauthenticate: true, retries: 0, attempt: 1 },
      { action: 'reauthenticate' },
    ],
    [
      'a second 401 fails',
      { outcome: 401, canReauthenticate: false },
      { action: 'fail', reason: 'status' },
    ],
    [
      'a 403 never reauthenticates',
      { outcome: 403, canReauthenticate: true },
      { action: 'fail', reason: 'status' },
    ],
    ['a GET network error backs off', { outcome: 'network' }, { action: 'retry', afterMs: 150 }],
    [
      'a POST network error fails',
      { ...POST, outcome: 'network' },
      { action: 'fail', reason: 'network' },
    ],
    [
      'a network error past the retries fails',
      { outcome: 'network', attempt: 4 },
      { action: 'fail', reason: 'network' },
    ],

    // never retried
    ['a timeout fails', { outcome: 'timeout' }, { action: 'fail', reason: 'timeout' }],
    ['an abort fails', { outcome: 'abort' }, { action: 'fail', reason: 'abort' }],

    // redirects: same origin, GET and HEAD, at most MAX_REDIRECTS
    [
      'a same-origin GET redirect is followed',
      { outcome: 301, ...at('/new') },
      { action: 'redirect', url: `${ORIGIN}/new` },
    ],
    [
      'an opaque redirect (status 0) is followed',
      { outcome: 0, ...at('/new') },
      { action: 'redirect', url: `${ORIGIN}/new` },
    ],
    [
      'a redirect to another origin fails',
      { outcome: 302, ...at('/steal', 'https://evil.example.net') },
      { action: 'fail', reason: 'redirect' },
    ],
    [
      'a redirect to another port fails',
      { outcome: 307, ...at('/x', 'https://tenant.example.com:8443') },
      { action: 'fail', reason: 'redirect' },
    ],
    [
      'a POST redirect fails',
      { ...POST, outcome: 303, ...at('/new') },
      { action: 'fail', reason: 'redirect' },
    ],
    [
      'a redirect without a location fails',
      { outcome: 302 },
      { action: 'fail', reason: 'redirect' },
    ],
    [
      'the last allowed redirect is followed',
      { outcome: 302, redirects: MAX_REDIRECTS - 1, ...at('/n') },
      { action: 'redirect', url: `${ORIGIN}/n` },
    ],
    [
      'one redirect too many fails',
      { outcome: 302, redirects: MAX_REDIRECTS, ...at('/n') },
      { action: 'fail', reason: 'redirect' },
    ],
  ])('%s', (_name, overrides, step) => {
    expect(nextStep({ ...base, ...overrides })).toEqual(step)
  })
})

describe('backoffDelay', () => {
  it.each([
    [1, 0, 10_000, 101],
    [2, 0, 10_000, 201],
    [3, 0, 10_000, 401],
    [1, 0.999, 10_000, 200],
    [4, 0.999, 10_000, 900],
    [5, 0, 10_000, 1000],
    [9, 0.5, 10_000, 1000],
    [3, 0, 250, 250],
  ])('attempt %i with random %f and max %i waits %i ms', (attempt, random, max, ms) => {
    expect(backoffDelay(attempt, random, max)).toBe(ms)
  })
})
