// Alone in its file: this module graph has not loaded ky yet, so the call below is the process's first request and
// its abort fires while the transport is still loading ky.
import { describe, expect, it } from 'vitest'
import { isAbortError } from './errors.js'
import type { RateLimiter } from './rate-limit.js'
import { RestClient } from './rest-client.js'

describe('the first request of a process', () => {
  it('honours an abort that fires while ky is still loading', async () => {
    const controller = new AbortController()
    let fetches = 0
    const fetchSpy = (() => {
      fetches++
      return new Promise<Response>(() => {})
    }) as typeof fetch
    // Lets the call go, then aborts on the next turn of the event loop: by then the call is loading ky (real I/O).
    const limiter: RateLimiter = {
      acquire: () => {
        setImmediate(() => controller.abort(new Error('navigated away')))
        return Promise.resolve()
      },
      update: () => {},
    }
    const rest = new RestClient({
      baseUrl: 'https://tenant.example.com',
      token: 'TOKEN-abcdef',
      fetch: fetchSpy,
      rateLimiter: limiter,
      options: { timeout: 60_000 },
    })
    const err = await rest
      .request({ method: 'GET', path: '/x' }, { signal: controller.signal })
      .catch((e: unknown) => e)
    expect(isAbortError(err)).toBe(true)
    expect(fetches).toBe(0)
  })
})
