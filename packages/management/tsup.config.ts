import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { defineConfig } from 'tsup'
import { baseConfig } from '../../tooling/tsup.ts'

const dir = import.meta.dirname
const dist = join(dir, 'dist')

/** Every `.d.ts` file under `root`. */
function declarationFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.d.ts'))
    .map((name) => join(root, name))
}

/**
 * The declarations as tsc writes them, one `.d.ts` per source file, plus a `.d.cts` twin of each for `require`.
 * Bundling them (tsup's `dts`) turned `export * as Management` into thousands of aliases that every user's compiler
 * then parsed and bound; unbundled, `Management` is one `export type *` line.
 */
function emitDeclarations(): void {
  const tsc = createRequire(join(dir, 'package.json')).resolve('typescript/bin/tsc')
  const args = ['-p', 'tsconfig.src.json', '--noEmit', 'false', '--allowImportingTsExtensions']
  args.push(
    'false',
    '--declaration',
    '--emitDeclarationOnly',
    '--outDir',
    'dist',
    '--rootDir',
    'src',
  )
  const r = spawnSync(process.execPath, [tsc, ...args], { cwd: dir, stdio: 'inherit' })
  if (r.status !== 0) throw new Error(`tsc could not emit the declarations (exit ${r.status})`)
  for (const file of declarationFiles(dist)) {
    const text = readFileSync(file, 'utf8')
    if (/(from |import\()["']\.{1,2}\/[^"']*\.ts["']/.test(text))
      throw new Error(`${file} imports a .ts path, which a user's compiler cannot resolve`)
    // A .d.cts is a CommonJS declaration file only if what it imports is too: `./x.js` becomes `./x.cjs` (→ x.d.cts).
    const cjs = text.replace(/((?:from |import\()["']\.{1,2}\/[^"']*)\.js(["'])/g, '$1.cjs$2')
    writeFileSync(file.replace(/\.d\.ts$/, '.d.cts'), cjs)
  }
}

export default defineConfig(
  baseConfig(dir, {
    dts: false,
    onSuccess: async () => emitDeclarations(),
  }),
)
