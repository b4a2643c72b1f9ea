import { defineConfig } from 'tsup'

// A Node 20 CLI: bundled to plain ESM, with typescript and prettier loaded from node_modules at run time.
export default defineConfig({
  entry: { cli: 'src/cli.ts', 'list-node-auth0': 'src/tools/list-node-auth0.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  clean: true,
  sourcemap: true,
  external: ['typescript', 'prettier'],
})
