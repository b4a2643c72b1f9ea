import { defineConfig } from 'tsup'
import { baseConfig } from '../../tooling/tsup.ts'

// Two entries: the universal one (Web Crypto only; `tsconfig.src.json` type-checks it without Node types) and
// the Node fast path selected by the `node` export condition. They share chunks, so `instanceof` works across.
export default defineConfig(
  baseConfig(import.meta.dirname, {
    entry: ['src/index.ts', 'src/index.node.ts'],
    tsconfig: 'tsconfig.node.json',
    external: [/^node:/],
    removeNodeProtocol: false,
  }),
)
