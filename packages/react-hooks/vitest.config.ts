import { packageVitestConfig } from '../../tooling/vitest.ts'

export default packageVitestConfig(import.meta.dirname, {
  setupFiles: ['./src/test-utils/setup.ts'],
})
