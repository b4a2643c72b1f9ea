// @auth0-ts/authentication, what an application pays for it:
//  1. bundle size (esbuild, minified, gzipped) of an app calling `GetToken.clientCredentials` with a client secret.
//     The app is bundled with code splitting, as bundlers do for dynamic imports, then run in Node against a stubbed
//     fetch; the chunks it loads are recorded by a module hook and summed (each gzipped on its own). jose, the
//     private_key_jwt signer and the DPoP code are loaded only with a private key or a DPoP key: the same app is run with
//     each to prove they still work and to show what they add. For comparison: the same app in one file (every lazy
//     chunk inlined). The `auth0` v4 AuthenticationClient it is held against (13.1 kB, issue 17) is not installed here:
//     `auth0` 7.1.0 has no authentication client.
//  2. cold import time of `@auth0-ts/authentication` (median of fresh `node` processes), against `@auth0-ts/core` and
//     `node:path`, and whole-process times against bare `node`.
// Knobs: AUTH_IMPORTS (9), AUTH_SCENARIOS=bundle,import.
import { spawnSync } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { gzipped as gz, kB, oneFileBundle } from './bundle.mjs'

const IMPORTS = Number(process.env.AUTH_IMPORTS ?? 9)
const SCENARIOS = (process.env.AUTH_SCENARIOS ?? 'bundle,import').split(',')
const BENCH_DIR = dirname(dirname(fileURLToPath(import.meta.url)))
const log = (msg) => process.stderr.write(`[authentication] ${msg}\n`)
const median = (values) => {
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

// The app: the same shape as the management bench's apps.
const SECRET_APP = `import { GetToken } from '@auth0-ts/authentication'
console.log(await new GetToken('t.example.com', 'id', { clientSecret: 's' }).clientCredentials('https://api.example.com/'))`

const pkcs8 = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString()
const KEY_APP = `import { GetToken } from '@auth0-ts/authentication'
const key = ${JSON.stringify(pkcs8)}
console.log(await new GetToken('t.example.com', 'id', { clientAssertionSigningKey: key, clientAssertionSigningAlg: 'ES256' }).clientCredentials('https://api.example.com/'))`

const DPOP_APP = `import { GetToken, generateDPoPKeyPair } from '@auth0-ts/authentication'
const dpop = await generateDPoPKeyPair()
console.log(await new GetToken('t.example.com', 'id', { clientSecret: 's', dpop }).clientCredentials('https://api.example.com/'))`

// Run before the app: a fetch that answers every request with a token, checking what a DPoP or assertion app sends,
// and a module hook that records every file the app loads (written synchronously: hooks run on their own thread).
const PRELOAD = `
import { register } from 'node:module'
globalThis.fetch = async (input, init) => {
  const request = new Request(input, init)
  const body = await request.text()
  const dpop = request.headers.get('dpop')
  const assertion = body.includes('client_assertion')
  return Response.json({ access_token: 'at', token_type: dpop ? 'DPoP' : 'Bearer', expires_in: 60, sent: { dpop: !!dpop, assertion } })
}
register('./hooks.mjs', import.meta.url, { data: { log: process.env.AUTH_BENCH_LOG } })
`

const HOOKS = `
import { appendFileSync } from 'node:fs'
let log
export function initialize(data) { log = data.log }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context)
  if (result.url.startsWith('file:')) appendFileSync(log, result.url + String.fromCharCode(10))
  return result
}
`

async function bundleSplit(contents, outdir) {
  const result = await build({
    stdin: { contents, resolveDir: BENCH_DIR, loader: 'js', sourcefile: 'app.mjs' },
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    outdir,
    entryNames: 'app',
    write: true,
    metafile: true,
    logLevel: 'silent',
  })
  return result
}

/** Minified bytes of the loaded chunks by package: this one, core, ky, jose and the app. */
function shares(metafile, files) {
  const by = {}
  for (const [out, meta] of Object.entries(metafile.outputs)) {
    if (!files.some((f) => f.endsWith(out.split('/').pop()))) continue
    for (const [input, { bytesInOutput }] of Object.entries(meta.inputs)) {
      const name =
        /packages\/(\w[\w-]*)\/dist/.exec(input)?.[1] ??
        /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ??
        'app'
      by[name] = (by[name] ?? 0) + bytesInOutput
    }
  }
  return Object.entries(by)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${kB(v)}`)
    .join(', ')
}

/** Bundles an app with splitting, runs it, and returns the gzipped sizes of the chunks it loaded and of all chunks. */
async function loadedSize(name, contents) {
  const outdir = mkdtempSync(join(tmpdir(), `auth-bench-${name}-`))
  try {
    const { metafile } = await bundleSplit(contents, outdir)
    const preload = join(outdir, 'preload.mjs')
    const logFile = join(outdir, 'loaded.log')
    writeFileSync(preload, PRELOAD)
    writeFileSync(join(outdir, 'hooks.mjs'), HOOKS)
    writeFileSync(logFile, '')
    const r = spawnSync(
      process.execPath,
      ['--import', pathToFileURL(preload).href, join(outdir, 'app.js')],
      {
        cwd: outdir,
        encoding: 'utf8',
        env: { ...process.env, AUTH_BENCH_LOG: logFile },
      },
    )
    if (r.status !== 0) throw new Error(`${name} app failed: ${r.stderr}`)
    const loaded = readFileSync(logFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((url) => fileURLToPath(url))
      .filter((f) => f.startsWith(outdir) && f.endsWith('.js'))
    const unique = [...new Set(loaded)]
    const all = spawnSync('ls', [outdir], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter((f) => f.endsWith('.js'))
      .map((f) => join(outdir, f))
    const sum = (files) => files.reduce((n, f) => n + gz(readFileSync(f)), 0)
    const raw = (files) => files.reduce((n, f) => n + readFileSync(f).length, 0)
    return {
      loadedGz: sum(unique),
      loadedRaw: raw(unique),
      loadedChunks: unique.length,
      allGz: sum(all),
      allChunks: all.length,
      shares: shares(metafile, unique),
      output: r.stdout.trim(),
    }
  } finally {
    rmSync(outdir, { recursive: true, force: true })
  }
}

async function bundles() {
  const rows = []
  for (const [subject, app, expect] of [
    ['GetToken.clientCredentials, client secret', SECRET_APP, 'dpop: false, assertion: false'],
    [
      'GetToken.clientCredentials, private_key_jwt (ES256)',
      KEY_APP,
      'dpop: false, assertion: true',
    ],
    [
      'GetToken.clientCredentials, secret and DPoP (ES256)',
      DPOP_APP,
      'dpop: true, assertion: false',
    ],
  ]) {
    const s = await loadedSize(subject.replace(/\W+/g, '-'), app)
    if (!s.output.includes(expect))
      throw new Error(`${subject}: the app did not send what it should (${s.output})`)
    log(
      `bundle ${subject}: ${kB(s.loadedGz)} kB gzipped loaded (${s.loadedChunks} of ${s.allChunks} chunks; ${kB(s.allGz)} kB for all; minified kB by package: ${s.shares})`,
    )
    rows.push({
      scenario: 'bundle (esbuild, split, minified, gzipped per chunk)',
      subject: `@auth0-ts/authentication: ${subject}, loaded`,
      value: s.loadedGz / 1024,
      unit: 'kB',
      note: `${s.loadedChunks} of ${s.allChunks} chunks run (${kB(s.loadedRaw)} kB minified: ${s.shares}); all chunks ${kB(s.allGz)} kB`,
    })
  }
  for (const [subject, app] of [
    [
      '@auth0-ts/authentication: GetToken with a secret, one file (lazy chunks inlined)',
      SECRET_APP,
    ],
  ]) {
    const { raw, gz: size } = await oneFileBundle(app)
    log(`bundle ${subject}: ${kB(size)} kB gzipped (${kB(raw)} kB minified)`)
    rows.push({
      scenario: 'bundle (esbuild, one file, minified, gzipped)',
      subject,
      value: size / 1024,
      unit: 'kB',
      note: `${kB(raw)} kB minified`,
    })
  }
  return rows
}

/** Wall and CPU milliseconds of the import inside fresh processes (CPU time is steadier on a busy machine). */
function importTimes(specifier) {
  const code = `const c=process.cpuUsage(),t=performance.now();import(${JSON.stringify(specifier)}).then(()=>{const u=process.cpuUsage(c);process.stdout.write(JSON.stringify([performance.now()-t,(u.user+u.system)/1000]))})`
  const inside = []
  const cpu = []
  const total = []
  for (let i = 0; i < IMPORTS; i++) {
    const t0 = performance.now()
    const r = spawnSync(process.execPath, ['-e', code], { cwd: BENCH_DIR, encoding: 'utf8' })
    total.push(performance.now() - t0)
    if (r.status !== 0) throw new Error(`import ${specifier} failed: ${r.stderr}`)
    const [wall, used] = JSON.parse(r.stdout)
    inside.push(wall)
    cpu.push(used)
  }
  return { inside, cpu, total }
}

async function imports() {
  const rows = []
  const bare = []
  for (let i = 0; i < IMPORTS; i++) {
    const t0 = performance.now()
    spawnSync(process.execPath, ['-e', '0'])
    bare.push(performance.now() - t0)
  }
  const bareMedian = median(bare)
  for (const specifier of ['node:path', '@auth0-ts/core', '@auth0-ts/authentication']) {
    const { inside, cpu, total } = importTimes(specifier)
    const overStart = median(total) - bareMedian
    const runs = (values) => values.map((v) => v.toFixed(0)).join(' ')
    log(
      `cold import ${specifier}: ${median(inside).toFixed(1)} ms inside, ${median(cpu).toFixed(1)} ms CPU (wall runs ${runs(inside)}; CPU runs ${runs(cpu)}); process ${median(total).toFixed(0)} ms, ${overStart.toFixed(0)} ms over bare node (${bareMedian.toFixed(0)} ms)`,
    )
    rows.push({
      scenario: 'cold import (median of fresh processes)',
      subject: specifier,
      value: median(inside),
      unit: 'ms',
      note: `CPU ${median(cpu).toFixed(1)} ms; whole process ${overStart.toFixed(0)} ms over bare node (${bareMedian.toFixed(0)} ms); wall runs ${runs(inside)}`,
    })
  }
  return rows
}

/** The rows for bench/src/run.mjs. */
export async function run() {
  const rows = []
  if (SCENARIOS.includes('bundle')) rows.push(...(await bundles()))
  if (SCENARIOS.includes('import')) rows.push(...(await imports()))
  return rows
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.table(await run())
