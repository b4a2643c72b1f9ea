// The playground in a real browser (Debian chromium driven by playwright-core): sign-in, ID-token verification and
// its tamper rejection, the connections rename, the users list, the rate-limit demo and the error classes. Every
// response the page receives is scanned for the server's secrets. A screenshot of each page goes to E2E_OUT.
// Its last stdout line is {"passed":N,"failed":N}.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

const baseURL = (process.env.BASE_URL ?? 'http://127.0.0.1:5173').replace(/\/$/, '')
const outDir = process.env.E2E_OUT ?? 'e2e/out'
const secretsFile = process.env.SECRETS_FILE
const executablePath =
  process.env.CHROMIUM_PATH ||
  execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim()
mkdirSync(outDir, { recursive: true })

const results = { passed: 0, failed: 0 }
const check = async (name, fn) => {
  const t0 = Date.now()
  try {
    await fn()
    results.passed++
    console.error(`ok   ${name} (${Date.now() - t0} ms)`)
  } catch (e) {
    results.failed++
    console.error(`FAIL ${name}: ${e?.message ?? e}`)
  }
}
const expect = (cond, message) => {
  if (!cond) throw new Error(message)
}

const userDataDir = mkdtempSync(join(tmpdir(), 'playground-chromium-'))
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath,
  headless: true,
  timeout: 60_000,
  viewport: { width: 1280, height: 860 },
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
})

// Every response the page receives: URL, status, headers and body (redirects have no body).
const seen = []
const pending = []
context.on('response', (response) => {
  pending.push(
    (async () => {
      let body = ''
      try {
        body = (await response.body()).toString('utf8')
      } catch {
        /* a redirect, or a body the browser dropped */
      }
      seen.push({
        url: response.url(),
        status: response.status(),
        headers: JSON.stringify(await response.allHeaders()),
        body,
      })
    })(),
  )
})

const page = context.pages()[0] ?? (await context.newPage())
page.setDefaultTimeout(20_000)
const shot = (name) => page.screenshot({ path: join(outDir, `${name}.png`), fullPage: true })
const text = async (testId) => (await page.getByTestId(testId).textContent())?.trim() ?? ''
const goTo = async (hash, heading) => {
  await page.goto(`${baseURL}/#/${hash}`)
  await page.getByRole('heading', { name: heading, level: 2 }).waitFor()
}

try {
  let config
  await check('page loads on the embedded mock tenant', async () => {
    await page.goto(`${baseURL}/`, { waitUntil: 'load', timeout: 30_000 })
    await page.getByRole('heading', { name: 'auth0-ts playground' }).waitFor()
    await page.getByTestId('tenant').filter({ hasText: 'mock tenant' }).waitFor()
    config = await page.evaluate(() => fetch('/api/config').then((r) => r.json()))
    expect(config.mode === 'mock' && config.demoUser, 'expected the mock tenant with a demo user')
  })

  await check('sign in: authorization code + PKCE through the tenant login page', async () => {
    await goTo('sign-in', 'Sign in')
    await page.getByTestId('pkce-login').waitFor()
    await shot('sign-in-form')
    await page.getByTestId('pkce-login').click()
    await page.getByRole('heading', { name: 'Log in to the mock tenant' }).waitFor()
    const authorizeUrl = new URL(page.url())
    expect(
      authorizeUrl.searchParams.get('code_challenge_method') === 'S256',
      'authorize URL has no S256 challenge',
    )
    expect(
      authorizeUrl.searchParams.get('nonce') && authorizeUrl.searchParams.get('state'),
      'authorize URL lacks state/nonce',
    )
    expect(
      !authorizeUrl.searchParams.has('code_verifier'),
      'the code verifier must stay on the server',
    )
    await page.getByLabel('Email or username').fill(config.demoUser.username)
    await page.getByLabel('Password').fill(config.demoUser.password)
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByTestId('flow').filter({ hasText: 'authorization-code-pkce' }).waitFor()
    expect((await text('id-token')).split('.').length === 3, 'no ID token shown')
  })

  await check('ID token verification: every check passes, nonce included', async () => {
    await page.getByTestId('verdict').filter({ hasText: 'Valid' }).waitFor()
    const rows = await page
      .locator('[data-check]')
      .evaluateAll((els) => els.map((e) => [e.dataset.check, e.dataset.status]))
    const status = Object.fromEntries(rows)
    for (const id of [
      'format',
      'alg',
      'key',
      'signature',
      'iss',
      'sub',
      'aud',
      'exp',
      'iat',
      'nonce',
    ])
      expect(status[id] === 'pass', `check ${id} is ${status[id]}`)
    await shot('sign-in')
  })

  await check('tamper: one changed character is rejected with signature_invalid', async () => {
    await page.getByTestId('tamper').click()
    await page.getByTestId('verdict').filter({ hasText: 'Rejected' }).waitFor()
    expect(
      (await text('verdict')).includes('signature_invalid'),
      `verdict: ${await text('verdict')}`,
    )
    expect(
      (await page.locator('[data-check="signature"]').getAttribute('data-status')) === 'fail',
      'signature row did not fail',
    )
    expect(
      (await page.locator('[data-check="iss"]').getAttribute('data-status')) === 'skipped',
      'checks after the failure ran',
    )
    expect(
      (await page.getByTestId('verify-error').getAttribute('data-error-name')) ===
        'TokenValidationError',
      'no TokenValidationError',
    )
    await shot('sign-in-tampered')
  })

  await check('sign in: password realm', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByTestId('password-login').click()
    await page.getByTestId('flow').filter({ hasText: 'password-realm' }).waitFor()
    await page.getByTestId('verdict').filter({ hasText: 'Valid' }).waitFor()
  })

  await check('M2M: cached token metadata, cache hits, no token', async () => {
    await goTo('m2m', 'M2M token')
    await page.getByTestId('m2m-hits').waitFor()
    const before = Number(await text('m2m-hits'))
    await page.getByTestId('m2m-ask').click()
    await page
      .getByTestId('m2m-hits')
      .filter({ hasText: String(before + 1) })
      .waitFor()
    expect((await text('m2m-source')) === 'cache hit', 'second ask was not a cache hit')
    expect(Number(await text('m2m-fetches')) === 1, 'the provider fetched more than one token')
    await shot('m2m')
  })

  await check('connections: list all, rename one, get it again (react-hooks + proxy)', async () => {
    await goTo('connections', 'Connections')
    const row = page.locator('[data-connection]').first()
    await row.waitFor()
    const id = await row.getAttribute('data-connection')
    await page.getByTestId(`select-${id}`).click()
    const name = `playground-e2e-${Date.now().toString(36)}`
    await page.getByTestId('rename-input').fill(name)
    await page.getByTestId('rename').click()
    await page.getByTestId('connection-get-name').filter({ hasText: name }).waitFor()
    await page.locator(`[data-connection="${id}"]`).filter({ hasText: name }).waitFor()
    await shot('connections')
  })

  await check('users: paged and searchable', async () => {
    await goTo('users', 'Users')
    await page.getByTestId('user-page').filter({ hasText: 'Page 1 of' }).waitFor()
    await page.getByTestId('user-next').click()
    await page.getByTestId('user-page').filter({ hasText: 'Page 2 of' }).waitFor()
    await page.getByTestId('user-search').fill('grace')
    await page.getByTestId('user-page').filter({ hasText: 'Page 1 of' }).waitFor()
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid="user-rows"] tr')]
      return rows.length > 0 && rows.every((r) => r.textContent.toLowerCase().includes('grace'))
    })
    await page.getByTestId('user-search').fill('')
  })

  const runBulk = async (retries) => {
    await page.getByTestId('bulk-count').fill('12')
    // More requests at once than the bucket holds, so the first wave meets 429s.
    await page.getByTestId('bulk-concurrency').fill('8')
    await page.getByTestId('bulk-retries').fill(String(retries))
    const stats = page.getByTestId('bulk-stats')
    const previous = (await stats.count()) > 0 ? await stats.getAttribute('data-job') : null
    await page.getByTestId('bulk-run').click()
    await page.waitForFunction(
      (old) => {
        const el = document.querySelector('[data-testid="bulk-stats"]')
        return el !== null && el.dataset.job !== old && el.dataset.done === 'true'
      },
      previous,
      { timeout: 60_000 },
    )
    return {
      sent: Number(await text('bulk-sent')),
      limited: Number(await text('bulk-429')),
      waits: Number(await text('bulk-waits')),
      updated: Number(await text('bulk-updated')),
      failed: Number(await text('bulk-failed')),
    }
  }

  await check(
    'rate-limit demo, retries 0: 429s surface as RateLimitError with resetAt',
    async () => {
      await page.getByTestId('limit-burst').fill('3')
      await page.getByTestId('limit-rate').fill('4')
      await page.getByTestId('limit-set').click()
      await page.getByTestId('limit-active').filter({ hasText: '3 at once' }).waitFor()
      const r = await runBulk(0)
      expect(r.limited > 0 && r.failed > 0, `expected 429s and failures: ${JSON.stringify(r)}`)
      const box = page.getByTestId('bulk-rate-limit-error')
      expect(
        (await box.getAttribute('data-error-name')) === 'RateLimitError',
        'no RateLimitError shown',
      )
      expect(
        /^\d{10} → /.test(await box.getByTestId('reset-at').textContent()),
        'resetAt is not an epoch time',
      )
    },
  )

  await check('rate-limit demo, retries 3: every 429 waited out, every user updated', async () => {
    // Let the bucket refill, so the run starts like a fresh batch job.
    await page.waitForTimeout(1500)
    const r = await runBulk(3)
    expect(r.updated === 12 && r.failed === 0, `not all updated: ${JSON.stringify(r)}`)
    expect(
      r.limited > 0 && r.waits === r.limited && r.sent === 12 + r.limited,
      `429s not all waited out: ${JSON.stringify(r)}`,
    )
    await shot('users')
  })

  await check('errors: each class raised for real', async () => {
    await goTo('errors', 'Errors')
    const expected = {
      auth0: 'Auth0Error',
      'rate-limit': 'RateLimitError',
      timeout: 'TimeoutError',
      network: 'NetworkError',
      'token-validation': 'TokenValidationError',
    }
    for (const [kind, name] of Object.entries(expected)) {
      await page.getByTestId(`trigger-${kind}`).click()
      const box = page.getByTestId(`result-${kind}`)
      await box.waitFor({ timeout: 30_000 })
      const got = await box.getAttribute('data-error-name')
      expect(got === name, `${kind}: expected ${name}, got ${got}`)
    }
    expect(
      (await page.getByTestId('result-auth0').textContent()).includes('404'),
      'Auth0Error is not a 404',
    )
    expect(
      (await page.getByTestId('result-rate-limit').getByTestId('reset-at').count()) === 1,
      'RateLimitError without resetAt',
    )
    await shot('errors')
  })

  await check('no secret in any response the page received', async () => {
    await Promise.all(pending)
    expect(secretsFile, 'SECRETS_FILE is not set')
    const secrets = JSON.parse(readFileSync(secretsFile, 'utf8'))
    // The mock's client secrets and private key, and at least one M2M token.
    expect(
      secrets.length >= 4 && secrets.some((s) => s.startsWith('eyJ')),
      `too few secrets to scan for: ${secrets.length}`,
    )
    const needles = secrets.flatMap((s) =>
      s.includes('PRIVATE KEY')
        ? s
            .split('\n')
            .map((l) => l.trim())
            .filter((l) => l.length >= 40)
        : [s],
    )
    const leaks = []
    for (const r of seen)
      for (const n of needles)
        if (r.body.includes(n) || r.headers.includes(n)) leaks.push(`${r.status} ${r.url}`)
    expect(seen.length > 20, `only ${seen.length} responses seen`)
    expect(leaks.length === 0, `secrets found in: ${[...new Set(leaks)].join(', ')}`)
    console.error(`     scanned ${seen.length} responses for ${needles.length} secret strings`)
  })
} finally {
  await context.close()
  rmSync(userDataDir, { recursive: true, force: true })
}
console.log(JSON.stringify(results))
process.exitCode = results.failed === 0 ? 0 : 1
