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
for (const file of reports) {
  const r = JSON.parse(readFileSync(file, 'utf8'))
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
