// Over real HTTP on 127.0.0.1, against the tenant emulator: auth0-python's connections example, paging, and a 429.
import { startMockTenant, type RunningMockTenant } from '@auth0-ts/mock-tenant'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { Auth0, isRateLimitError, type Connection } from '../src/index.js'

let tenant: RunningMockTenant
let token: string
const urls: string[] = []
/** Counts the requests the client sends, then sends them for real. */
const countingFetch: typeof fetch = (input, init) => {
  urls.push(input instanceof Request ? input.url : String(input))
  return fetch(input, init)
}

beforeAll(async () => {
  tenant = await startMockTenant({ port: 0 })
  token = await tenant.managementToken()
})
beforeEach(() => {
  tenant.reset()
  urls.length = 0
})
afterAll(() => tenant.close())

describe('auth0-python’s connections example', () => {
  it('lists connections, renames one, and reads the new name back', async () => {
    const auth0 = new Auth0(tenant.domain, token, { protocol: 'http' })
    const all = (await auth0.connections.all()) as Connection[]
    expect(all.length).toBeGreaterThan(0)
    const first = all[0] as Connection & { id: string }
    await auth0.connections.update(first.id, { name: 'MyNewName' })
    const modified = await auth0.connections.get(first.id)
    expect(modified).toMatchObject({ id: first.id, name: 'MyNewName', strategy: first.strategy })
  })
})

describe('lists over HTTP', () => {
  it('iterates every seeded user with for await, stopping on the totals', async () => {
    const auth0 = new Auth0(tenant.domain, token, { protocol: 'http', fetch: countingFetch })
    const first = await auth0.users.list({ perPage: 1 })
    const total = Array.isArray(first) ? NaN : (first.total as number)
    urls.length = 0
    const ids = new Set<string>()
    for await (const user of auth0.users.list({ perPage: 25 })) ids.add(user.user_id as string)
    expect(ids.size).toBe(total)
    expect(urls).toHaveLength(Math.ceil(total / 25))
    expect(urls.every((u) => new URL(u).searchParams.get('include_totals') === 'true')).toBe(true)
  })
})

describe('rate limits over HTTP', () => {
  it('surfaces a 429 as a RateLimitError with resetAt when retries are off', async () => {
    tenant.setRateLimit({ burst: 1, perSecond: 0.01 })
    const auth0 = new Auth0(tenant.domain, token, { protocol: 'http', restOptions: { retries: 0 } })
    await auth0.connections.all()
    const before = Math.floor(Date.now() / 1000)
    // remaining is 0 and the reset is ~100 s away, past maxRetryDelay: the limiter lets it through, the tenant refuses
    const err = await auth0.users.get('auth0|missing').catch((e: unknown) => e)
    expect(isRateLimitError(err)).toBe(true)
    expect(err).toMatchObject({ statusCode: 429, remaining: 0 })
    expect((err as { resetAt: number }).resetAt).toBeGreaterThan(before)
  })
})
