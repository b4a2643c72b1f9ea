import { defineConfig } from 'tsup'
import { baseConfig } from '../../tooling/tsup.ts'

export default defineConfig(
  baseConfig(import.meta.dirname, {
    entry: ['src/index.ts', 'src/internal.ts'],
    // CJS too, so that index.cjs and internal.cjs share one copy of each class (instanceof holds across them)
    splitting: true,
  }),
)
