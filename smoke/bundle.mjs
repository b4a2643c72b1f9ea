// Bundles the edge entries with esbuild, as a user's bundler would: platform neutral, the `worker`/`browser`
// export conditions, no Node polyfills. Output goes to smoke/.build/ (git-ignored):
//   worker.js         the workerd entry
//   browser.js        the Chromium page's module
//   worker-canary.js  the workerd entry with a Node-only global (`process.env`) injected at the top of
//                     @auth0-ts/core's main entry, in memory only: workerd must refuse it (the negative control)
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const here = fileURLToPath(new URL('.', import.meta.url))
const common = {
  absWorkingDir: here,
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  target: 'es2022',
  logLevel: 'warning',
}

const canary = {
  name: 'node-global-canary',
  setup(b) {
    b.onLoad({ filter: /[\\/]core[\\/]dist[\\/]index\.js$/ }, async (args) => ({
      contents: `globalThis.__auth0TsCanary = process.env.AUTH0_TS_CANARY;\n${await readFile(args.path, 'utf8')}`,
      loader: 'js',
    }))
  },
}

await Promise.all([
  build({
    ...common,
    entryPoints: ['worker.mjs'],
    conditions: ['worker', 'browser'],
    outfile: '.build/worker.js',
  }),
  build({
    ...common,
    entryPoints: ['browser.mjs'],
    conditions: ['browser'],
    outfile: '.build/browser.js',
    sourcemap: true,
  }),
  build({
    ...common,
    entryPoints: ['worker.mjs'],
    conditions: ['worker', 'browser'],
    outfile: '.build/worker-canary.js',
    plugins: [canary],
  }),
])
