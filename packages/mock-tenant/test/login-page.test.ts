// The /authorize login page as a person sees it: styled, with the demo credentials, a way back to the application,
// and the username kept after a wrong password.
import { describe, expect, it } from 'vitest'
import { createMockTenant } from '../src/index.js'

const tenant = createMockTenant()
const callback = tenant.clients.web.redirectUris[0] as string
const params = {
  response_type: 'code',
  client_id: tenant.clients.web.clientId,
  redirect_uri: callback,
  state: 'st-1',
  scope: 'openid',
}

async function page(
  method: 'GET' | 'POST',
  fields: Record<string, string> = {},
): Promise<{ status: number; html: string }> {
  const query = new URLSearchParams({ ...params, ...fields })
  const r =
    method === 'GET'
      ? await tenant.fetch(`${tenant.url}/authorize?${query}`)
      : await tenant.fetch(`${tenant.url}/authorize`, { method: 'POST', body: query })
  return { status: r.status, html: await r.text() }
}

/** The attribute `name` of the first element with `marker` in it, unescaped. */
function attribute(html: string, marker: string, name: string): string | undefined {
  const element = html.split('<').find((e) => e.includes(marker))
  const value = element && new RegExp(`${name}="([^"]*)"`).exec(element)?.[1]
  return value?.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
}

describe('the login page', () => {
  it('has the playground’s look and works on a phone', async () => {
    const { status, html } = await page('GET')
    expect(status).toBe(200)
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">')
    expect(html).toMatch(/<style>[\s\S]*--accent: #3b5bdb;[\s\S]*<\/style>/)
    expect(html).toContain('<h1>Log in to the mock tenant</h1>')
  })

  it('shows the demo user’s credentials, which log in', async () => {
    const { html } = await page('GET')
    expect(html).toContain(
      `Demo user: <code>${tenant.user.username}</code> / <code>${tenant.user.password}</code>`,
    )
    const r = await tenant.fetch(`${tenant.url}/authorize`, {
      method: 'POST',
      body: new URLSearchParams({
        ...params,
        username: tenant.user.username,
        password: tenant.user.password,
      }),
    })
    expect(r.status).toBe(302)
    expect(new URL(r.headers.get('location') as string).searchParams.get('code')).toMatch(
      /^mock-code-/,
    )
  })

  it('leads back to the application, which learns that the user did not log in', async () => {
    const { html } = await page('GET')
    const href = attribute(html, 'data-back', 'href')
    const back = new URL(href as string)
    expect(back.origin + back.pathname).toBe(callback)
    expect(Object.fromEntries(back.searchParams)).toEqual({
      error: 'access_denied',
      error_description: 'The user went back without logging in',
      state: 'st-1',
    })
  })

  it('keeps the username after a wrong password, and never echoes the password', async () => {
    const typed = 'Mock.User@Example.com"><b>'
    const { status, html } = await page('POST', { username: typed, password: 'wrong-password-1' })
    expect(status).toBe(401)
    expect(html).toContain('<p role="alert">Wrong email or password.</p>')
    expect(attribute(html, 'name="username"', 'value')).toBe(typed)
    expect(html).not.toContain('<b>')
    expect(html).not.toContain('wrong-password-1')
    // the password field is the one to fill in now
    expect(html).toMatch(/<input name="password"[^>]* autofocus>/)
  })
})
