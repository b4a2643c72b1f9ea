// Shared tsup settings: every package builds to ESM + CJS + d.ts the same way.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Options } from 'tsup'

/** Build-time constants that each package bakes in (telemetry name and version). */
export function packageDefines(dir: string): Record<string, string> {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    name: string
    version: string
  }
  return {
    __PKG_NAME__: JSON.stringify(pkg.name),
    __PKG_VERSION__: JSON.stringify(pkg.version),
  }
}

export function baseConfig(dir: string, overrides: Options = {}): Options {
  return {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
    tsconfig: 'tsconfig.src.json',
    treeshake: true,
    define: packageDefines(dir),
    ...overrides,
  }
}
