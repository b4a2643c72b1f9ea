// Real processes, real redis-server, a local tenant: the fleet behaviours of issue 10.
import { existsSync } from 'node:fs'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { runFleet, spawnWorker, type WorkerConfig, type WorkerExit } from './fleet/fleet.mjs'
import { startRedis } from './fleet/redis-server.mjs'
import { useRedisServer } from '../src/test-utils/redis.js'
import { startTenant, type Tenant } from './fleet/tenant.mjs'

const FLEET = 4
const ctx = useRedisServer()
const cleanups: (() => Promise<void>)[] = []

async function tenant(options?: Parameters<typeof startTenant>[0]): Promise<Tenant> {
  const t = await startTenant(options)
  cleanups.push(() => t.close())
  return t
}

function expectAllOk(results: WorkerExit[], calls: number): void {
  for (const r of results) {
    expect(r.stderr).not.toMatch(/test-access-token/)
    expect({
      code: r.code,
      ok: r.done?.ok,
      failed: r.done?.failed,
      errors: r.done?.errors,
    }).toEqual({
      code: 0,
      ok: calls,
      failed: 0,
      errors: [],
    })
  }
}

const tokenIds = (results: WorkerExit[]) => new Set(results.flatMap((r) => r.done?.tokenIds ?? []))

beforeEach(() => {
  if (!existsSync(new URL('../dist/index.js', import.meta.url)))
    throw new Error(
      'packages/redis/dist is missing: the worker processes run the built package (pnpm build)',
    )
})

afterAll(async () => {
  await Promise.all(cleanups.map((c) => c()))
})

describe('a fleet of processes', () => {
  it('shares one token: exactly one token request for 4 processes started together', async () => {
    const t = await tenant({ tokenDelay: () => 300 })
    const { results } = await runFleet(FLEET, () => ({
      baseUrl: t.baseUrl,
      redisUrl: ctx.server.url,
      calls: 0,
    }))

    expect(results.map((r) => r.stderr)).toEqual(['', '', '', '']) // no Redis warnings
    expect(t.stats.tokenRequests).toBe(1)
    expectAllOk(results, 0)
    expect(results.map((r) => r.done?.tokenIds.length)).toEqual([1, 1, 1, 1])
    expect(tokenIds(results).size).toBe(1)
  }, 60_000)

  it('recovers when the lock holder dies: its lock expires and another process fetches', async () => {
    let holder: number | undefined
    let secondAt = 0
    let sawFirst!: () => void
    const first = new Promise<void>((resolve) => (sawFirst = resolve))
    const t = await tenant({
      tokenDelay: (n) => (n === 1 ? 'hang' : 0),
      onTokenRequest: (n, worker) => {
        if (n === 2) secondAt = Date.now()
        if (n === 1) {
          holder = Number(worker)
          sawFirst()
        }
      },
    })
    const config: WorkerConfig = {
      baseUrl: t.baseUrl,
      redisUrl: ctx.server.url,
      calls: 0,
      // short enough to keep the test quick, long enough that a busy machine's late renewals do not expire it
      lockTtl: 2000,
    }
    const workers = Array.from({ length: FLEET }, (_, worker) => spawnWorker({ ...config, worker }))
    await Promise.all(workers.map((w) => w.ready))
    for (const w of workers) w.go()
    await first
    const killedAt = Date.now()
    workers[holder as number]?.kill()
    const results = await Promise.all(workers.map((w) => w.exit))
    const survivors = results.filter((_, i) => i !== holder)

    expect(results[holder as number]?.code).toBeNull() // killed
    expect(t.stats.tokenRequests).toBe(2)
    expectAllOk(survivors, 0)
    expect(tokenIds(survivors).size).toBe(1)
    // the others waited for the holder instead of fetching, then one fetched once its lock expired
    expect(secondAt).toBeGreaterThanOrEqual(killedAt)
  }, 60_000)

  it('keeps working when Redis goes down mid-run, with a warning and no token in it', async () => {
    const own = await startRedis()
    cleanups.push(() => own.stop())
    const t = await tenant({ burst: 1000, perSecond: 1000 })
    const done = Array<number>(FLEET).fill(0)
    const held = new Set<number>()
    let killed: Promise<void> | undefined
    const calls = 20
    const { results } = await runFleet(
      FLEET,
      () => ({
        baseUrl: t.baseUrl,
        redisUrl: own.url,
        calls,
        pauseMs: 10,
        // the limiter asks Redis before every call (the provider keeps the token it read)
        limiter: 'redis',
        perSecond: 1000,
        burst: 1000,
        // every process stops after 5 calls; Redis is killed once all have, so each makes 15 calls without it
        holdAt: 5,
      }),
      (worker, event, workers) => {
        if (event.event === 'progress') done[worker] = event.done as number
        if (event.event === 'held') held.add(worker)
        if (!killed && held.size === FLEET)
          killed = own.kill().then(() => {
            for (const w of workers) w.resume()
          })
      },
    )
    await killed

    expect(killed).toBeDefined()
    expect(Math.max(...done)).toBe(calls)
    expectAllOk(results, calls)
    expect(t.stats.tokenRequests).toBe(1) // each process kept the token it had read
    for (const r of results) expect(r.stderr).toMatch(/Redis is unavailable/)
  }, 60_000)

  it('keeps 4 processes × 100 PATCHes under a 50-burst + 10/s limit with no failures', async () => {
    const t = await tenant({ burst: 50, perSecond: 10 })
    const calls = 100
    const { results, wallMs } = await runFleet(FLEET, () => ({
      baseUrl: t.baseUrl,
      redisUrl: ctx.server.url,
      calls,
      concurrency: 5,
      limiter: 'redis',
      perSecond: 10,
      burst: 50,
    }))

    expect(results.map((r) => r.stderr)).toEqual(['', '', '', ''])
    expectAllOk(results, calls)
    expect(t.stats.ok).toBe(FLEET * calls)
    expect(t.stats.tokenRequests).toBe(1)
    // the budget, not the server's refusals, paces the fleet: at most a few requests arrive a hair early
    expect(t.stats.tooMany).toBeLessThanOrEqual(FLEET * calls * 0.05)
    expect(wallMs).toBeGreaterThanOrEqual(((FLEET * calls - 50) / 10) * 1000 * 0.95)
    console.info(`fleet budget: ${wallMs} ms for ${FLEET * calls} PATCHes, ${t.stats.tooMany} 429s`)
  }, 90_000)
})
