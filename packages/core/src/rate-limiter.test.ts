import { describe, expect, it } from 'vitest'
import { createRateLimiter, parseRateLimit, type RateLimiter } from './rate-limit.js'
import { RestClient } from './rest-client.js'

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

describe('a fair line (issue 15: a call that waited out a 429 keeps its place)', () => {
  it('lets the call that started first take the next token, whatever the order of arrival', async () => {
    const l = virtual()
    await send(l, headers(10, 0, T0 / 1000 + 1))
    const granted: string[] = []
    const wait = (name: string, since: number) =>
      l.limiter.acquire(undefined, { since }).then(() => void granted.push(name))
    // calls that started after the retried one arrive first; the retried one (since T0 - 5000) arrives last
    const all = [wait('new-1', T0 + 10), wait('new-2', T0 + 20), wait('retried', T0 - 5000)]
    await Promise.all(all)
    expect(granted).toEqual(['retried', 'new-1', 'new-2'])
  })

  it('keeps arrival order among calls without a start time', async () => {
    const l = virtual()
    await send(l, headers(10, 0, T0 / 1000 + 1))
    const granted: number[] = []
    await Promise.all([1, 2, 3].map((n) => l.limiter.acquire().then(() => void granted.push(n))))
    expect(granted).toEqual([1, 2, 3])
  })

  it('once paced, does not let a late response with an older, higher remaining raise the count', async () => {
    const l = virtual()
    for (const remaining of [45, 44, 43]) await send(l, headers(50, remaining, T0 / 1000 + 5))
    await l.limiter.acquire()
    await l.limiter.acquire()
    l.limiter.update(parseRateLimit(headers(50, 2, T0 / 1000 + 5), l.clock.now), 200)
    // answered earlier by the server, delivered later: it reports the bucket as it was then
    l.limiter.update(parseRateLimit(headers(50, 8, T0 / 1000 + 5), l.clock.now), 200)
    await l.limiter.acquire()
    expect(l.sleeps).toEqual([])
    await l.limiter.acquire()
    expect(l.sleeps).toHaveLength(1)
  })

  it('drops an aborted waiter from the line and lets the next one go', async () => {
    const l = virtual()
    await send(l, headers(10, 0, T0 / 1000 + 1))
    const controller = new AbortController()
    const first = l.limiter.acquire(controller.signal, { since: T0 })
    const second = l.limiter.acquire(undefined, { since: T0 + 1 })
    controller.abort(new Error('gone'))
    await expect(first).rejects.toThrow('gone')
    await expect(second).resolves.toBeUndefined()
  })
})

/**
 * The 300-PATCH bench scenario on a fake clock, with a busy event loop: every sleep ends late by up to `lagMax` ms, in
 * no particular order, and each request reaches the server 5 to 125 ms after it is sent, its response as long again, so
 * responses overtake each other. A bucket of 50, refilled at 10 a second, answers with Auth0's headers (a 429 with
 * Retry-After rounded up to a second).
 */
describe('300 PATCHes on a busy event loop and a slow fake clock', () => {
  async function simulate(lagMax: number, seed: number) {
    const clock = { now: T0 }
    const timers: { at: number; seq: number; fire: () => void }[] = []
    let seq = 0
    let rng = seed
    const random = (n: number) => {
      rng = (rng * 1_103_515_245 + 12_345) % 2_147_483_648
      return rng % n
    }
    const at = (ms: number) =>
      new Promise<void>((fire) => timers.push({ at: clock.now + ms, seq: seq++, fire }))
    const sleep = (ms: number, signal?: AbortSignal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason as Error)
        const timer = { at: clock.now + ms + random(lagMax), seq: seq++, fire: resolve }
        timers.push(timer)
        signal?.addEventListener('abort', () => {
          const i = timers.indexOf(timer)
          if (i !== -1) timers.splice(i, 1)
          reject(signal.reason as Error)
        })
      })
    let tokens = 50
    let refilledAt = T0
    let refused = 0
    const attempts = new Map<string, number[]>()
    const fetch = (async (input: Request) => {
      const id = new URL(input.url).pathname
      await at(5 + random(120))
      tokens = Math.min(50, tokens + ((clock.now - refilledAt) / 1000) * 10)
      refilledAt = clock.now
      const ok = tokens >= 1
      if (ok) tokens -= 1
      else refused++
      attempts.set(id, [...(attempts.get(id) ?? []), ok ? 200 : 429])
      const nextAt = clock.now + (1 - tokens) * 100
      const fullAt = clock.now + (50 - tokens) * 100
      const h: Record<string, string> = {
        'x-ratelimit-limit': '50',
        'x-ratelimit-remaining': String(ok ? Math.floor(tokens) : 0),
        'x-ratelimit-reset': String(Math.ceil((ok ? fullAt : nextAt) / 1000)),
      }
      if (!ok) h['retry-after'] = String(Math.max(1, Math.ceil((nextAt - clock.now) / 1000)))
      await at(5 + random(120))
      return new Response(ok ? '{}' : '{"statusCode":429}', { status: ok ? 200 : 429, headers: h })
    }) as unknown as typeof globalThis.fetch
    const rest = new RestClient({
      baseUrl: 'https://tenant.example.com/api/v2',
      token: 'TOKEN-abcdef',
      fetch,
      now: () => clock.now,
      sleep,
    })
    let next = 0
    let failures = 0
    let finished = 0
    const worker = async () => {
      while (next < 300) {
        const i = next++
        try {
          await rest.request({ method: 'PATCH', path: `/users/u${i}`, json: { name: `n${i}` } })
        } catch {
          failures++
        }
      }
      finished++
    }
    const workers = Array.from({ length: 10 }, worker)
    // Drive the clock: let everything runnable run, then fire the earliest timer.
    for (let idle = 0; finished < 10 && idle < 10_000;) {
      await new Promise((r) => setImmediate(r))
      timers.sort((a, b) => a.at - b.at || a.seq - b.seq)
      const timer = timers.shift()
      if (!timer) {
        idle++
        continue
      }
      idle = 0
      clock.now = Math.max(clock.now, timer.at)
      timer.fire()
    }
    await Promise.all(workers)
    const worst = Math.max(...[...attempts.values()].map((s) => s.filter((x) => x === 429).length))
    return { failures, refused, worst, seconds: (clock.now - T0) / 1000 }
  }

  it.each([
    [400, 3],
    [1500, 3],
    [1500, 42],
  ])(
    'loses no update and meets at most 30 429s (timers up to %i ms late, seed %i)',
    async (lag, seed) => {
      const { failures, refused, worst, seconds } = await simulate(lag, seed)
      expect(failures).toBe(0)
      expect(refused).toBeLessThanOrEqual(30)
      expect(worst).toBeLessThanOrEqual(1)
      expect(seconds).toBeGreaterThanOrEqual(25)
      expect(seconds).toBeLessThan(30)
    },
  )
})
