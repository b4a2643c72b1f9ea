// ManagementClient over real HTTP on 127.0.0.1, against the tenant emulator: the operations it serves (users,
// connections, clients, client grants, resource servers, roles, organizations, logs), `for await` paging, and a 429.
import { startMockTenant, type RunningMockTenant } from '@auth0-ts/mock-tenant'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { isRateLimitError, Management, ManagementClient, ManagementError } from '../src/index.js'

let tenant: RunningMockTenant
let token: string
const sent: URL[] = []
/** Records the URL of every request, then sends it for real. */
const recording: typeof fetch = (input, init) => {
  sent.push(new URL(input instanceof Request ? input.url : String(input)))
  return fetch(input, init)
}

beforeAll(async () => {
  tenant = await startMockTenant({ port: 0 })
  token = await tenant.managementToken()
})
beforeEach(() => {
  tenant.reset()
  sent.length = 0
})
afterAll(() => tenant.close())

const client = (options: Record<string, unknown> = {}) =>
  new ManagementClient({
    domain: tenant.domain,
    protocol: 'http',
    token,
    fetch: recording,
    ...options,
  })

describe('auth0-python’s connections example', () => {
  it('lists connections, renames one, and reads it back, with the client id and secret', async () => {
    const { clientId, clientSecret } = tenant.clients.m2m
    const c = client({ token: undefined, clientId, clientSecret })
    const page = await c.connections.list()
    const first = page.data[0] as Management.ConnectionForList
    // the definition lets a connection's display_name change, not its name (auth0-python's example renames it)
    await c.connections.update(first.id as string, { display_name: 'My New Name' })
    const modified = await c.connections.get(first.id as string)
    expect(modified).toMatchObject({ id: first.id, display_name: 'My New Name', name: first.name })
    expect(sent[0]?.pathname).toBe('/oauth/token')
    expect(sent.filter((u) => u.pathname === '/oauth/token')).toHaveLength(1)
  })
})

describe('users', () => {
  it('creates, reads (the id percent-encoded), updates and deletes a user', async () => {
    const c = client()
    const created = await c.users.create({
      connection: 'Username-Password-Authentication',
      email: 'new.user@example.com',
      password: 'Passw0rd!Passw0rd',
    })
    const id = created.user_id as string
    expect(id).toMatch(/^auth0\|/)
    const read = await c.users.get(id, { fields: 'email,user_id', include_fields: true })
    expect(read).toMatchObject({ user_id: id, email: 'new.user@example.com' })
    expect(sent.at(-1)?.pathname).toBe(`/api/v2/users/${encodeURIComponent(id)}`)
    const updated = await c.users.update(id, { user_metadata: { plan: 'pro' } })
    expect(updated.user_metadata).toEqual({ plan: 'pro' })
    expect(await c.users.delete(id)).toBeUndefined()
    const gone = await c.users.get(id).catch((e: unknown) => e)
    expect(gone).toBeInstanceOf(Management.NotFoundError)
    expect(gone).toMatchObject({ statusCode: 404 })
  })

  it('walks every user with for await, one request per page, stopping on the totals', async () => {
    const c = client()
    const first = await c.users.list({ per_page: 1 })
    const total = (first.response as { total: number }).total
    expect(total).toBeGreaterThan(25)
    sent.length = 0
    const ids = new Set<string>()
    for await (const user of c.users.list({ per_page: 25 })) ids.add(user.user_id as string)
    expect(ids.size).toBe(total)
    expect(sent).toHaveLength(Math.ceil(total / 25))
    expect(sent.every((u) => u.searchParams.get('include_totals') === 'true')).toBe(true)
  })

  it('pages with getNextPage as node-auth0 users do', async () => {
    const c = client()
    let page = await c.users.list({ per_page: 10 })
    let seen = page.data.length
    while (page.hasNextPage()) {
      page = await page.getNextPage()
      seen += page.data.length
    }
    expect(seen).toBe((page.response as { total: number }).total)
  })

  it('assigns roles and lists them through users.roles', async () => {
    const c = client()
    const [user] = (await c.users.list({ per_page: 1 })).data
    const role = await c.roles.create({ name: 'auditor', description: 'reads' })
    await c.users.roles.assign(user?.user_id as string, { roles: [role.id as string] })
    const roles = await c.users.roles.list(user?.user_id as string)
    expect(roles.data.map((r) => r.name)).toContain('auditor')
    const members: string[] = []
    for await (const member of c.roles.users.list(role.id as string, { per_page: 5 }))
      members.push(member.user_id as string)
    expect(members).toEqual([user?.user_id])
  })
})

describe('the other resources the emulator serves', () => {
  it('clients: create, page, update, delete', async () => {
    const c = client()
    const created = await c.clients.create({ name: 'My App', app_type: 'spa' })
    expect(created).toMatchObject({ name: 'My App' })
    const page = await c.clients.list({ per_page: 100 })
    expect(page.data.map((x) => x.client_id)).toContain(created.client_id)
    await c.clients.update(created.client_id as string, { name: 'Renamed' })
    expect(await c.clients.get(created.client_id as string)).toMatchObject({ name: 'Renamed' })
    await c.clients.delete(created.client_id as string)
  })

  it('client grants and resource servers', async () => {
    const c = client()
    const servers = await c.resourceServers.list()
    const api = servers.data.find((s) => !s.is_system) ?? servers.data[0]
    expect(api?.identifier).toBeTruthy()
    expect(await c.resourceServers.get(api?.id as string)).toMatchObject({ id: api?.id })
    const app = await c.clients.create({ name: 'Grantee', app_type: 'non_interactive' })
    const grant = await c.clientGrants.create({
      client_id: app.client_id as string,
      audience: api?.identifier as string,
      scope: [],
    })
    const grants = await c.clientGrants.list({ client_id: app.client_id as string })
    expect(grants.data.map((g) => g.id)).toEqual([grant.id])
    await c.clientGrants.update(grant.id as string, { scope: ['read:things'] })
    await c.clientGrants.delete(grant.id as string)
  })

  it('organizations: create, walk by checkpoint, update, delete', async () => {
    const c = client()
    for (const name of ['org-a', 'org-b', 'org-c']) await c.organizations.create({ name })
    sent.length = 0
    const names: string[] = []
    for await (const org of c.organizations.list({ take: 2 })) names.push(org.name as string)
    expect(names).toEqual(expect.arrayContaining(['org-a', 'org-b', 'org-c']))
    expect(sent.map((u) => u.searchParams.get('take'))).toEqual(sent.map(() => '2'))
    expect(sent.length).toBe(Math.ceil(names.length / 2))
    const org = await c.organizations.getByName('org-b')
    await c.organizations.update(org.id as string, { display_name: 'Org B' })
    expect(await c.organizations.get(org.id as string)).toMatchObject({ display_name: 'Org B' })
    await c.organizations.delete(org.id as string)
  })

  it('logs: a page, then every log by checkpoint (the last log_id is the next from)', async () => {
    const c = client()
    const page = await c.logs.list({ per_page: 5 })
    expect(page.data.length).toBeGreaterThan(0)
    const total = (await c.logs.list({ per_page: 1 })).response as { total: number }
    sent.length = 0
    const ids: string[] = []
    for await (const log of c.logs.list({ take: 3 })) ids.push(log.log_id as string)
    expect(new Set(ids).size).toBe(total.total)
    expect(sent[1]?.searchParams.get('from')).toBe(ids[2])
    expect(await c.logs.get(ids[0] as string)).toMatchObject({ log_id: ids[0] })
  })
})

describe('rate limits over HTTP', () => {
  it('surfaces a 429 as a RateLimitError, node-auth0’s TooManyRequestsError, with the headers', async () => {
    tenant.setRateLimit({ burst: 1, perSecond: 0.01 })
    const c = client({ maxRetries: 0 })
    await c.connections.list()
    const err = await c.users.get('auth0|missing').catch((e: unknown) => e)
    expect(isRateLimitError(err)).toBe(true)
    expect(err).toBeInstanceOf(ManagementError)
    expect(err).toBeInstanceOf(Management.TooManyRequestsError)
    const e = err as ManagementError
    expect(e.statusCode).toBe(429)
    expect(e.rawResponse?.headers.get('x-ratelimit-remaining')).toBe('0')
  })
})
