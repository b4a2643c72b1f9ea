/* eslint-disable @typescript-eslint/no-require-imports -- this entry exists to test require() of the CJS builds */
// CommonJS entry for Node 20/22/24 and Bun: require() of the packages' CJS builds, by name.
// Usage: <runtime> smoke/node.cjs <base-url> <label>
const sdk = {
  core: require('@auth0-ts/core'),
  authentication: require('@auth0-ts/authentication'),
  management: require('@auth0-ts/management'),
  tokenVerifier: require('@auth0-ts/token-verifier'),
}

const [base, label = 'node-cjs'] = process.argv.slice(2)
// checks.mjs is shared with the ESM entries; only the packages come through require()
import('./checks.mjs').then(async ({ runChecks, summaryLine }) => {
  const result = await runChecks(base, sdk, console.log, label)
  console.log(summaryLine(label, result))
  process.exitCode = result.failed > 0 ? 1 : 0
})
