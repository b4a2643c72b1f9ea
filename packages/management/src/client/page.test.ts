// Paging, table by table: when a next page exists and which query asks for it. Then Page over a fake loader.
import { describe, expect, it } from 'vitest'
import { toRawResponse } from './api-promise.js'
import { nextQuery, Page, pagerOf, type Pager, type PageResult, type Query } from './page.js'

const pager = (over: Partial<Pager> = {}): Pager => ({
  items: 'users',
  paging: 'page',
  window: undefined,
  checkpoint: undefined,
  ...over,
})
const users = (n: number) => Array.from({ length: n }, (_, i) => ({ user_id: `u${i}` }))

describe('nextQuery', () => {
  it.each<[string, Pager, Query, unknown, Query | undefined]>([
    [
      'offset shape: more to come',
      pager(),
      { page: 0, per_page: 2, include_totals: true },
      { users: users(2), start: 0, limit: 2, total: 5 },
      { page: 1, per_page: 2, include_totals: true },
    ],
    [
      'offset shape: the totals say it was the last page',
      pager(),
      { page: 2, per_page: 2 },
      { users: users(1), start: 4, limit: 2, total: 5 },
      undefined,
    ],
    [
      'a short page is not the end when the totals say more',
      pager(),
      { page: 0, per_page: 50 },
      { users: users(3), start: 0, total: 200 },
      { page: 1, per_page: 50 },
    ],
    [
      'array shape (include_totals=false): only an empty page ends it, never a short one',
      pager(),
      { page: 0, per_page: 50, include_totals: false },
      users(3),
      { page: 1, per_page: 50, include_totals: false },
    ],
    ['an empty page ends it', pager(), { page: 4 }, [], undefined],
    [
      'actions shape: page and per_page in the body, no start',
      pager({ items: 'actions' }),
      { page: 1, per_page: 2 },
      { actions: users(2), page: 1, per_page: 2, total: 4 },
      undefined,
    ],
    [
      'the page size comes from the body when the query has none',
      pager(),
      {},
      { users: users(10), start: 0, limit: 10, total: 25 },
      { page: 1 },
    ],
    [
      'the search window: the page after would pass 1000 results',
      pager({ window: 1000 }),
      { page: 19, per_page: 50 },
      { users: users(50), start: 950, total: 5000 },
      undefined,
    ],
    [
      'the search window: the last page inside it',
      pager({ window: 1000 }),
      { page: 18, per_page: 50 },
      { users: users(50), start: 900, total: 5000 },
      { page: 19, per_page: 50 },
    ],
    [
      'checkpoint: next is the following from',
      pager({ paging: 'checkpoint', items: 'sessions' }),
      { take: 2 },
      { sessions: users(2), next: 'cp2' },
      { take: 2, from: 'cp2' },
    ],
    [
      'checkpoint: no next ends it',
      pager({ paging: 'checkpoint', items: 'sessions' }),
      { take: 2, from: 'cp2' },
      { sessions: users(2) },
      undefined,
    ],
    [
      'checkpoint: the same next again ends it',
      pager({ paging: 'checkpoint', items: 'sessions' }),
      { take: 2, from: 'cp2' },
      { sessions: users(2), next: 'cp2' },
      undefined,
    ],
    [
      'both: a query with take pages by checkpoint',
      pager({ paging: 'both', items: 'connections' }),
      { take: 50, include_totals: true },
      { connections: users(1), next: 'n1' },
      { take: 50, include_totals: true, from: 'n1' },
    ],
    [
      'both: a query with page pages by page',
      pager({ paging: 'both', items: 'connections' }),
      { page: 0, per_page: 1, include_totals: true },
      { connections: users(1), start: 0, limit: 1, total: 2 },
      { page: 1, per_page: 1, include_totals: true },
    ],
    [
      "logs by checkpoint: an array body, the last log's log_id",
      pager({ paging: 'both', items: 'logs', checkpoint: 'log_id' }),
      { take: 2 },
      [{ log_id: 'l1' }, { log_id: 'l2' }],
      { take: 2, from: 'l2' },
    ],
  ])('%s', (_, p, query, body, expected) => {
    expect(nextQuery(p, query, body)).toEqual(expected)
  })

  it('refuses a body that holds no list, rather than read it as an empty page', () => {
    expect(() => nextQuery(pager(), {}, { something: 'else' })).toThrow(
      expect.objectContaining({ errorCode: 'invalid_response', statusCode: 200 }),
    )
    expect(() => nextQuery(pager(), {}, null)).toThrow(/"users" array/)
  })
})

describe('pagerOf', () => {
  const list = (path: string, paging: Pager['paging']) => ({
    method: 'GET' as const,
    path,
    list: { items: 'x', paging },
  })
  it('knows the 1000-result window of user searches and of logs paged by page', () => {
    expect(pagerOf(list('/users', 'page'), { q: 'email:*' }).window).toBe(1000)
    expect(pagerOf(list('/logs', 'both'), { page: 0 }).window).toBe(1000)
    expect(pagerOf(list('/logs', 'both'), { take: 10 }).window).toBeUndefined()
    expect(pagerOf(list('/logs', 'both'), {}).checkpoint).toBe('log_id')
    expect(pagerOf(list('/roles', 'page'), {})).toEqual({
      items: 'x',
      paging: 'page',
      window: undefined,
      checkpoint: undefined,
    })
  })
})

describe('Page', () => {
  const raw = (n: number) =>
    toRawResponse(
      new Response(null, { headers: { 'x-page': String(n) } }),
      'https://t/api/v2/users',
    )
  /** A loader over `total` users in pages of `size`, recording the queries it is asked for. */
  function users$(total: number, size: number) {
    const queries: Query[] = []
    const load = (query: Query): Promise<PageResult<unknown>> => {
      queries.push(query)
      const page = Number(query['page'] ?? 0)
      const data = {
        users: users(total).slice(page * size, (page + 1) * size),
        start: page * size,
        limit: size,
        total,
      }
      return Promise.resolve({ data, rawResponse: raw(page), query })
    }
    return { queries, load }
  }

  it('is node-auth0’s Page: data, response, rawResponse, hasNextPage and getNextPage', async () => {
    const { queries, load } = users$(5, 2)
    const page = new Page<{ user_id: string }, unknown>(
      await load({ page: 0, per_page: 2 }),
      pager(),
      load,
    )
    expect(page.data.map((u) => u.user_id)).toEqual(['u0', 'u1'])
    expect(page.response).toMatchObject({ total: 5 })
    expect(page.rawResponse.headers.get('x-page')).toBe('0')
    expect(page.hasNextPage()).toBe(true)
    expect(await page.getNextPage()).toBe(page)
    expect(page.data.map((u) => u.user_id)).toEqual(['u2', 'u3'])
    expect(page.rawResponse.headers.get('x-page')).toBe('1')
    await page.getNextPage()
    expect(page.data.map((u) => u.user_id)).toEqual(['u4'])
    expect(page.hasNextPage()).toBe(false)
    await expect(page.getNextPage()).rejects.toThrow(RangeError)
    expect(queries).toEqual([
      { page: 0, per_page: 2 },
      { page: 1, per_page: 2 },
      { page: 2, per_page: 2 },
    ])
  })

  it('iterates every item of every page with for await, one request per page', async () => {
    const { queries, load } = users$(7, 3)
    const page = new Page<{ user_id: string }, unknown>(
      await load({ page: 0, per_page: 3 }),
      pager(),
      load,
    )
    const ids: string[] = []
    for await (const user of page) ids.push(user.user_id)
    expect(ids).toEqual(['u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6'])
    expect(queries).toHaveLength(3)
  })
})
