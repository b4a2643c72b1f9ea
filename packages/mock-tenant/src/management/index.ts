import type { TenantContext } from '../context.js'
import type { Route } from '../router/route.js'
import { clientGrantRoutes } from './client-grants.js'
import { clientRoutes } from './clients.js'
import { connectionRoutes } from './connections.js'
import { logRoutes } from './logs.js'
import { organizationRoutes } from './organizations.js'
import { roleRoutes } from './roles.js'
import { userRoutes } from './users.js'

/** The hand-written Management API routes, under `/api/v2`. */
export function managementRoutes(ctx: TenantContext): Route[] {
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
