import type { RestClient } from '@auth0-ts/core'
import type * as groups from '../generated/index.js'
import { openStream } from './event-stream.js'
import { createRuntime, type ManagementClientOptions } from './options.js'
import { lazy, resource, type Resource } from './resource.js'
import { GROUPS, type EventsClient } from './resources.js'

type Groups = typeof groups

/** Every group of operations, by the name node-auth0 v7 gives it (`users`, `clientGrants`, ...). */
export type ManagementResources = {
  readonly [K in keyof Groups]: K extends 'events' ? EventsClient : Resource<Groups[K]>
}

class ManagementClientBase {
  /** The one transport (and rate limiter) every resource of this client shares. */
  declare readonly rest: RestClient

  constructor(options: ManagementClientOptions) {
    const rt = createRuntime(options, 'ManagementClient options', openStream)
    Object.defineProperty(this, 'rest', { value: rt.rest })
    // Each resource is built on first use, so the ones an app never touches cost nothing.
    for (const [name, group] of Object.entries(GROUPS)) lazy(this, name, () => resource(group, rt))
  }
}

/** A Management API client: every operation at `client.<group>.<name>(...)`, over one transport. */
export type ManagementClient = ManagementClientBase & ManagementResources

/**
 * The whole Management API, compatible with node-auth0 v7.1's `ManagementClient`: the same names, arguments and
 * requests, over auth0-ts's transport (pacing under the tenant's rate limit, no retried writes, checked ids). Path
 * parameters come first, then the request object (wire names), then per-call options. A list resolves to a `Page`;
 * every call has `.withRawResponse()`.
 *
 * @throws OptionsError listing every problem of the options, such as a missing token or an unknown option
 * @example
 * ```ts
 * const client = new ManagementClient({ domain: 'tenant.us.auth0.com', clientId, clientSecret })
 * const user = await client.users.get('auth0|123')
 * for await (const role of client.users.roles.list('auth0|123')) console.log(role.name)
 * ```
 */
export const ManagementClient = ManagementClientBase as new (
  options: ManagementClientOptions,
) => ManagementClient
