import { describe, expect, it } from 'vitest'
import { createRateLimiter, parseRateLimit, type RateLimiter } from './rate-limit.js'

const T0 = 1_700_000_000_000 // epoch ms, on a whole second

/** A limiter on a virtual clock: `sleep` advances it. */
function virtual(maxWait = 10_000) {
  const clock = { now: T0 }
  const sleeps: number[] = []
  const limiter = createRateLimiter({
    maxWait,
    now: () => clock.now,
    sleep: async (ms) => {
      sleeps.push(ms)
      clock.now += ms
    },
  })
  return { clock, sleeps, limiter }
}

const headers = (limit: number, remaining: number, resetS: number) => ({
  'x-ratelimit-limit': String(limit),
  'x-ratelimit-remaining': String(remaining),
  'x-ratelimit-reset': String(resetS),
})

/** One request through the limiter: acquire, then report `status` with `h` at the (virtual) current time. */
async function send(
  l: { limiter: RateLimiter; clock: { now: number } },
  h: Record<string, string>,
  status = 200,
) {
  await l.limiter.acquire()
  l.limiter.update(parseRateLimit(h, l.clock.now), status)
}

describe('createRateLimiter', () => {
  it('sends freely while nothing is known', async () => {
    const l = virtual()
    for (let i = 0; i < 100; i++) await l.limiter.acquire()
    expect(l.sleeps).toEqual([])
  })

  it('with remaining 0 and no rate learnt yet, waits for the reset instead of sending', async () => {
    const l = virtual()
    await send(l, headers(10, 0, T0 / 1000 + 2))
    await l.limiter.acquire()
    expect(l.sleeps).toEqual([2000])
    expect(l.clock.now).toBe(T0 + 2000)
  })

  it('counts concurrent requests against what remains', async () => {
    const l = virtual()
    await send(l, headers(50, 3, T0 / 1000 + 5))
    // three may go at once; the fourth waits for the reset
    await Promise.all([l.limiter.acquire(), l.limiter.acquire(), l.limiter.acquire()])
    expect(l.sleeps).toEqual([])
    await l.limiter.acquire()
    expect(l.sleeps).toEqual([5000])
  })

  it('sends at once when the reset is further away than maxWait, and lets the server decide', async () => {
    const l = virtual(1000)
    await send(l, headers(10, 0, T0 / 1000 + 60))
    await l.limiter.acquire()
    expect(l.sleeps).toEqual([])
  })

  it('paces a drained bucket at the refill rate it learnt, not at the full reset', async () => {
    // A bucket of 50 refilled at 10 a second: each 2xx reports when it is full again (rounded up to a second).
    const l = virtual()
    let tokens = 50
    let at = T0
    const server = () => {
      tokens = Math.min(50, tokens + ((l.clock.now - at) / 1000) * 10)
      at = l.clock.now
      if (tokens < 1)
        return {
          status: 429,
          h: headers(50, 0, Math.ceil((l.clock.now + (1 - tokens) * 100) / 1000)),
        }
      tokens -= 1
      return {
        status: 200,
        h: headers(50, Math.floor(tokens), Math.ceil((l.clock.now + (50 - tokens) * 100) / 1000)),
      }
    }
    let refused = 0
    for (let i = 0; i < 150; i++) {
      await l.limiter.acquire()
      const { status, h } = server()
      if (status === 429) refused++
      l.limiter.update(parseRateLimit(h, l.clock.now), status)
    }
    // 50 at once, then 100 more at about 10 a second: 10 s is the minimum, waiting for each full reset takes 15+
    expect(refused).toBe(0)
    expect(l.clock.now - T0).toBeGreaterThanOrEqual(9_900)
    expect(l.clock.now - T0).toBeLessThan(11_000)
    expect(Math.max(...l.sleeps)).toBeLessThan(200)
  })

  it('slows down after 429s when the headers promise a faster refill than the server gives', async () => {
    // The server refills 5 tokens a second but reports its reset as if it refilled 10.
    const l = virtual()
    let tokens = 50
    let at = T0
    let refused = 0
    for (let i = 0; i < 250; i++) {
      await l.limiter.acquire()
      tokens = Math.min(50, tokens + ((l.clock.now - at) / 1000) * 5)
      at = l.clock.now
      const ok = tokens >= 1
      if (ok) tokens -= 1
      else refused++
      const h = headers(
        50,
        ok ? Math.floor(tokens) : 0,
        Math.ceil((l.clock.now + (50 - tokens) * 100) / 1000),
      )
      l.limiter.update(parseRateLimit(h, l.clock.now), ok ? 200 : 429)
    }
    // without the feedback about half of the 200 paced requests would be refused
    expect(refused).toBeGreaterThan(0)
    expect(refused).toBeLessThan(20)
  })

  it('after a 429 holds the others back for a token time', async () => {
    const l = virtual()
    for (let i = 0; i < 5; i++)
      await send(l, headers(50, 45 - i * 10 < 0 ? 0 : 45 - i * 10, T0 / 1000 + 5))
    await l.limiter.acquire()
    l.limiter.update(parseRateLimit(headers(50, 0, T0 / 1000 + 1), l.clock.now), 429)
    await l.limiter.acquire()
    expect(l.sleeps.length).toBeGreaterThan(0)
    expect(l.sleeps.every((ms) => ms > 0 && ms <= 1000)).toBe(true)
  })

  it('rejects with the signal’s reason while waiting', async () => {
    const controller = new AbortController()
    const limiter = createRateLimiter({
      now: () => T0,
      sleep: async (_ms, signal) => {
        controller.abort(new Error('stop'))
        signal?.throwIfAborted()
      },
    })
    await limiter.acquire()
    limiter.update(parseRateLimit(headers(10, 0, T0 / 1000 + 2), T0), 200)
    await expect(limiter.acquire(controller.signal)).rejects.toThrow('stop')
  })

  it('ignores responses without rate-limit headers', async () => {
    const l = virtual()
    await send(l, {})
    for (let i = 0; i < 10; i++) await l.limiter.acquire()
    expect(l.sleeps).toEqual([])
  })
})
