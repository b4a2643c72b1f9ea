import { Manager } from '../manager.js'
import { BODY, NO_TOTALS, PAGE } from '../params.js'
import type { ListBody, PageOptions, ResourceServer, TotalsOptions } from '../types.js'

/** APIs: `/api/v2/resource-servers`. */
export class ResourceServers extends Manager {
  /** Lists APIs. */
  getAll = this.listEndpoint<
    [],
    PageOptions & TotalsOptions,
    ListBody<'resource_servers', ResourceServer>,
    ResourceServer
  >('GET /resource-servers', {
    options: { ...PAGE, ...NO_TOTALS },
    items: 'resource_servers',
  })
  /** Gets an API. */
  get = this.endpoint<[id: string], void, ResourceServer>('GET /resource-servers/{id}')
  /** Creates an API. */
  create = this.endpoint<[body: Partial<ResourceServer>], void, ResourceServer>(
    'POST /resource-servers',
    BODY,
  )
  /** Updates an API. */
  update = this.endpoint<[id: string, body: Partial<ResourceServer>], void, ResourceServer>(
    'PATCH /resource-servers/{id}',
    BODY,
  )
  /** Deletes an API. */
  delete = this.endpoint<[id: string], void, unknown>('DELETE /resource-servers/{id}')
}
