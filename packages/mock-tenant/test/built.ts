// Tests that run the built package: build it once when a fresh checkout has no dist yet.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export const root = join(import.meta.dirname, '..')

export function ensureBuilt(): void {
  const entries = ['index.js', 'index.cjs', 'cli.js'].map((f) => join(root, 'dist', f))
  if (entries.every((f) => existsSync(f))) return
  const tsup = join(
    dirname(createRequire(join(root, 'package.json')).resolve('tsup/package.json')),
    'dist',
    'cli-default.js',
  )
  execFileSync(process.execPath, [tsup], { cwd: root, stdio: 'ignore' })
}
