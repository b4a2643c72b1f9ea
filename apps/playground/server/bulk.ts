// The rate-limit demo: the same bulk update of users run twice, first paced by the SDK's rate limiter, then the
// naive way (plain fetch with retries), each recorded request by request for the page's two timelines.
import { randomUUID } from 'node:crypto'
import { isRateLimitError } from '@auth0-ts/core'
import { Auth0 } from '@auth0-ts/management'
import type { BulkRequest, BulkStatus, RateLimitSetting, RunReport } from '../shared/api.js'
import { naiveBulkUpdate } from './naive.js'
import { errorView, type Secrets } from './secrets.js'
import type { Tenant } from './tenant.js'
import { minimumMs, RunRecorder, updateKey } from './timeline.js'

const MAX_JOBS = 20
/** On a real tenant, the longest wait for its bucket to refill between the two runs. */
const MAX_REFILL_WAIT_MS = 20_000

export interface BulkDeps {
  tenant: Tenant
  /** The server's long-lived client, which picks the users. */
  management: Auth0
  token: () => Promise<string>
  secrets: Secrets
}

/** The request, checked; a string says what is wrong. */
export function validateBulk(body: unknown): BulkRequest | string {
  const b = (body ?? {}) as Partial<Record<keyof BulkRequest, unknown>>
  const int = (v: unknown, min: number, max: number) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max
  if (!int(b.count, 1, 100)) return 'count: expected an integer from 1 to 100'
  if (!int(b.concurrency, 1, 10)) return 'concurrency: expected an integer from 1 to 10'
  if (!int(b.retries, 0, 10)) return 'retries: expected an integer from 0 to 10'
  const limit = (b.limit ?? null) as Partial<Record<keyof RateLimitSetting, unknown>> | null
  if (limit !== null) {
    if (!int(limit.burst, 1, 1000)) return 'limit.burst: expected an integer from 1 to 1000'
    const rate = limit.perSecond
    if (typeof rate !== 'number' || !(rate > 0 && rate <= 1000))
      return 'limit.perSecond: expected a number above 0, at most 1000'
  }
  return {
    count: b.count as number,
    concurrency: b.concurrency as number,
    retries: b.retries as number,
    limit:
      limit === null
        ? null
        : { burst: limit.burst as number, perSecond: limit.perSecond as number },
  }
}

interface Job {
  status: Omit<BulkStatus, 'paced' | 'naive'>
  paced: RunRecorder
  naive: RunRecorder
}

export class BulkJobs {
  readonly #jobs = new Map<string, Job>()
  readonly #deps: BulkDeps

  constructor(deps: BulkDeps) {
    this.#deps = deps
  }

  /** A snapshot of the job, with the running clock. */
  get(id: string): BulkStatus | undefined {
    const job = this.#jobs.get(id)
    if (!job) return undefined
    const live = (r: RunRecorder): RunReport => ({ ...r.report, elapsedMs: r.elapsed() })
    return structuredClone({ ...job.status, paced: live(job.paced), naive: live(job.naive) })
  }

  start(request: BulkRequest): BulkStatus {
    const canSet = this.#deps.tenant.rateLimit !== undefined
    const rateLimit = canSet ? request.limit : null
    const job: Job = {
      status: {
        id: randomUUID(),
        done: false,
        total: request.count,
        concurrency: request.concurrency,
        retries: request.retries,
        rateLimit,
        minimumMs: minimumMs(request.count, rateLimit),
      },
      paced: new RunRecorder('paced', 0),
      naive: new RunRecorder('naive', 0),
    }
    this.#jobs.set(job.status.id, job)
    for (const old of [...this.#jobs.keys()].slice(0, Math.max(0, this.#jobs.size - MAX_JOBS)))
      this.#jobs.delete(old)
    void this.#run(job, request)
    return this.get(job.status.id) as BulkStatus
  }

  async #run(job: Job, request: BulkRequest): Promise<void> {
    const { tenant, management, secrets } = this.#deps
    const limiter = tenant.rateLimit
    const before = limiter?.get() ?? null
    let changed = false
    try {
      const page = await management.users.list({
        page: 0,
        perPage: request.count,
        fields: ['user_id'],
        includeTotals: false,
      })
      const ids = page.map((u) => String(u.user_id))
      job.status.total = ids.length
      job.status.minimumMs = minimumMs(ids.length, job.status.rateLimit)
      job.paced = new RunRecorder('paced', ids.length)
      job.naive = new RunRecorder('naive', ids.length)
      for (const recorder of [job.paced, job.naive]) {
        if (limiter && request.limit) {
          limiter.set(request.limit) // the bucket starts full, so each run meets the same tenant
          changed = true
        } else if (recorder === job.naive && job.paced.resetAt > 0) {
          recorder.report.state = 'waiting'
          const wait = Math.min(MAX_REFILL_WAIT_MS, job.paced.resetAt * 1000 - Date.now())
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
        }
        await (recorder === job.paced
          ? this.#paced(ids, request, recorder)
          : this.#naive(ids, request, recorder))
      }
    } catch (error) {
      job.status.error = errorView(error, secrets)
    } finally {
      if (changed) limiter?.set(before)
      job.status.done = true
    }
  }

  /** The SDK's client, as a batch script would make it: its rate limiter learns the tenant's limit as it goes. */
  async #paced(ids: string[], request: BulkRequest, recorder: RunRecorder): Promise<void> {
    const { tenant, token, secrets } = this.#deps
    const auth0 = new Auth0(tenant.domain, token, {
      protocol: tenant.protocol,
      restOptions: { retries: request.retries },
      fetch: recorder.fetch((input, init) => fetch(input, init)),
    })
    const report = recorder.report
    const stamp = { app_metadata: { playground_bulk_update: new Date().toISOString() } }
    let next = 0
    const worker = async () => {
      for (let row = next++; row < ids.length; row = next++) {
        const id = ids[row] as string
        recorder.ready(row, updateKey(id))
        try {
          await auth0.users.update(id, stamp)
          report.updated++
        } catch (error) {
          report.failed++
          if (isRateLimitError(error)) report.lastRateLimitError = errorView(error, secrets)
        }
      }
    }
    recorder.start()
    try {
      await Promise.all(Array.from({ length: request.concurrency }, worker))
    } finally {
      recorder.finish()
    }
  }

  async #naive(ids: string[], request: BulkRequest, recorder: RunRecorder): Promise<void> {
    const { tenant, token } = this.#deps
    const report = recorder.report
    recorder.start()
    try {
      await naiveBulkUpdate({
        ids,
        concurrency: request.concurrency,
        retries: request.retries,
        origin: `${tenant.protocol}://${tenant.domain}`,
        token,
        body: { app_metadata: { playground_bulk_update: new Date().toISOString() } },
        fetch: recorder.fetch((input, init) => fetch(input, init)),
        onStart: (row, id) => recorder.ready(row, updateKey(id)),
        onDone: (_, updated) => (updated ? report.updated++ : report.failed++),
      })
    } finally {
      recorder.finish()
    }
  }
}
