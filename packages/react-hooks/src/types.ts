import type { Auth0, Auth0Managers } from '@auth0-ts/management'
import type { ListPromise, RequestOptions } from '@auth0-ts/core'

/** The management client the proxy forwards to. */
export type Management = Auth0

/** Its 32 managers: what the hooks and the allow-list are typed against (its transport, `rest`, is not one). */
export type Managers = Auth0Managers

/** The names of the function-valued members of `T`. */
export type MethodName<T> = {
  [K in keyof T & string]: T[K] extends (...args: never[]) => unknown ? K : never
}[keyof T & string]

/** The manager accessors of a management client (`users`, `connections`, ...): object members with methods. */
export type AccessorName<T = Managers> = {
  [K in keyof T & string]: T[K] extends (...args: never[]) => unknown
    ? never
    : T[K] extends object
      ? MethodName<T[K]> extends never
        ? never
        : K
      : never
}[keyof T & string]

/** The methods of one manager, by accessor. */
export type ManagerMethod<A extends AccessorName<T>, T = Managers> = MethodName<T[A]>

/** The arguments a management method takes, as a tuple. */
export type CallArgs<
  A extends AccessorName<T>,
  M extends ManagerMethod<A, T>,
  T = Managers,
> = T[A][M] extends (...args: infer P) => unknown ? P : never

/**
 * Tuple `T` without its last element, optional or not, with labels and optional marks kept: how {@link ProxyArgs}
 * drops a method's trailing `RequestOptions`.
 *
 * @example
 * ```ts
 * type Args = DropLast<[id: string, body?: object, options?: RequestOptions]> // [id: string, body?: object]
 * ```
 */
export type DropLast<
  T extends readonly unknown[],
  Done extends readonly unknown[] = [],
> = T extends readonly [unknown] | readonly [unknown?]
  ? Done
  : T extends readonly [unknown, ...infer Rest]
    ? DropLast<Rest, [...Done, ...(T extends readonly [...infer Head, ...Rest] ? Head : never)]>
    : T extends readonly [unknown?, ...infer Rest]
      ? DropLast<Rest, [...Done, ...(T extends readonly [...infer Head, ...Rest] ? Head : never)]>
      : Done

/**
 * The last element of tuple `T`, optional or not.
 *
 * @example
 * ```ts
 * type O = Last<[id: string, options?: RequestOptions]> // RequestOptions
 * ```
 */
export type Last<T extends readonly unknown[]> =
  Required<T> extends readonly [...unknown[], infer L] ? L : never

/**
 * The arguments a call through the proxy takes: the management method's own, without its trailing `RequestOptions`.
 * The browser never sets upstream request options (the proxy refuses them); per-call options of the browser side go
 * in the `init` of `client.call(accessor, method, args, init)`.
 */
export type ProxyArgs<A extends AccessorName<T>, M extends ManagerMethod<A, T>, T = Managers> =
  CallArgs<A, M, T> extends infer P extends readonly unknown[]
    ? [Last<P>] extends [RequestOptions]
      ? RequestOptions extends Last<P>
        ? DropLast<P>
        : P
      : P
    : never

/** What awaiting a management method gives: the parsed body (for a list, one page). */
export type CallData<
  A extends AccessorName<T>,
  M extends ManagerMethod<A, T>,
  T = Managers,
> = T[A][M] extends (...args: never[]) => infer R ? Awaited<R> : never

/** An allow-list entry: `'users.list'`, `'connections.update'`, ... */
export type CallName<T = Managers> = {
  [A in AccessorName<T>]: `${A}.${ManagerMethod<A, T>}`
}[AccessorName<T>]

/** The item type of a list method (its `ListPromise`'s items), or `unknown` for other methods. */
export type CallItem<
  A extends AccessorName<T>,
  M extends ManagerMethod<A, T>,
  T = Managers,
> = T[A][M] extends (...args: never[]) => ListPromise<unknown, infer I> ? I : unknown
