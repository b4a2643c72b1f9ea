#!/usr/bin/env node
// Sums the vitest JSON reports (packages/*/test-results/vitest.json, apps/*/..., codegen/...) plus extra result files
// given as arguments ({"passed":N,"failed":N,"skipped"?:N}); STEP_FAILURES adds failed non-test steps.
// Prints "N passed, N failed" (", N skipped" when any) as its only stdout line. Exit 0 only if none failed and some passed.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

let testStepFailed = process.env.TEST_STEP_FAILED === '1'
const reports = []
for (const root of ['packages', 'apps']) {
  if (!existsSync(root)) continue
  for (const dir of readdirSync(root)) {
    const file = join(root, dir, 'test-results', 'vitest.json')
    if (existsSync(file)) reports.push(file)
  }
}
// the private generator package sits at the root
if (existsSync('codegen/test-results/vitest.json')) reports.push('codegen/test-results/vitest.json')
let passed = 0
let failed = 0
let skipped = 0
// the names of the failed tests, printed last so that the tail of a CI log says what failed and why
const failures = []
for (const file of reports) {
  const r = JSON.parse(readFileSync(file, 'utf8'))
  for (const t of r.testResults ?? []) {
    const where = t.name ? t.name.replace(`${process.cwd()}/`, '') : file
    if (t.status === 'failed' && (t.assertionResults ?? []).length === 0)
      failures.push(`${where}: ${firstLine(t.message)}`)
    for (const a of t.assertionResults ?? [])
      if (a.status === 'failed')
        failures.push(
          `${where} > ${a.fullName}: ${firstLine((a.failureMessages ?? []).join('\n'))}`,
        )
  }
  // a test file that crashed before collecting any test counts as one failure
  const crashed = (r.testResults ?? []).filter(
    (t) => t.status === 'failed' && (t.assertionResults ?? []).length === 0,
  ).length
  passed += r.numPassedTests ?? 0
  failed += (r.numFailedTests ?? 0) + crashed
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0)
  console.error(
    `  ${file}: ${r.numPassedTests} passed, ${(r.numFailedTests ?? 0) + crashed} failed, ${(r.numPendingTests ?? 0) + (r.numTodoTests ?? 0)} skipped`,
  )
}
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.error(`  ${file}: missing, counted as 1 failed`)
    failed += 1
    continue
  }
  const r = JSON.parse(readFileSync(file, 'utf8'))
  passed += r.passed ?? 0
  failed += r.failed ?? 0
  skipped += r.skipped ?? 0
  if (r.testStepFailed) testStepFailed = true
  console.error(`  ${file}: ${r.passed ?? 0} passed, ${r.failed ?? 0} failed`)
}
failed += Number(process.env.STEP_FAILURES ?? 0)
if (failures.length > 0) {
  console.error('failed tests:')
  for (const f of failures.slice(0, 30)) console.error(`  ${f}`)
  if (failures.length > 30) console.error(`  ... and ${failures.length - 30} more`)
}
// the test runner failed without a failing test in any report (a crash, a missing report): still a failure
if (testStepFailed && failed === 0) {
  console.error('  the test step failed without reporting a failed test: counted as 1 failed')
  failed = 1
}
console.log(
  skipped > 0
    ? `${passed} passed, ${failed} failed, ${skipped} skipped`
    : `${passed} passed, ${failed} failed`,
)
process.exitCode = failed === 0 && passed > 0 ? 0 : 1

function firstLine(text) {
  const line =
    String(text ?? '')
      .split('\n')
      .find((l) => l.trim() !== '') ?? '(no message)'
  return line.trim().slice(0, 240)
}
