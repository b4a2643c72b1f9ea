import { packageVitestConfig } from '../../tooling/vitest.ts'

// Key generation (RSA, 2048 bits and up) and the over-HTTP integration test can be slow on a busy CI machine.
export default packageVitestConfig(import.meta.dirname, {
  testTimeout: 30_000,
  hookTimeout: 60_000,
})
