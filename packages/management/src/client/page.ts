import { Auth0Error, type QueryValue } from '@auth0-ts/core'
import type { ListSpec, OperationSpec } from '../operation.js'
import { ApiPromise, type RawResponse, type WithRawResponse } from './api-promise.js'

/** A query, keyed by wire name. */
export type Query = Readonly<Record<string, QueryValue>>

/** How the pages of one list call follow each other. */
export interface Pager {
  /** The body key of the items; absent when the body is an array. */
  readonly items: string | undefined
  readonly paging: ListSpec['paging']
  /** The most results the server pages through (a search window), if any. */
  readonly window: number | undefined
  /** The item field that names the next checkpoint when the body has no `next` (logs: `log_id`). */
  readonly checkpoint: string | undefined
}

interface Limits {
  readonly window?: (query: Query) => number | undefined
  readonly checkpoint?: string
}

const isSet = (v: unknown): boolean => v !== undefined && v !== null

// What the definition does not annotate: GET /users (always a search) and GET /logs paged by `page` stop at 1000
// results, and a log's `log_id` is the next checkpoint when checkpoint paging answers with an array.
const LIMITS: Readonly<Record<string, Limits>> = {
  'GET /users': { window: () => 1000 },
  'GET /logs': {
    window: (q) => (isSet(q['from']) || isSet(q['take']) ? undefined : 1000),
    checkpoint: 'log_id',
  },
}

/** The pager of a list operation for the query its first page was sent with. */
export function pagerOf(op: OperationSpec & { readonly list: ListSpec }, query: Query): Pager {
  const limits = LIMITS[`${op.method} ${op.path}`]
  return {
    items: op.list.items,
    paging: op.list.paging,
    window: limits?.window?.(query),
    checkpoint: limits?.checkpoint,
  }
}

function field(body: unknown, key: string): unknown {
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)[key]
    : undefined
}

const numberField = (body: unknown, key: string): number | undefined => {
  const v = field(body, key)
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined
}

const stringField = (body: unknown, key: string): string | undefined => {
  const v = field(body, key)
  return typeof v === 'string' && v !== '' ? v : undefined
}

/**
 * The items of one page: the body itself when it is an array (`include_totals=false`), else its items key.
 *
 * @throws Auth0Error `invalid_response` for a body that holds no list: never read as an empty page
 */
function itemsOf(pager: Pager, body: unknown): unknown[] {
  if (Array.isArray(body)) return body
  const items = pager.items === undefined ? undefined : field(body, pager.items)
  if (Array.isArray(items)) return items
  throw new Auth0Error({
    statusCode: 200,
    errorCode: 'invalid_response',
    message: `Expected a list response${pager.items ? ` with a "${pager.items}" array` : ''}`,
    content: body,
  })
}

/** Whether a call pages by checkpoint (`from`/`take`) rather than by `page`/`per_page`. */
const byCheckpoint = (pager: Pager, query: Query): boolean =>
  pager.paging === 'checkpoint' ||
  (pager.paging === 'both' && (isSet(query['from']) || isSet(query['take'])))

/**
 * The query of the page after the one `query` gave `body`, or `undefined` when there is none. It stops on the server's
 * totals or its last checkpoint and at a search window, never on a short page: without totals, only an empty page
 * ends the list.
 */
export function nextQuery(pager: Pager, query: Query, body: unknown): Query | undefined {
  const items = itemsOf(pager, body)
  if (items.length === 0) return undefined
  if (byCheckpoint(pager, query)) {
    const last = items[items.length - 1]
    const next =
      stringField(body, 'next') ??
      (pager.checkpoint === undefined ? undefined : stringField(last, pager.checkpoint))
    return next === undefined || next === String(query['from'] ?? '')
      ? undefined
      : { ...query, from: next }
  }
  const page = Number(query['page'] ?? 0)
  const size = Number(
    query['per_page'] ?? numberField(body, 'limit') ?? numberField(body, 'per_page') ?? 50,
  )
  const total = numberField(body, 'total')
  if (total !== undefined && (numberField(body, 'start') ?? page * size) + items.length >= total)
    return undefined
  if (pager.window !== undefined && (page + 2) * size > pager.window) return undefined
  return { ...query, page: page + 1 }
}

/** One page as sent and received: what a {@link Page} is built from. */
export interface PageResult<R> extends WithRawResponse<R> {
  /** The query the page was requested with (defaults included). */
  readonly query: Query
}

/**
 * One page of a list, compatible with node-auth0 v7's `Page`: `data` (this page's items), `response` (its body),
 * `rawResponse`, `hasNextPage()`, `getNextPage()`, and `for await` over every item of this page and the pages after
 * it. Paging follows the server's totals (`include_totals`, either response shape) or its checkpoints (`from`/`take`),
 * stops at the 1000-result window of user and log searches, and never stops early on a short page.
 *
 * @example
 * ```ts
 * const page = await client.users.list({ per_page: 100 })
 * console.log(page.data.length, page.hasNextPage())
 * for await (const user of page) console.log(user.user_id)
 * ```
 */
export class Page<T, R = unknown> implements AsyncIterable<T> {
  /** The items of the current page. */
  data: T[]
  /** The body of the current page. */
  response: R
  /** The status and headers of the current page's response. */
  rawResponse: RawResponse
  readonly #pager: Pager
  readonly #load: (query: Query) => Promise<PageResult<R>>
  #next: Query | undefined

  /**
   * Built by the client: the first page, how pages follow each other, and how to load one.
   *
   * @internal
   */
  constructor(first: PageResult<R>, pager: Pager, load: (query: Query) => Promise<PageResult<R>>) {
    this.#pager = pager
    this.#load = load
    this.response = first.data
    this.rawResponse = first.rawResponse
    this.data = itemsOf(pager, first.data) as T[]
    this.#next = nextQuery(pager, first.query, first.data)
  }

  /** Whether another page follows this one. */
  hasNextPage(): boolean {
    return this.#next !== undefined
  }

  /**
   * Loads the next page into this object and returns it.
   *
   * @throws RangeError when there is no next page (see {@link Page.hasNextPage}), before anything is sent
   * @throws Auth0Error when the request fails
   */
  async getNextPage(): Promise<this> {
    const query = this.#next
    if (query === undefined) throw new RangeError('getNextPage(): this is the last page')
    const page = await this.#load(query)
    this.response = page.data
    this.rawResponse = page.rawResponse
    this.data = itemsOf(this.#pager, page.data) as T[]
    this.#next = nextQuery(this.#pager, page.query, page.data)
    return this
  }

  /** Every item of this page and of the pages after it, loading them one at a time. */
  async *[Symbol.asyncIterator](): AsyncIterator<T, void, undefined> {
    yield* this.data
    while (this.hasNextPage()) {
      await this.getNextPage()
      yield* this.data
    }
  }
}

/**
 * What a list method returns: a promise of its first {@link Page} that can also be iterated directly with
 * `for await`, and gives `.withRawResponse()` as every call does.
 *
 * @example
 * ```ts
 * for await (const connection of client.connections.list({ strategy: ['auth0'] })) console.log(connection.name)
 * ```
 */
export class PagePromise<T, R> extends ApiPromise<Page<T, R>> implements AsyncIterable<T> {
  /** Every item of every page, from the first. */
  async *[Symbol.asyncIterator](): AsyncIterator<T, void, undefined> {
    yield* await this
  }
}
