#!/usr/bin/env node
// `pnpm docs:build`: the API reference, with TypeDoc, from typedoc.json, into api-docs/ (git-ignored).
//
//   node scripts/docs-build.mjs [--strict]
//
// One program over every package's source (tsconfig.docs.json), so a type of core used by management links to core's
// page. On top of TypeDoc:
// - each entry point's section is named by its package (`@auth0-ts/mock-tenant/msw`) and opens with the package's
//   README;
// - `ManagementClient`'s operations are mapped types TypeDoc cannot list, so the generator's manifest
//   (packages/management/src/generated/manifest.json: facts only) becomes one page per group, `client.<group>.<name>`
//   with its route, scopes and types;
// - TypeDoc checks exports only for its own project's package, so the check runs once per package here;
// - MIGRATING.md's TypeScript blocks are compiled against the source first (an error there fails the build).
// Warnings are counted per package and split into hand-written and generated symbols; errors fail the build, and
// with --strict so does any warning about a hand-written symbol.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  Application,
  Converter,
  LogLevel,
  MinimalSourceFile,
  ReflectionKind,
  TSConfigReader,
  TypeDocReader,
} from 'typedoc'
import { writeSnippets } from './rehearsal/snippets.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
process.chdir(ROOT)
const strict = process.argv.includes('--strict')
const T0 = Date.now()

/** The package directory and name of a source file under packages/<dir>/. */
function packageOf(file) {
  const rel = relative(join(ROOT, 'packages'), file)
  if (rel.startsWith('..')) return null
  const dir = join(ROOT, 'packages', rel.split(/[\\/]/)[0])
  return { dir, name: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name }
}

// --- MIGRATING.md's TypeScript, compiled against the source (the release rehearsal compiles it against the packages)
function checkGuideSnippets() {
  const dir = join(ROOT, 'node_modules/.cache/auth0-ts-snippets')
  rmSync(dir, { recursive: true, force: true })
  const files = writeSnippets(join(ROOT, 'MIGRATING.md'), dir, 'migrating')
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: '../../../tsconfig.docs.json',
      compilerOptions: { noEmit: true, noUnusedLocals: false, noUnusedParameters: false },
      include: ['*.ts', '../../../tooling/globals.d.ts', '../../../packages/*/src/**/*.d.ts'],
    }),
  )
  const tsc = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir],
    {
      encoding: 'utf8',
    },
  )
  // migrating-line-87.ts(7,94): ... -> MIGRATING.md:93:94: ...
  const problems = `${tsc.stdout}${tsc.stderr}`
    .split('\n')
    .filter(Boolean)
    .map((l) =>
      l.replace(
        /^.*migrating-line-(\d+)\.ts\((\d+),(\d+)\)/,
        (_, start, line, col) => `MIGRATING.md:${Number(start) + Number(line)}:${col}`,
      ),
    )
  console.log(
    `docs:build: MIGRATING.md's ${files.length} TypeScript blocks ${tsc.status === 0 ? 'compile' : 'do NOT compile'}`,
  )
  for (const p of problems) console.log(`  ${p}`)
  return tsc.status === 0 ? 0 : Math.max(1, problems.length)
}
const snippetErrors = checkGuideSnippets()

// --- the log: every warning and error, kept to be counted ------------------------------------------------------
const logged = []
const app = await Application.bootstrapWithPlugins({}, [new TypeDocReader(), new TSConfigReader()])
const log = app.logger.log.bind(app.logger)
app.logger.log = (message, level) => {
  if (level === LogLevel.Warn || level === LogLevel.Error) logged.push({ message, level })
  log(message, level)
}

// --- sections named by package, opening with its README -------------------------------------------------------
const entryFiles = new Map() // module reflection -> entry file
app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
  if (!reflection.kindOf(ReflectionKind.Module) || reflection.parent !== context.project) return
  const file = context
    .getSymbolFromReflection(reflection)
    ?.declarations?.[0]?.getSourceFile().fileName
  const pkg = file && packageOf(file)
  if (!pkg) return
  const entry = basename(file).replace(/\.ts$/, '')
  reflection.name = entry === 'index' ? pkg.name : `${pkg.name}/${entry}`
  entryFiles.set(reflection, { file, pkg, entry })
})

/** Markdown of the management groups, from the generator's manifest (facts only: route, scopes, type names). */
function operationPages(project, management) {
  const manifest = JSON.parse(
    readFileSync(join(ROOT, 'packages/management/src/generated/manifest.json'), 'utf8'),
  )
  const namespace = management.getChildByName('Management')
  const typeRef = (name) => {
    const bare = name?.replace(/^T\./, '')
    if (!bare || bare === 'void') return name === 'void' ? '`void`' : ''
    return namespace?.getChildByName(bare) ? `{@link Management.${bare} | ${bare}}` : `\`${bare}\``
  }
  const groups = new Map()
  for (const [key, op] of Object.entries(manifest.operations)) {
    const group = key.split('.')[0]
    if (!groups.has(group)) groups.set(group, [])
    groups.get(group).push([key, op])
  }
  const pages = []
  for (const [group, ops] of groups) {
    const rows = ops.map(([key, op]) => {
      const params = [
        ...Object.keys(op.path ?? {}),
        ...(op.requestType === 'void' ? [] : ['request']),
      ]
      const scopes = (op.scopes ?? []).map((s) => `\`${s}\``).join(', ')
      const lifecycle = op.lifecycle && op.lifecycle !== 'GA' ? ` (${op.lifecycle})` : ''
      return `| ${key} | \`${op.route}\`${lifecycle} | ${params.join(', ')} | ${typeRef(op.requestType)} | ${typeRef(op.responseType)} | ${scopes} |`
    })
    pages.push({
      name: `ManagementClient.${group}`,
      text: [
        `# ManagementClient.${group}`,
        '',
        `\`new ManagementClient(options).${group}\`: ${ops.length} operation${ops.length === 1 ? '' : 's'}. Call one as ` +
          '`client.<group>.<name>(path parameters, request, options)`; a list resolves to a `Page`. Listed from ' +
          "`packages/management/src/generated/manifest.json`, which codegen writes from Auth0's Management API definition.",
        '',
        '| operation | route | parameters | request | response | scopes (any one) |',
        '| --- | --- | --- | --- | --- | --- |',
        ...rows,
        '',
      ].join('\n'),
    })
  }
  return pages
}

app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
  const { project } = context
  for (const [module, { pkg, entry }] of entryFiles) {
    const readme = join(pkg.dir, 'README.md')
    if (entry !== 'index' || !existsSync(readme)) continue
    const { content } = app.converter.parseRawComment(
      new MinimalSourceFile(readFileSync(readme, 'utf8'), readme),
      project.files,
    )
    module.readme = content
    project.files.registerReflectionPath(readme, module)
    if (pkg.name === '@auth0-ts/management') {
      const folder = join(pkg.dir, 'src/generated')
      for (const page of operationPages(project, module)) {
        app.converter.addDocument(
          module,
          new MinimalSourceFile(page.text, join(folder, `${page.name}.md`)),
          page.name,
        )
      }
    }
  }
})

// --- convert, check, write -------------------------------------------------------------------------------------
const project = await app.convert()
if (!project) {
  console.error('docs:build: TypeDoc could not convert the project')
  process.exit(1)
}
const packages = [...new Set([...entryFiles.values()].map((e) => e.pkg.name))]
// notExported is checked only for symbols of the project's own package, so once per package; the rest once
const validation = app.options.getValue('validation')
app.options.setValue('packagesRequiringDocumentation', packages)
app.options.setValue('validation', { ...validation, notExported: false })
app.validate(project)
const projectPackage = project.packageName
for (const name of packages) {
  project.packageName = name
  app.options.setValue('validation', {
    notExported: validation.notExported,
    notDocumented: false,
    invalidLink: false,
    invalidPath: false,
    rewrittenLink: false,
    unusedMergeModuleWith: false,
  })
  app.validate(project)
}
project.packageName = projectPackage
await app.generateOutputs(project)

// --- the count -------------------------------------------------------------------------------------------------
const errors = [
  ...logged.filter((l) => l.level === LogLevel.Error),
  ...Array.from({ length: snippetErrors }, () => ({
    message: 'MIGRATING.md',
    level: LogLevel.Error,
  })),
]
const warnings = logged.filter((l) => l.level === LogLevel.Warn)
const where = (message) => {
  const m = /defined in (@auth0-ts\/[a-z-]+)\/(\S+)/.exec(message)
  if (m) return { pkg: m[1], generated: m[2].includes('/generated/') }
  const p = /(@auth0-ts\/[a-z-]+)/.exec(message)
  return { pkg: p?.[1] ?? 'auth0-ts', generated: false }
}
const byPackage = new Map()
for (const w of warnings) {
  const { pkg, generated } = where(w.message)
  const row = byPackage.get(pkg) ?? { handWritten: 0, generated: 0 }
  row[generated ? 'generated' : 'handWritten']++
  byPackage.set(pkg, row)
}
const handWritten = [...byPackage.values()].reduce((n, r) => n + r.handWritten, 0)
console.log('docs:build: warnings per package (hand-written / generated symbols)')
for (const [pkg, row] of [...byPackage].sort())
  console.log(`  ${pkg}: ${row.handWritten} / ${row.generated}`)
const seconds = ((Date.now() - T0) / 1000).toFixed(1)
console.log(
  `docs:build: ${errors.length} errors, ${warnings.length} warnings (${handWritten} about hand-written symbols), ${seconds}s; open ${relative(process.cwd(), resolve(app.options.getValue('out')))}/index.html`,
)
process.exitCode = errors.length > 0 || (strict && handWritten > 0) ? 1 : 0
