#!/usr/bin/env node
// `pnpm release:rehearse`: the release, rehearsed for real against a local npm registry. Run it after `npm test` (which
// installs the pinned pnpm and the dependencies); it needs only Node, npm and the npm registry.
//
//   node scripts/release-rehearse.mjs [--json FILE] [--keep]
//
//  1. copies the tree (tracked and untracked files that git does not ignore) into a temporary folder and installs it
//     there, so the pending changesets stay in the repository;
//  2. versions the packages with changesets in that copy (`changeset version` writes each CHANGELOG.md), then builds
//     every public package there (the build bakes the new version into the telemetry header);
//  3. starts Verdaccio (a root devDependency) on 127.0.0.1 and a free port, storage and config in the temporary
//     folder, anonymous publish allowed, and publishes with `changeset publish`, as a release would;
//  4. checks each published tarball: real versions (no `workspace:`), a LICENSE and the CHANGELOG.md, nothing but
//     package.json, README.md, LICENSE, CHANGELOG.md and dist/, every entry point present, every bare import of dist/
//     declared, source maps that carry their sources;
//  5. in a fresh folder outside the repository, with a fresh npm cache and HOME, installs the packages with npm, only
//     `@auth0-ts/*` from the local registry (a scope registry in that folder's .npmrc) and everything else from the
//     npm registry; imports every entry point (ESM and CJS), starts the mock tenant's CLI, compiles
//     scripts/rehearsal/program.ts and MIGRATING.md's TypeScript blocks with `tsc --strict`, and runs the program:
//     auth0-python's examples against a mock tenant started from that install;
//  6. stops the registry by its PID (on any failure or signal too).
//
// Each check prints `ok` or `FAIL`; the last line is `{"passed":N,"failed":N}` (also written to FILE), which .ci/run
// adds to its count. Exits non-zero if anything failed. The temporary folder is removed unless something failed or
// --keep is given; its logs/ folder holds each command's output.
import { spawn, spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createServer } from 'node:net'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeSnippets } from './rehearsal/snippets.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const jsonFile = args.includes('--json') ? resolve(args[args.indexOf('--json') + 1] ?? '') : null
const keep = args.includes('--keep')
const T0 = Date.now()

// What a user installs (the issue's list), plus the Node types the program uses.
const CONSUMER_PACKAGES = [
  '@auth0-ts/management',
  '@auth0-ts/authentication',
  '@auth0-ts/token-verifier',
  '@auth0-ts/mock-tenant',
]
const CONSUMER_TOOLS = ['typescript@5.9.3', '@types/node@20.19.43']
// dist/, the manifest, the licence, and documents at the top (README.md, CHANGELOG.md, MIGRATING.md)
const ALLOWED_IN_TARBALL = /^package\/(package\.json|LICENSE|[A-Z][A-Za-z-]*\.md|dist\/.+)$/

const TMP = mkdtempSync(join(tmpdir(), 'auth0-ts-rehearsal-'))
const LOGS = join(TMP, 'logs')
const TREE = join(TMP, 'tree')
const CONSUMER = join(TMP, 'consumer')
mkdirSync(LOGS)

const results = { passed: 0, failed: 0 }
const check = (name, problems) => {
  const list = [problems].flat().filter(Boolean)
  if (list.length === 0) {
    results.passed++
    console.log(`ok   ${name}`)
  } else {
    results.failed++
    console.log(`FAIL ${name}: ${list.join('; ')}`)
  }
  return list.length === 0
}
class Abort extends Error {}

// --- processes: every one we start is stopped by its PID, on success, failure or signal -------------------------
const children = new Set()
let registry = null

/** SIGKILL, unless the process is already gone (ESRCH). */
function killNow(child) {
  if (child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(child.pid, 'SIGKILL')
  } catch (e) {
    if (e.code !== 'ESRCH') throw e
  }
}

function stopRegistrySync() {
  if (registry) killNow(registry.child)
  for (const child of children) killNow(child)
}
// the trap: whatever ends this process, the registry and the other children end with it
process.on('exit', stopRegistrySync)
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.log(`release-rehearse: ${signal}, stopping`)
    stopRegistrySync()
    process.exit(130)
  })
}

/**
 * Runs a command to completion with its output in logs/<log>.log and resolves to its stdout; rejects on a non-zero
 * exit or the timeout.
 */
function run(log, command, argv, { cwd = TREE, env = process.env, timeout = 300_000 } = {}) {
  return new Promise((resolvePromise, reject) => {
    const file = join(LOGS, `${log}.log`)
    const out = []
    const stdout = []
    const child = spawn(command, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    children.add(child)
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout)
    child.stdout.on('data', (d) => out.push(d) && stdout.push(d))
    child.stderr.on('data', (d) => out.push(d))
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      children.delete(child)
      const text = Buffer.concat(out).toString()
      writeFileSync(file, `$ ${command} ${argv.join(' ')}\n${text}`)
      if (code === 0) return resolvePromise(Buffer.concat(stdout).toString())
      const tail = text.trim().split('\n').slice(-15).join('\n    ')
      reject(
        new Error(
          `${command} ${argv.join(' ')} ${signal ? `was killed (${signal}, timeout ${timeout / 1000} s)` : `exited ${code}`}\n    ${tail}`,
        ),
      )
    })
  })
}

/** Runs a named step: times it, and turns a failure into one failed check (setup steps abort the rest). */
async function step(name, fn, { fatal = true } = {}) {
  const t0 = Date.now()
  console.log(`::: ${name}`)
  try {
    const value = await fn()
    console.log(`::: ${name} ok (${((Date.now() - t0) / 1000).toFixed(1)}s)`)
    return value
  } catch (e) {
    check(name, e instanceof Error ? e.message : String(e))
    console.log(`::: ${name} FAILED (${((Date.now() - t0) / 1000).toFixed(1)}s)`)
    if (fatal) throw new Abort(name)
    return undefined
  }
}

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'))
const pathWithTools = `${join(ROOT, '.tools/bin')}:${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}`
/** The environment without what a parent npm or pnpm script passes down (npm_config_*, pnpm_config_*). */
function cleanEnv(extra = {}) {
  const env = {}
  for (const [k, v] of Object.entries(process.env))
    if (!/^(npm|pnpm)_/i.test(k) && k !== 'INIT_CWD') env[k] = v
  return { ...env, PATH: pathWithTools, ...extra }
}
const freePort = () =>
  new Promise((res, rej) => {
    const server = createServer()
    server.once('error', rej)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => res(port))
    })
  })

// --- 1. the copy ------------------------------------------------------------------------------------------------
function copyTree() {
  const git = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  if (git.status !== 0)
    throw new Error(`git ls-files failed (is ${ROOT} a git checkout?): ${git.stderr}`)
  let n = 0
  for (const file of new Set(git.stdout.split('\0').filter(Boolean))) {
    const from = join(ROOT, file)
    if (!existsSync(from)) continue // deleted in the working tree
    mkdirSync(dirname(join(TREE, file)), { recursive: true })
    cpSync(from, join(TREE, file))
    n++
  }
  return n
}

/** The workspace's packages that are published: packages/* without "private": true. */
function publicPackages(root) {
  return readdirSync(join(root, 'packages'))
    .filter((d) => existsSync(join(root, 'packages', d, 'package.json')))
    .map((d) => ({
      dir: join(root, 'packages', d),
      manifest: readJson(join(root, 'packages', d, 'package.json')),
    }))
    .filter((p) => p.manifest.private !== true)
}

const pendingChangesets = (root) =>
  readdirSync(join(root, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md')

// --- 3. the registry --------------------------------------------------------------------------------------------
async function startRegistry() {
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = await freePort()
    const dir = join(TMP, 'registry')
    mkdirSync(dir, { recursive: true })
    const config = join(dir, 'config.yaml')
    writeFileSync(
      config,
      [
        `storage: ${join(dir, 'storage')}`,
        'auth:',
        '  htpasswd:',
        `    file: ${join(dir, 'htpasswd')}`,
        '    max_users: -1',
        '# no uplinks: this registry serves only what the rehearsal publishes',
        'uplinks: {}',
        'packages:',
        "  '@auth0-ts/*':",
        '    access: $all',
        '    publish: $all',
        "  '**':",
        '    access: $all',
        'web:',
        '  enable: false',
        'log: { type: stdout, format: pretty, level: warn }',
        '',
      ].join('\n'),
    )
    const log = join(LOGS, 'verdaccio.log')
    const out = []
    // node runs verdaccio's bin itself, so child.pid is the registry's own PID
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'node_modules/verdaccio/bin/verdaccio'),
        '--config',
        config,
        '--listen',
        `127.0.0.1:${port}`,
      ],
      { cwd: dir, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
    )
    child.stdout.on('data', (d) => out.push(d))
    child.stderr.on('data', (d) => out.push(d))
    child.on('close', () => writeFileSync(log, Buffer.concat(out)))
    registry = { child, port, url: `http://127.0.0.1:${port}/` }
    const deadline = Date.now() + 30_000
    while (Date.now() < deadline && child.exitCode === null) {
      const up = await fetch(`${registry.url}-/ping`).then(
        (r) => r.ok,
        () => false,
      )
      if (up) return registry
      await new Promise((r) => setTimeout(r, 200))
    }
    const text = Buffer.concat(out).toString()
    await stopRegistry()
    if (!/EADDRINUSE/.test(text) || attempt === 3)
      throw new Error(`Verdaccio did not answer on ${registry.url}:\n${text.slice(-2000)}`)
  }
  throw new Error('unreachable')
}

async function stopRegistry() {
  const r = registry
  if (!r || r.child.exitCode !== null || r.child.signalCode !== null) return true
  const closed = new Promise((res) => r.child.once('close', () => res(true)))
  process.kill(r.child.pid, 'SIGTERM')
  const done = await Promise.race([
    closed,
    new Promise((res) => setTimeout(() => res(false), 5000)),
  ])
  if (!done) process.kill(r.child.pid, 'SIGKILL')
  return done
}

// --- 4. the tarballs --------------------------------------------------------------------------------------------
const NODE_BUILTINS = new Set(builtinModules)
/** The bare module specifiers a built file imports or requires. */
function bareImports(code) {
  const found = new Set()
  // statements at the start of a line (as bundlers and tsc write them), and import()/require() calls
  const patterns = [
    /^\s*(?:import|export)\b[^;'"`]*?\bfrom\s*["']([\w@./:#-]+)["']/gm,
    /^\s*import\s*["']([\w@./:#-]+)["']/gm,
    /\bimport\s*\(\s*["']([\w@./:#-]+)["']\s*\)/g,
    /\brequire\s*\(\s*["']([\w@./:#-]+)["']\s*\)/g,
  ]
  for (const re of patterns) for (const m of code.matchAll(re)) found.add(m[1])
  return [...found].filter(
    (s) =>
      !s.startsWith('.') &&
      !s.startsWith('/') &&
      !s.startsWith('#') &&
      !s.startsWith('node:') &&
      !NODE_BUILTINS.has(s),
  )
}
const packageOf = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/')

/** Every file an `exports`, `imports`, `main`, `module`, `types` or `bin` field points at. */
function entryTargets(manifest) {
  const targets = new Set()
  const walk = (v) => {
    if (typeof v === 'string') targets.add(v)
    else if (v && typeof v === 'object') Object.values(v).forEach(walk)
  }
  for (const field of ['exports', 'imports', 'main', 'module', 'types', 'bin'])
    walk(manifest[field])
  return [...targets].filter((t) => t.startsWith('./') && !t.includes('*')).map((t) => t.slice(2))
}

async function checkTarball(name, version, versions) {
  const meta = await (await fetch(`${registry.url}${name.replace('/', '%2f')}`)).json()
  const published = meta.versions?.[version]
  if (
    !check(
      `${name}@${version} is on the registry`,
      published
        ? []
        : [`the registry has ${Object.keys(meta.versions ?? {}).join(', ') || 'nothing'}`],
    )
  )
    return
  const dir = join(TMP, 'tarballs', name.replace('/', '__'))
  mkdirSync(dir, { recursive: true })
  const tgz = join(dir, 'package.tgz')
  writeFileSync(tgz, Buffer.from(await (await fetch(published.dist.tarball)).arrayBuffer()))
  const listing = spawnSync('tar', ['-tzf', tgz], { encoding: 'utf8' })
  const files = listing.stdout.split('\n').filter(Boolean)
  spawnSync('tar', ['-xzf', tgz, '-C', dir])
  const pkg = join(dir, 'package')
  const manifest = readJson(join(pkg, 'package.json'))

  const versionProblems = []
  for (const field of [
    'dependencies',
    'peerDependencies',
    'optionalDependencies',
    'devDependencies',
  ]) {
    for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
      if (/^(workspace|link|file|portal):/.test(range))
        versionProblems.push(`${field}.${dep} is ${range}`)
      else if (field === 'dependencies' && versions.has(dep) && range !== versions.get(dep))
        versionProblems.push(
          `${field}.${dep} is ${range}, the published one is ${versions.get(dep)}`,
        )
    }
  }
  if (manifest.version !== version) versionProblems.push(`its version is ${manifest.version}`)
  check(`${name}: the published package.json has real versions`, versionProblems)

  const changelog = existsSync(join(pkg, 'CHANGELOG.md'))
    ? readFileSync(join(pkg, 'CHANGELOG.md'), 'utf8')
    : ''
  check(`${name}: the tarball has a LICENSE and the CHANGELOG.md changesets wrote`, [
    !files.includes('package/LICENSE') && 'no LICENSE',
    !/^MIT License/.test(
      existsSync(join(pkg, 'LICENSE')) ? readFileSync(join(pkg, 'LICENSE'), 'utf8') : '',
    ) && 'LICENSE is not the MIT licence',
    !files.includes('package/CHANGELOG.md') && 'no CHANGELOG.md',
    files.includes('package/CHANGELOG.md') &&
      !changelog.includes(`## ${version}`) &&
      `CHANGELOG.md has no "## ${version}" section`,
  ])

  const outside = files.filter((f) => !ALLOWED_IN_TARBALL.test(f))
  const missing = entryTargets(manifest).filter((t) => !existsSync(join(pkg, t)))
  const maps = files.filter((f) => f.endsWith('.map'))
  const mapProblems = maps.flatMap((f) => {
    const map = readJson(join(dir, f))
    const n = (map.sources ?? []).length
    const withContent = (map.sourcesContent ?? []).filter((s) => typeof s === 'string').length
    return withContent === n
      ? []
      : [`${f.slice(8)} lacks the content of ${n - withContent} of its ${n} sources`]
  })
  check(
    `${name}: nothing outside dist/ is needed (dist/, package.json, LICENSE and documents only; entry points present; source maps self-contained)`,
    [
      outside.length > 0 && `unexpected files: ${outside.join(', ')}`,
      missing.length > 0 && `entry points missing: ${missing.join(', ')}`,
      ...mapProblems.slice(0, 3),
    ],
  )

  const declared = new Set([
    manifest.name,
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
    ...Object.keys(manifest.optionalDependencies ?? {}),
  ])
  const undeclared = new Map()
  for (const f of files.filter((f) => /\.(c|m)?js$|\.d\.(c|m)?ts$/.test(f))) {
    for (const spec of bareImports(readFileSync(join(dir, f), 'utf8'))) {
      if (!declared.has(packageOf(spec))) undeclared.set(packageOf(spec), f.slice(8))
    }
  }
  check(
    `${name}: every package that dist/ imports is declared (dependencies or peerDependencies)`,
    [...undeclared].map(([dep, file]) => `${dep} (imported by ${file})`),
  )
  return manifest
}

// --- 5. the consumer --------------------------------------------------------------------------------------------
/** An ESM import and a CJS require of every entry point of every installed @auth0-ts package. */
const IMPORT_ALL = `
import { createRequire } from 'node:module'
import { readFileSync, readdirSync } from 'node:fs'
const require = createRequire(import.meta.url)
const failures = []
const notes = []
let n = 0
for (const dir of readdirSync('node_modules/@auth0-ts')) {
  const pkg = JSON.parse(readFileSync('node_modules/@auth0-ts/' + dir + '/package.json', 'utf8'))
  for (const sub of Object.keys(pkg.exports ?? { '.': null })) {
    if (sub === './package.json') continue
    const spec = pkg.name + sub.slice(1)
    // an entry that needs an optional peer the install left out must fail for that reason alone
    const optional = Object.keys(pkg.peerDependenciesMeta ?? {}).filter((p) => pkg.peerDependenciesMeta[p].optional)
    const judge = (how, e) => {
      const peer = optional.find((p) => e.message.includes("'" + p + "'") || e.message.includes('"' + p + '"'))
      if (peer) notes.push(how + ' ' + spec + ' needs the optional peer ' + peer + ', not installed')
      else failures.push(how + ' ' + spec + ': ' + e.message.split('\\n')[0])
    }
    try { const m = await import(spec); if (Object.keys(m).length === 0) throw new Error('no exports'); n++ } catch (e) { judge('import', e) }
    try { const m = require(spec); if (Object.keys(m).length === 0) throw new Error('no exports'); n++ } catch (e) { judge('require', e) }
  }
}
console.log(JSON.stringify({ n, failures, notes }))
`

async function cliStarts() {
  const bin = join(CONSUMER, 'node_modules/.bin/auth0-ts-mock-tenant')
  const child = spawn(bin, ['--port', '0'], {
    cwd: CONSUMER,
    env: cleanEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.add(child)
  try {
    const line = await new Promise((res, rej) => {
      let out = ''
      const timer = setTimeout(() => rej(new Error(`no line within 20 s: ${out}`)), 20_000)
      child.stdout.on('data', (d) => {
        out += d
        if (out.includes('\n')) {
          clearTimeout(timer)
          res(out.split('\n')[0])
        }
      })
      child.stderr.on('data', (d) => (out += d))
      child.on('close', (code) => {
        clearTimeout(timer)
        rej(new Error(`exited ${code}: ${out}`))
      })
    })
    const info = JSON.parse(line).mockTenant
    const problems = []
    if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(info?.url ?? ''))
      problems.push(`it printed ${line.slice(0, 200)}`)
    else {
      const res = await fetch(`${info.url}/.well-known/openid-configuration`)
      const doc = await res.json()
      if (doc.issuer !== info.issuer)
        problems.push(`its discovery document names the issuer ${doc.issuer}`)
    }
    return problems
  } finally {
    if (child.exitCode === null) {
      const closed = new Promise((res) => child.once('close', res))
      process.kill(child.pid, 'SIGTERM')
      await closed
    }
    children.delete(child)
  }
}

// --- the run ----------------------------------------------------------------------------------------------------
try {
  const before = pendingChangesets(ROOT)
  await step('copy the tree', () => {
    const n = copyTree()
    console.log(`    ${n} files into ${TREE}`)
  })
  await step('install the copy (pnpm install --frozen-lockfile)', () =>
    run(
      'install',
      'pnpm',
      ['install', '--frozen-lockfile', '--prefer-offline', '--reporter=append-only'],
      {
        env: cleanEnv(),
        timeout: 600_000,
      },
    ),
  )
  await step('version with changesets in the copy', async () => {
    await run(
      'version',
      process.execPath,
      [join(TREE, 'node_modules/@changesets/cli/bin.js'), 'version'],
      {
        env: cleanEnv(),
      },
    )
  })
  const packages = publicPackages(TREE)
  const versions = new Map(packages.map((p) => [p.manifest.name, p.manifest.version]))
  const original = new Map(publicPackages(ROOT).map((p) => [p.manifest.name, p.manifest.version]))
  console.log(
    `    ${packages.map((p) => `${p.manifest.name}@${original.get(p.manifest.name)} -> ${p.manifest.version}`).join('\n    ')}`,
  )
  check('changesets consumed the pending changesets in the copy; the repository keeps its own', [
    pendingChangesets(TREE).length > 0 &&
      `the copy still has ${pendingChangesets(TREE).join(', ')}`,
    pendingChangesets(ROOT).join() !== before.join() && 'the repository lost changesets',
    before.length > 0 &&
      packages.every((p) => p.manifest.version === original.get(p.manifest.name)) &&
      'no version changed',
  ])

  await step('build the public packages in the copy', () =>
    run(
      'build',
      'pnpm',
      ['-r', ...packages.flatMap((p) => ['--filter', p.manifest.name]), 'run', 'build'],
      {
        env: cleanEnv(),
        timeout: 900_000,
      },
    ),
  )

  const reg = await step('start Verdaccio on 127.0.0.1', () => startRegistry())
  console.log(`    ${reg.url} (PID ${reg.child.pid})`)
  // the copy's .npmrc sends pnpm publish there; npm needs a token even when anonymous publish is allowed
  const npmrc = join(TREE, '.npmrc')
  writeFileSync(
    npmrc,
    `${existsSync(npmrc) ? readFileSync(npmrc, 'utf8') : ''}\nregistry=${reg.url}\n@auth0-ts:registry=${reg.url}\n//127.0.0.1:${reg.port}/:_authToken=rehearsal-dummy-token\n`,
  )
  const publishHome = join(TMP, 'publish-home')
  mkdirSync(publishHome)
  const publishEnv = cleanEnv({ HOME: publishHome, npm_config_registry: reg.url })
  await step('publish with changesets (changeset publish)', async () => {
    // never the public registry: pnpm must say it publishes to the local one before anything is sent
    const dry = await run('publish-dry-run', 'pnpm', ['publish', '--dry-run', '--no-git-checks'], {
      cwd: packages[0].dir,
      env: publishEnv,
    })
    if (!dry.includes(`→ ${reg.url}`))
      throw new Error(`pnpm would not publish to ${reg.url}:\n${dry}`)
    await run(
      'publish',
      process.execPath,
      [join(TREE, 'node_modules/@changesets/cli/bin.js'), 'publish', '--no-git-tag'],
      {
        env: publishEnv,
      },
    )
  })

  for (const p of packages) await checkTarball(p.manifest.name, p.manifest.version, versions)

  // --- the consumer ---
  const home = join(TMP, 'home')
  mkdirSync(home)
  mkdirSync(CONSUMER)
  const upstream = spawnSync('npm', ['config', 'get', 'registry'], {
    cwd: tmpdir(),
    env: cleanEnv(),
    encoding: 'utf8',
  }).stdout.trim()
  writeFileSync(
    join(CONSUMER, '.npmrc'),
    [
      `@auth0-ts:registry=${reg.url}`,
      `registry=${upstream || 'https://registry.npmjs.org/'}`,
      `cache=${join(TMP, 'npm-cache')}`,
      'update-notifier=false',
      'fund=false',
      'audit=false',
      '',
    ].join('\n'),
  )
  writeFileSync(
    join(CONSUMER, 'package.json'),
    `${JSON.stringify({ name: 'rehearsal-consumer', private: true, type: 'module' }, null, 2)}\n`,
  )
  const consumerEnv = cleanEnv({ HOME: home })
  await step(
    `npm install ${CONSUMER_PACKAGES.join(' ')} ${CONSUMER_TOOLS.join(' ')} (fresh folder, cache and HOME)`,
    () =>
      run('consumer-install', 'npm', ['install', ...CONSUMER_PACKAGES, ...CONSUMER_TOOLS], {
        cwd: CONSUMER,
        env: consumerEnv,
        timeout: 600_000,
      }),
  )
  const lock = readJson(join(CONSUMER, 'package-lock.json'))
  const wrongSource = Object.entries(lock.packages)
    .filter(([path]) => path.startsWith('node_modules/'))
    .filter(
      ([path, entry]) =>
        /(^|\/)node_modules\/@auth0-ts\/[^/]+$/.test(path) !==
        (entry.resolved ?? '').startsWith(reg.url),
    )
    .map(([path, entry]) => `${path.slice(13)} from ${entry.resolved}`)
  check(
    `only @auth0-ts/* came from the local registry, everything else from ${upstream}`,
    wrongSource,
  )
  const installed = readdirSync(join(CONSUMER, 'node_modules/@auth0-ts')).map(
    (d) => `@auth0-ts/${d}`,
  )
  check(
    'the install pulled @auth0-ts/core in through the dependencies, and no optional peer (msw)',
    [
      !installed.includes('@auth0-ts/core') && 'no @auth0-ts/core',
      existsSync(join(CONSUMER, 'node_modules/msw')) && 'msw was installed',
    ],
  )

  const importOutput = await step(
    'import every entry point (ESM and CJS)',
    () => {
      writeFileSync(join(CONSUMER, 'import-all.mjs'), IMPORT_ALL)
      return run('import-all', process.execPath, ['import-all.mjs'], {
        cwd: CONSUMER,
        env: consumerEnv,
      })
    },
    { fatal: false },
  )
  const imported = JSON.parse(
    importOutput?.trim().split('\n').at(-1) ?? '{"n":0,"failures":["did not run"]}',
  )
  for (const note of imported.notes ?? []) console.log(`    ${note}`)
  check(
    `${imported.n} entry points load with import and require from the install`,
    imported.failures,
  )

  check(
    'the mock tenant CLI (auth0-ts-mock-tenant --port 0) starts from the install',
    await cliStarts().catch((e) => [e.message]),
  )

  for (const f of ['program.ts', 'tsconfig.json'])
    cpSync(join(ROOT, 'scripts/rehearsal', f), join(CONSUMER, f))
  const snippets = writeSnippets(
    join(ROOT, 'MIGRATING.md'),
    join(CONSUMER, 'migrating'),
    'migrating',
  )
  console.log(`    and MIGRATING.md's ${snippets.length} TypeScript blocks, in migrating/`)
  await step("compile the program and MIGRATING.md's TypeScript with tsc --strict", () =>
    run('tsc', join(CONSUMER, 'node_modules/.bin/tsc'), ['--strict', '-p', 'tsconfig.json'], {
      cwd: CONSUMER,
      env: consumerEnv,
    }),
  )
  const output = await step(
    "run auth0-python's examples against the installed mock tenant",
    () =>
      run('program', process.execPath, ['out/program.js'], {
        cwd: CONSUMER,
        env: consumerEnv,
        timeout: 120_000,
      }),
    { fatal: false },
  )
  if (output !== undefined) {
    const lines = output.trim().split('\n')
    for (const line of lines.slice(0, -1)) console.log(line)
    const counts = JSON.parse(lines.at(-1))
    results.passed += counts.passed
    results.failed += counts.failed
  }
} catch (e) {
  if (!(e instanceof Abort)) check('release rehearsal', e instanceof Error ? e.stack : String(e))
} finally {
  if (registry) {
    const pid = registry.child.pid
    check(
      `stop the registry (PID ${pid})`,
      (await stopRegistry()) ? [] : ['it did not exit within 5 s of SIGTERM'],
    )
  }
}

const seconds = ((Date.now() - T0) / 1000).toFixed(1)
if (results.failed === 0 && !keep) rmSync(TMP, { recursive: true, force: true })
else console.log(`release-rehearse: logs and the copy are in ${TMP}`)
console.log(`release-rehearse: ${results.passed} passed, ${results.failed} failed (${seconds}s)`)
if (jsonFile) {
  mkdirSync(dirname(jsonFile), { recursive: true })
  writeFileSync(jsonFile, `${JSON.stringify(results)}\n`)
}
console.log(JSON.stringify(results))
process.exitCode = results.failed === 0 && results.passed > 0 ? 0 : 1
