import { defineConfig } from 'tsup'
import { baseConfig } from '../../tooling/tsup.ts'

// Two entries: the browser hooks, and the server proxy (which never loads React).
export default defineConfig(
  baseConfig(import.meta.dirname, { entry: ['src/index.ts', 'src/server.ts'] }),
)
