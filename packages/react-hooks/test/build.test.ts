// The built package, as a bundler sees it: the browser entry is a client module for React Server Components, the
// server entry is not, and the source maps still point at the right lines after the directive was added.
import { existsSync, readFileSync } from 'node:fs'
import { SourceMap } from 'node:module'
import { describe, expect, it } from 'vitest'

const dist = new URL('../dist/', import.meta.url)
const read = (file: string) => {
  const url = new URL(file, dist)
  if (!existsSync(url))
    throw new Error(
      `packages/react-hooks/dist/${file} is missing: build the package first (pnpm build)`,
    )
  return readFileSync(url, 'utf8')
}

describe('the built entries', () => {
  it.each(['index.js', 'index.cjs'])("%s starts with 'use client'", (file) => {
    expect(read(file).split('\n', 1)[0]).toBe("'use client';")
  })

  it.each(['server.js', 'server.cjs'])(
    "%s, which never loads React, has no 'use client'",
    (file) => {
      const code = read(file)
      expect(code).not.toContain('use client')
      expect(code).not.toMatch(/from ['"]react['"]|require\(['"]react['"]\)/)
    },
  )

  it.each(['index.js', 'index.cjs'])('%s.map still maps code to its source line', (file) => {
    const code = read(file).split('\n')
    const map = new SourceMap(JSON.parse(read(`${file}.map`)) as never)
    const line = code.findIndex((l) => l.includes('function createManagementClient('))
    expect(line).toBeGreaterThan(0)
    const column = code[line]!.indexOf('createManagementClient')
    const entry = map.findEntry(line, column) as {
      originalSource?: string
      originalLine?: number
    }
    const source = readFileSync(new URL('../src/client.ts', import.meta.url), 'utf8').split('\n')
    expect(entry.originalSource).toMatch(/src\/client\.ts$/)
    expect(source[entry.originalLine!]).toContain('export function createManagementClient(')
  })
})
