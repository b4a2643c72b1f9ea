import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { defineConfig } from 'tsup'
import { baseConfig } from '../../tooling/tsup.ts'

const USE_CLIENT = "'use client';\n"

// esbuild drops module directives when it bundles, so the browser entry gets its 'use client' back here; the server
// entry must not have one. Each source map moves down the one line added (a leading ';' in `mappings`).
async function markClientEntries(dist: string): Promise<void> {
  for (const file of ['index.js', 'index.cjs']) {
    const path = join(dist, file)
    const code = await readFile(path, 'utf8')
    if (code.startsWith(USE_CLIENT)) continue
    await writeFile(path, USE_CLIENT + code)
    const map = JSON.parse(await readFile(`${path}.map`, 'utf8')) as { mappings: string }
    map.mappings = `;${map.mappings}`
    await writeFile(`${path}.map`, JSON.stringify(map))
  }
}

// Two entries: the browser hooks (a client module for React Server Components), and the server proxy (which never
// loads React).
export default defineConfig(
  baseConfig(import.meta.dirname, {
    entry: ['src/index.ts', 'src/server.ts'],
    onSuccess: () => markClientEntries(join(import.meta.dirname, 'dist')),
  }),
)
