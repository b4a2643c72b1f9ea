import type { Auth0Error } from '@auth0-ts/core'
import type { ManagementStore } from './store.js'
import { toAuth0Error } from './store.js'

/** The state of a mutation. Replaced on every change, never mutated. */
export interface MutationState<TData = unknown> {
  readonly status: 'idle' | 'pending' | 'success' | 'error'
  readonly data: TData | undefined
  readonly error: Auth0Error | undefined
}

/** Options of a mutation. */
export interface MutationOptions {
  /**
   * Reads to invalidate after a success: accessors (`'users'`), `accessor.method` names or keys.
   * @default the mutation's own accessor
   */
  invalidates?: readonly string[]
}

const IDLE: MutationState = Object.freeze({ status: 'idle', data: undefined, error: undefined })

/**
 * A framework-free write (create, update, delete) through a {@link ManagementStore}: it tracks its state, notifies
 * watchers, and invalidates related reads when it succeeds.
 *
 * @example
 * ```ts
 * const rename = new Mutation(store, 'connections', 'update', { invalidates: ['connections'] })
 * await rename.mutate(['con_1', { display_name: 'Staff' }])
 * ```
 */
export class Mutation {
  readonly #store: ManagementStore
  readonly #accessor: string
  readonly #method: string
  readonly #invalidates: readonly string[]
  readonly #listeners = new Set<() => void>()
  #state: MutationState = IDLE
  #latest = 0

  constructor(
    store: ManagementStore,
    accessor: string,
    method: string,
    options: MutationOptions = {},
  ) {
    this.#store = store
    this.#accessor = accessor
    this.#method = method
    this.#invalidates = options.invalidates ?? [accessor]
  }

  /** Runs `listener` on every change; returns the function that stops it. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** The current state. */
  getState = (): MutationState => this.#state

  #set(state: MutationState, run: number): void {
    if (run !== this.#latest) return
    this.#state = state
    for (const listener of [...this.#listeners]) listener()
  }

  /**
   * Sends the call. Resolves to its data, or rejects with its `Auth0Error`, which is also kept in the state.
   *
   * @throws Auth0Error (a `RateLimitError` on 429) when the call fails
   */
  mutate = async (args: readonly unknown[]): Promise<unknown> => {
    const run = ++this.#latest
    this.#set({ status: 'pending', data: undefined, error: undefined }, run)
    const call = this.#store.client.call as (
      a: string,
      m: string,
      args: readonly unknown[],
    ) => Promise<unknown>
    try {
      const data = await call(this.#accessor, this.#method, args)
      this.#set({ status: 'success', data, error: undefined }, run)
      this.#store.invalidate(...this.#invalidates)
      return data
    } catch (e) {
      const error = toAuth0Error(e)
      this.#set({ status: 'error', data: undefined, error }, run)
      throw error
    }
  }

  /** Returns to the idle state. */
  reset = (): void => {
    this.#set(IDLE, ++this.#latest)
  }
}
