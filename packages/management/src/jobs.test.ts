import { describe, expect, it } from 'vitest'
import { Auth0, isAbortError, isTimeoutError, JobFailedError, type Job } from './index.js'
import { DOMAIN, mockApi } from './test-utils/server.js'

const api = mockApi()
const jobs = () => new Auth0(DOMAIN, 'TOKEN').jobs

function job(status: Job['status'], extra: Partial<Job> = {}): Job {
  return { id: 'job_1', type: 'users_import', status, ...extra }
}

/** Answers `GET /jobs/job_1` with `states` in turn, and `GET /jobs/job_1/errors` with `failures`. */
function serveJob(states: Job[], failures: unknown = []) {
  let polls = 0
  api.reply((req) => {
    if (req.url.pathname.endsWith('/errors')) return api.json(failures as never)
    return api.json(states[Math.min(polls++, states.length - 1)] as never)
  })
}

describe('jobs.waitFor', () => {
  it('polls until the job completes, reporting progress after every poll', async () => {
    serveJob([
      job('pending'),
      job('processing', { percentage_done: 50 }),
      job('completed', { summary: { failed: 0, updated: 1, inserted: 2, total: 3 } }),
    ])
    const progress: [string, number | undefined][] = []
    const sleeps: number[] = []
    const done = await jobs().waitFor('job_1', {
      interval: 250,
      onProgress: (j) => progress.push([j.status, j.percentage_done]),
      sleep: async (ms) => {
        sleeps.push(ms)
      },
    })
    expect(done).toMatchObject({ status: 'completed', summary: { inserted: 2 } })
    expect(progress).toEqual([
      ['pending', undefined],
      ['processing', 50],
      ['completed', undefined],
    ])
    expect(sleeps).toEqual([250, 250])
    expect(api.seen.map((r) => `${r.method} ${r.url.pathname}`)).toEqual(
      Array(3).fill('GET /api/v2/jobs/job_1'),
    )
  })

  it('throws a JobFailedError carrying the job and its failed entries', async () => {
    const failures = [
      {
        user: { email: 'x@example.com' },
        errors: [{ code: 'INVALID_FORMAT', message: 'bad email' }],
      },
    ]
    serveJob([job('processing'), job('failed')], failures)
    const err = await jobs()
      .waitFor('job_1', { sleep: async () => {} })
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(JobFailedError)
    expect(err).toMatchObject({
      errorCode: 'job_failed',
      job: { id: 'job_1', status: 'failed' },
      failures,
    })
    expect(api.seen.at(-1)?.url.pathname).toBe('/api/v2/jobs/job_1/errors')
  })

  it('gives up with a TimeoutError after `timeout`, without sleeping past it', async () => {
    serveJob([job('processing')])
    let now = 0
    const sleeps: number[] = []
    const err = await jobs()
      .waitFor('job_1', {
        interval: 1000,
        timeout: 2500,
        now: () => now,
        sleep: async (ms) => {
          sleeps.push(ms)
          now += ms
        },
      })
      .catch((e: unknown) => e)
    expect(isTimeoutError(err)).toBe(true)
    expect(sleeps).toEqual([1000, 1000, 500])
  })

  it('stops when its signal aborts during a poll, with an AbortError whose cause is the reason', async () => {
    serveJob([job('processing')])
    const controller = new AbortController()
    const reason = new Error('cancelled')
    const err = await jobs()
      .waitFor('job_1', {
        signal: controller.signal,
        sleep: async () => {
          controller.abort(reason)
        },
      })
      .catch((e: unknown) => e)
    expect(isAbortError(err)).toBe(true)
    expect(err).toMatchObject({ errorCode: 'aborted', cause: reason })
    expect(api.seen).toHaveLength(1)
  })

  it('stops when its signal aborts between polls, with the same typed errors', async () => {
    serveJob([job('processing')])
    const run = (reason: unknown) => {
      const controller = new AbortController()
      return jobs()
        .waitFor('job_1', {
          signal: controller.signal,
          sleep: async (_ms, signal) => {
            controller.abort(reason)
            throw signal?.reason
          },
        })
        .catch((e: unknown) => e)
    }
    const reason = new Error('cancelled')
    const aborted = await run(reason)
    expect(isAbortError(aborted)).toBe(true)
    expect(aborted).toMatchObject({ cause: reason })
    const timeout = new DOMException('signal timed out', 'TimeoutError')
    const timedOut = await run(timeout)
    expect(isTimeoutError(timedOut)).toBe(true)
    expect(timedOut).toMatchObject({ bound: 'signal', cause: timeout })
    expect(api.seen).toHaveLength(2)
  })
})

describe('jobs.importUsers', () => {
  it('names the file part after a File, and sends Uint8Array content as is', async () => {
    const file = new File(['[{"email":"a@example.com"}]'], 'people.json', {
      type: 'application/json',
    })
    await jobs().importUsers('con_1', file)
    await jobs().importUsers('con_1', new TextEncoder().encode('[]'), {
      upsert: true,
      externalId: 'ext',
    })
    const forms = api.seen.map((r) =>
      new Response(r.body, {
        headers: { 'content-type': r.headers.get('content-type') ?? '' },
      }).formData(),
    )
    const [first, second] = await Promise.all(forms)
    const users1 = first?.get('users') as File
    expect(users1.name).toBe('people.json')
    expect(await users1.text()).toBe('[{"email":"a@example.com"}]')
    const users2 = second?.get('users') as File
    expect(users2.name).toBe('users')
    expect(await users2.text()).toBe('[]')
    expect(
      Object.fromEntries([...(second?.entries() ?? [])].filter(([k]) => k !== 'users')),
    ).toEqual({
      connection_id: 'con_1',
      upsert: 'true',
      send_completion_email: 'true',
      external_id: 'ext',
    })
  })
})
