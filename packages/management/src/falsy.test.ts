// auth0-python leaves out an optional value that is empty (an empty `fields` list, an empty string for `strategy`,
// `name` or `aud`): the port does the same for every optional parameter, and never drops a required one.
import { describe, expect, it } from 'vitest'
import { Auth0 } from './index.js'
import { DOMAIN, mockApi } from './test-utils/server.js'

const api = mockApi()
const auth0 = () => new Auth0(DOMAIN, 'TOKEN')

async function formOf(body: string, contentType: string | null): Promise<Record<string, string>> {
  const form = await new Response(body, {
    headers: { 'content-type': contentType ?? '' },
  }).formData()
  return Object.fromEntries([...form].map(([k, v]) => [k, typeof v === 'string' ? v : '(file)']))
}

describe('an empty optional value is left out', () => {
  it('connections.all sends no fields=, strategy= or name=', async () => {
    api.reply(() => api.json([]))
    await auth0().connections.all({ fields: [], strategy: '', name: '', extraParams: {} })
    expect(api.seen[0]?.url.pathname).toBe('/api/v2/connections')
    expect(api.seen[0]?.query).toEqual({ include_fields: 'true' })
  })

  it('users.get and users.list send no fields= for an empty list', async () => {
    await auth0().users.get('u1', { fields: [] })
    await auth0().users.list({ fields: [], q: '' })
    expect(api.seen.map((r) => r.query)).toEqual([
      { include_fields: 'true' },
      { page: '0', per_page: '25', include_totals: 'true', include_fields: 'true' },
    ])
  })

  it('blacklists send no aud, in the query or in the body', async () => {
    api.reply(() => api.json([]))
    await auth0().blacklists.get({ aud: '' })
    await auth0().blacklists.create('jti_1', { aud: '' })
    expect(api.seen[0]?.raw).toBe(`https://${DOMAIN}/api/v2/blacklists/tokens`)
    expect(JSON.parse(api.seen[1]?.body ?? '')).toEqual({ jti: 'jti_1' })
  })

  it('an empty string falls back to auth0-python’s default, as a value left out does', async () => {
    api.reply(() => api.json([]))
    await auth0().rules.all({ stage: '' })
    expect(api.seen[0]?.query['stage']).toBe('login_success')
  })

  it('jobs.importUsers sends no external_id part for an empty string', async () => {
    await auth0().jobs.importUsers('con_1', '[]', { externalId: '' })
    const form = await formOf(
      api.seen[0]?.body ?? '',
      api.seen[0]?.headers.get('content-type') ?? null,
    )
    expect(form).toEqual({
      connection_id: 'con_1',
      upsert: 'false',
      send_completion_email: 'true',
      users: '(file)',
    })
  })
})

describe('what is not empty, or is required, is sent', () => {
  it('false and 0 are values', async () => {
    api.reply(() => api.json([]))
    await auth0().users.list({
      page: 0,
      perPage: 5,
      includeTotals: false,
      fields: ['email'],
      includeFields: false,
    })
    expect(api.seen[0]?.query).toEqual({
      page: '0',
      per_page: '5',
      include_totals: 'false',
      fields: 'email',
      include_fields: 'false',
    })
  })

  it('a required list or string is sent even when empty', async () => {
    await auth0().users.addRoles('u1', [])
    await auth0().connections.deleteUserByEmail('con_1', '')
    await auth0().users.update('u1', {})
    expect(api.seen.map((r) => [r.method, r.url.pathname, r.url.search, r.body])).toEqual([
      ['POST', '/api/v2/users/u1/roles', '', '{"roles":[]}'],
      ['DELETE', '/api/v2/connections/con_1/users', '?email=', ''],
      ['PATCH', '/api/v2/users/u1', '', '{}'],
    ])
  })

  it('a required path parameter is never left out: an empty one is a TypeError, and nothing is sent', async () => {
    await expect(auth0().users.get('')).rejects.toThrow(TypeError)
    await expect(auth0().users.addRoles('', ['r1'])).rejects.toThrow('id is required')
    expect(api.seen).toHaveLength(0)
  })
})
