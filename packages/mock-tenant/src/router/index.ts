// The router: a route table of hand-written and generated routes, served through the request pipeline.
import type { ApiAuth, Handler, Route } from './route.js'
import type { RouteTable, Method, RouteSource } from './route-table.js'

export { pipeline } from './pipeline.js'
export { bearer, cors, rateLimit, routing } from './steps.js'
export type { ApiAuth, Handler, Route, RouteRequest } from './route.js'
export { RouteTable, type Method, type RouteSource } from './route-table.js'

/** Adds routes to a table. @throws Error on a duplicate of the same source */
export function addRoutes(
  table: RouteTable<Route>,
  routes: readonly Route[],
  source: RouteSource = 'hand-written',
): void {
  for (const route of routes) table.add(route.method, route.path, route, source)
}

/** One operation of an API definition, as a generated table lists it. */
export interface OperationDescriptor {
  readonly method: Method
  /** Below the API's base path, such as `/users/{id}`. */
  readonly path: string
  /** Any one of these scopes is enough, as on Auth0; empty when a valid token is enough. */
  readonly scopes: readonly string[]
}

/**
 * Registers a table of operations as generated routes under `basePath`, each behind a bearer token with any one
 * of its scopes. A hand-written route for the same method and path keeps serving it.
 */
export function addOperations<O extends OperationDescriptor>(
  table: RouteTable<Route>,
  basePath: string,
  operations: readonly O[],
  handlerFor: (operation: O) => Handler<ApiAuth>,
): void {
  for (const op of operations)
    addRoutes(
      table,
      [
        {
          method: op.method,
          path: `${basePath}${op.path}`,
          bearer: { anyOf: op.scopes },
          handle: handlerFor(op),
        },
      ],
      'generated',
    )
}
