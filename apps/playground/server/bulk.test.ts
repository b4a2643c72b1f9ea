import { createMockTenant } from '@auth0-ts/mock-tenant'
import { describe, expect, it } from 'vitest'
import { validateBulk } from './bulk.js'
import { naiveBulkUpdate } from './naive.js'
import { minimumMs, RunRecorder, updateKey } from './timeline.js'

/** A clock that only moves when someone sleeps: with one worker, time is exactly the sum of the waits. */
function fakeClock(start = 1_700_000_000_000) {
  let t = start
  return {
    now: () => t,
    sleep: (ms: number) => {
      t += ms
      return Promise.resolve()
    },
  }
}

interface Sent {
  method: string
  url: string
  authorization: string | null
  body: unknown
}

async function setup(limit: { burst: number; perSecond: number }) {
  const clock = fakeClock()
  const tenant = createMockTenant({ now: clock.now })
  const token = await tenant.managementToken()
  const headers = { authorization: `Bearer ${token}` }
  const users = (await (
    await tenant.fetch(`${tenant.url}/api/v2/users?per_page=4&fields=user_id`, { headers })
  ).json()) as { user_id: string }[]
  const ids = users.map((u) => u.user_id)
  tenant.setRateLimit(limit) // after the listing, so the bucket is full for the run
  const sent: Sent[] = []
  const spy: typeof fetch = async (input, init) => {
    const request = new Request(input, init)
    sent.push({
      method: request.method,
      url: request.url,
      authorization: request.headers.get('authorization'),
      body: await request.clone().json(),
    })
    return tenant.fetch(request)
  }
  const metadataOf = async (id: string) => {
    tenant.setRateLimit(null)
    const r = await tenant.fetch(`${tenant.url}/api/v2/users/${encodeURIComponent(id)}`, {
      headers,
    })
    return ((await r.json()) as { app_metadata?: Record<string, unknown> }).app_metadata
  }
  return { clock, tenant, token, ids, sent, spy, metadataOf }
}

async function runNaive(retries: number) {
  const s = await setup({ burst: 2, perSecond: 1 })
  const recorder = new RunRecorder('naive', s.ids.length, s.clock.now)
  const done: [number, boolean][] = []
  recorder.start()
  await naiveBulkUpdate({
    ids: s.ids,
    concurrency: 1,
    retries,
    origin: s.tenant.url,
    token: () => Promise.resolve(s.token),
    body: { app_metadata: { playground_bulk_update: 'run-1' } },
    fetch: recorder.fetch(s.spy),
    onStart: (row, id) => recorder.ready(row, updateKey(id)),
    onDone: (row, updated) => done.push([row, updated]),
    now: s.clock.now,
    sleep: s.clock.sleep,
  })
  recorder.finish()
  return { ...s, report: recorder.report, done }
}

describe('the naive bulk update, recorded', () => {
  it('sends each update with plain fetch, and after a 429 waits what Retry-After says, then sends it again', async () => {
    const { ids, sent, token, report, done, metadataOf } = await runNaive(3)
    // the request
    expect(sent[0]).toEqual({
      method: 'PATCH',
      url: expect.stringMatching(
        new RegExp(`/api/v2/users/${encodeURIComponent(ids[0] as string)}$`),
      ) as unknown,
      authorization: `Bearer ${token}`,
      body: { app_metadata: { playground_bulk_update: 'run-1' } },
    })
    expect(sent.map((r) => decodeURIComponent(new URL(r.url).pathname))).toEqual([
      `/api/v2/users/${ids[0]}`,
      `/api/v2/users/${ids[1]}`,
      `/api/v2/users/${ids[2]}`,
      `/api/v2/users/${ids[2]}`,
      `/api/v2/users/${ids[3]}`,
      `/api/v2/users/${ids[3]}`,
    ])
    // the result: two fit the bucket of 2; the others each meet a 429 and wait 1 s (one token at 1/s)
    expect(report.updates.map((u) => u.attempts.map((a) => a.status))).toEqual([
      [200],
      [200],
      [429, 200],
      [429, 200],
    ])
    expect(report.updates[2]?.waits).toEqual([{ start: 0, end: 1000 }])
    expect(report.updates[3]?.waits).toEqual([{ start: 1000, end: 2000 }])
    expect(report).toMatchObject({
      state: 'done',
      requestsSent: 6,
      rateLimited: 2,
      waitedMsSummed: 2000,
      waitsIgnored: 0,
      elapsedMs: 2000,
    })
    expect(done).toEqual([
      [0, true],
      [1, true],
      [2, true],
      [3, true],
    ])
    expect(await metadataOf(ids[3] as string)).toMatchObject({ playground_bulk_update: 'run-1' })
  })

  it('gives up on a user when its retries run out', async () => {
    const { report, done, metadataOf, ids } = await runNaive(0)
    expect(report.updates.map((u) => u.attempts.map((a) => a.status))).toEqual([
      [200],
      [200],
      [429],
      [429],
    ])
    expect(report).toMatchObject({ requestsSent: 4, rateLimited: 2, waitedMsSummed: 0 })
    expect(done.map(([, ok]) => ok)).toEqual([true, true, false, false])
    expect(await metadataOf(ids[2] as string)).not.toHaveProperty('playground_bulk_update')
  })
})

describe('RunRecorder', () => {
  it('counts a retry sent before the wait the tenant asked for as ignored', async () => {
    const clock = fakeClock()
    const recorder = new RunRecorder('paced', 1, clock.now)
    let calls = 0
    const inner: typeof fetch = () =>
      Promise.resolve(
        calls++ === 0
          ? new Response('{}', { status: 429, headers: { 'retry-after': '2' } })
          : new Response('{}', { status: 200 }),
      )
    const send = recorder.fetch(inner)
    recorder.start()
    recorder.ready(0, updateKey('auth0|1'))
    await send('http://127.0.0.1:1/api/v2/users/auth0%7C1', { method: 'PATCH' })
    await clock.sleep(500)
    await send('http://127.0.0.1:1/api/v2/users/auth0%7C1', { method: 'PATCH' })
    expect(recorder.report).toMatchObject({ rateLimited: 1, waitsIgnored: 1, waitedMsSummed: 500 })
    expect(recorder.report.updates[0]?.waits).toEqual([{ start: 0, end: 500 }])
  })

  it('passes other requests on without recording them', async () => {
    const recorder = new RunRecorder('paced', 1)
    const send = recorder.fetch(() => Promise.resolve(new Response('[]')))
    await send('http://127.0.0.1:1/api/v2/users?page=0', { method: 'GET' })
    expect(recorder.report.requestsSent).toBe(0)
  })
})

describe('minimumMs', () => {
  it('is the requests beyond the burst at the refill rate', () => {
    expect(minimumMs(30, { burst: 5, perSecond: 2 })).toBe(12_500)
    expect(minimumMs(3, { burst: 5, perSecond: 2 })).toBe(0)
    expect(minimumMs(30, null)).toBeNull()
  })
})

describe('validateBulk', () => {
  it('takes a request with a limit, or with none', () => {
    const run = { count: 30, concurrency: 4, retries: 3 }
    expect(validateBulk({ ...run, limit: { burst: 5, perSecond: 2 } })).toEqual({
      ...run,
      limit: { burst: 5, perSecond: 2 },
    })
    expect(validateBulk(run)).toEqual({ ...run, limit: null })
  })

  it('says what is wrong', () => {
    const run = { count: 30, concurrency: 4, retries: 3 }
    expect(validateBulk({ ...run, count: 0 })).toBe('count: expected an integer from 1 to 100')
    expect(validateBulk({ ...run, limit: { burst: 5, perSecond: 0 } })).toBe(
      'limit.perSecond: expected a number above 0, at most 1000',
    )
  })
})
