// The rate-limit demo: a bulk update of users through a management client whose fetch is instrumented, so the
// page can watch requests, 429s and the waits the client honours, live.
import { randomUUID } from 'node:crypto'
import { isRateLimitError, parseRateLimit } from '@auth0-ts/core'
import { Auth0 } from '@auth0-ts/management'
import type { BulkRequest, BulkStatus, RateLimitSetting } from '../shared/api.js'
import { errorView, type Secrets } from './secrets.js'
import type { Tenant } from './tenant.js'

/** Tolerance for a wait measured across two clocks (Retry-After is whole seconds, so this is generous). */
const CLOCK_SLACK_MS = 25
const MAX_JOBS = 20

export interface BulkDeps {
  tenant: Tenant
  /** The server's long-lived client, which picks the users. */
  management: Auth0
  token: () => Promise<string>
  secrets: Secrets
}

export function validateBulk(body: unknown): BulkRequest | string {
  const b = (body ?? {}) as Partial<Record<keyof BulkRequest, unknown>>
  const int = (v: unknown, min: number, max: number) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max
  if (!int(b.count, 1, 100)) return 'count: expected an integer from 1 to 100'
  if (!int(b.concurrency, 1, 10)) return 'concurrency: expected an integer from 1 to 10'
  if (!int(b.retries, 0, 10)) return 'retries: expected an integer from 0 to 10'
  return {
    count: b.count as number,
    concurrency: b.concurrency as number,
    retries: b.retries as number,
  }
}

export class BulkJobs {
  readonly #jobs = new Map<string, BulkStatus>()
  readonly #deps: BulkDeps

  constructor(deps: BulkDeps) {
    this.#deps = deps
  }

  get(id: string): BulkStatus | undefined {
    const job = this.#jobs.get(id)
    return job && { ...job }
  }

  start(request: BulkRequest, rateLimit: RateLimitSetting | null): BulkStatus {
    const status: BulkStatus = {
      id: randomUUID(),
      done: false,
      total: request.count,
      updated: 0,
      failed: 0,
      requestsSent: 0,
      rateLimited: 0,
      waitsHonoured: 0,
      waitsIgnored: 0,
      waitedMs: 0,
      elapsedMs: 0,
      lastRateLimitError: null,
      rateLimit,
    }
    this.#jobs.set(status.id, status)
    for (const old of [...this.#jobs.keys()].slice(0, Math.max(0, this.#jobs.size - MAX_JOBS)))
      this.#jobs.delete(old)
    void this.#run(status, request)
    return { ...status }
  }

  async #run(status: BulkStatus, request: BulkRequest): Promise<void> {
    const { tenant, token, secrets, management } = this.#deps
    const started = Date.now()
    // 429s whose retry has not been seen yet, by request (each update has its own URL): the retry tells whether
    // the client waited as long as the tenant asked.
    const pendingWaits = new Map<string, { at: number; waitMs: number }>()
    const countingFetch: typeof fetch = async (input, init) => {
      const key =
        input instanceof Request
          ? `${input.method} ${input.url}`
          : `${init?.method ?? 'GET'} ${String(input)}`
      const sentAt = Date.now()
      const pending = pendingWaits.get(key)
      if (pending) {
        pendingWaits.delete(key)
        if (sentAt - pending.at + CLOCK_SLACK_MS >= pending.waitMs) status.waitsHonoured++
        else status.waitsIgnored++
        status.waitedMs += sentAt - pending.at
      }
      status.requestsSent++
      const response = await fetch(input, init)
      if (response.status === 429) {
        status.rateLimited++
        const now = Date.now()
        const { waitMs } = parseRateLimit(response.headers, now)
        pendingWaits.set(key, { at: now, waitMs: Math.max(0, waitMs) })
      }
      return response
    }
    // A fresh client for the job, as a batch script would have: it learns the tenant's limit as it goes.
    const auth0 = new Auth0(tenant.domain, token, {
      protocol: tenant.protocol,
      restOptions: { retries: request.retries },
      fetch: countingFetch,
    })
    const tick = setInterval(() => (status.elapsedMs = Date.now() - started), 100)
    try {
      const page = await management.users.list({
        page: 0,
        perPage: request.count,
        fields: ['user_id'],
        includeTotals: false,
      })
      const ids = (Array.isArray(page) ? page : []).map((u) =>
        String((u as { user_id?: unknown }).user_id),
      )
      status.total = ids.length
      const stamp = new Date().toISOString()
      const worker = async () => {
        for (let id = ids.shift(); id !== undefined; id = ids.shift()) {
          try {
            await auth0.users.update(id, { app_metadata: { playground_bulk_update: stamp } })
            status.updated++
          } catch (error) {
            status.failed++
            if (isRateLimitError(error)) status.lastRateLimitError = errorView(error, secrets)
          }
        }
      }
      await Promise.all(Array.from({ length: request.concurrency }, worker))
    } catch (error) {
      status.failed = status.total - status.updated
      if (isRateLimitError(error)) status.lastRateLimitError = errorView(error, secrets)
    } finally {
      clearInterval(tick)
      status.elapsedMs = Date.now() - started
      status.done = true
    }
  }
}
