#!/usr/bin/env node
// `pnpm bench`: every side-by-side scenario in one run. Each scenario module exports `run()` returning rows
// `{ scenario, subject, value, unit, ratio?, note? }`; this prints them as one table and writes bench/results.json.
// Pick scenarios with BENCH=verify,management,fleet (default: all).
import { writeFileSync } from 'node:fs'

const all = ['verify', 'management', 'fleet', 'authentication']
const wanted = (process.env.BENCH ?? all.join(','))
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean)
const rows = []
const started = Date.now()
for (const name of wanted) {
  const t0 = Date.now()
  process.stderr.write(`\n== ${name} ==\n`)
  try {
    const mod = await import(`./${name}.mjs`)
    rows.push(...(await mod.run()))
  } catch (e) {
    rows.push({
      scenario: name,
      subject: '-',
      value: NaN,
      unit: '-',
      note: `failed: ${e?.message ?? e}`,
    })
  }
  process.stderr.write(`== ${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s ==\n`)
}

const fmt = (v) =>
  typeof v === 'number'
    ? Number.isInteger(v)
      ? String(v)
      : v.toFixed(v < 10 ? 3 : 1)
    : String(v ?? '')
const table = rows.map((r) => ({
  scenario: r.scenario,
  subject: r.subject,
  value: fmt(r.value),
  unit: r.unit,
  ratio: r.ratio === undefined ? '' : `${fmt(r.ratio)}×`,
  note: r.note ?? '',
}))
const cols = ['scenario', 'subject', 'value', 'unit', 'ratio', 'note']
const width = Object.fromEntries(
  cols.map((c) => [c, Math.max(c.length, ...table.map((r) => r[c].length))]),
)
const line = (r) => cols.map((c) => r[c].padEnd(width[c])).join(' | ')
console.log(`\nauth0-ts benchmarks (node ${process.version}, ${new Date().toISOString()})\n`)
console.log(line(Object.fromEntries(cols.map((c) => [c, c]))))
console.log(cols.map((c) => '-'.repeat(width[c])).join('-|-'))
for (const r of table) console.log(line(r))
console.log(`\ntotal ${((Date.now() - started) / 1000).toFixed(1)} s`)
writeFileSync(
  new URL('../results.json', import.meta.url),
  JSON.stringify({ node: process.version, date: new Date().toISOString(), rows }, null, 2),
)
