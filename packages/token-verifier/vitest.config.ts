import { fileURLToPath } from 'node:url'
import { mergeConfig, type Plugin } from 'vitest/config'
import { packageVitestConfig } from '../../tooling/vitest.ts'

const backend = (name: 'web' | 'node'): string =>
  fileURLToPath(new URL(`./src/backend.${name}.ts`, import.meta.url))

// The sources import `#crypto-backend`, which package.json maps to the built back-ends. Tests resolve it to the
// sources instead: the Node back-end, as Node's `node` condition would, except for an index imported with
// `?backend=web`, which gets Web Crypto. So every behavioural suite runs the one index against both back-ends
// (src/test-utils `ENTRIES`); test/dist.test.ts checks the real map on the built package.
const cryptoBackendPerEntry: Plugin = {
  name: 'crypto-backend-per-entry',
  enforce: 'pre',
  resolveId(id, importer) {
    if (id !== '#crypto-backend') return null
    return backend(importer?.includes('?backend=web') ? 'web' : 'node')
  },
}

// Key generation (RSA, 2048 bits and up) and the over-HTTP integration test can be slow on a busy CI machine.
export default mergeConfig(
  packageVitestConfig(import.meta.dirname, { testTimeout: 30_000, hookTimeout: 60_000 }),
  { plugins: [cryptoBackendPerEntry] },
)
