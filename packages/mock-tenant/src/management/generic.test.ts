import { beforeEach, describe, expect, it } from 'vitest'
import { arr, obj, setup } from '../test-utils/index.js'

const clock = { now: Date.parse('2025-03-01T10:00:00.000Z') }
const { tenant, api } = await setup({ now: () => clock.now })
beforeEach(() => {
  tenant.reset()
  clock.now = Date.parse('2025-03-01T10:00:00.000Z')
})

const acl = {
  description: 'office',
  active: true,
  rule: { action: { block: true }, scope: 'tenant' },
}

describe('a collection', () => {
  it('creates a record with server-set fields, reads it, and answers 404 in Auth0’s shape once deleted', async () => {
    const created = await api('POST', '/rules', { name: 'welcome', script: 'function () {}' })
    expect(created.status).toBe(201)
    const rule = obj(created.body)
    expect(rule).toMatchObject({ name: 'welcome', script: 'function () {}' })
    expect(rule['id']).toMatch(/^rul_0+4$/) // after the three seeded rules
    expect((await api('GET', `/rules/${String(rule['id'])}`)).body).toEqual(rule)
    expect((await api('DELETE', `/rules/${String(rule['id'])}`)).status).toBe(204)
    expect(await api('GET', `/rules/${String(rule['id'])}`)).toMatchObject({
      status: 404,
      body: {
        statusCode: 404,
        error: 'Not Found',
        message: 'The rule does not exist.',
        errorCode: 'inexistent_rule',
      },
    })
    expect((await api('DELETE', `/rules/${String(rule['id'])}`)).status).toBe(404)
  })

  it('fills ids that follow the shape and stamps created_at and updated_at from the clock', async () => {
    const created = obj((await api('POST', '/event-streams', { name: 'stream' })).body)
    expect(String(created['id'])).toHaveLength(26) // the definition's event-stream ids are 26 characters
    expect(created).toMatchObject({
      created_at: '2025-03-01T10:00:00.000Z',
      updated_at: '2025-03-01T10:00:00.000Z',
    })
    clock.now += 60_000
    const updated = obj(
      (await api('PATCH', `/event-streams/${String(created['id'])}`, { name: 'renamed' })).body,
    )
    expect(updated).toMatchObject({
      name: 'renamed',
      created_at: '2025-03-01T10:00:00.000Z',
      updated_at: '2025-03-01T10:01:00.000Z',
    })
  })

  it('merges on PATCH and replaces on PUT', async () => {
    const [first] = arr((await api('GET', '/network-acls')).body)
    const id = String(first?.['id'])
    const put = obj((await api('PUT', `/network-acls/${id}`, { ...acl, priority: 3 })).body)
    expect(put).toMatchObject({ id, ...acl, priority: 3 })
    const patched = obj((await api('PATCH', `/network-acls/${id}`, { description: 'home' })).body)
    expect(patched).toMatchObject({ id, description: 'home', active: true, priority: 3 })
    const replaced = obj((await api('PUT', `/network-acls/${id}`, acl)).body)
    expect(replaced).toMatchObject({ id, description: 'office' })
    expect(replaced).not.toHaveProperty('priority')
  })

  it('deletes the records below a deleted one', async () => {
    const [action] = arr(
      obj((await api('GET', '/actions/actions?include_totals=true')).body)['actions'],
    )
    const id = String(action?.['id'])
    expect(
      arr(obj((await api('GET', `/actions/actions/${id}/versions`)).body)['versions']),
    ).toHaveLength(3)
    expect((await api('DELETE', `/actions/actions/${id}`)).status).toBe(204)
    expect(await api('GET', `/actions/actions/${id}/versions`)).toMatchObject({
      status: 404,
      body: { errorCode: 'inexistent_action' },
    })
  })

  it('stores the result of an action under its collection: an export job can be read back', async () => {
    const job = obj((await api('POST', '/jobs/users-exports', { format: 'csv' })).body)
    expect(job).toMatchObject({ format: 'csv', created_at: '2025-03-01T10:00:00.000Z' })
    expect((await api('GET', `/jobs/${String(job['id'])}`)).body).toMatchObject({
      id: job['id'],
      format: 'csv',
    })
  })

  it('has a record for any id of a lookup-only collection, until it is deleted', async () => {
    expect((await api('GET', '/anomaly/blocks/ips/203.0.113.9')).status).toBe(200)
    expect((await api('DELETE', '/anomaly/blocks/ips/203.0.113.9')).status).toBe(204)
    expect((await api('GET', '/anomaly/blocks/ips/203.0.113.9')).status).toBe(404)
  })
})

describe('a link list', () => {
  it('links, lists, refuses an unknown record and unlinks', async () => {
    const [group] = arr(obj((await api('GET', '/groups?include_totals=true')).body)['groups'])
    const groups = `/roles/rol_MockViewer000001/groups`
    const linked = async () => arr(obj((await api('GET', `${groups}?take=10`)).body)['groups'])
    expect(await linked()).toEqual([])
    expect((await api('POST', groups, { groups: [group?.['id']] })).status).toBe(204)
    expect(await linked()).toEqual([group])
    expect(await api('POST', groups, { groups: ['grp_missing'] })).toMatchObject({
      status: 404,
      body: { errorCode: 'inexistent_group' },
    })
    expect((await api('DELETE', groups, { groups: [group?.['id']] })).status).toBe(204)
    expect(await linked()).toEqual([])
  })

  it('is seeded under the first record: a group has two roles', async () => {
    const [group] = arr(obj((await api('GET', '/groups?include_totals=true')).body)['groups'])
    const roles = arr(
      obj((await api('GET', `/groups/${String(group?.['id'])}/roles`)).body)['roles'],
    )
    expect(roles.map((r) => r['name'])).toEqual(['admin', 'editor'])
  })
})

describe('a singleton', () => {
  it('is read and updated in place', async () => {
    const before = obj((await api('GET', '/tenants/settings')).body)
    const after = obj((await api('PATCH', '/tenants/settings', { friendly_name: 'Mock' })).body)
    expect(after).toEqual({ ...before, friendly_name: 'Mock' })
    expect((await api('GET', '/tenants/settings')).body).toEqual(after)
  })

  it('is gone once deleted, and back once created', async () => {
    expect((await api('GET', '/emails/provider')).status).toBe(200)
    expect((await api('DELETE', '/emails/provider')).status).toBe(204)
    expect(await api('GET', '/emails/provider')).toMatchObject({
      status: 404,
      body: { errorCode: 'inexistent_provider' },
    })
    const created = await api('POST', '/emails/provider', {
      name: 'smtp',
      credentials: { smtp_host: 'smtp.example.com', smtp_port: 25, smtp_user: 'u', smtp_pass: 'p' },
    })
    expect(created).toMatchObject({ status: 201, body: { name: 'smtp' } })
  })
})

describe('lists', () => {
  it('page with page/per_page, as a bare array or with totals', async () => {
    for (let i = 0; i < 3; i++) await api('POST', '/rules', { name: `r${i}`, script: 'x' })
    const page = arr((await api('GET', '/rules?per_page=2&page=1')).body)
    expect(page.map((r) => r['name'])).toEqual(['rule-3', 'r0'])
    expect((await api('GET', '/rules?per_page=2&page=1&include_totals=true')).body).toMatchObject({
      start: 2,
      limit: 2,
      total: 6,
      rules: page,
    })
    expect(await api('GET', '/rules?per_page=101')).toMatchObject({
      status: 400,
      body: { errorCode: 'invalid_query_string' },
    })
  })

  it('walk by checkpoint: `next` leads to the following items, and the last page has none', async () => {
    const first = obj((await api('GET', '/rate-limit-policies?take=2')).body)
    expect(arr(first['rate_limit_policies'])).toHaveLength(2)
    const next = encodeURIComponent(String(first['next']))
    const last = obj((await api('GET', `/rate-limit-policies?take=2&from=${next}`)).body)
    expect(arr(last['rate_limit_policies'])).toHaveLength(1)
    expect(last).not.toHaveProperty('next')
    expect(await api('GET', '/rate-limit-policies?from=nonsense')).toMatchObject({
      status: 400,
      body: { errorCode: 'invalid_query_string' },
    })
  })

  it('are never empty in the seed, and the seed is the same on every tenant and after reset()', async () => {
    const ids = async () => arr(obj((await api('GET', '/hooks?include_totals=true')).body)['hooks'])
    const seeded = await ids()
    expect(seeded).toHaveLength(3)
    await api('DELETE', `/hooks/${String(seeded[0]?.['id'])}`)
    tenant.reset()
    expect(await ids()).toEqual(seeded)
    const other = await setup({ now: () => clock.now })
    const again = await other.api('GET', '/hooks?include_totals=true')
    expect(arr(obj(again.body)['hooks'])).toEqual(seeded)
  })
})

describe('requests', () => {
  it.each([
    [
      'POST',
      '/rules',
      { name: 'x' },
      "Payload validation error: 'Missing required property: script'.",
    ],
    [
      'POST',
      '/rules',
      { name: 'x', script: 'y', enabled: 'yes' },
      "Payload validation error: 'Expected type boolean but found type string on property enabled'.",
    ],
    [
      'POST',
      '/rules',
      { name: 'x', script: 'y', colour: 'red' },
      "Payload validation error: 'Additional properties not allowed: colour'.",
    ],
    [
      'POST',
      '/jobs/users-exports',
      { format: 'xml' },
      'Payload validation error: \'Invalid value "xml" on property format: it must be one of json, csv\'.',
    ],
  ])('%s %s %j → 400 invalid_body', async (method, path, body, message) => {
    expect(await api(method, path, body)).toMatchObject({
      status: 400,
      body: { statusCode: 400, error: 'Bad Request', message, errorCode: 'invalid_body' },
    })
  })

  it('checks query types and enums: 400 invalid_query_string', async () => {
    expect(await api('GET', '/actions/actions?triggerId=nope')).toMatchObject({
      status: 400,
      body: { errorCode: 'invalid_query_string', message: expect.stringContaining('triggerId') },
    })
    expect(await api('GET', '/rules?enabled=maybe')).toMatchObject({
      status: 400,
      body: {
        message:
          "Query validation error: 'Expected type boolean but found type string on property enabled'.",
      },
    })
  })
})

describe('scopes', () => {
  it('accept any one of the listed scopes, and name them all when none is held', async () => {
    const user = `/users/${encodeURIComponent('auth0|65a000000000000000000001')}`
    const appMetadataOnly = await tenant.managementToken(['update:users_app_metadata'])
    expect(
      (await api('PATCH', user, { app_metadata: { plan: 'gold' } }, appMetadataOnly)).status,
    ).toBe(200)
    expect(
      await api('PATCH', user, {}, await tenant.managementToken(['read:users'])),
    ).toMatchObject({
      status: 403,
      body: {
        errorCode: 'insufficient_scope',
        message:
          'Insufficient scope, expected any of: update:users,update:users_app_metadata,update:current_user_metadata',
      },
    })
  })

  it('enforce inferred scopes on the operations only node-auth0 declares', async () => {
    expect(
      await api('POST', '/agents', { name: 'a' }, await tenant.managementToken(['read:agents'])),
    ).toMatchObject({
      status: 403,
      body: { message: 'Insufficient scope, expected any of: create:agents' },
    })
    expect((await api('POST', '/agents', { name: 'a' })).status).toBe(201)
  })
})
