import { defineConfig } from 'tsup'
import { baseConfig } from '../../tooling/tsup.ts'

export default defineConfig(baseConfig(import.meta.dirname))
