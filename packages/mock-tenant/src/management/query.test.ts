import { describe, expect, it } from 'vitest'
import { checkpoint, paginate, project, sortBy } from './query.js'

const items = Array.from({ length: 7 }, (_, i) => ({ id: `id_${i}`, n: 7 - i }))
const q = (s: string) => new URLSearchParams(s)

describe('paginate', () => {
  it('gives a plain array without totals', () => {
    expect(paginate(items, q('page=1&per_page=3'), { key: 'things' })).toEqual(items.slice(3, 6))
  })
  it('gives the totals envelope with include_totals', () => {
    expect(paginate(items, q('page=2&per_page=3&include_totals=true'), { key: 'things' })).toEqual({
      start: 6,
      limit: 3,
      length: 1,
      total: 7,
      things: [items[6]],
    })
  })
  it('refuses paging past the search window', () => {
    expect(() =>
      paginate(items, q('page=10&per_page=100'), { key: 'users', window: 1000 }),
    ).toThrow(
      expect.objectContaining({
        status: 400,
        body: expect.objectContaining({ errorCode: 'invalid_paging' }),
      }),
    )
    expect(paginate(items, q('page=9&per_page=100'), { key: 'users', window: 1000 })).toEqual([])
  })
  it.each(['per_page=101', 'page=-1', 'per_page=abc', 'include_totals=yes'])('rejects %s', (s) => {
    expect(() => paginate(items, q(s), { key: 'x' })).toThrow(
      expect.objectContaining({
        body: expect.objectContaining({ errorCode: 'invalid_query_string' }),
      }),
    )
  })
})

describe('checkpoint, project, sortBy', () => {
  it('takes the items after `from`', () => {
    expect(checkpoint(items, q('from=id_2&take=2'), 'id')).toEqual([items[3], items[4]])
    expect(checkpoint(items, q('take=2'), 'id')).toEqual([items[0], items[1]])
    expect(checkpoint(items, q('from=id_6'), 'id')).toEqual([])
  })
  it('keeps or drops fields', () => {
    expect(project({ a: 1, b: 2, c: 3 }, q('fields=a,c'))).toEqual({ a: 1, c: 3 })
    expect(project({ a: 1, b: 2, c: 3 }, q('fields=a,c&include_fields=false'))).toEqual({ b: 2 })
  })
  it('sorts both ways', () => {
    expect(sortBy(items, q('sort=n:1')).map((i) => i.n)).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(sortBy(items, q('sort=id:-1'))[0]).toEqual(items[6])
  })
})
