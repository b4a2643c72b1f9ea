import { describe, expect, it } from 'vitest'
import { TokenBucket } from './rate-limit.js'

function bucketAt(startMs: number) {
  const clock = { now: startMs }
  const bucket = new TokenBucket(() => clock.now)
  return { clock, bucket }
}

describe('TokenBucket', () => {
  it('reports a generous, constant limit when none is set', () => {
    const { bucket } = bucketAt(1_700_000_000_500)
    const d = bucket.take()
    expect(d.allowed).toBe(true)
    expect(d.headers).toEqual({
      'x-ratelimit-limit': '1000',
      'x-ratelimit-remaining': '1000',
      'x-ratelimit-reset': '1700000001',
    })
  })

  it('spends the burst, then refuses with the next token time rounded up and retry-after', () => {
    const { clock, bucket } = bucketAt(1_700_000_000_000)
    bucket.set({ burst: 2, perSecond: 0.5 })
    expect(bucket.take().headers['x-ratelimit-remaining']).toBe('1')
    expect(bucket.take().headers['x-ratelimit-remaining']).toBe('0')
    clock.now += 500
    const refused = bucket.take()
    expect(refused.allowed).toBe(false)
    // 0.25 tokens after 500 ms at 0.5/s: the next token comes 1500 ms later
    expect(refused.headers).toEqual({
      'x-ratelimit-limit': '2',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': '1700000002',
      'retry-after': '2',
    })
    clock.now += 1500
    expect(bucket.take().allowed).toBe(true)
  })

  it('refills continuously up to the burst, never above', () => {
    const { clock, bucket } = bucketAt(0)
    bucket.set({ burst: 3, perSecond: 10 })
    for (let i = 0; i < 3; i++) expect(bucket.take().allowed).toBe(true)
    expect(bucket.take().allowed).toBe(false)
    clock.now += 100_000
    const d = bucket.take()
    expect(d.headers['x-ratelimit-remaining']).toBe('2')
    // two tokens left; full again 100 ms later
    expect(d.headers['x-ratelimit-reset']).toBe(String(Math.ceil((clock.now + 100) / 1000)))
  })

  it('peeks without spending a token', () => {
    const { bucket } = bucketAt(0)
    bucket.set({ burst: 1, perSecond: 1 })
    expect(bucket.peek()['x-ratelimit-remaining']).toBe('1')
    expect(bucket.take().allowed).toBe(true)
    expect(bucket.peek()).toMatchObject({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1' })
    expect(bucket.take().allowed).toBe(false)
  })

  it('rejects a bad config with every problem', () => {
    const { bucket } = bucketAt(0)
    expect(() => bucket.set({ burst: 0, perSecond: -1 })).toThrow(/burst[\s\S]*perSecond/)
  })
})
