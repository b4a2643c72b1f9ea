// The playground in a real browser (Debian chromium driven by playwright-core): sign-in through the mock tenant's
// login page (its look, the way back, a wrong password), ID-token verification and its tamper rejection, the
// connections rename (and Auth0's name rule), the users list (empty search, placeholder, requestId), the bulk update
// paced and naive with its two timelines, the rate-limit banner, resetting the tenant, the error classes, the
// favicon and the not-found view. Then every page again at 390 px, checked for overflow, wrapped tabs and clipped
// text. Every response the page receives is scanned for the server's secrets. A screenshot of each page goes to
// E2E_OUT (narrow-*.png at 390 px). Its last stdout line is {"passed":N,"failed":N}.
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

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/

/** What is wrong with the page's layout at the current width: overflow, wrapped or cut tabs, clipped text. */
const layoutProblems = () =>
  page.evaluate(() => {
    const problems = []
    const vw = window.innerWidth
    const doc = document.documentElement
    if (doc.scrollWidth > vw) problems.push(`the page is ${doc.scrollWidth} px wide`)
    const tabs = [...document.querySelectorAll('nav.tabs a')]
    if (new Set(tabs.map((a) => Math.round(a.getBoundingClientRect().top))).size > 1)
      problems.push('the tabs wrap')
    for (const a of tabs) {
      const r = a.getBoundingClientRect()
      if (r.left < -0.5 || r.right > vw + 0.5) problems.push(`the tab ${a.textContent} is cut off`)
    }
    const name = (el) => `${el.tagName.toLowerCase()}.${String(el.className).replace(/ /g, '.')}`
    for (const el of document.querySelectorAll('body *')) {
      // these scroll sideways on purpose: wide tables, the tab bar, tokens
      if (el.closest('.scroll, nav.tabs, .token, svg, script, style')) continue
      const cs = getComputedStyle(el)
      if (cs.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1)
        problems.push(`clipped: ${name(el)}`)
      const r = el.getBoundingClientRect()
      if (r.width > 0 && r.right > vw + 1) problems.push(`past the right edge: ${name(el)}`)
    }
    return [...new Set(problems)].slice(0, 8)
  })

/** The space between the tab bar (and the banner, when shown) and the page's heading. */
const headingRoom = () =>
  page.evaluate(() => {
    const nav = document.querySelector('nav.tabs').getBoundingClientRect()
    const h2 = document.querySelector('main h2').getBoundingClientRect()
    return h2.top - nav.bottom
  })

try {
  let config
  await check('page loads on the embedded mock tenant, with room under the tab bar', async () => {
    await page.goto(`${baseURL}/`, { waitUntil: 'load', timeout: 30_000 })
    await page.getByRole('heading', { name: 'auth0-ts playground' }).waitFor()
    await page.getByTestId('tenant').filter({ hasText: 'mock tenant' }).waitFor()
    config = await page.evaluate(() => fetch('/api/config').then((r) => r.json()))
    expect(config.mode === 'mock' && config.demoUser, 'expected the mock tenant with a demo user')
    await page.getByRole('heading', { name: 'Sign in', level: 2 }).waitFor()
    const room = await headingRoom()
    expect(room >= 20, `only ${room} px between the tabs and the heading`)
  })

  await check('/favicon.ico exists', async () => {
    const icon = await page.evaluate(async () => {
      const r = await fetch('/favicon.ico')
      const bytes = [...new Uint8Array(await r.arrayBuffer()).slice(0, 4)]
      return { status: r.status, type: r.headers.get('content-type'), bytes }
    })
    expect(icon.status === 200, `favicon: HTTP ${icon.status}`)
    expect(icon.type === 'image/x-icon', `favicon type ${icon.type}`)
    expect(icon.bytes.join() === '0,0,1,0', `not an ICO file: ${icon.bytes}`)
    const linked = await page.locator('link[rel="icon"]').getAttribute('href')
    expect(linked === '/favicon.ico', `the page links ${linked}`)
  })

  await check('unknown routes get a not-found view (a 404 for an unknown path)', async () => {
    const r = await page.goto(`${baseURL}/no-such-page`)
    expect(r.status() === 404, `GET /no-such-page: HTTP ${r.status()}`)
    await page.getByTestId('not-found').filter({ hasText: '/no-such-page' }).waitFor()
    await page.goto(`${baseURL}/#/no-such-tab`)
    await page.getByTestId('not-found').filter({ hasText: '#/no-such-tab' }).waitFor()
    expect(
      (await page.locator('nav.tabs a[aria-current="page"]').count()) === 0,
      'a tab is marked current',
    )
    await page.getByTestId('not-found').getByRole('link', { name: 'Users' }).waitFor()
    await shot('not-found')
  })

  await check(
    'the login page: the playground’s look, the demo credentials, a way back',
    async () => {
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
      const look = await page.evaluate(() => ({
        background: getComputedStyle(document.documentElement).backgroundColor,
        button: getComputedStyle(document.querySelector('button[type="submit"]')).backgroundColor,
        card: getComputedStyle(document.querySelector('main')).borderRadius,
        hint: document.querySelector('.hint')?.textContent ?? '',
      }))
      expect(look.background === 'rgb(246, 247, 249)', `page background ${look.background}`)
      expect(look.button === 'rgb(59, 91, 219)', `button colour ${look.button}`)
      expect(look.card === '8px', `card corners ${look.card}`)
      expect(
        look.hint.includes(config.demoUser.username) &&
          look.hint.includes(config.demoUser.password),
        `no demo credentials in the hint: ${look.hint}`,
      )
      await shot('login-page')
      await page.getByRole('link', { name: 'Back to the application' }).click()
      const cancelled = page.getByTestId('sign-in-error')
      await cancelled.filter({ hasText: 'cancelled' }).waitFor()
      expect(
        (await cancelled.textContent()).includes('access_denied'),
        'the way back did not tell the application',
      )
    },
  )

  await check(
    'sign in: authorization code + PKCE, the username kept after a wrong password',
    async () => {
      await page.getByTestId('pkce-login').click()
      await page.getByRole('heading', { name: 'Log in to the mock tenant' }).waitFor()
      await page.getByLabel('Email or username').fill(config.demoUser.username)
      await page.getByLabel('Password').fill('not-the-password-1')
      await page.getByRole('button', { name: 'Continue' }).click()
      await page.getByRole('alert').filter({ hasText: 'Wrong email or password' }).waitFor()
      const kept = await page.getByLabel('Email or username').inputValue()
      expect(kept === config.demoUser.username, `the username is now “${kept}”`)
      expect((await page.getByLabel('Password').inputValue()) === '', 'the password came back')
      await shot('login-page-wrong-password')
      await page.getByLabel('Password').fill(config.demoUser.password)
      await page.getByRole('button', { name: 'Continue' }).click()
      await page.getByTestId('flow').filter({ hasText: 'authorization-code-pkce' }).waitFor()
      expect((await text('id-token')).split('.').length === 3, 'no ID token shown')
      expect(
        (await page.getByTestId('sign-in-error').count()) === 0,
        'the old error is still shown',
      )
    },
  )

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

  let renamed
  await check(
    'connections: auth0-python’s example, list all, rename one, get it again',
    async () => {
      await goTo('connections', 'Connections')
      expect(
        (await page.locator('main p.lead').textContent()).includes(
          'auth0-python’s connections example',
        ),
        'the page does not name auth0-python’s connections example',
      )
      const row = page.locator('[data-connection]').first()
      await row.waitFor()
      const id = await row.getAttribute('data-connection')
      renamed = { id, original: (await row.locator('strong').textContent()).trim() }
      await page.getByTestId(`select-${id}`).click()
      const name = `playground-e2e-${Date.now().toString(36)}`
      await page.getByTestId('rename-input').fill(name)
      await page.getByTestId('rename').click()
      await page.getByTestId('connection-get-name').filter({ hasText: name }).waitFor()
      await page.locator(`[data-connection="${id}"]`).filter({ hasText: name }).waitFor()
      renamed.name = name
      await shot('connections')
    },
  )

  await check(
    'connections: the rename field states Auth0’s name rule; a refusal shows its requestId',
    async () => {
      const rule = await text('name-rule')
      expect(
        rule.includes('letters, digits and hyphens') && rule.includes('128'),
        `the rule: ${rule}`,
      )
      expect((await page.getByTestId('name-rule-broken').count()) === 0, 'a good name is flagged')
      await page.getByTestId('rename-input').fill('not a valid name!')
      await page.getByTestId('name-rule-broken').waitFor()
      await page.getByTestId('rename').click()
      const box = page.getByTestId('rename-error')
      await box.waitFor()
      const boxText = await box.textContent()
      expect(boxText.includes('400') && /requestId/.test(boxText), `error box: ${boxText}`)
      expect(UUID.test(boxText), `no requestId in: ${boxText}`)
      await shot('connections-rename-refused')
    },
  )

  await check('users: paged and searchable; an empty search says no users match', async () => {
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
    await page.getByTestId('user-search').fill('nobody-by-this-name')
    await page.getByTestId('users-empty').filter({ hasText: 'No users match' }).waitFor()
    expect(
      (await page.locator('[data-testid="user-rows"] tr').count()) === 0,
      'rows shown for an empty search',
    )
    await shot('users-empty-search')
  })

  await check('users: the placeholder looks like a placeholder', async () => {
    await page.getByTestId('user-search').fill('')
    const look = await page.getByTestId('user-search').evaluate((el) => {
      const ph = getComputedStyle(el, '::placeholder')
      return {
        text: el.placeholder,
        color: ph.color,
        style: ph.fontStyle,
        value: getComputedStyle(el).color,
      }
    })
    expect(look.text.startsWith('e.g. '), `placeholder “${look.text}”`)
    expect(look.style === 'italic', `placeholder style ${look.style}`)
    expect(look.color !== look.value, 'the placeholder has the colour of typed text')
  })

  await check('users: a refused search shows the requestId', async () => {
    await page.getByTestId('user-search').fill('email:')
    const box = page.getByTestId('users-error')
    await box.waitFor()
    const boxText = await box.textContent()
    expect(/requestId/.test(boxText) && UUID.test(boxText), `error box: ${boxText}`)
    await page.getByTestId('user-search').fill('')
    await page.getByTestId('users-error').waitFor({ state: 'detached' })
  })

  const runBulk = async (settings, timeout = 120_000) => {
    for (const [testId, value] of Object.entries(settings))
      await page.getByTestId(testId).fill(String(value))
    const stats = page.getByTestId('bulk-stats')
    const previous = (await stats.count()) > 0 ? await stats.getAttribute('data-job') : null
    await page.getByTestId('bulk-run').click()
    await page.waitForFunction((old) => {
      const el = document.querySelector('[data-testid="bulk-stats"]')
      return el !== null && el.dataset.job !== old
    }, previous)
    const sawBanner = page
      .getByTestId('limit-banner')
      .waitFor({ timeout: 15_000 })
      .then(
        () => true,
        () => false,
      )
    await page.waitForFunction(
      () => document.querySelector('[data-testid="bulk-stats"]')?.dataset.done === 'true',
      undefined,
      { timeout },
    )
    const num = async (id) => Number(await text(id))
    const run = async (s) => ({
      updated: await num(`${s}-updated`),
      failed: await num(`${s}-failed`),
      sent: await num(`${s}-sent`),
      limited: await num(`${s}-429`),
      ignored: await page.getByTestId(`${s}-ignored`).count(),
      marks: await page
        .getByTestId(`timeline-${s}`)
        .locator('[data-mark]:not([data-mark="wait"])')
        .count(),
      red: await page.getByTestId(`timeline-${s}`).locator('[data-mark="429"]').count(),
      waits: await page.getByTestId(`timeline-${s}`).locator('[data-mark="wait"]').count(),
      minimum: await page.getByTestId(`minimum-${s}`).count(),
    })
    return { paced: await run('paced'), naive: await run('naive'), sawBanner: await sawBanner }
  }

  await check(
    'bulk update with its defaults: paced against naive, drawn as two timelines',
    async () => {
      await page.getByTestId('bulk-explain').filter({ hasText: 'what pacing buys' }).waitFor()
      const defaults = {
        count: await page.getByTestId('bulk-count').inputValue(),
        burst: await page.getByTestId('limit-burst').inputValue(),
        rate: await page.getByTestId('limit-rate').inputValue(),
      }
      const t0 = Date.now()
      const r = await runBulk({})
      console.error(
        `     defaults ${JSON.stringify(defaults)}: ${JSON.stringify(r)} in ${Date.now() - t0} ms`,
      )
      const total = Number(defaults.count)
      expect(r.sawBanner, 'no rate-limit banner while the runs had the tenant limited')
      await page.getByTestId('limit-banner').waitFor({ state: 'detached' })
      expect(r.paced.updated === total && r.paced.failed === 0, `paced: ${JSON.stringify(r.paced)}`)
      expect(r.paced.ignored === 0, 'the SDK retried before the wait the tenant asked for')
      expect(r.naive.limited > 0, `the naive run met no 429: ${JSON.stringify(r.naive)}`)
      expect(r.paced.limited < r.naive.limited, 'pacing did not spare any 429')
      for (const s of ['paced', 'naive']) {
        expect(r[s].marks === r[s].sent, `${s}: ${r[s].marks} marks for ${r[s].sent} requests`)
        expect(r[s].red === r[s].limited, `${s}: ${r[s].red} red marks for ${r[s].limited} 429s`)
        expect(r[s].minimum === 1, `${s}: no minimum marked`)
      }
      expect(r.naive.waits > 0, 'no wait shaded on the naive timeline')
      const legend = await page.locator('.legend').textContent()
      expect(legend.includes('theoretical minimum, 12.5 s'), `legend: ${legend}`)
      const labels = await page.locator('[data-testid="run-paced"] .stat .label').allTextContents()
      expect(labels.includes('waits, summed over requests'), `labels: ${labels.join(', ')}`)
      const verdict = await text('bulk-verdict')
      expect(verdict.startsWith(`Paced updated ${total} of ${total}`), `verdict: ${verdict}`)
      await shot('users')
    },
  )

  await check(
    'bulk update, retries 0: a 429 the SDK meets surfaces as RateLimitError with resetAt',
    async () => {
      // More requests at once than the bucket holds, before the limiter has seen a response.
      const r = await runBulk({
        'limit-burst': 3,
        'limit-rate': 4,
        'bulk-count': 12,
        'bulk-concurrency': 8,
        'bulk-retries': 0,
      })
      expect(r.paced.limited > 0 && r.paced.failed > 0, `paced: ${JSON.stringify(r.paced)}`)
      expect(r.naive.failed > 0, `naive: ${JSON.stringify(r.naive)}`)
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

  await check('a banner shows whenever a tenant limit is on, on every page', async () => {
    await page.getByTestId('limit-burst').fill('5')
    await page.getByTestId('limit-rate').fill('2')
    await page.getByTestId('limit-set').click()
    await page.getByTestId('limit-banner').filter({ hasText: '5 at once' }).waitFor()
    await goTo('connections', 'Connections')
    await page.getByTestId('limit-banner').filter({ hasText: '5 at once' }).waitFor()
    const room = await headingRoom()
    expect(room >= 20, `only ${room} px between the banner and the heading`)
    await shot('connections-limit-banner')
  })

  await check('Reset the tenant clears renames, metadata and the rate limit', async () => {
    expect(renamed?.name, 'nothing was renamed before the reset')
    await page
      .locator(`[data-connection="${renamed.id}"]`)
      .filter({ hasText: renamed.name })
      .waitFor()
    await page.getByTestId('reset-tenant').click()
    await page.getByTestId('reset-note').filter({ hasText: 'as it started' }).waitFor()
    await page.getByTestId('limit-banner').waitFor({ state: 'detached' })
    await page
      .locator(`[data-connection="${renamed.id}"]`)
      .filter({ hasText: renamed.original })
      .waitFor()
    const limit = await page.evaluate(() => fetch('/api/rate-limit').then((r) => r.json()))
    expect(limit.rateLimit === null, `limit after the reset: ${JSON.stringify(limit)}`)
    await goTo('users', 'Users')
    await page.getByTestId('user-page').filter({ hasText: 'Page 1 of' }).waitFor()
    await page.locator('[data-testid="user-rows"] tr').first().waitFor()
    const stamped = await page
      .locator('[data-testid="user-rows"] tr td:last-child')
      .evaluateAll((cells) => cells.filter((c) => c.textContent.trim() !== '').length)
    expect(stamped === 0, `${stamped} users still carry the bulk update's metadata`)
  })

  await check('errors: each class raised for real, with the requestId', async () => {
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
    const notFound = await page.getByTestId('result-auth0').textContent()
    expect(notFound.includes('404'), 'Auth0Error is not a 404')
    expect(UUID.test(notFound), `the 404 has no requestId: ${notFound}`)
    expect(
      (await page.getByTestId('result-rate-limit').getByTestId('reset-at').count()) === 1,
      'RateLimitError without resetAt',
    )
    await shot('errors')
  })

  // Every page again on a phone-sized screen.
  await page.setViewportSize({ width: 390, height: 844 })
  const narrow = async (name) => {
    const problems = await layoutProblems()
    await shot(`narrow-${name}`)
    expect(problems.length === 0, `at 390 px: ${problems.join('; ')}`)
    if (await page.locator('nav.tabs').count()) {
      const room = await headingRoom()
      expect(room >= 16, `at 390 px, only ${room} px under the tab bar`)
    }
  }

  await check('390 px: sign in (signed in, then the form)', async () => {
    await goTo('sign-in', 'Sign in')
    await page.getByTestId('verdict').waitFor()
    await narrow('sign-in')
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByTestId('pkce-login').waitFor()
    await narrow('sign-in-form')
  })

  await check('390 px: the login page', async () => {
    await page.getByTestId('pkce-login').click()
    await page.getByRole('heading', { name: 'Log in to the mock tenant' }).waitFor()
    await page.getByRole('button', { name: 'Fill in' }).click()
    expect(
      (await page.getByLabel('Email or username').inputValue()) === config.demoUser.username,
      'Fill in did not fill the username',
    )
    await narrow('login-page')
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByTestId('flow').filter({ hasText: 'authorization-code-pkce' }).waitFor()
  })

  await check('390 px: M2M token', async () => {
    await goTo('m2m', 'M2M token')
    await page.getByTestId('m2m-hits').waitFor()
    await narrow('m2m')
  })

  await check('390 px: connections, with the rename form', async () => {
    await goTo('connections', 'Connections')
    const row = page.locator('[data-connection]').first()
    await row.waitFor()
    await page.getByTestId(`select-${await row.getAttribute('data-connection')}`).click()
    await page.getByTestId('rename-input').fill('not a valid name!')
    await page.getByTestId('name-rule-broken').waitFor()
    await narrow('connections')
  })

  await check('390 px: users, with both timelines', async () => {
    await goTo('users', 'Users')
    await page.getByTestId('user-page').filter({ hasText: 'Page 1 of' }).waitFor()
    const r = await runBulk({
      'limit-burst': 3,
      'limit-rate': 4,
      'bulk-count': 10,
      'bulk-concurrency': 4,
      'bulk-retries': 3,
    })
    expect(r.paced.marks > 0 && r.naive.marks > 0, `no marks: ${JSON.stringify(r)}`)
    await narrow('users')
  })

  await check('390 px: errors', async () => {
    await goTo('errors', 'Errors')
    for (const kind of ['auth0', 'rate-limit', 'timeout', 'network', 'token-validation']) {
      await page.getByTestId(`trigger-${kind}`).click()
      await page.getByTestId(`result-${kind}`).waitFor({ timeout: 30_000 })
    }
    await narrow('errors')
  })

  await check('390 px: not found', async () => {
    await page.goto(`${baseURL}/#/no-such-tab`)
    await page.getByTestId('not-found').waitFor()
    await narrow('not-found')
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
