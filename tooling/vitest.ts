// Shared vitest settings for every package: JSON report for the CI count, build-time constants.
import { defineConfig, type ViteUserConfig } from 'vitest/config'
import { packageDefines } from './tsup.ts'

export function packageVitestConfig(dir: string, test: NonNullable<ViteUserConfig['test']> = {}) {
  return defineConfig({
    define: packageDefines(dir),
    test: {
      include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts', 'test/**/*.test.tsx'],
      typecheck: { enabled: true, include: ['src/**/*.test-d.ts', 'test/**/*.test-d.ts'] },
      restoreMocks: true,
      // CI runs every package's suite at once on 2 cores: generous limits keep slow-but-correct tests from failing.
      testTimeout: 20_000,
      hookTimeout: 60_000,
      ...test,
    },
  })
}
