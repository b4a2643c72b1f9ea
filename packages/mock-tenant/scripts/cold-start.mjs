// The cold start of startMockTenant(): each run is a fresh Node process that imports the built package, starts a
// server on 127.0.0.1 and answers one discovery request. Prints the median (and range) of each phase over the runs,
// in wall time and in CPU time.
// Usage: node scripts/cold-start.mjs [runs=11] [entry=dist/index.js]   (build first)
import { execFileSync } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { resolve } from 'node:path'

const [runs = '11', entry = 'dist/index.js', child] = process.argv.slice(2)

if (child === '--child') {
  // CPU time (all threads: key generation runs on the libuv pool) beside wall time, which a busy machine inflates
  const cpu = () => {
    const { user, system } = process.cpuUsage()
    return (user + system) / 1000
  }
  const t0 = performance.now()
  const c0 = cpu()
  const { startMockTenant } = await import(pathToFileURL(resolve(entry)).href)
  const t1 = performance.now()
  const c1 = cpu()
  const tenant = await startMockTenant({ port: 0 })
  const t2 = performance.now()
  const c2 = cpu()
  await (await fetch(`${tenant.url}/.well-known/openid-configuration`)).text()
  const t3 = performance.now()
  const c3 = cpu()
  await tenant.close()
  console.log(
    JSON.stringify({
      import: t1 - t0,
      start: t2 - t1,
      firstRequest: t3 - t2,
      total: t3 - t0,
      'import cpu': c1 - c0,
      'start cpu': c2 - c1,
      'total cpu': c3 - c0,
    }),
  )
} else {
  const rows = Array.from({ length: Number(runs) }, () =>
    JSON.parse(
      execFileSync(process.execPath, [import.meta.filename, runs, entry, '--child'], {
        encoding: 'utf8',
      }),
    ),
  )
  for (const phase of Object.keys(rows[0])) {
    const values = rows.map((r) => r[phase]).sort((a, b) => a - b)
    const median = values[Math.floor(values.length / 2)]
    console.log(
      `${phase.padEnd(13)} median ${median.toFixed(0)} ms (min ${values[0].toFixed(0)}, max ${values.at(-1).toFixed(0)}) over ${values.length} runs`,
    )
  }
}
