// Fleet benchmark (issue 10): 4 processes send 300 PATCHes in total to a local tenant limited to 50 burst + 10/s.
// Shared budget (@auth0-ts/redis: one Redis token bucket and one cached token) vs per-process handling (core's
// in-process limiter, each process fetching its own token). Progress goes to stderr; rows are returned.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const FLEET_DIR = new URL('../../packages/redis/test/fleet/', import.meta.url)
const PROCESSES = 4
const TOTAL = 300
const BURST = 50
const PER_SECOND = 10
const MIN_S = (TOTAL - BURST) / PER_SECOND
const SCENARIO = `fleet: ${PROCESSES} processes × ${TOTAL / PROCESSES} PATCHes (50 burst + 10/s)`

const log = (msg) => process.stderr.write(`[fleet] ${msg}\n`)

async function measure(subject, { startTenant, runFleet }, workerConfig) {
  const tenant = await startTenant({ burst: BURST, perSecond: PER_SECOND })
  try {
    log(`${subject}: running`)
    const { results, wallMs } = await runFleet(PROCESSES, () => ({
      baseUrl: tenant.baseUrl,
      calls: TOTAL / PROCESSES,
      concurrency: 5,
      ...workerConfig,
    }))
    const failures = results.reduce(
      (sum, r) => sum + (r.done ? r.done.failed : TOTAL / PROCESSES),
      0,
    )
    const wallS = Math.round(wallMs / 100) / 10
    log(
      `${subject}: ${wallS} s, ${tenant.stats.tooMany} 429s, ${failures} failures, ${tenant.stats.tokenRequests} token requests`,
    )
    return [
      {
        scenario: SCENARIO,
        subject,
        value: wallS,
        unit: 's',
        ratio: Math.round((wallS / MIN_S) * 100) / 100,
        note: `wall time for ${TOTAL - failures} of ${TOTAL} calls succeeding; ratio to the theoretical minimum ${MIN_S} s (target ≤ 1.2×)`,
      },
      { scenario: SCENARIO, subject, value: tenant.stats.tooMany, unit: '429 responses' },
      { scenario: SCENARIO, subject, value: failures, unit: 'failed calls', note: 'target 0' },
      {
        scenario: SCENARIO,
        subject,
        value: tenant.stats.tokenRequests,
        unit: 'token requests',
        note: 'target 1',
      },
    ]
  } finally {
    await tenant.close()
  }
}

export async function run() {
  const built = ['packages/redis/dist/index.js', 'packages/core/dist/index.js'].filter(
    (f) => !existsSync(fileURLToPath(new URL(`../../${f}`, import.meta.url))),
  )
  if (built.length > 0)
    return [
      {
        scenario: SCENARIO,
        subject: 'skipped',
        value: 0,
        unit: '',
        note: `not built: ${built.join(', ')} (run pnpm build)`,
      },
    ]
  const { hasRedisServer, startRedis } = await import(new URL('redis-server.mjs', FLEET_DIR))
  const fleet = {
    ...(await import(new URL('tenant.mjs', FLEET_DIR))),
    ...(await import(new URL('fleet.mjs', FLEET_DIR))),
  }
  const rows = []
  if (hasRedisServer()) {
    const redis = await startRedis()
    try {
      rows.push(
        ...(await measure('shared budget (@auth0-ts/redis)', fleet, {
          redisUrl: redis.url,
          limiter: 'redis',
          perSecond: PER_SECOND,
          burst: BURST,
        })),
      )
    } finally {
      await redis.stop()
    }
  } else {
    rows.push({
      scenario: SCENARIO,
      subject: 'shared budget (@auth0-ts/redis)',
      value: 0,
      unit: '',
      note: 'skipped: redis-server is not on PATH (apt-get install redis-server)',
    })
  }
  rows.push(
    ...(await measure('per-process (core limiter, own token)', fleet, { limiter: 'local' })),
  )
  return rows
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  console.log(JSON.stringify(await run(), null, 2))
