// The msw entry: the only module that imports msw, an optional peer dependency of this package.
import { http, type HttpHandler } from 'msw'
import {
  createMockTenant as createTenant,
  type MockTenant,
  type MockTenantOptions,
} from './tenant.js'

/** A tenant emulator with msw handlers for every route under its URL. */
export interface MswMockTenant extends MockTenant {
  /** msw handlers serving every route under `url`, for `setupServer(...tenant.handlers)`. */
  readonly handlers: HttpHandler[]
}

/**
 * msw handlers that serve every route under a tenant's URL, for a tenant made by `createMockTenant` or
 * `startMockTenant`.
 *
 * @example
 * ```ts
 * const server = setupServer(...mswHandlers(createMockTenant()))
 * ```
 */
export function mswHandlers(tenant: Pick<MockTenant, 'url' | 'handle'>): HttpHandler[] {
  return [http.all(`${tenant.url}/*`, ({ request }) => tenant.handle(request))]
}

/**
 * Creates an Auth0 tenant emulator in this process, with msw handlers for it.
 *
 * @throws MockTenantOptionsError (a TypeError) when an option is invalid, listing every problem
 * @example
 * ```ts
 * import { createMockTenant } from '@auth0-ts/mock-tenant/msw'
 * import { setupServer } from 'msw/node'
 *
 * const tenant = createMockTenant({ baseUrl: 'https://tenant.mock.test' })
 * const server = setupServer(...tenant.handlers)
 * server.listen({ onUnhandledRequest: 'error' })
 * ```
 */
export function createMockTenant(options: MockTenantOptions = {}): MswMockTenant {
  const tenant = createTenant(options)
  return Object.assign(tenant, { handlers: mswHandlers(tenant) })
}

export type { MockTenant, MockTenantOptions } from './tenant.js'
