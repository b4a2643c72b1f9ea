// ESM entry for Node 20/22/24, Bun and Deno: imports the built packages by name, as a user would.
// Usage: <runtime> smoke/node.mjs <base-url> <label>
import { sdk } from './sdk.mjs'
import { runChecks, summaryLine } from './checks.mjs'

const [base, label = 'node'] = globalThis.Deno?.args ?? process.argv.slice(2)
const result = await runChecks(base, sdk, console.log, label)
console.log(summaryLine(label, result))
if (result.failed > 0) (globalThis.Deno?.exit ?? process.exit)(1)
