// A short, readable summary of how two trees of generated files differ.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const CONTEXT = 2
const MAX_LINES = 12

/** The differing region of two texts, as `-`/`+` lines with line numbers, cut to a few lines each. */
export function describeDifference(before: string, after: string): string[] {
  const a = before.split('\n')
  const b = after.split('\n')
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let endA = a.length - 1
  let endB = b.length - 1
  while (endA >= start && endB >= start && a[endA] === b[endB]) {
    endA--
    endB--
  }
  const out: string[] = []
  for (let i = Math.max(0, start - CONTEXT); i < start; i++) out.push(`    ${i + 1}   ${a[i]}`)
  const removed = a.slice(start, endA + 1)
  const added = b.slice(start, endB + 1)
  removed.slice(0, MAX_LINES).forEach((l, i) => out.push(`    ${start + i + 1} - ${l}`))
  if (removed.length > MAX_LINES)
    out.push(`      ... ${removed.length - MAX_LINES} more removed lines`)
  added.slice(0, MAX_LINES).forEach((l, i) => out.push(`    ${start + i + 1} + ${l}`))
  if (added.length > MAX_LINES) out.push(`      ... ${added.length - MAX_LINES} more added lines`)
  return out
}

/** One entry per differing file: missing, unexpected, or changed with its differing region. */
export function diffFiles(
  committedRoot: string,
  freshRoot: string,
  committed: readonly string[],
  fresh: readonly string[],
): string[] {
  const problems: string[] = []
  for (const p of fresh) {
    const file = join(committedRoot, p)
    if (!existsSync(file) || !committed.includes(p)) {
      problems.push(`  missing  ${p}`)
      continue
    }
    const before = readFileSync(file, 'utf8')
    const after = readFileSync(join(freshRoot, p), 'utf8')
    if (before !== after)
      problems.push(`  changed  ${p}\n${describeDifference(before, after).join('\n')}`)
  }
  for (const p of committed)
    if (!fresh.includes(p)) problems.push(`  stale    ${p} (the definition no longer gives it)`)
  return problems
}
