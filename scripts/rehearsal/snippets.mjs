// The TypeScript blocks of a Markdown file, each written out as a module of its own, so that a guide's examples are
// compiled: MIGRATING.md's by the release rehearsal (against the packages npm installed) and by docs:build (against
// the source).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** The ```ts blocks of `markdown`, with the line each starts on. */
function typescriptBlocks(markdown) {
  const blocks = []
  let open = null
  markdown.split('\n').forEach((text, i) => {
    if (open === null && /^```(ts|typescript)\s*$/.test(text)) open = { line: i + 1, lines: [] }
    else if (open !== null && /^```\s*$/.test(text)) {
      blocks.push({ line: open.line, code: open.lines.join('\n') })
      open = null
    } else if (open !== null) open.lines.push(text)
  })
  return blocks
}

/** Writes each block of `markdownFile` to `dir/<name>-line-<n>.ts`; returns the file names. */
export function writeSnippets(markdownFile, dir, name = 'snippet') {
  mkdirSync(dir, { recursive: true })
  return typescriptBlocks(readFileSync(markdownFile, 'utf8')).map(({ line, code }) => {
    const file = `${name}-line-${line}.ts`
    // a module of its own (its top-level names and await stay in it), whatever the block imports
    writeFileSync(join(dir, file), `${code}\nexport {}\n`)
    return file
  })
}
