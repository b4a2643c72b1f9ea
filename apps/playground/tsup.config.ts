import { defineConfig } from 'tsup'

// The server is bundled on its own; the workspace packages stay external, so it loads their built output by name.
export default defineConfig({
  entry: { main: 'server/main.ts' },
  outDir: 'dist/server',
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  clean: true,
  tsconfig: 'tsconfig.server.json',
})
