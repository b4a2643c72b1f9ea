// The Management API v2: hand-written routes where the behaviour is richer (user search, log checkpoints,
// organizations, client grants, ...), and every other operation of the generated table from the generic store.
import type { TenantContext } from '../context.js'
import { operations } from '../generated/operations.js'
import { json } from '../http.js'
import { addOperations, addRoutes, type Route, type RouteTable } from '../router/index.js'
import { Shapes } from '../schema/shapes.js'
import { clientGrantRoutes } from './client-grants.js'
import { clientRoutes } from './clients.js'
import { connectionRoutes } from './connections.js'
import { GenericApi } from './generic.js'
import { logRoutes } from './logs.js'
import { organizationRoutes } from './organizations.js'
import { normalize, plan, type Plan } from './plan.js'
import { roleRoutes } from './roles.js'
import { Store } from './store.js'
import { userRoutes } from './users.js'

/** The hand-written Management API routes, under `/api/v2`. */
function managementRoutes(ctx: TenantContext): Route[] {
  return [
    userRoutes,
    connectionRoutes,
    clientRoutes,
    clientGrantRoutes,
    roleRoutes,
    organizationRoutes,
    logRoutes,
  ].flatMap((make) => make(ctx))
}

let shared: { shapes: Shapes; plan: Plan } | undefined

/** The plan is a pure function of the generated table: made once per process, on the first tenant. */
function planned(): { shapes: Shapes; plan: Plan } {
  if (shared === undefined) {
    const shapes = new Shapes()
    shared = { shapes, plan: plan(operations, shapes) }
  }
  return shared
}

/** The response shape of every operation, by method and normalized path below the origin. */
const SHAPES = new Map(
  operations.map((op) => [`${op.method} /api/v2${normalize(op.path)}`, op.response.shape]),
)

/**
 * A hand-written route whose 2xx JSON bodies are conformed to its operation's response shape, as the generic ones are:
 * its records may hold what the definition does not show (a `private_key_jwt` client's method, a connection's realms
 * in a list) and lack what it requires.
 */
function conformed(route: Route, ctx: TenantContext, shapes: Shapes): Route {
  const shape = SHAPES.get(`${route.method} ${normalize(route.path)}`)
  if (route.bearer === undefined || shape === undefined) return route
  const handle = route.handle
  return {
    method: route.method,
    path: route.path,
    bearer: route.bearer,
    async handle(req) {
      const response = await handle(req)
      if (response.status >= 300 || !(response.headers.get('content-type') ?? '').includes('json'))
        return response
      const body: unknown = await response.json()
      return json(shapes.conform(body, shape, { now: ctx.now() }), response.status)
    },
  }
}

/** Adds every Management API operation under `/api/v2`: the hand-written routes, then the generated table. */
export function addManagementApi(table: RouteTable<Route>, ctx: TenantContext): void {
  const { shapes, plan } = planned()
  addRoutes(
    table,
    managementRoutes(ctx).map((route) => conformed(route, ctx, shapes)),
  )
  const api = new GenericApi({ ctx, plan, store: new Store(ctx, plan, shapes), shapes, operations })
  addOperations(table, '/api/v2', operations, (op) => api.handler(op))
}
