// The device flow and its polling helper against the tenant emulator over real HTTP. The SDK's sleep moves the clock
// both read, and plays the user through the tenant's hook, so nothing waits for real.
import type { RunningMockTenant } from '@auth0-ts/mock-tenant'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  Auth0Error,
  DeviceAuthorization,
  isAuth0Error,
  type DeviceCodeResponse,
} from '../src/index.js'
import { MOCK_API, SEEDED_USER_ID, claims, recorder, startTenant, type Clock } from './emulator.js'

const DEVICE_CODE = 'urn:ietf:params:oauth:grant-type:device_code'

let t: RunningMockTenant
let clock: Clock
beforeAll(async () => {
  ;({ t, clock } = await startTenant())
})
beforeEach(() => t.reset())
afterAll(() => t.close())

/** A client whose sleep moves the shared clock by `advance(ms, n)` and then runs `onSleep(n)` (1-based). */
function device(
  onSleep: (n: number) => void,
  advance: (ms: number, n: number) => number = (ms) => ms,
) {
  const wire = recorder()
  const sleeps: number[] = []
  const client = new DeviceAuthorization(t.domain, t.clients.web.clientId, {
    clientSecret: t.clients.web.clientSecret,
    protocol: 'http',
    fetch: wire.fetch,
    now: clock.read,
    sleep: (ms) => {
      sleeps.push(ms)
      clock.tick(advance(ms, sleeps.length))
      onSleep(sleeps.length)
      return Promise.resolve()
    },
  })
  return { client, wire, sleeps }
}

describe('DeviceAuthorization against the emulator', () => {
  it('gets a device code, then pollToken waits the interval and returns the tokens once the user approves', async () => {
    const shown: { code?: DeviceCodeResponse } = {}
    const { client, wire, sleeps } = device((n) => {
      if (n === 2) t.authentication.approveUserCode(shown.code?.user_code as string)
    })
    const code = await client.deviceCode({
      scope: 'openid profile offline_access',
      audience: MOCK_API,
    })
    shown.code = code
    expect(wire.sent[0]).toMatchObject({
      method: 'POST',
      path: '/oauth/device/code',
      headers: { 'content-type': expect.stringContaining('application/x-www-form-urlencoded') },
      body: {
        client_id: t.clients.web.clientId,
        scope: 'openid profile offline_access',
        audience: MOCK_API,
      },
      status: 200,
    })
    expect(code).toMatchObject({
      verification_uri: `${t.url}/activate`,
      expires_in: 900,
      interval: 5,
    })

    const tokens = await client.pollToken(code)
    const polls = wire.sent.slice(1)
    expect(
      polls.map((p) => [p.path, p.body['grant_type'], p.body['device_code'], p.status]),
    ).toEqual([
      ['/oauth/token', DEVICE_CODE, code.device_code, 403],
      ['/oauth/token', DEVICE_CODE, code.device_code, 200],
    ])
    expect(polls[0]?.body).toMatchObject({
      client_id: t.clients.web.clientId,
      client_secret: t.clients.web.clientSecret,
    })
    expect(sleeps).toEqual([5000, 5000])
    expect(tokens).toMatchObject({ token_type: 'Bearer', refresh_token: expect.any(String) })
    expect(claims(tokens.id_token)['sub']).toBe(SEEDED_USER_ID)
    expect(claims(tokens.access_token)['aud']).toContain(MOCK_API)
  })

  it('slows down by 5 s when the tenant answers slow_down (429)', async () => {
    const shown: { code?: DeviceCodeResponse } = {}
    // the second wait is cut short, so the second poll comes too soon
    const { client, wire, sleeps } = device(
      (n) => {
        if (n === 4) t.authentication.approveUserCode(shown.code?.user_code as string)
      },
      (ms, n) => (n === 2 ? 1000 : ms),
    )
    const code = await client.deviceCode({ scope: 'openid' })
    shown.code = code
    const tokens = await client.pollToken(code)
    expect(wire.sent.slice(1).map((p) => p.status)).toEqual([403, 429, 403, 200])
    expect(sleeps).toEqual([5000, 5000, 10000, 10000])
    expect(tokens.access_token).toEqual(expect.any(String))
  })

  it('stops on access_denied when the user denies the code', async () => {
    const shown: { code?: DeviceCodeResponse } = {}
    const { client, wire } = device((n) => {
      if (n === 1) t.authentication.denyUserCode(shown.code?.user_code as string)
    })
    const code = await client.deviceCode()
    shown.code = code
    const error = await client.pollToken(code).catch((e: unknown) => e)
    expect(wire.sent.slice(1).map((p) => p.status)).toEqual([403])
    expect(error).toBeInstanceOf(Auth0Error)
    expect(isAuth0Error(error) && [error.statusCode, error.errorCode]).toEqual([
      403,
      'access_denied',
    ])
    expect(String(error)).not.toContain(code.device_code)
  })

  it('stops when the signal aborts, and on expired_token from the tenant', async () => {
    const controller = new AbortController()
    const { client, wire } = device((n) => {
      if (n === 2) controller.abort()
    })
    const code = await client.deviceCode()
    const aborted = await client
      .pollToken(code, { signal: controller.signal })
      .catch((e: unknown) => e)
    expect((aborted as Error).name).toBe('AbortError')
    expect(wire.sent.slice(1)).toHaveLength(1)

    // past the code's lifetime; the device is told a longer one, so the tenant's expired_token is what stops it
    const late = device(() => undefined)
    const lateCode = await late.client.deviceCode()
    clock.tick(900_000)
    const expired = await late.client
      .pollToken({ ...lateCode, expires_in: 10_000 })
      .catch((e: unknown) => e)
    expect(isAuth0Error(expired) && [expired.statusCode, expired.errorCode]).toEqual([
      403,
      'expired_token',
    ])
  })
})
