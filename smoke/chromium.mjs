// Drives Debian's Chromium (CHROMIUM_PATH, else `chromium` on PATH) with playwright-core: opens the page the smoke
// server serves at /static/, which runs the checks in the browser, and prints their result. Usage (Node 20):
//   node smoke/chromium.mjs <base-url> <label>
import { chromium } from 'playwright-core'
import { summarize, summaryLine } from './checks.mjs'

const [base, label = 'chromium'] = process.argv.slice(2)
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || 'chromium',
  args: ['--no-sandbox'],
  headless: true,
})
let result
try {
  const page = await browser.newPage()
  // a module that fails to load (a Node global, a bad bundle) never sets window.__smoke: fail fast with its error
  const pageError = new Promise((resolve) => page.on('pageerror', (e) => resolve(e)))
  page.on('console', (m) => m.type() === 'error' && console.log(`  console: ${m.text()}`))
  await page.goto(`${base}/static/index.html?label=${encodeURIComponent(label)}`)
  const outcome = await Promise.race([
    page
      .waitForFunction(() => window.__smoke, null, { timeout: 60_000 })
      .then((h) => h.jsonValue()),
    pageError,
  ])
  result =
    outcome instanceof Error
      ? summarize(label, [
          {
            name: 'the page loads',
            ok: false,
            ms: 0,
            error: `${outcome.name}: ${outcome.message}`,
          },
        ])
      : outcome
} finally {
  await browser.close()
}
for (const line of result.lines) console.log(line)
console.log(summaryLine(label, result))
process.exitCode = result.failed > 0 ? 1 : 0
