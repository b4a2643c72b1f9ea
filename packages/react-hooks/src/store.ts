import { Auth0Error, isAuth0Error } from '@auth0-ts/core'
import type { ManagementClient } from './client.js'

/** The state of one cached read. It is replaced, never mutated, so it can be compared by identity. */
export interface QueryState<TData = unknown> {
  /** `pending` until the first result, then `success` or `error` (data from an earlier success is kept on error). */
  readonly status: 'pending' | 'success' | 'error'
  readonly data: TData | undefined
  readonly error: Auth0Error | undefined
  /** True while a request for this read is in flight. */
  readonly isFetching: boolean
  /** When the data last arrived, in epoch ms (0 before). */
  readonly updatedAt: number
}

/** One read: a management method and its arguments, under a stable key. */
export interface Query {
  readonly key: string
  readonly accessor: string
  readonly method: string
  readonly args: readonly unknown[]
}

/** Options of {@link ManagementStore}. */
export interface ManagementStoreOptions {
  /** How long data counts as fresh, in ms; a fresh read is not sent again when another component mounts. @default 0 */
  staleTime?: number
  /** How long an unwatched read stays cached, in ms. @default 300_000 */
  gcTime?: number
  /** Clock in epoch ms, for tests. @default Date.now */
  now?: () => number
}

interface Entry {
  query: Query
  state: QueryState
  listeners: Set<() => void>
  stale: boolean
  controller?: AbortController | undefined
  promise?: Promise<void> | undefined
  gcTimer?: ReturnType<typeof setTimeout> | undefined
}

const IDLE: QueryState = Object.freeze({
  status: 'pending',
  data: undefined,
  error: undefined,
  isFetching: false,
  updatedAt: 0,
})

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  )
}

/** The cache key of a read: `users.get:["auth0|1"]`. Object keys are sorted and trailing `undefined`s dropped. */
export function queryKey(accessor: string, method: string, args: readonly unknown[]): string {
  let end = args.length
  while (end > 0 && args[end - 1] === undefined) end--
  return `${accessor}.${method}:${stableJson(args.slice(0, end))}`
}

function matches(key: string, pattern: string): boolean {
  if (pattern.includes(':')) return key === pattern
  return key.startsWith(pattern.includes('.') ? `${pattern}:` : `${pattern}.`)
}

/** Any failure as an `Auth0Error`: SDK errors pass through, anything else is wrapped. */
export function toAuth0Error(error: unknown): Auth0Error {
  if (isAuth0Error(error)) return error
  const message = error instanceof Error ? error.message : String(error)
  return new Auth0Error({ statusCode: 0, errorCode: 'client_error', message, cause: error })
}

/**
 * A framework-free query cache over a {@link ManagementClient}: reads are cached by method plus arguments, identical
 * in-flight reads share one request, watchers are notified of every change, and a read nobody watches any more is
 * aborted. The React hooks are a thin layer over it.
 *
 * @example
 * ```ts
 * const store = new ManagementStore(createManagementClient({ baseUrl: '/api/management' }))
 * const q = store.query('users', 'get', ['auth0|1'])
 * const stop = store.watch(q, () => console.log(store.getState(q.key)))
 * ```
 */
export class ManagementStore {
  /** The client reads and mutations go through. */
  readonly client: ManagementClient
  readonly #entries = new Map<string, Entry>()
  readonly #staleTime: number
  readonly #gcTime: number
  readonly #now: () => number

  constructor(client: ManagementClient, options: ManagementStoreOptions = {}) {
    this.client = client
    this.#staleTime = options.staleTime ?? 0
    this.#gcTime = options.gcTime ?? 300_000
    this.#now = options.now ?? Date.now
  }

  #entry(query: Query): Entry {
    let entry = this.#entries.get(query.key)
    if (entry === undefined) {
      entry = { query, state: IDLE, listeners: new Set(), stale: true }
      this.#entries.set(query.key, entry)
    }
    return entry
  }

  #set(entry: Entry, patch: Partial<QueryState>): void {
    entry.state = { ...entry.state, ...patch }
    for (const listener of [...entry.listeners]) listener()
  }

  /** The canonical {@link Query} for a call: the same object for the same key, so it can be a React dependency. */
  query(accessor: string, method: string, args: readonly unknown[]): Query {
    const key = queryKey(accessor, method, args)
    return this.#entries.get(key)?.query ?? this.#entry({ key, accessor, method, args }).query
  }

  /** The current state of a read (a shared pending state when it was never fetched). */
  getState(key: string): QueryState {
    return this.#entries.get(key)?.state ?? IDLE
  }

  /**
   * Watches a read: `listener` runs on every change. With `shouldFetch` (the default), a missing or stale read is fetched
   * now. The returned function stops watching; when the last watcher leaves, a request still in flight is aborted.
   */
  watch(query: Query, listener: () => void, shouldFetch = true): () => void {
    const entry = this.#entry(query)
    clearTimeout(entry.gcTimer)
    entry.listeners.add(listener)
    if (shouldFetch && entry.promise === undefined && this.#isStale(entry)) void this.fetch(query)
    return () => {
      entry.listeners.delete(listener)
      // Deferred, so StrictMode's unmount-and-remount in one commit keeps the request instead of aborting it.
      queueMicrotask(() => {
        if (entry.listeners.size > 0) return
        entry.controller?.abort()
        if (Number.isFinite(this.#gcTime))
          entry.gcTimer = setTimeout(() => this.#collect(entry), this.#gcTime)
      })
    }
  }

  #collect(entry: Entry): void {
    if (entry.listeners.size === 0 && this.#entries.get(entry.query.key) === entry)
      this.#entries.delete(entry.query.key)
  }

  #isStale(entry: Entry): boolean {
    return (
      entry.stale ||
      entry.state.status !== 'success' ||
      this.#now() - entry.state.updatedAt >= this.#staleTime
    )
  }

  /**
   * Sends a read, or joins the one in flight. `force` aborts an in-flight request and sends a new one (its answer
   * may predate a change).
   */
  fetch(query: Query, options: { force?: boolean } = {}): Promise<void> {
    const entry = this.#entry(query)
    if (entry.promise !== undefined && options.force !== true) return entry.promise
    entry.controller?.abort()
    const controller = new AbortController()
    entry.controller = controller
    entry.stale = false
    const { accessor, method, args } = query
    const call = this.client.call as (
      a: string,
      m: string,
      args: readonly unknown[],
      init: { signal: AbortSignal },
    ) => Promise<unknown>
    const current = () => entry.controller === controller
    const promise = call(accessor, method, args, { signal: controller.signal })
      .then(
        (data) => {
          if (current())
            this.#set(entry, {
              status: 'success',
              data,
              error: undefined,
              isFetching: false,
              updatedAt: this.#now(),
            })
        },
        (error: unknown) => {
          if (!current()) return
          if (controller.signal.aborted) this.#set(entry, { isFetching: false })
          else this.#set(entry, { status: 'error', error: toAuth0Error(error), isFetching: false })
        },
      )
      .finally(() => {
        if (current()) entry.promise = entry.controller = undefined
      })
    entry.promise = promise
    this.#set(entry, { isFetching: true })
    return promise
  }

  /**
   * Marks reads as stale and refetches the watched ones. A pattern is an accessor (`'users'`), an accessor and method
   * (`'users.get'`) or a full key.
   */
  invalidate(...patterns: string[]): void {
    for (const entry of this.#entries.values()) {
      if (!patterns.some((p) => matches(entry.query.key, p))) continue
      entry.stale = true
      if (entry.listeners.size > 0) void this.fetch(entry.query, { force: true })
      else entry.controller?.abort()
    }
  }

  /** Puts data into the cache, for example data fetched on the server before rendering. */
  setData(query: Query, data: unknown): void {
    const entry = this.#entry(query)
    entry.stale = false
    this.#set(entry, { status: 'success', data, error: undefined, updatedAt: this.#now() })
  }
}
