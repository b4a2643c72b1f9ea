import { defineConfig } from 'tsup'
import { baseConfig } from '../../tooling/tsup.ts'

export default defineConfig([
  // `msw` is the only entry that imports msw (an optional peer dependency); `index` and the CLI never do.
  baseConfig(import.meta.dirname, { entry: ['src/index.ts', 'src/msw.ts'], platform: 'node' }),
  baseConfig(import.meta.dirname, {
    entry: ['src/cli.ts'],
    format: ['esm'],
    dts: false,
    clean: false,
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
  }),
])
