import { defineConfig } from 'tsup'
import { baseConfig } from '../../tooling/tsup.ts'

export default defineConfig([
  baseConfig(import.meta.dirname, { platform: 'node' }),
  baseConfig(import.meta.dirname, {
    entry: ['src/cli.ts'],
    format: ['esm'],
    dts: false,
    clean: false,
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
  }),
])
