// Query-string handling shared by the Management API lists: paging, totals, fields, sort.
import { apiError, badQuery, json, type Json } from '../http.js'

export function intParam(
  query: URLSearchParams,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = query.get(name)
  if (raw === null || raw === '') return fallback
  if (!/^-?\d+$/.test(raw))
    throw badQuery(`Expected type integer but found type string on property ${name}`)
  const n = Number(raw)
  if (n < min) throw badQuery(`Too small: ${n} is less than minimum ${min} on property ${name}`)
  if (n > max) throw badQuery(`Too big: ${n} exceeds maximum ${max} on property ${name}`)
  return n
}

export function boolParam(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const raw = query.get(name)
  if (raw === null || raw === '') return fallback
  if (raw !== 'true' && raw !== 'false')
    throw badQuery(`Expected type boolean but found type string on property ${name}`)
  return raw === 'true'
}

/** How a list pages. */
export interface PageOptions {
  /** The key of the items in the `include_totals` envelope (`users`, `connections`, ...). */
  key: string
  defaultPerPage?: number
  /** The search window: Auth0 refuses to page past the first 1000 results of a user search. */
  window?: number
}

/** Pages a list the Management API way: a plain array, or `{start, limit, length, total, <key>}` with totals. */
export function paginate(
  items: readonly Json[],
  query: URLSearchParams,
  options: PageOptions,
): unknown {
  const page = intParam(query, 'page', 0, 0, Number.MAX_SAFE_INTEGER)
  const perPage = intParam(query, 'per_page', options.defaultPerPage ?? 50, 0, 100)
  if (options.window !== undefined && (page + 1) * perPage > options.window) {
    throw apiError(
      400,
      `You can only page through the first ${options.window} records. See https://auth0.com/docs/users/search/v3/view-search-results-by-page#limitation`,
      'invalid_paging',
    )
  }
  const start = page * perPage
  const slice = items.slice(start, start + perPage)
  if (!boolParam(query, 'include_totals', false)) return slice
  return { start, limit: perPage, length: slice.length, total: items.length, [options.key]: slice }
}

/** Checkpoint paging (`from` + `take`): the items after the one whose key is `from`, at most `take`. */
export function checkpoint<T extends Json>(
  items: readonly T[],
  query: URLSearchParams,
  idKey: keyof T & string,
): T[] {
  const take = intParam(query, 'take', 50, 1, 100)
  const from = query.get('from')
  const start =
    from === null || from === '' ? 0 : items.findIndex((item) => String(item[idKey]) > from)
  return start === -1 ? [] : items.slice(start, start + take)
}

/** Applies `fields` / `include_fields` to one record. */
export function project(record: Json, query: URLSearchParams): Json {
  const fields = (query.get('fields') ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean)
  if (fields.length === 0) return record
  const include = boolParam(query, 'include_fields', true)
  return Object.fromEntries(Object.entries(record).filter(([k]) => fields.includes(k) === include))
}

/** Sorts by `sort=field:1` (ascending) or `field:-1` (descending); leaves the order alone without one. */
export function sortBy<T extends Json>(items: T[], query: URLSearchParams): T[] {
  const raw = query.get('sort')
  if (raw === null || raw === '') return items
  const match = /^([\w.]+):(1|-1)$/.exec(raw)
  if (!match)
    throw badQuery(`Object didn't pass validation for format sort: ${raw} on property sort`)
  const field = match[1] as string
  const dir = match[2] === '1' ? 1 : -1
  const value = (item: T) => item[field]
  return [...items].sort((a, b) => {
    const x = value(a)
    const y = value(b)
    if (x === y) return 0
    if (x === undefined || x === null) return 1
    if (y === undefined || y === null) return -1
    return (
      (typeof x === 'number' && typeof y === 'number'
        ? x - y
        : String(x).localeCompare(String(y))) * dir
    )
  })
}

/** A list with checkpoint paging (`from`/`take` → `{<key>, next}`) or page paging. */
export function pagedOrCheckpoint<T extends Json>(
  items: T[],
  query: URLSearchParams,
  key: string,
  idKey: keyof T & string,
): Response {
  if (!query.has('from') && !query.has('take')) return json(paginate(items, query, { key }))
  const id = (item: T) => String(item[idKey])
  // code-unit order, the same order `checkpoint` compares `from` in
  const sorted = [...items].sort((a, b) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0))
  const page = checkpoint(sorted, query, idKey)
  const last = page[page.length - 1]
  const more = last !== undefined && sorted.some((x) => id(x) > id(last))
  return json({ [key]: page, ...(more ? { next: last[idKey] } : {}) })
}
