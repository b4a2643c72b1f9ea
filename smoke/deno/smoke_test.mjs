// `deno test ... smoke/deno/ -- <base-url> <label>`: each check becomes one Deno.test.
import { sdk } from '../sdk.mjs'
import { runChecks, summaryLine } from '../checks.mjs'

const [base, label = 'deno-test'] = Deno.args
const result = await runChecks(base, sdk, console.log, label)
console.log(summaryLine(label, result))

for (const r of result.results)
  Deno.test(r.name, () => {
    if (r.error !== undefined) throw new Error(r.error)
  })
