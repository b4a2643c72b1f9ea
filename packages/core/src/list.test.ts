import { describe, expect, it } from 'vitest'
import { ListPromise } from './list.js'
import type { QueryValue } from './rest-client.js'

function offsetSource(total: number, opts: { arrayBody?: boolean } = {}) {
  const calls: Record<string, QueryValue>[] = []
  const all = Array.from({ length: total }, (_, i) => ({ id: i }))
  const fetchPage = async (paging: Record<string, QueryValue>) => {
    calls.push(paging)
    const page = Number(paging['page'])
    const per = Number(paging['per_page'])
    const users = all.slice(page * per, page * per + per)
    return opts.arrayBody
      ? users
      : { start: page * per, limit: per, length: users.length, total, users }
  }
  return { calls, fetchPage }
}

describe('ListPromise', () => {
  it('is lazy and sends the caller’s request once when awaited', async () => {
    let firsts = 0
    const list = new ListPromise<{ users: unknown[] }, unknown>({
      fetchFirst: async () => {
        firsts++
        return { users: [1] }
      },
      fetchPage: async () => ({ users: [] }),
      query: {},
      itemsKey: 'users',
    })
    expect(firsts).toBe(0)
    expect(await list).toEqual({ users: [1] })
    expect(await list).toEqual({ users: [1] })
    expect(firsts).toBe(1)
  })

  it('pages on totals and stops on them (not on a short page)', async () => {
    const src = offsetSource(7)
    const list = new ListPromise({
      fetchFirst: async () => ({}),
      fetchPage: src.fetchPage,
      query: { per_page: 3 },
      itemsKey: 'users',
    })
    const ids: number[] = []
    for await (const u of list) ids.push((u as { id: number }).id)
    expect(ids).toEqual([0, 1, 2, 3, 4, 5, 6])
    expect(src.calls).toEqual([
      { page: 0, per_page: 3, include_totals: true },
      { page: 1, per_page: 3, include_totals: true },
      { page: 2, per_page: 3, include_totals: true },
    ])
  })

  it('stops exactly at the total when the last page is full', async () => {
    const src = offsetSource(6)
    const list = new ListPromise({
      fetchFirst: async () => ({}),
      fetchPage: src.fetchPage,
      query: { per_page: 3 },
      itemsKey: 'users',
    })
    expect(await list.toArray({ limit: 100 })).toHaveLength(6)
    expect(src.calls).toHaveLength(2)
  })

  it('never runs past a search window', async () => {
    const src = offsetSource(5000)
    const list = new ListPromise({
      fetchFirst: async () => ({}),
      fetchPage: src.fetchPage,
      query: { per_page: 100 },
      itemsKey: 'users',
      maxResults: 1000,
    })
    expect(await list.toArray({ limit: 10_000 })).toHaveLength(1000)
    expect(src.calls).toHaveLength(10)
  })

  it('falls back to an empty page when the server gives no totals', async () => {
    const src = offsetSource(5, { arrayBody: true })
    const list = new ListPromise({
      fetchFirst: async () => [],
      fetchPage: src.fetchPage,
      query: { per_page: 2 },
      itemsKey: 'users',
    })
    expect(await list.toArray({ limit: 100 })).toHaveLength(5)
    expect(src.calls).toHaveLength(4)
  })

  it('pages with checkpoints and stops when there is no next', async () => {
    const calls: Record<string, QueryValue>[] = []
    const pages: Record<string, { organizations: { id: string }[]; next?: string }> = {
      start: { organizations: [{ id: 'a' }, { id: 'b' }], next: 'c1' },
      c1: { organizations: [{ id: 'c' }] },
    }
    const list = new ListPromise({
      fetchFirst: async () => ({}),
      fetchPage: async (paging) => {
        calls.push(paging)
        return pages[String(paging['from'] ?? 'start')]
      },
      query: { take: 2 },
      itemsKey: 'organizations',
    })
    expect((await list.toArray({ limit: 10 })).map((o) => (o as { id: string }).id)).toEqual([
      'a',
      'b',
      'c',
    ])
    expect(calls).toEqual([{ take: 2 }, { take: 2, from: 'c1' }])
  })

  it('uses nextCheckpoint for array bodies (logs)', async () => {
    const logs = Array.from({ length: 5 }, (_, i) => ({ log_id: `l${i}` }))
    const list = new ListPromise({
      fetchFirst: async () => [],
      fetchPage: async (paging) => {
        const from = paging['from'] as string | undefined
        const start = from === undefined ? 0 : logs.findIndex((l) => l.log_id === from) + 1
        return logs.slice(start, start + Number(paging['take']))
      },
      query: { from: undefined, take: 2 },
      itemsKey: 'logs',
      nextCheckpoint: (items) => (items.at(-1) as { log_id: string } | undefined)?.log_id,
    })
    expect(await list.toArray({ limit: 10 })).toEqual(logs)
  })

  it('toArray needs a positive integer cap and honours it', async () => {
    const src = offsetSource(50)
    const list = new ListPromise({
      fetchFirst: async () => ({}),
      fetchPage: src.fetchPage,
      query: { per_page: 10 },
      itemsKey: 'users',
    })
    await expect(list.toArray({ limit: 0 })).rejects.toThrow(RangeError)
    await expect(list.toArray({} as never)).rejects.toThrow(RangeError)
    expect(await list.toArray({ limit: 15 })).toHaveLength(15)
    expect(src.calls).toHaveLength(2)
  })

  it('raises invalid_response for a body without the list key, never an empty list', async () => {
    const list = new ListPromise({
      fetchFirst: async () => ({}),
      fetchPage: async () => ({ nope: [] }),
      query: {},
      itemsKey: 'users',
    })
    await expect(list.toArray({ limit: 5 })).rejects.toMatchObject({
      errorCode: 'invalid_response',
    })
  })
})
