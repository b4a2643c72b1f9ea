import { Auth0Error } from './errors.js'
import type { QueryValue } from './rest-client.js'

/** How a {@link ListPromise} gets its data. */
export interface ListConfig<TPage> {
  /** Sends the caller's request exactly as given: what awaiting the list returns. */
  fetchFirst: () => Promise<TPage>
  /** Sends one page of an iteration: `paging` (page/per_page/include_totals or from/take) is merged over the caller's query. */
  fetchPage: (paging: Record<string, QueryValue>) => Promise<unknown>
  /** The caller's query, with wire names (`page`, `per_page`, `from`, `take`). */
  query: Readonly<Record<string, QueryValue>>
  /** The body key that holds the items (`users`, `logs`, ...), when the body is an object. */
  itemsKey: string
  /** A window the server will not page past (1000 for user and log search). */
  maxResults?: number | undefined
  /** Page size when the caller gave none. @default 50 */
  defaultPageSize?: number | undefined
  /** The next checkpoint when the body has no `next` (logs use the last item's `log_id`). */
  nextCheckpoint?: ((items: readonly unknown[]) => string | undefined) | undefined
}

/** Options of {@link ListPromise.toArray}. */
export interface ToArrayOptions {
  /** The most items to collect: required, so that a list of a million users is never pulled by accident. */
  limit: number
}

function itemsOf(body: unknown, key: string): unknown[] {
  if (Array.isArray(body)) return body
  if (body && typeof body === 'object') {
    const v = (body as Record<string, unknown>)[key]
    if (Array.isArray(v)) return v
  }
  throw new Auth0Error({
    statusCode: 200,
    errorCode: 'invalid_response',
    message: `Expected a list response with a "${key}" array`,
    content: body,
  })
}

function numberField(body: unknown, key: string): number | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined
  const v = (body as Record<string, unknown>)[key]
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined
}

function stringField(body: unknown, key: string): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined
  const v = (body as Record<string, unknown>)[key]
  return typeof v === 'string' && v !== '' ? v : undefined
}

/**
 * The result of a list method: await it for one page (the raw body, as auth0-python returns it), or iterate it with
 * `for await` for every item of every page. Nothing is sent until it is awaited or iterated.
 *
 * Iteration pages with `page`/`per_page` (adding `include_totals=true`) or, when the query has `from`/`take`, with
 * checkpoints. It stops on the server's totals or its last checkpoint, never on a short page, and never runs past a
 * search window.
 *
 * @example
 * ```ts
 * const firstPage = await auth0.users.list({ perPage: 10 })
 * for await (const user of auth0.users.list({ q: 'email:"*@example.com"' })) console.log(user.user_id)
 * const some = await auth0.users.list().toArray({ limit: 500 })
 * ```
 */
export class ListPromise<TPage, TItem> implements PromiseLike<TPage>, AsyncIterable<TItem> {
  readonly #config: ListConfig<TPage>
  #first: Promise<TPage> | undefined

  constructor(config: ListConfig<TPage>) {
    this.#config = config
  }

  get [Symbol.toStringTag](): string {
    return 'ListPromise'
  }

  then<R1 = TPage, R2 = never>(
    onfulfilled?: ((value: TPage) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    this.#first ??= this.#config.fetchFirst()
    return this.#first.then(onfulfilled, onrejected)
  }

  /** Handles a failure of the first page's request, as `Promise.prototype.catch` does. */
  catch<R = never>(
    onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null,
  ): Promise<TPage | R> {
    return this.then(undefined, onrejected)
  }

  /** Runs `onfinally` once the first page's request settles, as `Promise.prototype.finally` does. */
  finally(onfinally?: (() => void) | null): Promise<TPage> {
    return this.then().finally(onfinally)
  }

  /** Iterates item by item over every page (`for await`), requesting each page as it is reached. */
  async *[Symbol.asyncIterator](): AsyncIterator<TItem> {
    for await (const page of this.pages()) yield* page
  }

  /** Iterates page by page: each value is one page's items. */
  async *pages(): AsyncGenerator<TItem[], void, undefined> {
    const { query, itemsKey } = this.#config
    if (
      (query['from'] !== undefined && query['from'] !== null) ||
      (query['take'] !== undefined && query['take'] !== null)
    ) {
      yield* this.#checkpointPages()
      return
    }
    const pageSize = Number(query['per_page'] ?? this.#config.defaultPageSize ?? 50)
    let page = Number(query['page'] ?? 0)
    const max = this.#config.maxResults
    for (;;) {
      if (max !== undefined && (page + 1) * pageSize > max) return
      const body = await this.#config.fetchPage({ page, per_page: pageSize, include_totals: true })
      const items = itemsOf(body, itemsKey) as TItem[]
      if (items.length === 0) return
      yield items
      const total = numberField(body, 'total')
      const start = numberField(body, 'start') ?? page * pageSize
      if (total !== undefined && start + items.length >= total) return
      page++
    }
  }

  async *#checkpointPages(): AsyncGenerator<TItem[], void, undefined> {
    const { query, itemsKey } = this.#config
    const take = Number(query['take'] ?? this.#config.defaultPageSize ?? 50)
    let from =
      query['from'] === undefined || query['from'] === null ? undefined : String(query['from'])
    let fetched = 0
    const max = this.#config.maxResults
    for (;;) {
      const paging: Record<string, QueryValue> = { take }
      if (from !== undefined) paging['from'] = from
      const body = await this.#config.fetchPage(paging)
      const items = itemsOf(body, itemsKey) as TItem[]
      if (items.length === 0) return
      yield items
      fetched += items.length
      if (max !== undefined && fetched >= max) return
      const next = stringField(body, 'next') ?? this.#config.nextCheckpoint?.(items)
      if (next === undefined || next === from) return
      from = next
    }
  }

  /**
   * Collects items into an array, stopping at `limit`.
   *
   * @throws RangeError when `limit` is not a positive integer
   */
  async toArray(options: ToArrayOptions): Promise<TItem[]> {
    const limit = options?.limit
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit <= 0)
      throw new RangeError('toArray({ limit }): limit must be a positive integer')
    const out: TItem[] = []
    for await (const item of this) {
      out.push(item)
      if (out.length >= limit) break
    }
    return out
  }
}
