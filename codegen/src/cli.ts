// The generator's command line.
//
//   node codegen/dist/cli.js generate --oas ../shared/oas/management-api-oas.json
//   node codegen/dist/cli.js check [--oas <path>]
//
// `generate` writes every generated file, removes stale ones and prints what changed in the operations. `check`
// regenerates into a temporary directory and exits 1, with a summary of the differences, when the committed output
// is not what the definition gives. Paths are relative to the working directory; the root scripts run from the
// repository root. `check` defaults to ../shared/oas/management-api-oas.json.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { diffFiles } from './diff.js'
import { generate, GENERATED_DIRS, MANIFEST_PATH } from './generate.js'
import { diffManifests, formatSummary, parseManifest, type Manifest } from './manifest.js'
import type { OasDocument } from './model.js'
import { prettierFormatter } from './format.js'

const DEFAULT_OAS = '../shared/oas/management-api-oas.json'

function usage(message: string): never {
  console.error(
    `${message}\nusage: cli.js generate --oas <definition.json> | check [--oas <definition.json>]`,
  )
  process.exit(2)
}

/** Every file under the generated directories of a tree, relative to its root. */
function listGenerated(root: string): string[] {
  const out: string[] = []
  const walk = (dir: string): void => {
    if (!existsSync(join(root, dir))) return
    for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
      const p = `${dir}/${e.name}`
      if (e.isDirectory()) walk(p)
      else out.push(p)
    }
  }
  for (const d of GENERATED_DIRS) walk(d)
  return out.sort()
}

function readManifest(root: string): Manifest | undefined {
  const file = join(root, MANIFEST_PATH)
  return parseManifest(existsSync(file) ? readFileSync(file, 'utf8') : undefined)
}

async function writeTree(root: string, files: Map<string, string>): Promise<string[]> {
  const stale = listGenerated(root).filter((p) => !files.has(p))
  for (const p of stale) rmSync(join(root, p))
  for (const [p, text] of files) {
    await mkdir(dirname(join(root, p)), { recursive: true })
    await writeFile(join(root, p), text)
  }
  return stale
}

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== '--')
  const command = args[0] === 'generate' || args[0] === 'check' ? args.shift() : 'generate'
  const oasAt = args.indexOf('--oas')
  const rootAt = args.indexOf('--root')
  const root = resolve(
    rootAt === -1
      ? join(dirname(fileURLToPath(import.meta.url)), '../..')
      : (args[rootAt + 1] ?? usage('--root needs a directory')),
  )
  const oas =
    oasAt === -1
      ? command === 'check'
        ? DEFAULT_OAS
        : usage('--oas is required')
      : args[oasAt + 1]
  if (oas === undefined) usage('--oas needs a path')
  const oasPath = resolve(oas)
  if (!existsSync(oasPath)) usage(`no definition at ${oasPath}`)
  const definition = JSON.parse(readFileSync(oasPath, 'utf8')) as OasDocument
  const started = Date.now()
  const out = await generate({ definition, format: prettierFormatter(root) })
  const summary = formatSummary(diffManifests(readManifest(root), out.manifest))
  const counts = `${out.model.operations.length} operations (${out.model.operations.filter((o) => o.source === 'definition').length} from the definition, ${out.model.operations.filter((o) => o.source === 'node-auth0').length} from additions.ts)`
  if (command === 'generate') {
    const stale = await writeTree(root, out.files)
    console.log(`codegen: ${counts}; wrote ${out.files.size} files in ${Date.now() - started} ms`)
    for (const p of stale) console.log(`  removed stale ${p}`)
    console.log(summary)
    return 0
  }
  const temp = mkdtempSync(join(tmpdir(), 'auth0-ts-codegen-'))
  try {
    await writeTree(temp, out.files)
    const problems = diffFiles(root, temp, listGenerated(root), listGenerated(temp))
    if (problems.length === 0) {
      console.log(`codegen:check: the generated files are current (${counts})`)
      return 0
    }
    console.error(
      `codegen:check: the committed output differs from what ${relative(root, oasPath)} gives:`,
    )
    for (const p of problems) console.error(p)
    console.error(summary)
    console.error('Run `pnpm codegen -- --oas <definition>` and commit the result.')
    return 1
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    console.error(`codegen: ${e instanceof Error ? e.message : String(e)}`)
    process.exitCode = 1
  },
)
