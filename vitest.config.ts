// Runs every package's tests from the root in one process (handy in an editor); CI runs them per package via turbo.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: { projects: ['packages/*', 'apps/*'] },
})
