import type { TenantContext } from '../context.js'
import { clientGrantRoutes } from './client-grants.js'
import { clientRoutes } from './clients.js'
import type { ApiRoute } from './common.js'
import { connectionRoutes } from './connections.js'
import { logRoutes } from './logs.js'
import { organizationRoutes } from './organizations.js'
import { roleRoutes } from './roles.js'
import { userRoutes } from './users.js'

export type { ApiAuth, ApiRoute } from './common.js'

export function managementRoutes(ctx: TenantContext): ApiRoute[] {
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
