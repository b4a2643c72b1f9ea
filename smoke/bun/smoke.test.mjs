// `bun test ./smoke/bun` with SMOKE_BASE set: each check becomes one bun:test test.
import { expect, test } from 'bun:test'
import { sdk } from '../sdk.mjs'
import { runChecks, summaryLine } from '../checks.mjs'

const label = process.env.SMOKE_LABEL ?? 'bun-test'
const result = await runChecks(process.env.SMOKE_BASE, sdk, console.log, label)
console.log(summaryLine(label, result))

for (const r of result.results) test(r.name, () => expect(r.error).toBeUndefined())
