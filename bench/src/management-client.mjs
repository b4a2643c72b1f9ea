// ManagementClient (@auth0-ts/management) beside node-auth0 v7.1's, measured on the built packages:
//  1. coverage: operations reachable through `new ManagementClient(...)`, of the 482 declared and of node-auth0's;
//  2. bundle size (esbuild, minified, gzipped) of the whole ManagementClient, of one resource client alone, of the
//     whole Auth0 client and of node-auth0's ManagementClient, each for one call;
//  3. cold import over Node's start-up: fresh processes, ours, node-auth0's and a bare `node:path` interleaved;
//  4. type-check cost for a user: the same 10-line program against each package, `tsc --noEmit --extendedDiagnostics`
//     under `strict` with `skipLibCheck: true`, interleaved runs (time and memory; no type error allowed), under three
//     library settings, beside a program that imports nothing (the compiler's own baseline);
//  5. the size of the published type declarations.
// Where a figure varies, the median of MC_RUNS runs (default 5; MC_IMPORT_RUNS, default 15, for the imports).
// MC_SCENARIOS picks parts (coverage,bundle,import,typecheck,declarations). Run alone with
// `node bench/src/management-client.mjs`, or with the others: `BENCH=management-client pnpm bench`. Progress goes to
// stderr.
import { spawnSync } from 'node:child_process'
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ManagementClient } from '@auth0-ts/management'
import { ManagementClient as NodeAuth0 } from 'auth0'
import { oneFileBundleRows } from './bundle.mjs'

const RUNS = Number(process.env.MC_RUNS ?? 5)
const IMPORT_RUNS = Number(process.env.MC_IMPORT_RUNS ?? 15)
const SCENARIOS = (
  process.env.MC_SCENARIOS ?? 'coverage,bundle,import,typecheck,declarations'
).split(',')
const BENCH_DIR = dirname(dirname(fileURLToPath(import.meta.url)))
const require = createRequire(import.meta.url)
const log = (msg) => process.stderr.write(`[management-client] ${msg}\n`)
const median = (values) => {
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}
const fmtRuns = (values, digits = 0) => values.map((v) => v.toFixed(digits)).join(', ')

/** Every method of a client, walking its resources (built on first use). */
function methods(client, path = [], out = new Map()) {
  for (const key of Object.keys(client)) {
    if (key.startsWith('_') || key === 'rest') continue
    const value = client[key]
    if (typeof value === 'function') out.set([...path, key].join('.'), value)
    else if (value && typeof value === 'object') methods(value, [...path, key], out)
  }
  return out
}

/** node-auth0's methods: its resource clients are getters on the prototype, methods live on prototypes too. */
function nodeAuth0Methods(client, path = [], out = new Map(), seen = new Set()) {
  if (seen.has(client)) return out
  seen.add(client)
  const proto = Object.getPrototypeOf(client)
  for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
    if (key === 'constructor' || key.startsWith('_')) continue
    if (typeof d.value === 'function') out.set([...path, key].join('.'), d.value)
    else if (d.get) nodeAuth0Methods(client[key], [...path, key], out, seen)
  }
  const parent = Object.getPrototypeOf(proto)
  if (parent && parent !== Object.prototype)
    for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(parent)))
      if (d.get && !key.startsWith('_')) nodeAuth0Methods(client[key], [...path, key], out, seen)
  return out
}

function coverage() {
  const ours = methods(new ManagementClient({ domain: 't.example.com', token: 'x' }))
  const theirs = nodeAuth0Methods(new NodeAuth0({ domain: 't.example.com', token: 'x' }))
  const shared = [...theirs.keys()].filter((k) => ours.has(k))
  log(
    `coverage: ${ours.size} operations reachable; node-auth0 ${theirs.size}, of which ${shared.length} here`,
  )
  return [
    {
      scenario: 'operations reachable through ManagementClient',
      subject: '@auth0-ts/management',
      value: ours.size,
      unit: 'of 482',
      ratio: ours.size / 482,
    },
    {
      scenario: 'operations reachable through ManagementClient',
      subject: "node-auth0's operations, reachable here by the same name",
      value: shared.length,
      unit: `of ${theirs.size}`,
      ratio: shared.length / theirs.size,
    },
  ]
}

async function bundles() {
  const apps = {
    '@auth0-ts/management: whole ManagementClient (users.get)': `import { ManagementClient } from '@auth0-ts/management'\nconsole.log(await new ManagementClient({ domain: 't.example.com', token: 'x' }).users.get('1'))`,
    '@auth0-ts/management: UsersClient alone (users.get)': `import { UsersClient } from '@auth0-ts/management'\nconsole.log(await new UsersClient({ domain: 't.example.com', token: 'x' }).get('1'))`,
    '@auth0-ts/management: RolesClient alone (roles.get)': `import { RolesClient } from '@auth0-ts/management'\nconsole.log(await new RolesClient({ domain: 't.example.com', token: 'x' }).get('1'))`,
    '@auth0-ts/management: whole Auth0 (users.get)': `import { Auth0 } from '@auth0-ts/management'\nconsole.log(await new Auth0('t.example.com', 'x').users.get('1'))`,
    'auth0 (node-auth0 7.1): ManagementClient (users.get)': `import { ManagementClient } from 'auth0'\nconsole.log(await new ManagementClient({ domain: 't.example.com', token: 'x' }).users.get('1'))`,
  }
  return oneFileBundleRows('bundle (esbuild, minified, gzipped; deterministic)', apps, log)
}

/** One fresh process importing `specifier`: its wall time, its CPU time and the import's own time, in ms. */
function importOnce(specifier) {
  const code = `const t=performance.now();import(${JSON.stringify(specifier)}).then(()=>{const u=process.cpuUsage();process.stdout.write(JSON.stringify({inside:performance.now()-t,cpu:(u.user+u.system)/1000}))})`
  const t0 = performance.now()
  const r = spawnSync(process.execPath, ['-e', code], { cwd: BENCH_DIR, encoding: 'utf8' })
  const total = performance.now() - t0
  if (r.status !== 0) throw new Error(`import ${specifier} failed: ${r.stderr}`)
  return { total, ...JSON.parse(r.stdout) }
}

function imports() {
  const specifiers = ['node:path', '@auth0-ts/management', 'auth0']
  const keys = ['total', 'inside', 'cpu']
  const runs = Object.fromEntries(
    specifiers.map((s) => [s, Object.fromEntries(keys.map((k) => [k, []]))]),
  )
  for (const s of specifiers) importOnce(s) // warm the file system cache
  for (let i = 0; i < IMPORT_RUNS; i++)
    for (const s of specifiers) {
      const one = importOnce(s)
      for (const k of keys) runs[s][k].push(one[k])
    }
  const bare = runs['node:path']
  const rows = []
  for (const s of specifiers.slice(1)) {
    // each run against the bare process started just before it
    const wall = runs[s].total.map((t, i) => t - bare.total[i])
    const cpu = runs[s].cpu.map((t, i) => t - bare.cpu[i])
    log(
      `cold import ${s}: wall ${median(wall).toFixed(1)} ms over node's start-up (runs ${fmtRuns(wall)}), CPU ${median(cpu).toFixed(1)} ms over it (runs ${fmtRuns(cpu)}); import() alone ${median(runs[s].inside).toFixed(1)} ms; bare node ${median(bare.total).toFixed(0)} ms wall, ${median(bare.cpu).toFixed(0)} ms CPU`,
    )
    rows.push(
      {
        scenario: `cold import over Node's start-up (median of ${IMPORT_RUNS} fresh processes)`,
        subject: `${s}: wall time`,
        value: median(wall),
        unit: 'ms',
        note: `runs ${fmtRuns(wall)}; import() alone ${median(runs[s].inside).toFixed(1)} ms; bare node ${median(bare.total).toFixed(0)} ms`,
      },
      {
        scenario: `cold import over Node's start-up (median of ${IMPORT_RUNS} fresh processes)`,
        subject: `${s}: CPU time`,
        value: median(cpu),
        unit: 'ms',
        note: `runs ${fmtRuns(cpu)}; bare node ${median(bare.cpu).toFixed(0)} ms CPU`,
      },
    )
  }
  return rows
}

const PROGRAMS = {
  '@auth0-ts/management': `import { ManagementClient } from '@auth0-ts/management'
const client = new ManagementClient({ domain: 'tenant.example.com', token: 'TOKEN' })
const user = await client.users.get('auth0|1')
await client.users.update('auth0|1', { user_metadata: { plan: 'pro' }, blocked: false })
const roles = await client.users.roles.list('auth0|1')
const names: string[] = []
for await (const connection of client.connections.list()) names.push(connection.name ?? '')
const org = await client.organizations.create({ name: 'acme', display_name: 'Acme' })
export const summary = [user.email, roles.data.length, org.id, names]
`,
  auth0: `import { ManagementClient } from 'auth0'
const client = new ManagementClient({ domain: 'tenant.example.com', token: 'TOKEN' })
const user = await client.users.get('auth0|1')
await client.users.update('auth0|1', { user_metadata: { plan: 'pro' }, blocked: false })
const roles = await client.users.roles.list('auth0|1')
const names: string[] = []
for await (const connection of await client.connections.list()) names.push(connection.name ?? '')
const org = await client.organizations.create({ name: 'acme', display_name: 'Acme' })
export const summary = [user.email, roles.data.length, org.id, names]
`,
}

function diagnostics(output) {
  const read = (label) => {
    const m = new RegExp(`^${label}:\\s+([\\d.]+)(s|K)?`, 'm').exec(output)
    return m ? Number(m[1]) : NaN
  }
  return { total: read('Total time'), check: read('Check time'), memoryK: read('Memory used') }
}

/** Compiler settings a user might have: browser-style libs, Node's types, or the ES library alone. */
const TS_CONFIGS = {
  'lib ES2023 + DOM': { lib: ['ES2023', 'DOM', 'DOM.Iterable'], types: [] },
  'lib ES2023 + @types/node': { lib: ['ES2023'], types: ['node'] },
  'lib ES2023 only': { lib: ['ES2023'], types: [] },
}

function writeProgram(root, name, config, source) {
  const dir = join(root, `${config}-${name}`.replace(/[^A-Za-z0-9.-]+/g, '_'))
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'main.ts'), source)
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        skipLibCheck: true,
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        noEmit: true,
        ...TS_CONFIGS[config],
      },
      files: ['main.ts'],
    }),
  )
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n')
  return dir
}

function typecheck() {
  const tsc = require.resolve('typescript/bin/tsc', { paths: [join(BENCH_DIR, '..')] })
  // Outside the repository, with the bench's packages (and Node's types) linked in as a user's node_modules would hold them.
  const root = mkdtempSync(join(tmpdir(), 'mc-typecheck-'))
  mkdirSync(join(root, 'node_modules/@types'), { recursive: true })
  symlinkSync(join(BENCH_DIR, 'node_modules/@auth0-ts'), join(root, 'node_modules/@auth0-ts'))
  symlinkSync(join(BENCH_DIR, 'node_modules/auth0'), join(root, 'node_modules/auth0'))
  symlinkSync(
    dirname(require.resolve('@types/node/package.json', { paths: [join(BENCH_DIR, '..')] })),
    join(root, 'node_modules/@types/node'),
  )
  // CPU time of the compiler process, which a busy machine disturbs far less than wall time
  const preload = join(root, 'cpu.cjs')
  writeFileSync(
    preload,
    "process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write(`CPU_MS=${(u.user + u.system) / 1000}\\n`) })\n",
  )
  const rows = []
  try {
    for (const config of Object.keys(TS_CONFIGS)) {
      const programs = { ...PROGRAMS, 'no import (the baseline)': 'export const summary = [1]\n' }
      const dirs = Object.fromEntries(
        Object.entries(programs).map(([name, source]) => [
          name,
          writeProgram(root, name, config, source),
        ]),
      )
      const runs = Object.fromEntries(Object.keys(programs).map((n) => [n, []]))
      for (let i = 0; i <= RUNS; i++)
        for (const [name, dir] of Object.entries(dirs)) {
          const args = ['-r', preload, tsc, '--noEmit', '-p', dir, '--extendedDiagnostics']
          const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' })
          if (r.status !== 0)
            throw new Error(`tsc on the ${name} program failed:\n${r.stdout}${r.stderr}`)
          const cpu = Number(/CPU_MS=([\d.]+)/.exec(r.stderr)?.[1] ?? NaN) / 1000
          if (i > 0) runs[name].push({ ...diagnostics(r.stdout), cpu }) // the first round warms the file system cache
        }
      const med = (name, key) => median(runs[name].map((d) => d[key]))
      const scenario = `type-check of a 10-line program, ${config} (tsc --noEmit, strict, skipLibCheck; median of ${RUNS})`
      for (const name of Object.keys(programs)) {
        const cpu = med(name, 'cpu')
        const memory = med(name, 'memoryK') / 1024
        const ratio = (key) => (name in PROGRAMS ? med(name, key) / med('auth0', key) : undefined)
        const vs = name in PROGRAMS ? '; ratio to auth0' : ''
        const series = (key, scale, digits) =>
          fmtRuns(
            runs[name].map((d) => d[key] / scale),
            digits,
          )
        log(
          `type-check ${config}, ${name}: CPU ${cpu.toFixed(2)} s (runs ${series('cpu', 1, 2)}), wall ${med(name, 'total').toFixed(2)} s (runs ${series('total', 1, 2)}), check ${med(name, 'check').toFixed(2)} s, memory ${memory.toFixed(1)} MB (runs ${series('memoryK', 1024, 1)})`,
        )
        rows.push(
          {
            scenario,
            subject: `${name}: CPU time`,
            value: cpu,
            unit: 's',
            ratio: ratio('cpu'),
            note: `runs ${series('cpu', 1, 2)}; wall ${med(name, 'total').toFixed(2)} s (runs ${series('total', 1, 2)})${vs}`,
          },
          {
            scenario,
            subject: `${name}: memory used`,
            value: memory,
            unit: 'MB',
            ratio: ratio('memoryK'),
            note: `runs ${series('memoryK', 1024, 1)}${vs}`,
          },
        )
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
  return rows
}

/** The bytes of every file under `dir` whose name ends with one of `endings`. */
function bytesUnder(dir, endings) {
  let total = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    if (entry.isDirectory()) total += bytesUnder(p, endings)
    else if (endings.some((e) => entry.name.endsWith(e))) total += statSync(p).size
  }
  return total
}

function declarations() {
  // tsc's declarations, one file per source file: the ESM tree is every .d.ts (the .d.cts files are its CJS twin)
  const ours = bytesUnder(dirname(require.resolve('@auth0-ts/management')), ['.d.ts'])
  const auth0Root = dirname(require.resolve('auth0/package.json'))
  const theirs = bytesUnder(join(auth0Root, 'dist/esm/management'), ['.d.mts'])
  log(
    `declarations: ours ${(ours / 1e6).toFixed(2)} MB (dist/**/*.d.ts), node-auth0's management ${(theirs / 1e6).toFixed(2)} MB (.d.mts, ESM)`,
  )
  return [
    {
      scenario: 'published type declarations (ESM build)',
      subject: '@auth0-ts/management: dist/**/*.d.ts',
      value: ours / 1e6,
      unit: 'MB',
      ratio: ours / theirs,
      note: 'the whole package, the Auth0 client included; ratio to node-auth0',
    },
    {
      scenario: 'published type declarations (ESM build)',
      subject: 'auth0 7.1: dist/esm/management/**/*.d.mts',
      value: theirs / 1e6,
      unit: 'MB',
    },
  ]
}

/** The rows for bench/src/run.mjs. */
export async function run() {
  const rows = []
  if (SCENARIOS.includes('coverage')) rows.push(...coverage())
  if (SCENARIOS.includes('bundle')) rows.push(...(await bundles()))
  if (SCENARIOS.includes('import')) rows.push(...imports())
  if (SCENARIOS.includes('typecheck')) rows.push(...typecheck())
  if (SCENARIOS.includes('declarations')) rows.push(...declarations())
  return rows
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.table(await run())
