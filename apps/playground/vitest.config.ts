import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts'],
    restoreMocks: true,
    // CI runs the suites side by side on 2 cores: each test starts an in-memory tenant (two RSA key pairs)
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
})
