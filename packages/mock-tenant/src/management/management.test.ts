import { beforeEach, describe, expect, it } from 'vitest'
import { arr, obj, setup } from '../test-utils/index.js'

const { tenant, api } = await setup()
beforeEach(() => tenant.reset())

describe('bearer tokens and scopes', () => {
  it('401 without a token, with a bad one, or with one for another audience', async () => {
    expect(await api('GET', '/users', undefined, '')).toMatchObject({
      status: 401,
      body: { statusCode: 401, error: 'Unauthorized', message: 'Missing authentication' },
    })
    expect(await api('GET', '/users', undefined, 'not.a.jwt')).toMatchObject({
      status: 401,
      body: { message: 'Invalid token' },
    })
    const login = await tenant.fetch(`${tenant.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: tenant.clients.m2m.clientId,
        client_secret: tenant.clients.m2m.clientSecret,
        audience: 'https://api.mock.test/',
      }),
    })
    const other = String(((await login.json()) as Record<string, unknown>)['access_token'])
    expect((await api('GET', '/users', undefined, other)).status).toBe(401)
  })

  it('401 for an expired token', async () => {
    const clock = { now: Date.parse('2025-01-01T00:00:00Z') }
    const timed = await setup({ now: () => clock.now })
    expect((await timed.api('GET', '/roles')).status).toBe(200)
    clock.now += 86_401_000
    expect(await timed.api('GET', '/roles')).toMatchObject({
      status: 401,
      body: { message: 'Expired token received for JSON Web Token validation' },
    })
  })

  it('403 insufficient_scope when the token lacks a scope', async () => {
    const readOnly = await tenant.managementToken(['read:connections'])
    expect((await api('GET', '/connections', undefined, readOnly)).status).toBe(200)
    expect(
      await api('PATCH', '/connections/con_ErZf9LpXQDE0cNBr', { name: 'x' }, readOnly),
    ).toMatchObject({
      status: 403,
      body: {
        statusCode: 403,
        error: 'Forbidden',
        errorCode: 'insufficient_scope',
        message: expect.stringContaining('update:connections'),
      },
    })
    expect((await api('GET', '/users', undefined, readOnly)).status).toBe(403)
  })

  it('404 for an unknown route, in Auth0 shape', async () => {
    expect(await api('GET', '/nothing-here')).toMatchObject({
      status: 404,
      body: { statusCode: 404, error: 'Not Found' },
    })
  })
})

describe('users', () => {
  it('lists the seed with totals, pages through it, and stops at the window', async () => {
    const first = obj((await api('GET', '/users?page=0&per_page=50&include_totals=true')).body)
    expect(first).toMatchObject({ start: 0, limit: 50, length: 50, total: 120 })
    const last = obj((await api('GET', '/users?page=2&per_page=50&include_totals=true')).body)
    expect(last).toMatchObject({ start: 100, limit: 50, length: 20, total: 120 })
    const ids = new Set([...arr(first['users']), ...arr(last['users'])].map((u) => u['user_id']))
    expect(ids.size).toBe(70)
    expect(arr((await api('GET', '/users?per_page=5')).body)).toHaveLength(5)
    expect(await api('GET', '/users?page=10&per_page=100')).toMatchObject({
      status: 400,
      body: { errorCode: 'invalid_paging' },
    })
    expect(await api('GET', '/users?per_page=101')).toMatchObject({
      status: 400,
      body: { errorCode: 'invalid_query_string' },
    })
  })

  it('searches with q, connection, sort and fields', async () => {
    const byEmail = arr(
      (await api('GET', `/users?q=${encodeURIComponent(`email:"${tenant.user.username}"`)}`)).body,
    )
    expect(byEmail.map((u) => u['user_id'])).toEqual(['auth0|65a000000000000000000000'])
    const amazon = obj(
      (
        await api(
          'GET',
          `/users?include_totals=true&q=${encodeURIComponent('connection:"Amazon-Connection"')}`,
        )
      ).body,
    )
    expect(amazon['total']).toBe(12)
    expect(arr(amazon['users']).every((u) => String(u['user_id']).startsWith('amazon|'))).toBe(true)
    const sorted = arr(
      (
        await api(
          'GET',
          `/users?q=${encodeURIComponent('name:grace*')}&sort=created_at:-1&fields=user_id,created_at`,
        )
      ).body,
    )
    expect(sorted.map((u) => Object.keys(u).sort())).toEqual(
      sorted.map(() => ['created_at', 'user_id']),
    )
    expect(sorted.map((u) => u['created_at'])).toEqual(
      [...sorted.map((u) => String(u['created_at']))].sort().reverse(),
    )
    expect(await api('GET', `/users?q=${encodeURIComponent('email:"open')}`)).toMatchObject({
      status: 400,
      body: { statusCode: 400, errorCode: 'invalid_query' },
    })
  })

  it('creates, reads (percent-encoded id), updates, and deletes a user', async () => {
    const created = await api('POST', '/users', {
      connection: 'Username-Password-Authentication',
      email: 'crud@example.com',
      password: 'Secret-123456',
      user_metadata: { a: 1, b: 2 },
    })
    expect(created.status).toBe(201)
    const user = obj(created.body)
    expect(user).toMatchObject({
      email: 'crud@example.com',
      identities: [{ connection: 'Username-Password-Authentication', provider: 'auth0' }],
    })
    expect(user).not.toHaveProperty('password')
    const id = String(user['user_id'])
    expect(id).toMatch(/^auth0\|/)
    expect((await api('GET', `/users/${encodeURIComponent(id)}`)).body).toMatchObject({
      user_id: id,
    })
    const updated = await api('PATCH', `/users/${encodeURIComponent(id)}`, {
      name: 'Renamed',
      user_metadata: { a: null, c: 3 },
      blocked: true,
    })
    expect(updated.body).toMatchObject({
      name: 'Renamed',
      user_metadata: { b: 2, c: 3 },
      blocked: true,
    })
    expect(obj(updated.body)['user_metadata']).not.toHaveProperty('a')
    expect(
      await api('POST', '/users', {
        connection: 'Username-Password-Authentication',
        email: 'CRUD@example.com',
        password: 'x-12345678',
      }),
    ).toMatchObject({
      status: 409,
      body: { statusCode: 409, error: 'Conflict', message: 'The user already exists.' },
    })
    expect((await api('DELETE', `/users/${encodeURIComponent(id)}`)).status).toBe(204)
    expect(await api('GET', `/users/${encodeURIComponent(id)}`)).toMatchObject({
      status: 404,
      body: {
        statusCode: 404,
        error: 'Not Found',
        message: 'The user does not exist.',
        errorCode: 'inexistent_user',
      },
    })
  })

  it('validates bodies like a tenant', async () => {
    expect(await api('POST', '/users', { email: 'a@example.com' })).toMatchObject({
      status: 400,
      body: {
        errorCode: 'invalid_body',
        message: "Payload validation error: 'Missing required property: connection'.",
      },
    })
    expect(
      await api('POST', '/users', {
        connection: 'Username-Password-Authentication',
        email: 'a@example.com',
        password: 'p-12345678',
        shoe_size: 9,
      }),
    ).toMatchObject({ status: 400, body: { errorCode: 'invalid_body' } })
    expect(
      await api('POST', '/users', { connection: 'Nope', email: 'a@example.com', password: 'p' }),
    ).toMatchObject({ status: 404, body: { errorCode: 'inexistent_connection' } })
    const bad = await tenant.fetch(`${tenant.url}/api/v2/users`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await tenant.managementToken()}`,
        'content-type': 'application/json',
      },
      body: '{oops',
    })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ statusCode: 400, errorCode: 'invalid_body' })
  })

  it('checks the kind of every field it stores, and files a given user_id under its provider', async () => {
    const first = `/users/${encodeURIComponent('auth0|65a000000000000000000001')}`
    expect(await api('PATCH', first, { blocked: 'yes' })).toMatchObject({
      status: 400,
      body: {
        errorCode: 'invalid_body',
        message:
          "Payload validation error: 'Expected type boolean but found type string on property blocked'.",
      },
    })
    expect(await api('PATCH', first, { user_metadata: ['x'] })).toMatchObject({ status: 400 })
    expect(
      await api('PATCH', '/connections/con_ErZf9LpXQDE0cNBr', { enabled_clients: 'x' }),
    ).toMatchObject({ status: 400, body: { errorCode: 'invalid_body' } })
    expect(await api('POST', '/clients', { name: 'x', callbacks: 'https://a.test' })).toMatchObject(
      { status: 400 },
    )
    expect(
      await api('POST', '/client-grants', {
        client_id: tenant.clients.web.clientId,
        audience: tenant.managementAudience,
        scope: 'read:users',
      }),
    ).toMatchObject({ status: 400 })
    const social = await api('POST', '/users', {
      connection: 'Amazon-Connection',
      user_id: 'given-id',
      email: 'social@example.com',
    })
    expect(social).toMatchObject({ status: 201, body: { user_id: 'amazon|given-id' } })
    expect(
      (await api('GET', `/users/${encodeURIComponent('amazon|given-id')}`)).body,
    ).toMatchObject({ user_id: 'amazon|given-id', identities: [{ user_id: 'given-id' }] })
  })

  it('assigns and removes roles, both ways round', async () => {
    const id = 'auth0|65a000000000000000000030'
    const path = `/users/${encodeURIComponent(id)}/roles`
    expect(arr((await api('GET', path)).body)).toEqual([])
    expect((await api('POST', path, { roles: ['rol_MockEditor000001'] })).status).toBe(204)
    expect(arr((await api('GET', path)).body).map((r) => r['name'])).toEqual(['editor'])
    const holders = obj(
      (await api('GET', '/roles/rol_MockEditor000001/users?include_totals=true')).body,
    )
    expect(arr(holders['users']).map((u) => u['user_id'])).toEqual([id])
    expect((await api('DELETE', path, { roles: ['rol_MockEditor000001'] })).status).toBe(204)
    expect(arr((await api('GET', path)).body)).toEqual([])
    expect(await api('POST', path, { roles: ['rol_nope'] })).toMatchObject({
      status: 404,
      body: { errorCode: 'inexistent_role' },
    })
  })
})

describe('connections', () => {
  it("auth0-python's connections example: all, rename, get", async () => {
    const all = arr((await api('GET', '/connections')).body)
    expect(all.map((c) => [c['id'], c['name'], c['strategy']])).toEqual([
      ['con_ErZf9LpXQDE0cNBr', 'Amazon-Connection', 'amazon'],
      ['con_i8qF5DPiZ3FdadwJ', 'Username-Password-Authentication', 'auth0'],
    ])
    // the definition's list items carry no enabled_clients; the connection itself does
    expect(all[0]).toMatchObject({ options: { profile: true, scope: ['profile'] } })
    expect(all[0]).not.toHaveProperty('enabled_clients')
    expect((await api('GET', '/connections/con_ErZf9LpXQDE0cNBr')).body).toMatchObject({
      enabled_clients: [tenant.clients.web.clientId],
    })
    expect(
      (await api('PATCH', '/connections/con_ErZf9LpXQDE0cNBr', { name: 'MyNewName' })).body,
    ).toMatchObject({ name: 'MyNewName' })
    expect((await api('GET', '/connections/con_ErZf9LpXQDE0cNBr')).body).toMatchObject({
      id: 'con_ErZf9LpXQDE0cNBr',
      name: 'MyNewName',
      strategy: 'amazon',
      options: { profile: true, scope: ['profile'] },
    })
  })

  it('filters by name and strategy, pages with totals, and projects fields', async () => {
    expect(arr((await api('GET', '/connections?strategy=auth0')).body).map((c) => c['id'])).toEqual(
      ['con_i8qF5DPiZ3FdadwJ'],
    )
    expect(
      arr((await api('GET', '/connections?name=Amazon-Connection')).body).map((c) => c['id']),
    ).toEqual(['con_ErZf9LpXQDE0cNBr'])
    expect(
      (await api('GET', '/connections?include_totals=true&per_page=1&page=1')).body,
    ).toMatchObject({ start: 1, limit: 1, total: 2, connections: [{ id: 'con_i8qF5DPiZ3FdadwJ' }] })
    expect(
      (await api('GET', '/connections/con_i8qF5DPiZ3FdadwJ?fields=name&include_fields=true')).body,
    ).toEqual({ name: 'Username-Password-Authentication' })
  })

  it('creates, updates, conflicts and deletes', async () => {
    const created = await api('POST', '/connections', {
      name: 'My-DB',
      strategy: 'auth0',
      options: { a: 1 },
    })
    expect(created.status).toBe(201)
    const id = String(obj(created.body)['id'])
    expect(id).toMatch(/^con_/)
    expect(await api('POST', '/connections', { name: 'My-DB', strategy: 'auth0' })).toMatchObject({
      status: 409,
      body: { statusCode: 409 },
    })
    expect(await api('PATCH', `/connections/${id}`, { name: 'Amazon-Connection' })).toMatchObject({
      status: 409,
    })
    expect((await api('PATCH', `/connections/${id}`, { options: { b: 2 } })).body).toMatchObject({
      options: { b: 2 },
    })
    expect(obj((await api('GET', `/connections/${id}`)).body)['options']).toEqual({ b: 2 })
    expect(await api('POST', '/connections', { name: 'x' })).toMatchObject({
      status: 400,
      body: { errorCode: 'invalid_body' },
    })
    expect((await api('DELETE', `/connections/${id}`)).status).toBe(204)
    expect(await api('GET', `/connections/${id}`)).toMatchObject({
      status: 404,
      body: { errorCode: 'inexistent_connection' },
    })
  })
})

describe('clients, roles, organizations', () => {
  it('hides client secrets without read:client_keys', async () => {
    const withKeys = arr((await api('GET', '/clients')).body)
    expect(withKeys.find((c) => c['client_id'] === tenant.clients.m2m.clientId)).toMatchObject({
      client_secret: tenant.clients.m2m.clientSecret,
    })
    const without = arr(
      (await api('GET', '/clients', undefined, await tenant.managementToken(['read:clients'])))
        .body,
    )
    expect(without.every((c) => !('client_secret' in c))).toBe(true)
    const created = obj((await api('POST', '/clients', { name: 'Another' })).body)
    expect(created['client_secret']).toMatch(/^mock-secret-/)
    const clientPath = `/clients/${String(created['client_id'])}`
    await api('PATCH', clientPath, { client_metadata: { a: '1' }, custom_setting: { x: 1 } })
    expect(
      (await api('PATCH', clientPath, { client_metadata: { b: '2' }, client_id: 'ignored' })).body,
    ).toMatchObject({
      client_id: created['client_id'],
      client_metadata: { a: '1', b: '2' },
      custom_setting: { x: 1 },
    })
    const rotated = obj(
      (await api('POST', `/clients/${String(created['client_id'])}/rotate-secret`)).body,
    )
    expect(rotated['client_secret']).not.toBe(created['client_secret'])
    expect((await api('DELETE', `/clients/${String(created['client_id'])}`)).status).toBe(204)
    expect((await api('GET', `/clients/${String(created['client_id'])}`)).status).toBe(404)
  })

  it('role CRUD with name_filter and totals', async () => {
    expect((await api('GET', '/roles?include_totals=true')).body).toMatchObject({
      total: 3,
      roles: expect.any(Array),
    })
    expect(arr((await api('GET', '/roles?name_filter=ADM')).body).map((r) => r['name'])).toEqual([
      'admin',
    ])
    const role = obj((await api('POST', '/roles', { name: 'auditor', description: 'reads' })).body)
    expect(await api('POST', '/roles', { name: 'auditor' })).toMatchObject({ status: 409 })
    expect(
      (await api('PATCH', `/roles/${String(role['id'])}`, { description: 'reads more' })).body,
    ).toMatchObject({ description: 'reads more' })
    expect((await api('DELETE', `/roles/${String(role['id'])}`)).status).toBe(204)
    expect(await api('GET', `/roles/${String(role['id'])}`)).toMatchObject({
      status: 404,
      body: { errorCode: 'inexistent_role' },
    })
  })

  it('organizations, members and member roles', async () => {
    expect((await api('GET', '/organizations/name/mock-org')).body).toMatchObject({
      id: 'org_MockOrganization1',
    })
    const members = obj(
      (await api('GET', '/organizations/org_MockOrganization1/members?include_totals=true')).body,
    )
    expect(members).toMatchObject({ total: 6 })
    const org = obj(
      (await api('POST', '/organizations', { name: 'acme', display_name: 'Acme' })).body,
    )
    const orgId = String(org['id'])
    const userId = 'auth0|65a000000000000000000050'
    expect(
      (await api('POST', `/organizations/${orgId}/members`, { members: [userId] })).status,
    ).toBe(204)
    expect(
      arr((await api('GET', `/organizations/${orgId}/members`)).body).map((m) => m['user_id']),
    ).toEqual([userId])
    const memberRoles = `/organizations/${orgId}/members/${encodeURIComponent(userId)}/roles`
    expect((await api('POST', memberRoles, { roles: ['rol_MockViewer000001'] })).status).toBe(204)
    expect(arr((await api('GET', memberRoles)).body).map((r) => r['name'])).toEqual(['viewer'])
    expect(
      arr((await api('GET', `/users/${encodeURIComponent(userId)}/organizations`)).body).map(
        (o) => o['name'],
      ),
    ).toEqual(['acme'])
    const checkpoint = obj(
      (await api('GET', '/organizations/org_MockOrganization1/members?take=4')).body,
    )
    expect(arr(checkpoint['members'])).toHaveLength(4)
    const rest = obj(
      (
        await api(
          'GET',
          `/organizations/org_MockOrganization1/members?take=4&from=${encodeURIComponent(String(checkpoint['next']))}`,
        )
      ).body,
    )
    expect(arr(rest['members'])).toHaveLength(2)
    expect(rest).not.toHaveProperty('next')
    expect(
      (await api('DELETE', `/organizations/${orgId}/members`, { members: [userId] })).status,
    ).toBe(204)
    expect(await api('GET', memberRoles)).toMatchObject({ status: 404 })
    expect(await api('POST', '/organizations', { name: 'acme' })).toMatchObject({ status: 409 })
    expect((await api('DELETE', `/organizations/${orgId}`)).status).toBe(204)
    expect(await api('GET', `/organizations/${orgId}`)).toMatchObject({
      status: 404,
      body: { statusCode: 404 },
    })
  })
})

describe('permissions and enabled connections', () => {
  it('adds, lists and removes permissions of users and roles', async () => {
    const perm = {
      permission_name: 'write:messages',
      resource_server_identifier: 'https://api.mock.test/',
    }
    for (const base of [
      `/users/${encodeURIComponent('auth0|65a000000000000000000002')}`,
      '/roles/rol_MockViewer000001',
    ]) {
      const before = arr((await api('GET', `${base}/permissions`)).body).length
      expect((await api('POST', `${base}/permissions`, { permissions: [perm, perm] })).status).toBe(
        201,
      )
      const held = arr((await api('GET', `${base}/permissions`)).body)
      expect(held).toHaveLength(before + 1)
      expect(held).toContainEqual(perm)
      expect((await api('DELETE', `${base}/permissions`, { permissions: [perm] })).status).toBe(204)
      expect(arr((await api('GET', `${base}/permissions`)).body)).toHaveLength(before)
      expect(await api('POST', `${base}/permissions`, { nope: 1 })).toMatchObject({
        status: 400,
        body: { errorCode: 'invalid_body' },
      })
    }
    expect(await api('GET', '/roles/rol_missing/permissions')).toMatchObject({
      status: 404,
      body: { errorCode: 'inexistent_role' },
    })
  })

  it("manages an organization's enabled connections", async () => {
    const base = '/organizations/org_MockOrganization1/enabled_connections'
    expect(arr((await api('GET', base)).body)).toEqual([
      {
        connection_id: 'con_i8qF5DPiZ3FdadwJ',
        assign_membership_on_login: false,
        connection: { name: 'Username-Password-Authentication', strategy: 'auth0' },
      },
    ])
    expect(
      (
        await api('POST', base, {
          connection_id: 'con_ErZf9LpXQDE0cNBr',
          assign_membership_on_login: true,
        })
      ).status,
    ).toBe(201)
    expect(await api('POST', base, { connection_id: 'con_ErZf9LpXQDE0cNBr' })).toMatchObject({
      status: 409,
    })
    expect(
      (await api('PATCH', `${base}/con_ErZf9LpXQDE0cNBr`, { assign_membership_on_login: false }))
        .body,
    ).toMatchObject({ assign_membership_on_login: false })
    expect((await api('DELETE', `${base}/con_ErZf9LpXQDE0cNBr`)).status).toBe(204)
    expect(await api('GET', `${base}/con_ErZf9LpXQDE0cNBr`)).toMatchObject({ status: 404 })
  })
})

describe('client grants, resource servers, users by email', () => {
  it('a client grant decides whether client_credentials may reach an API', async () => {
    const created = obj(
      (await api('POST', '/clients', { name: 'Grantless', grant_types: ['client_credentials'] }))
        .body,
    )
    const credentials = {
      grant_type: 'client_credentials',
      client_id: String(created['client_id']),
      client_secret: String(created['client_secret']),
      audience: tenant.managementAudience,
    }
    const exchange = () =>
      tenant.fetch(`${tenant.url}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(credentials),
      })
    expect((await exchange()).status).toBe(403)
    const grant = await api('POST', '/client-grants', {
      client_id: created['client_id'],
      audience: tenant.managementAudience,
      scope: ['read:users'],
    })
    expect(grant.status).toBe(201)
    const ok = await exchange()
    expect(await ok.json()).toMatchObject({ scope: 'read:users' })
    expect(
      arr((await api('GET', `/client-grants?client_id=${String(created['client_id'])}`)).body),
    ).toHaveLength(1)
    expect(
      await api('POST', '/client-grants', {
        client_id: created['client_id'],
        audience: tenant.managementAudience,
        scope: [],
      }),
    ).toMatchObject({ status: 409 })
    expect((await api('DELETE', `/client-grants/${String(obj(grant.body)['id'])}`)).status).toBe(
      204,
    )
    expect((await exchange()).status).toBe(403)
    expect(arr((await api('GET', '/resource-servers')).body).map((r) => r['identifier'])).toEqual([
      tenant.managementAudience,
      'https://api.mock.test/',
    ])
    expect(
      (await api('GET', `/resource-servers/${encodeURIComponent('https://api.mock.test/')}`)).body,
    ).toMatchObject({ name: 'Mock API' })
  })

  it('finds users by email, case-insensitively', async () => {
    expect(
      arr(
        (
          await api(
            'GET',
            `/users-by-email?email=${encodeURIComponent(tenant.user.username.toUpperCase())}`,
          )
        ).body,
      ).map((u) => u['user_id']),
    ).toEqual(['auth0|65a000000000000000000000'])
    expect(await api('GET', '/users-by-email')).toMatchObject({
      status: 400,
      body: { errorCode: 'invalid_query_string' },
    })
  })
})

describe('logs', () => {
  it('pages newest first with totals', async () => {
    const page = obj((await api('GET', '/logs?page=0&per_page=50&include_totals=true')).body)
    expect(page).toMatchObject({ start: 0, limit: 50, length: 50, total: 150 })
    const logs = arr(page['logs'])
    expect(String(logs[0]?.['date']) > String(logs[1]?.['date'])).toBe(true)
  })

  it('walks every log by checkpoint: the next `from` is the last log_id', async () => {
    const seen: string[] = []
    let from: string | undefined
    for (let i = 0; i < 10; i++) {
      const batch = arr((await api('GET', `/logs?take=40${from ? `&from=${from}` : ''}`)).body)
      if (batch.length === 0) break
      seen.push(...batch.map((l) => String(l['log_id'])))
      from = seen[seen.length - 1]
    }
    expect(seen).toHaveLength(150)
    expect(new Set(seen).size).toBe(150)
    expect([...seen].sort()).toEqual(seen)
    expect((await api('GET', `/logs/${seen[0]}`)).body).toMatchObject({ log_id: seen[0] })
    expect(await api('GET', '/logs/nope')).toMatchObject({ status: 404 })
  })

  it('filters with q', async () => {
    const failures = arr(
      (await api('GET', `/logs?q=${encodeURIComponent('type:fp')}&per_page=100`)).body,
    )
    expect(failures).toHaveLength(30)
    expect(failures.every((l) => l['type'] === 'fp')).toBe(true)
  })
})
