// @auth0-ts/management, side by side with raw fetch, plain ky and the `auth0` package's ManagementClient:
//  1. throughput of `users.get`, 16 in flight (MGMT_CALLS calls per slice) and sequentially (MGMT_SEQ_CALLS calls per
//     slice), in MGMT_ROUNDS interleaved rounds; the ratio to plain ky (the ky version of @auth0-ts/core) is the median
//     of the per-round ratios, with CPU time per call beside it;
//  2. 300 PATCHes at concurrency 10 against a bucket of 50 refilled at 10/s (wall time against the 25 s minimum,
//     429s received, failures), ours and the `auth0` package's; with MGMT_BUSY=1 while another process burns a CPU;
//  3. bundle size (esbuild, minified, gzipped) of an app using core's RestClient alone, `Users` alone, the whole
//     `Auth0`, and ManagementClient;
//  4. cold import time (median of fresh `node` processes) of @auth0-ts/core, @auth0-ts/management and `auth0`.
// Every server is node:http on 127.0.0.1:0, started and closed here. Progress goes to stderr.
// Knobs: MGMT_CALLS (800), MGMT_SEQ_CALLS (200), MGMT_ROUNDS (25), MGMT_IMPORTS (9), MGMT_BUSY (0),
// MGMT_SCENARIOS=throughput,ratelimit,bundle,import. Just the users.get comparison:
// `BENCH=management MGMT_SCENARIOS=throughput pnpm bench`.
import { spawn, spawnSync } from 'node:child_process'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Users } from '@auth0-ts/management'
import { ManagementClient } from 'auth0'
import ky from 'ky'
import { oneFileBundleRows } from './bundle.mjs'
import { startServer } from './rate-limited-server.mjs'

const CALLS = Number(process.env.MGMT_CALLS ?? 800)
const SEQ_CALLS = Number(process.env.MGMT_SEQ_CALLS ?? 200)
const BUSY = process.env.MGMT_BUSY === '1'
const ROUNDS = Number(process.env.MGMT_ROUNDS ?? 25)
const IMPORTS = Number(process.env.MGMT_IMPORTS ?? 9)
const SCENARIOS = (process.env.MGMT_SCENARIOS ?? 'throughput,ratelimit,bundle,import').split(',')
const BENCH_DIR = dirname(dirname(fileURLToPath(import.meta.url)))
const log = (msg) => process.stderr.write(`[management] ${msg}\n`)
const median = (values) => {
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}
const quantile = (values, q) => {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]
}

/** Runs `op(i)` for i in 0..n-1 with `concurrency` workers; returns { ms, failures, errors }. */
async function pool(n, concurrency, op) {
  let next = 0
  let failures = 0
  const errors = new Map()
  const t0 = performance.now()
  const worker = async () => {
    while (next < n) {
      const i = next++
      try {
        await op(i)
      } catch (e) {
        failures++
        const key = e?.name ?? String(e)
        errors.set(key, (errors.get(key) ?? 0) + 1)
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return { ms: performance.now() - t0, failures, errors }
}

/** The `auth0` package only builds https URLs; its `fetch` option lets it reach the local server over http. */
function auth0Client(host) {
  const httpFetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input)
    return fetch(url.replace(/^https:/, 'http:'), init)
  }
  return new ManagementClient({ domain: host, token: 'x', fetch: httpFetch })
}

async function throughput() {
  const server = await startServer()
  const base = `http://${server.host}/api/v2`
  const headers = { authorization: 'Bearer x' }
  const ours = new Users(server.host, 'x', { protocol: 'http' })
  const theirs = auth0Client(server.host)
  const url = (i) => `${base}/users/auth0%7C${i}?include_fields=true`
  // Every subject sends the same URL to the same server through the same global fetch (undici's keep-alive
  // dispatcher) and parses the JSON body.
  const subjects = {
    'raw fetch': async (i) => (await fetch(url(i), { headers })).json(),
    'plain ky': (i) => ky.get(url(i), { headers }).json(),
    '@auth0-ts/management': (i) => ours.get(`auth0|${i}`),
    'auth0 ManagementClient': (i) => theirs.users.get(`auth0|${i}`),
  }
  const names = Object.keys(subjects)
  // Many short slices, each subject's next to the others' in a rotated order, and per-round ratios: a busy machine
  // changes speed over seconds, and long slices let one subject's slice meet a burst of other work that another's
  // missed. CPU time per call (this process: client and server both) is reported beside the rate: other processes
  // take turns on the cores but not CPU time.
  const modes = [
    { label: `users.get, 16 in flight`, calls: CALLS, concurrency: 16 },
    { label: `users.get, sequential`, calls: SEQ_CALLS, concurrency: 1 },
  ]
  for (const name of names) await pool(500, 16, subjects[name]) // warm up
  const rows = []
  for (const mode of modes) {
    const rates = Object.fromEntries(names.map((n) => [n, []]))
    const cpu = Object.fromEntries(names.map((n) => [n, []]))
    for (let round = 0; round < ROUNDS; round++) {
      const order = names.map((_, k) => names[(k + round) % names.length])
      for (const name of order) {
        const c0 = process.cpuUsage()
        const { ms, failures } = await pool(mode.calls, mode.concurrency, subjects[name])
        const c = process.cpuUsage(c0)
        if (failures > 0) throw new Error(`${name}: ${failures} calls failed`)
        rates[name].push((mode.calls * 1000) / ms)
        cpu[name].push((c.user + c.system) / mode.calls)
      }
      if ((round + 1) % 5 === 0 || round === ROUNDS - 1) {
        const ratios = (n) => rates[n].map((r, k) => r / rates['plain ky'][k])
        log(
          `${mode.label}, ${mode.calls} calls per slice, after round ${round + 1}/${ROUNDS}: ${names.map((n) => `${n} ${median(ratios(n)).toFixed(2)}× ky`).join(', ')}`,
        )
      }
    }
    for (const n of names) {
      const ratios = rates[n].map((r, k) => r / rates['plain ky'][k])
      const cpuRatios = cpu[n].map((c, k) => cpu['plain ky'][k] / c)
      rows.push({
        scenario: `${mode.label} (${ROUNDS} rounds × ${mode.calls} calls)`,
        subject: n,
        value: median(rates[n]),
        unit: 'req/s',
        ratio: median(ratios),
        note: `median of per-round ratios to plain ky (quartiles ${quantile(ratios, 0.25).toFixed(2)}–${quantile(ratios, 0.75).toFixed(2)}); ${median(rates[n].map((r, k) => r / rates['raw fetch'][k])).toFixed(2)}× raw fetch; CPU ${median(cpu[n]).toFixed(0)} µs/call, ${median(cpuRatios).toFixed(2)}× plain ky's by CPU`,
      })
    }
  }
  await server.close()
  return rows
}

/** Runs `fn` while another process keeps one CPU busy, when MGMT_BUSY=1. */
async function maybeBusy(fn) {
  if (!BUSY) return fn()
  const burner = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' })
  try {
    return await fn()
  } finally {
    burner.kill()
  }
}

async function rateLimited(name, makeOp) {
  const server = await startServer({ rateLimit: { burst: 50, perSecond: 10 } })
  const op = makeOp(server.host)
  const { ms, failures, errors } = await maybeBusy(() => pool(300, 10, op))
  await server.close()
  const minimum = ((300 - 50) / 10) * 1000
  log(
    `rate limit, ${name}${BUSY ? ' (another process busy)' : ''}: ${(ms / 1000).toFixed(1)} s, ${server.stats.refused} 429s, ${failures} failed ${JSON.stringify([...errors])}`,
  )
  const scenario = `300 PATCH, 10 in flight, burst 50 then 10/s${BUSY ? ', a CPU busy elsewhere' : ''}`
  return [
    {
      scenario,
      subject: `${name}: wall time`,
      value: ms / 1000,
      unit: 's',
      ratio: ms / minimum,
      note: 'ratio to the 25 s minimum',
    },
    { scenario, subject: `${name}: 429s received`, value: server.stats.refused, unit: 'count' },
    {
      scenario,
      subject: `${name}: failed requests`,
      value: failures,
      unit: 'count',
      note: failures ? JSON.stringify(Object.fromEntries(errors)) : '',
    },
  ]
}

async function rateLimit() {
  return [
    ...(await rateLimited('@auth0-ts/management', (host) => {
      const users = new Users(host, 'x', { protocol: 'http' })
      return (i) => users.update(`auth0|${i}`, { name: `n${i}` })
    })),
    ...(await rateLimited('auth0 ManagementClient', (host) => {
      const client = auth0Client(host)
      return (i) => client.users.update(`auth0|${i}`, { name: `n${i}` })
    })),
  ]
}

async function bundles() {
  const apps = {
    '@auth0-ts/core: RestClient alone': `import { RestClient } from '@auth0-ts/core'\nconsole.log(await new RestClient({ baseUrl: 'https://t.example.com', token: 'x' }).request({ method: 'GET', path: '/x' }))`,
    '@auth0-ts/management: Users alone': `import { Users } from '@auth0-ts/management'\nconsole.log(await new Users('t.example.com', 'x').get('1'))`,
    '@auth0-ts/management: whole Auth0': `import { Auth0 } from '@auth0-ts/management'\nconsole.log(await new Auth0('t.example.com', 'x').users.get('1'))`,
    'auth0 ManagementClient (users.get)': `import { ManagementClient } from 'auth0'\nconsole.log(await new ManagementClient({ domain: 't.example.com', token: 'x' }).users.get('1'))`,
  }
  return oneFileBundleRows('bundle (esbuild, minified, gzipped)', apps, log)
}

function importTimes(specifier) {
  const code = `const t=performance.now();import(${JSON.stringify(specifier)}).then(()=>process.stdout.write(String(performance.now()-t)))`
  const inside = []
  const total = []
  for (let i = 0; i < IMPORTS; i++) {
    const t0 = performance.now()
    const r = spawnSync(process.execPath, ['-e', code], { cwd: BENCH_DIR, encoding: 'utf8' })
    total.push(performance.now() - t0)
    if (r.status !== 0) throw new Error(`import ${specifier} failed: ${r.stderr}`)
    inside.push(Number(r.stdout))
  }
  return { inside: median(inside), total: median(total) }
}

async function imports() {
  const baseline = importTimes('node:path')
  const rows = []
  for (const specifier of ['@auth0-ts/core', '@auth0-ts/management', 'auth0']) {
    const { inside, total } = importTimes(specifier)
    log(
      `cold import ${specifier}: ${inside.toFixed(1)} ms (process ${total.toFixed(0)} ms, bare node ${baseline.total.toFixed(0)} ms)`,
    )
    rows.push({
      scenario: 'cold import (median of fresh processes)',
      subject: specifier,
      value: inside,
      unit: 'ms',
      note: `whole process ${total.toFixed(0)} ms vs ${baseline.total.toFixed(0)} ms for bare node`,
    })
  }
  return rows
}

/** The rows for bench/src/run.mjs. */
export async function run() {
  const rows = []
  if (SCENARIOS.includes('throughput')) rows.push(...(await throughput()))
  if (SCENARIOS.includes('ratelimit')) rows.push(...(await rateLimit()))
  if (SCENARIOS.includes('bundle')) rows.push(...(await bundles()))
  if (SCENARIOS.includes('import')) rows.push(...(await imports()))
  return rows
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.table(await run())
