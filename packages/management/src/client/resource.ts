import type {
  ArgsOf,
  ItemOf,
  Operation,
  OperationSpec,
  RequestOf,
  ResponseOf,
} from '../operation.js'
import type { ApiPromise } from './api-promise.js'
import { callOperation } from './call.js'
import {
  createRuntime,
  type ManagementClientOptions,
  type Runtime,
  type StreamOpener,
} from './options.js'
import type { PagePromise } from './page.js'
import type { ManagementRequestOptions } from './request-options.js'

/** A table of operations as the generator writes it: operations by name, subgroups nested. */
export interface OperationGroup {
  readonly [name: string]: OperationSpec | OperationGroup
}

/**
 * The request argument of an operation: none when it takes none, optional when none of its fields is required
 * (node-auth0 then sends `{}` as a JSON body), else required.
 */
export type RequestArgs<R> = [R] extends [void]
  ? []
  : Record<string, never> extends R
    ? [request?: R]
    : [request: R]

/** What a call resolves to: a {@link PagePromise} for a list, else the result. */
export type ResultOf<O> = [ItemOf<O>] extends [never]
  ? ApiPromise<ResponseOf<O>>
  : PagePromise<ItemOf<O>, ResponseOf<O>>

/** The method of one operation: path parameters, then the request when there is one, then per-call options. */
export type Method<O> = (
  ...args: [...ArgsOf<O>, ...RequestArgs<RequestOf<O>>, options?: ManagementRequestOptions]
) => ResultOf<O>

/**
 * The client of a group table: a method per operation and a property per subgroup, each keeping the operation's
 * TSDoc (`Resource<typeof users>` is `UsersClient`). The method type is written out here rather than as
 * {@link Method}, so that an editor shows each method's parameters on hover, not an alias.
 */
export type Resource<G> = {
  readonly [K in keyof G]: G[K] extends Operation<infer A, infer R, infer S, infer I>
    ? (
        ...args: [...A, ...RequestArgs<R>, options?: ManagementRequestOptions]
      ) => [I] extends [never] ? ApiPromise<S> : PagePromise<I, S>
    : Resource<G[K]>
}

const isOperation = (v: OperationSpec | OperationGroup): v is OperationSpec =>
  typeof v['method'] === 'string' && typeof v['path'] === 'string'

/** Defines `name` on `target` as a getter that builds the value once, on first use, then keeps it. */
export function lazy<T>(target: object, name: string, build: () => T): void {
  Object.defineProperty(target, name, {
    configurable: true,
    enumerable: true,
    get() {
      const value = build()
      Object.defineProperty(target, name, { value, enumerable: true })
      return value
    },
  })
}

/** Builds the client of a group table over a runtime: methods now, subgroups on first use. */
export function resource<G extends OperationGroup>(group: G, rt: Runtime): Resource<G> {
  const client: Record<string, unknown> = {}
  for (const [name, entry] of Object.entries(group)) {
    if (isOperation(entry)) client[name] = (...args: unknown[]) => callOperation(rt, entry, args)
    else lazy(client, name, () => resource(entry, rt))
  }
  return client as Resource<G>
}

/** The constructor of a resource client built alone, such as `new UsersClient({ domain, token })`. */
export type ResourceClientConstructor<C> = new (options: ManagementClientOptions) => C

/**
 * Declares the client of one group table, to be imported and bundled alone.
 *
 * @example
 * ```ts
 * export const UsersClient = resourceClient<UsersClient>(users, 'UsersClient')
 * ```
 */
export function resourceClient<C>(
  group: OperationGroup,
  name: string,
  openStream?: StreamOpener,
): ResourceClientConstructor<C> {
  return function (options: ManagementClientOptions) {
    return resource(group, createRuntime(options, `${name} options`, openStream))
  } as unknown as ResourceClientConstructor<C>
}
