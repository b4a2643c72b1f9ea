import { defineConfig } from 'tsup'
import { baseConfig } from '../../tooling/tsup.ts'

// One index, plus one entry per crypto back-end. `#crypto-backend` stays external: the package.json `imports` map
// resolves it where the package is installed (`node` condition: node:crypto; otherwise Web Crypto). Shared chunks
// (CJS too) keep one copy of each class, so `instanceof` holds between the index and a back-end.
export default defineConfig(
  baseConfig(import.meta.dirname, {
    entry: ['src/index.ts', 'src/backend.web.ts', 'src/backend.node.ts'],
    dts: { entry: ['src/index.ts'] },
    tsconfig: 'tsconfig.node.json',
    external: [/^node:/, '#crypto-backend'],
    removeNodeProtocol: false,
    splitting: true,
  }),
)
