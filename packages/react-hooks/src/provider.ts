import { createContext, createElement, useContext, useMemo, type ReactNode } from 'react'
import type { ManagementClient } from './client.js'
import { ManagementStore } from './store.js'

const StoreContext = createContext<ManagementStore | undefined>(undefined)

/** Props of {@link ManagementProvider}: a client (a store is made for it) or a ready store (to share or pre-fill one). */
export type ManagementProviderProps = (
  { client: ManagementClient; store?: never } | { store: ManagementStore; client?: never }
) & {
  children?: ReactNode
}

/**
 * Makes a management client (through its cache) available to the hooks below it.
 *
 * @example
 * ```tsx
 * const client = createManagementClient({ baseUrl: '/api/management' })
 * root.render(<ManagementProvider client={client}><App /></ManagementProvider>)
 * ```
 */
export function ManagementProvider(props: ManagementProviderProps): ReactNode {
  const { client, store: given } = props
  const store = useMemo(
    () => given ?? new ManagementStore(client as ManagementClient),
    [client, given],
  )
  return createElement(StoreContext.Provider, { value: store }, props.children)
}

/**
 * The store of the nearest {@link ManagementProvider}.
 *
 * @throws Error outside a `<ManagementProvider>`
 */
export function useManagementStore(): ManagementStore {
  const store = useContext(StoreContext)
  if (store === undefined)
    throw new Error('The management hooks must be used inside <ManagementProvider>')
  return store
}
