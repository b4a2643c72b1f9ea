import { describe, expect, it } from 'vitest'
import { Auth0, ListPromise, type User } from './index.js'
import { DOMAIN, makeUser, mockApi } from './test-utils/server.js'

const api = mockApi()
const auth0 = () => new Auth0(DOMAIN, 'TOKEN')

/** Answers `GET /users` from `all`, honouring page/per_page and include_totals like the Management API. */
function serveUsers(all: readonly ReturnType<typeof makeUser>[], shortPage?: number) {
  api.reply((req) => {
    const page = Number(req.query['page'] ?? 0)
    const perPage = Number(req.query['per_page'] ?? 50)
    let users = all.slice(page * perPage, (page + 1) * perPage)
    if (page === shortPage) users = users.slice(0, 1)
    if (req.query['include_totals'] !== 'true') return api.json(users)
    return api.json({
      start: page * perPage,
      limit: perPage,
      length: users.length,
      total: all.length,
      users,
    })
  })
}

describe('a list method', () => {
  it('returns a lazy ListPromise at once and sends nothing until awaited', async () => {
    const list = auth0().users.list({ q: 'email:*' })
    expect(list).toBeInstanceOf(ListPromise)
    await new Promise((r) => setTimeout(r, 0))
    expect(api.seen).toHaveLength(0)
  })

  it('sends exactly the declared request when awaited, and returns the raw body', async () => {
    const users = [makeUser(), makeUser()]
    serveUsers(users)
    const body = await auth0().users.list({ perPage: 10, includeTotals: false })
    expect(api.seen).toHaveLength(1)
    expect(api.seen[0]?.query).toEqual({
      page: '0',
      per_page: '10',
      include_totals: 'false',
      include_fields: 'true',
    })
    expect(body).toEqual(users)
  })

  it('iterates every item, adding include_totals, and stops on the totals', async () => {
    const users = Array.from({ length: 5 }, () => makeUser())
    serveUsers(users)
    const got: User[] = []
    for await (const u of auth0().users.list({ perPage: 2, includeTotals: false })) got.push(u)
    expect(got.map((u) => u.user_id)).toEqual(users.map((u) => u.user_id))
    // pages 0, 1, 2: the third holds the last item, and the totals say there is no fourth
    expect(
      api.seen.map((r) => [r.query['page'], r.query['per_page'], r.query['include_totals']]),
    ).toEqual([
      ['0', '2', 'true'],
      ['1', '2', 'true'],
      ['2', '2', 'true'],
    ])
  })

  it('does not stop on a short page while the totals say more items exist', async () => {
    const users = Array.from({ length: 6 }, () => makeUser())
    serveUsers(users, 1)
    const got = await auth0().users.list({ perPage: 2 }).toArray({ limit: 100 })
    expect(got).toHaveLength(5) // page 1 came back short (1 of 2), page 2 was still fetched
    expect(api.seen.map((r) => r.query['page'])).toEqual(['0', '1', '2'])
  })

  it('never pages past the 1000-result window of a user search', async () => {
    api.reply((req) => {
      const page = Number(req.query['page'])
      const users = Array.from({ length: 100 }, (_, i) => makeUser({ n: page * 100 + i }))
      return api.json({ start: page * 100, limit: 100, length: 100, total: 50_000, users })
    })
    let count = 0
    for await (const _ of auth0().users.list({ q: 'name:*', perPage: 100 })) count++
    expect(count).toBe(1000)
    expect(api.seen).toHaveLength(10)
    expect(api.seen.at(-1)?.query['page']).toBe('9')
  })

  it('never pages past the 1000-result window of a log search', async () => {
    api.reply((req) => {
      const page = Number(req.query['page'])
      const logs = Array.from({ length: 100 }, (_, i) => ({
        log_id: `l${page * 100 + i}`,
        date: '',
        type: 's',
      }))
      return api.json({ start: page * 100, limit: 100, length: 100, total: 9_999, logs })
    })
    const logs = await auth0().logs.search({ q: 'type:s', perPage: 100 }).toArray({ limit: 5000 })
    expect(logs).toHaveLength(1000)
    expect(api.seen).toHaveLength(10)
  })

  it('pages by checkpoint until there is no next one, without page, per_page or totals', async () => {
    const pages: Record<string, { organizations: { id: string; name: string }[]; next?: string }> =
      {
        first: {
          organizations: [
            { id: 'o1', name: 'a' },
            { id: 'o2', name: 'b' },
          ],
          next: 'cp1',
        },
        cp1: { organizations: [{ id: 'o3', name: 'c' }], next: 'cp2' },
        cp2: {
          organizations: [
            { id: 'o4', name: 'd' },
            { id: 'o5', name: 'e' },
          ],
        },
      }
    api.reply((req) => api.json(pages[req.query['from'] ?? 'first'] ?? { organizations: [] }))
    const ids: string[] = []
    for await (const org of auth0().organizations.allOrganizations({ take: 2 }))
      ids.push(org.id ?? '')
    expect(ids).toEqual(['o1', 'o2', 'o3', 'o4', 'o5'])
    expect(api.seen.map((r) => r.query)).toEqual([
      { take: '2' },
      { take: '2', from: 'cp1' },
      { take: '2', from: 'cp2' },
    ])
  })

  it('pages log checkpoints by the last log_id, and stops on an empty page', async () => {
    const logs = Array.from({ length: 5 }, (_, i) => ({ log_id: `9000${i}`, date: '', type: 's' }))
    api.reply((req) => {
      const from = req.query['from']
      const start = from === undefined ? 0 : logs.findIndex((l) => l.log_id === from) + 1
      return api.json(logs.slice(start, start + Number(req.query['take'])))
    })
    const got = await auth0().logs.search({ take: 2 }).toArray({ limit: 100 })
    expect(got.map((l) => l.log_id)).toEqual(logs.map((l) => l.log_id))
    expect(api.seen.map((r) => r.query['from'])).toEqual([undefined, '90001', '90003', '90004'])
    expect(
      api.seen.every((r) => r.query['page'] === undefined && r.query['per_page'] === undefined),
    ).toBe(true)
  })

  it('toArray needs a cap and stops fetching once it is reached', async () => {
    serveUsers(Array.from({ length: 50 }, () => makeUser()))
    await expect(auth0().users.list().toArray({ limit: 0 })).rejects.toThrow(RangeError)
    const three = await auth0().users.list({ perPage: 2 }).toArray({ limit: 3 })
    expect(three).toHaveLength(3)
    expect(api.seen).toHaveLength(2)
  })

  it('sends the per-call request options with every page', async () => {
    serveUsers(Array.from({ length: 3 }, () => makeUser()))
    await auth0()
      .roles.listUsers('rol_1', { perPage: 2 }, { headers: { 'x-trace': 't1' } })
      .toArray({ limit: 10 })
    expect(api.seen).toHaveLength(2)
    expect(api.seen.map((r) => r.headers.get('x-trace'))).toEqual(['t1', 't1'])
    expect(api.seen[0]?.url.pathname).toBe('/api/v2/roles/rol_1/users')
  })

  it('rejects a call with a missing required parameter when awaited, sending nothing', async () => {
    const list = (auth0().roles.listUsers as (id?: string) => ListPromise<unknown, unknown>)()
    await expect(list).rejects.toThrow('id is required')
    expect(api.seen).toHaveLength(0)
  })
})
