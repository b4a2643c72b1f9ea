import { defineConfig } from 'tsup'
import { baseConfig } from '../../tooling/tsup.ts'

// zod/mini is bundled (tree-shaken to the few schemas core uses): importing the whole zod/mini module graph costs
// about 100 ms of cold start on Node, most of the SDK's import time. zod stays a dependency for the types of
// `parseOptions`.
export default defineConfig(
  baseConfig(import.meta.dirname, {
    entry: ['src/index.ts', 'src/internal.ts'],
    noExternal: ['zod'],
    // CJS too, so that index.cjs and internal.cjs share one copy of each class (instanceof holds across them)
    splitting: true,
  }),
)
