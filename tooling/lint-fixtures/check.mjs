#!/usr/bin/env node
// Tests the layer lint itself: lints the fixtures in this directory as if they sat in each package's src/ (and in a
// test, the playground and a config file), with the repository's own eslint.config.js, and checks that exactly the
// forbidden imports are reported, each with its message, and that a clean file passes. The expectations are written
// out here, independently of eslint.config.js, so a regression in the config fails this check.
// Usage: node tooling/lint-fixtures/check.mjs [result.json]. Prints "ok"/"FAIL" lines on stderr and
// {"passed":N,"failed":N} on stdout (and into result.json); exits 1 when a check fails.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'

const ROOT = join(import.meta.dirname, '../..')
const HERE = join(ROOT, 'tooling/lint-fixtures')
const MOCK =
  '@auth0-ts/mock-tenant is a test tool: only tests, test-utils and the playground may import it.'
const REACT = 'Only react-hooks and the playground may import React.'
const only = (pkg, names) =>
  `The shipped source of ${pkg} may import only ${names} (and subpaths) of the @auth0-ts packages (style.md §1).`
const none = (pkg) =>
  `The shipped source of ${pkg} may import no other @auth0-ts package (style.md §1).`

// What each package's shipped source may import (style.md §1), and the message for anything else.
const SHIPPED = {
  core: { auth0: [], message: none('core') },
  authentication: { auth0: ['core'], message: only('authentication', '@auth0-ts/core') },
  management: { auth0: ['core'], message: only('management', '@auth0-ts/core') },
  'token-verifier': { auth0: ['core'], message: only('token-verifier', '@auth0-ts/core') },
  'mock-tenant': { auth0: [], message: none('mock-tenant') },
  'react-hooks': {
    auth0: ['core', 'management'],
    message: only('react-hooks', '@auth0-ts/core and @auth0-ts/management'),
    react: true,
    reactDom:
      'The shipped source of react-hooks may not import react-dom: it is not one of its dependencies.',
  },
  redis: { auth0: ['core'], message: only('redis', '@auth0-ts/core') },
}

const results = { passed: 0, failed: 0 }
async function check(name, fn) {
  try {
    await fn()
    results.passed++
    console.error(`ok   ${name}`)
  } catch (error) {
    results.failed++
    console.error(`FAIL ${name}\n${String(error?.message ?? error).replace(/^/gm, '       ')}`)
  }
}

// The fixture's path is virtual (no file on disk, so in no tsconfig): the type-aware rules, which need one, are turned
// off for it. The layer rules need no types, and everything else comes from eslint.config.js unchanged.
const VIRTUAL = '__lint_fixture__'
// LINT_FIXTURE_CONFIG=<file> checks another config (to see this check fail on the config it replaced).
const eslint = new ESLint({
  cwd: ROOT,
  ...(process.env.LINT_FIXTURE_CONFIG && { overrideConfigFile: process.env.LINT_FIXTURE_CONFIG }),
  overrideConfig: [{ files: [`**/${VIRTUAL}*`], ...tseslint.configs.disableTypeChecked }],
})

/** Lints a fixture as `dir/__lint_fixture__<suffix>` and returns every message as `line: [rule] message`. */
async function lintAs(fixture, dir, suffix = '.ts') {
  const filePath = join(ROOT, dir, `${VIRTUAL}${suffix}`)
  if (existsSync(filePath)) throw new Error(`${filePath} exists; the fixture path must be virtual`)
  const text = readFileSync(join(HERE, fixture), 'utf8')
  const [result] = await eslint.lintText(text, { filePath })
  if (!result) throw new Error(`${dir}: ESLint returned no result (is the path ignored?)`)
  return { text, messages: result.messages.map((m) => `${m.line}: [${m.ruleId}] ${m.message}`) }
}

/** The module specifier on each line that names one, by line number. */
function specifiers(text) {
  const out = []
  text.split('\n').forEach((line, i) => {
    const m = /(?:from |import\()'([^']+)'/.exec(line)
    if (m?.[1]) out.push({ line: i + 1, spec: m[1] })
  })
  return out
}

/** Compares two lists of messages as multisets, with a readable difference. */
function same(actual, expected) {
  const sort = (xs) => [...xs].sort()
  const a = sort(actual)
  const e = sort(expected)
  if (JSON.stringify(a) === JSON.stringify(e)) return
  const missing = e.filter((x) => !a.includes(x))
  const extra = a.filter((x) => !e.includes(x))
  throw new Error(
    [...missing.map((x) => `missing: ${x}`), ...extra.map((x) => `unexpected: ${x}`)].join('\n') ||
      `counts differ:\nexpected ${e.join('\n')}\nactual ${a.join('\n')}`,
  )
}

/** The message the shipped source of `pkg` must get for `spec`, or undefined when it may import it. */
function shippedMessage(pkg, spec) {
  const layer = SHIPPED[pkg]
  if (spec.startsWith('@auth0-ts/')) {
    const name = spec.split('/')[1]
    if (name === pkg || layer.auth0.includes(name)) return undefined
    return name === 'mock-tenant' ? MOCK : layer.message
  }
  if (!layer.react) return REACT
  return /^react-dom(\/|$)/.test(spec) ? layer.reactDom : undefined
}

/** How ESLint words a layer report: no-restricted-imports names the import; the import() selector does not. */
const layerMessage = (spec, line, text, message) =>
  /import\(/.test(text.split('\n')[line - 1] ?? '')
    ? `[no-restricted-syntax] ${message}`
    : `[no-restricted-imports] '${spec}' import is restricted from being used by a pattern. ${message}`

/** Lints `fixture` in `dir`, expecting `expect(spec)` (a message or undefined) on each import, and nothing else. */
async function expectLayer(fixture, dir, expect, suffix) {
  const { text, messages } = await lintAs(fixture, dir, suffix)
  const expected = specifiers(text).flatMap(({ line, spec }) => {
    const message = expect(spec)
    return message === undefined ? [] : [`${line}: ${layerMessage(spec, line, text, message)}`]
  })
  same(messages, expected)
  return expected.length
}

const packages = readdirSync(join(ROOT, 'packages'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(ROOT, 'packages', d.name, 'package.json')))
  .map((d) => d.name)

await check('every package has an expected layer here', () => {
  const missing = packages.filter((p) => !(p in SHIPPED))
  if (missing.length) throw new Error(`add to SHIPPED: ${missing.join(', ')}`)
})

for (const pkg of packages.filter((p) => p in SHIPPED)) {
  await check(`${pkg}: package.json dependencies agree with its layer`, () => {
    const json = JSON.parse(readFileSync(join(ROOT, 'packages', pkg, 'package.json'), 'utf8'))
    const deps = Object.keys({ ...json.dependencies, ...json.peerDependencies })
    same(
      deps.filter((d) => d.startsWith('@auth0-ts/')).map((d) => d.replace('@auth0-ts/', '')),
      SHIPPED[pkg].auth0,
    )
    same(
      deps.filter((d) => /^react(-dom)?$/.test(d)),
      SHIPPED[pkg].react ? ['react'] : [],
    )
  })
  await check(`${pkg}/src: every forbidden import is reported with its message`, async () => {
    const n = await expectLayer('every-import.ts', `packages/${pkg}/src`, (s) =>
      shippedMessage(pkg, s),
    )
    if (n === 0) throw new Error('the fixture forbids nothing here: it proves nothing')
  })
  const clean = SHIPPED[pkg].auth0.includes('core') || pkg === 'core'
  await check(`${pkg}/src: the clean file ${clean ? 'passes' : 'is refused'}`, () =>
    expectLayer('clean.ts', `packages/${pkg}/src`, (s) => shippedMessage(pkg, s)),
  )
}

await check('react-hooks/src: the .tsx side is held to the same list', () =>
  expectLayer(
    'every-import.ts',
    'packages/react-hooks/src',
    (s) => shippedMessage('react-hooks', s),
    '.tsx',
  ),
)

await check(
  'react-hooks/src: a conditional hook in a .ts file breaks the rules of hooks',
  async () => {
    const { messages } = await lintAs('hooks-in-ts.ts', 'packages/react-hooks/src')
    if (!messages.some((m) => m.includes('[react-hooks/rules-of-hooks]')))
      throw new Error(`no react-hooks/rules-of-hooks report; got:\n${messages.join('\n')}`)
  },
)

// Tests import what their package.json lists, the emulator included.
const testsOf = (pkg, allowed, react) => (spec) => {
  if (spec.startsWith('@auth0-ts/')) {
    const name = spec.split('/')[1]
    if (name === pkg || allowed.includes(name)) return undefined
    return allowed.length
      ? `^The tests of ${pkg} may import only`
      : `The tests of ${pkg} may import no other @auth0-ts package (style.md §1).`
  }
  return react ? undefined : REACT
}
for (const [pkg, allowed, react] of [
  ['management', ['core', 'authentication', 'mock-tenant'], false],
  ['react-hooks', ['core', 'management'], true],
  ['core', [], false],
]) {
  await check(`${pkg} tests: only what package.json lists`, async () => {
    const expect = testsOf(pkg, allowed, react)
    const { text, messages } = await lintAs('every-import.ts', `packages/${pkg}/src`, '.test.ts')
    const expected = specifiers(text).flatMap(({ line, spec }) => {
      const m = expect(spec)
      return m === undefined ? [] : [{ line, m }]
    })
    // the tests' message lists package.json's own order, so only its start is pinned here
    const lines = (ms) => ms.map((m) => Number(m.split(':')[0]))
    same(lines(messages).map(String), lines(expected.map((e) => `${e.line}:`)).map(String))
    for (const { line, m } of expected) {
      const got = messages.find((x) => x.startsWith(`${line}: `)) ?? ''
      const text = got.replace(
        /^\d+: \[[^\]]+\] (?:'[^']+' import is restricted from being used by a pattern\. )?/,
        '',
      )
      if (m.startsWith('^') ? !text.startsWith(m.slice(1)) : text !== m)
        throw new Error(`line ${line}: expected ${m}, got ${text}`)
    }
  })
}

await check('the playground may import every package and React', () =>
  expectLayer('every-import.ts', 'apps/playground/src', () => undefined, '.tsx'),
)
await check('any other file (codegen, config): no emulator, no React', () =>
  expectLayer('every-import.ts', 'codegen/src', (s) =>
    s.startsWith('@auth0-ts/mock-tenant') ? MOCK : /^react/.test(s) ? REACT : undefined,
  ),
)
await check('pnpm lint never sees the fixtures (globally ignored)', async () => {
  if (!(await eslint.isPathIgnored(join(HERE, 'every-import.ts'))))
    throw new Error('tooling/lint-fixtures/ must be in globalIgnores of eslint.config.js')
})

const line = JSON.stringify(results)
if (process.argv[2]) writeFileSync(process.argv[2], `${line}\n`)
console.log(line)
process.exitCode = results.failed === 0 && results.passed > 0 ? 0 : 1
