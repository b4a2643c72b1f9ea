import { describe, expect, it } from 'vitest'
import { parseRateLimit } from './rate-limit.js'

const NOW = 1_700_000_000_000 // epoch ms
const NOW_S = NOW / 1000

describe('parseRateLimit', () => {
  it.each([
    ['no headers', {}, { limit: -1, remaining: -1, resetAt: -1, retryAfter: -1, waitMs: -1 }],
    [
      'all Auth0 headers',
      {
        'x-ratelimit-limit': '50',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(NOW_S + 3),
      },
      { limit: 50, remaining: 0, resetAt: NOW_S + 3, retryAfter: -1, waitMs: 3000 },
    ],
    [
      'Retry-After wins over reset',
      { 'retry-after': '2', 'x-ratelimit-reset': String(NOW_S + 9) },
      { retryAfter: 2, resetAt: NOW_S + 9, waitMs: 2000 },
    ],
    [
      'reset in the past waits 0',
      { 'x-ratelimit-reset': String(NOW_S - 5) },
      { resetAt: NOW_S - 5, waitMs: 0 },
    ],
    [
      'Retry-After as an HTTP date',
      { 'retry-after': new Date(NOW + 4000).toUTCString() },
      { retryAfter: 4, waitMs: 4000 },
    ],
    ['garbage reset', { 'x-ratelimit-reset': 'soon' }, { resetAt: -1, waitMs: -1 }],
    [
      'negative values',
      { 'x-ratelimit-remaining': '-3', 'retry-after': '-1' },
      { remaining: -1, retryAfter: -1 },
    ],
    ['float reset', { 'x-ratelimit-reset': '1700000001.5' }, { resetAt: -1 }],
    ['whitespace is tolerated', { 'x-ratelimit-limit': ' 10 ' }, { limit: 10 }],
    ['huge number', { 'x-ratelimit-reset': '9'.repeat(40) }, { resetAt: -1 }],
    [
      'empty strings',
      { 'x-ratelimit-limit': '', 'retry-after': '' },
      { limit: -1, retryAfter: -1 },
    ],
    ['mixed case keys in a record', { 'X-RateLimit-Remaining': '7' }, { remaining: 7 }],
  ])('%s', (_name, headers, expected) => {
    expect(parseRateLimit(headers, NOW)).toMatchObject(expected)
  })

  it('reads a Headers object', () => {
    const h = new Headers({
      'X-RateLimit-Limit': '10',
      'X-RateLimit-Remaining': '9',
      'X-RateLimit-Reset': String(NOW_S + 1),
    })
    expect(parseRateLimit(h, NOW)).toEqual({
      limit: 10,
      remaining: 9,
      resetAt: NOW_S + 1,
      retryAfter: -1,
      waitMs: 1000,
    })
  })
})
