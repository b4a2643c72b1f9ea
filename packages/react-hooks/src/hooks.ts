import type { Auth0Error } from '@auth0-ts/core'
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import { Mutation, type MutationOptions } from './mutation.js'
import { useManagementStore } from './provider.js'
import type { AccessorName, ProxyArgs, CallData, CallItem, ManagerMethod } from './types.js'

/** Options of {@link useManagementQuery}. */
export interface QueryOptions {
  /** Set to `false` to hold the request (for example until an id is known). @default true */
  enabled?: boolean
}

/** What {@link useManagementQuery} returns. */
export interface QueryResult<TData> {
  /** The last data received for these arguments. */
  data: TData | undefined
  /** The SDK's typed error of the last attempt: `Auth0Error`, or `RateLimitError` with `resetAt`. */
  error: Auth0Error | undefined
  /** True until the first result arrives. */
  isLoading: boolean
  /** True while any request is in flight, a background refetch included. */
  isFetching: boolean
  /** Sends the read again. */
  refetch: () => Promise<void>
}

/**
 * Reads through the management proxy: `data` is typed as what the management method returns (one page for a list).
 * Identical reads share one request and one cache entry; a read is aborted when its last component unmounts.
 *
 * @example
 * ```tsx
 * const { data: user, error, isLoading } = useManagementQuery('users', 'get', [userId])
 * ```
 */
export function useManagementQuery<A extends AccessorName, M extends ManagerMethod<A>>(
  accessor: A,
  method: M,
  args: ProxyArgs<A, M>,
  options: QueryOptions = {},
): QueryResult<CallData<A, M>> {
  const store = useManagementStore()
  const enabled = options.enabled ?? true
  const query = store.query(accessor, method, args)
  const subscribe = useCallback(
    (onChange: () => void) => store.watch(query, onChange, enabled),
    [store, query, enabled],
  )
  const snapshot = () => store.getState(query.key)
  // The server snapshot is the cache as it is: SSR renders what was pre-filled, or the loading state.
  const state = useSyncExternalStore(subscribe, snapshot, snapshot)
  const refetch = useCallback(() => store.fetch(query, { force: true }), [store, query])
  return {
    data: state.data as CallData<A, M> | undefined,
    error: state.error,
    isLoading: enabled && state.status === 'pending',
    isFetching: state.isFetching,
    refetch,
  }
}

/** The page a list hook asks for, handed to {@link ListOptions.args}. */
export interface ListParams {
  page: number
  perPage: number
  /** The search text, once it has stopped changing for `debounceMs`. */
  search: string
}

/** Options of {@link useManagementList}. */
export interface ListOptions<
  A extends AccessorName,
  M extends ManagerMethod<A>,
> extends QueryOptions {
  /** Items per page. @default 25 */
  perPage?: number
  /** How long the search text must stay unchanged before it is sent, in ms. @default 300 */
  debounceMs?: number
  /**
   * Builds the method's arguments for a page.
   * @default `({ page, perPage, search }) => [{ page, perPage, includeTotals: true, q: search || undefined }]`
   */
  args?: (params: ListParams) => [...ProxyArgs<A, M>]
}

/** What {@link useManagementList} returns. */
export interface ListResult<TData, TItem> extends QueryResult<TData> {
  /** The items of the current page. */
  items: TItem[]
  /** The total the server reported, when it did. */
  total: number | undefined
  /** The current page, from 0. */
  page: number
  /** The number of pages, when the total is known. */
  pageCount: number | undefined
  /** Whether a next page exists: by the total when the server reported one, else by a full current page. */
  hasNext: boolean
  /** Whether the current page is after page 0. */
  hasPrevious: boolean
  /** Moves to the next page, when `hasNext`. */
  next: () => void
  /** Moves to the previous page; stays on page 0. */
  previous: () => void
  /** Moves to a page, from 0; a negative page is page 0. */
  setPage: (page: number) => void
  /** The search text as typed (bind it to an input). */
  search: string
  /** Changes the search text; it is sent after `debounceMs`, from page 0. */
  setSearch: (text: string) => void
}

function pageItems(data: unknown): unknown[] {
  if (Array.isArray(data)) return data
  if (data !== null && typeof data === 'object')
    for (const v of Object.values(data)) if (Array.isArray(v)) return v
  return []
}

/**
 * A paged list over a management list method, with next and previous page, totals and a debounced search.
 *
 * @example
 * ```tsx
 * const list = useManagementList('users', 'list', {
 *   perPage: 20,
 *   args: ({ page, perPage, search }) => [{ page, perPage, ...(search && { q: `email:*${search}*` }) }],
 * })
 * ```
 */
export function useManagementList<A extends AccessorName, M extends ManagerMethod<A>>(
  accessor: A,
  method: M,
  options: ListOptions<NoInfer<A>, NoInfer<M>> = {},
): ListResult<CallData<A, M>, CallItem<A, M>> {
  const { perPage = 25, debounceMs = 300 } = options
  const [search, setSearch] = useState('')
  const [applied, setApplied] = useState({ page: 0, search: '' })
  useEffect(() => {
    if (search === applied.search) return
    const timer = setTimeout(() => setApplied({ page: 0, search }), debounceMs)
    return () => clearTimeout(timer)
  }, [search, applied.search, debounceMs])
  const params = { ...applied, perPage }
  const args =
    options.args?.(params) ??
    ([
      { page: params.page, perPage, includeTotals: true, q: params.search || undefined },
    ] as unknown as ProxyArgs<A, M>)
  const result = useManagementQuery(accessor, method, args, options)
  const raw = (result.data as { total?: unknown } | undefined)?.total
  const total = typeof raw === 'number' ? raw : undefined
  const items = useMemo(() => pageItems(result.data) as CallItem<A, M>[], [result.data])
  const hasNext =
    total === undefined ? items.length === perPage : (applied.page + 1) * perPage < total
  const setPage = useCallback(
    (page: number) => setApplied((a) => ({ ...a, page: Math.max(0, page) })),
    [],
  )
  return {
    ...result,
    items,
    total,
    page: applied.page,
    pageCount: total === undefined ? undefined : Math.max(1, Math.ceil(total / perPage)),
    hasNext,
    hasPrevious: applied.page > 0,
    next: () => hasNext && setPage(applied.page + 1),
    previous: () => setPage(applied.page - 1),
    setPage,
    search,
    setSearch,
  }
}

/** What {@link useManagementMutation} returns. */
export interface MutationResult<TArgs extends readonly unknown[], TData> {
  /** Sends the call; a failure is kept in `error` (use `mutateAsync` to await or catch it). */
  mutate: (...args: TArgs) => void
  /** Sends the call and resolves to its data. @throws Auth0Error when it fails */
  mutateAsync: (...args: TArgs) => Promise<TData>
  /** The data of the last successful call; `undefined` before one and after `reset()`. */
  data: TData | undefined
  /** The SDK's typed error: a `RateLimitError` carries `resetAt`, for "try again at ..." */
  error: Auth0Error | undefined
  /** Whether a call is in flight. */
  isPending: boolean
  /** Returns to the idle state, clearing `data` and `error`; the result of a call still in flight is ignored. */
  reset: () => void
}

/**
 * A create, update or delete through the management proxy. After a success it invalidates the related reads (the
 * mutation's accessor by default), so the lists and details on screen refetch.
 *
 * @example
 * ```tsx
 * const rename = useManagementMutation('connections', 'update', { invalidates: ['connections'] })
 * rename.mutate(connection.id, { display_name: name })
 * ```
 */
export function useManagementMutation<A extends AccessorName, M extends ManagerMethod<A>>(
  accessor: A,
  method: M,
  options: MutationOptions = {},
): MutationResult<ProxyArgs<A, M>, CallData<A, M>> {
  const store = useManagementStore()
  // By value, so an inline `invalidates: [...]` does not make a new Mutation (and drop its state) on every render.
  const key = (options.invalidates ?? [accessor]).join('\n')
  const mutation = useMemo(
    () => new Mutation(store, accessor, method, { invalidates: key.split('\n') }),
    [store, accessor, method, key],
  )
  const state = useSyncExternalStore(mutation.subscribe, mutation.getState, mutation.getState)
  const mutateAsync = useCallback(
    (...args: ProxyArgs<A, M>) => mutation.mutate(args) as Promise<CallData<A, M>>,
    [mutation],
  )
  const mutate = useCallback(
    (...args: ProxyArgs<A, M>) => void mutateAsync(...args).catch(() => {}),
    [mutateAsync],
  )
  return {
    mutate,
    mutateAsync,
    data: state.data as CallData<A, M> | undefined,
    error: state.error,
    isPending: state.status === 'pending',
    reset: mutation.reset,
  }
}
