import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { BASE, bodyOf, DOMAIN, tokenResponse, useServer } from './test-utils/msw.js'
import { DeviceAuthorization, isAuth0Error, isOptionsError } from './index.js'

const server = useServer()
const T0 = 1_800_000_000_000
const GRANT = 'urn:ietf:params:oauth:grant-type:device_code'

/** A fake clock whose sleep advances it and records each wait, in milliseconds. */
function fakeTime() {
  const clock = {
    t: T0,
    waits: [] as number[],
    now: () => clock.t,
    sleep: (ms: number, signal?: AbortSignal) => {
      if (signal?.aborted) return Promise.reject(signal.reason as Error)
      clock.waits.push(ms)
      clock.t += ms
      return Promise.resolve()
    },
  }
  return clock
}

/** A token endpoint that answers each poll with the next of `answers` (an OAuth error code, or 'ok'). */
function tokenEndpoint(answers: readonly string[], clock: { now: () => number }) {
  const polls: { at: number; body: Record<string, unknown> }[] = []
  server.use(
    http.post(`${BASE}/oauth/token`, async ({ request }) => {
      polls.push({ at: clock.now(), body: await bodyOf(request) })
      const answer = answers[polls.length - 1] ?? 'authorization_pending'
      if (answer === 'ok') return HttpResponse.json(tokenResponse({ refresh_token: 'refresh-1' }))
      // Auth0 answers slow_down with 429, the others with 403
      const status = answer === 'slow_down' ? 429 : 403
      return HttpResponse.json({ error: answer, error_description: answer }, { status })
    }),
  )
  return polls
}

const code = { device_code: 'device-code-1', expires_in: 900, interval: 5 }

describe('DeviceAuthorization', () => {
  it('deviceCode POSTs a form with the client id, scope and audience, and returns the codes', async () => {
    const answer = {
      device_code: 'device-code-1',
      user_code: 'FJKD-LWQS',
      verification_uri: 'https://tenant.example.com/activate',
      verification_uri_complete: 'https://tenant.example.com/activate?user_code=FJKD-LWQS',
      expires_in: 900,
      interval: 5,
    }
    const seen: { type: string | null; body: Record<string, unknown> }[] = []
    server.use(
      http.post(`${BASE}/oauth/device/code`, async ({ request }) => {
        seen.push({ type: request.headers.get('content-type'), body: await bodyOf(request) })
        return HttpResponse.json(answer)
      }),
    )
    const device = new DeviceAuthorization(DOMAIN, 'CID')
    await expect(
      device.deviceCode({ scope: 'openid offline_access', audience: 'https://api.example.com/' }),
    ).resolves.toEqual(answer)
    await device.deviceCode({ scope: '', audience: '' })
    expect(seen).toEqual([
      {
        type: 'application/x-www-form-urlencoded',
        body: {
          client_id: 'CID',
          scope: 'openid offline_access',
          audience: 'https://api.example.com/',
        },
      },
      { type: 'application/x-www-form-urlencoded', body: { client_id: 'CID' } },
    ])
  })

  it('token sends the device_code grant once', async () => {
    const clock = fakeTime()
    const polls = tokenEndpoint(['ok'], clock)
    const tokens = await new DeviceAuthorization(DOMAIN, 'CID').token('device-code-1')
    expect(polls.map((p) => p.body)).toEqual([
      { client_id: 'CID', device_code: 'device-code-1', grant_type: GRANT },
    ])
    expect(tokens.refresh_token).toBe('refresh-1')
  })

  it('pollToken waits the interval before each poll and returns the tokens once approved', async () => {
    const clock = fakeTime()
    const polls = tokenEndpoint(['authorization_pending', 'authorization_pending', 'ok'], clock)
    const device = new DeviceAuthorization(DOMAIN, 'CID', { now: clock.now, sleep: clock.sleep })
    const tokens = await device.pollToken(code)
    expect(polls.map((p) => p.at - T0)).toEqual([5000, 10_000, 15_000])
    expect(clock.waits).toEqual([5000, 5000, 5000])
    expect(polls.every((p) => p.body['device_code'] === 'device-code-1')).toBe(true)
    expect(tokens.access_token).toBe('access-token-value')
  })

  it('adds 5 seconds to the interval on each slow_down, and never retries the 429 itself', async () => {
    const clock = fakeTime()
    const polls = tokenEndpoint(['slow_down', 'authorization_pending', 'slow_down', 'ok'], clock)
    const device = new DeviceAuthorization(DOMAIN, 'CID', { now: clock.now, sleep: clock.sleep })
    await device.pollToken({ ...code, interval: 2 })
    expect(clock.waits).toEqual([2000, 7000, 7000, 12_000])
    expect(polls).toHaveLength(4)
  })

  it('uses the RFC default of 5 seconds when the answer has no interval', async () => {
    const clock = fakeTime()
    tokenEndpoint(['ok'], clock)
    const device = new DeviceAuthorization(DOMAIN, 'CID', { now: clock.now, sleep: clock.sleep })
    await device.pollToken({ device_code: 'device-code-1', expires_in: 900 })
    expect(clock.waits).toEqual([5000])
  })

  it.each(['expired_token', 'access_denied'])('stops on %s with that error', async (stop) => {
    const clock = fakeTime()
    const polls = tokenEndpoint(['authorization_pending', stop, 'ok'], clock)
    const device = new DeviceAuthorization(DOMAIN, 'CID', { now: clock.now, sleep: clock.sleep })
    const error = await device.pollToken(code).catch((e: unknown) => e)
    expect(isAuth0Error(error) && [error.errorCode, error.statusCode]).toEqual([stop, 403])
    expect(polls).toHaveLength(2)
  })

  it('stops with expired_token when expires_in passes before Auth0 says so', async () => {
    const clock = fakeTime()
    const polls = tokenEndpoint([], clock)
    const device = new DeviceAuthorization(DOMAIN, 'CID', { now: clock.now, sleep: clock.sleep })
    const error = await device
      .pollToken({ device_code: 'device-code-1', expires_in: 12, interval: 5 })
      .catch((e: unknown) => e)
    expect(isAuth0Error(error) && [error.errorCode, error.statusCode]).toEqual(['expired_token', 0])
    expect(polls.map((p) => p.at - T0)).toEqual([5000, 10_000])
  })

  it('stops on any other error, as it is', async () => {
    const clock = fakeTime()
    tokenEndpoint(['invalid_grant'], clock)
    const device = new DeviceAuthorization(DOMAIN, 'CID', { now: clock.now, sleep: clock.sleep })
    const error = await device.pollToken(code).catch((e: unknown) => e)
    expect(isAuth0Error(error) && error.errorCode).toBe('invalid_grant')
  })

  it('rejects with AbortError when its signal aborts during a wait', async () => {
    const clock = fakeTime()
    const controller = new AbortController()
    const polls = tokenEndpoint(['authorization_pending'], clock)
    const sleep = (ms: number, signal?: AbortSignal) => {
      if (polls.length === 1) controller.abort(new Error('user cancelled'))
      return clock.sleep(ms, signal)
    }
    const device = new DeviceAuthorization(DOMAIN, 'CID', { now: clock.now, sleep })
    const error = await device
      .pollToken(code, { signal: controller.signal })
      .catch((e: unknown) => e)
    // core's AbortError, as for any aborted call, and no request after the abort
    expect(isAuth0Error(error) && [error.name, error.errorCode]).toEqual(['AbortError', 'aborted'])
    expect((error as Error).cause).toEqual(new Error('user cancelled'))
    expect(polls).toHaveLength(1)
  })

  it('checks the device code before sending', async () => {
    const error = await new DeviceAuthorization(DOMAIN, 'CID').token('').catch((e: unknown) => e)
    expect(isOptionsError(error) && error.problems).toEqual([
      'deviceCode: expected a non-empty string',
    ])
  })
})
