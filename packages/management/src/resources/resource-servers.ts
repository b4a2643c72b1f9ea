import {
  resourceServersCreate,
  resourceServersDelete,
  resourceServersGet,
  resourceServersList,
  resourceServersUpdate,
} from '../generated/operations/resource-servers.js'
import { Manager, type BodyOf } from '../manager.js'
import { BODY, NO_TOTALS, PAGE } from '../params.js'
import type { PageOptions, TotalsOptions } from '../types.js'

/** APIs: `/api/v2/resource-servers`. */
export class ResourceServers extends Manager {
  /** Lists APIs. */
  getAll = this.listEndpoint<typeof resourceServersList, [], PageOptions & TotalsOptions>(
    resourceServersList,
    {
      options: { ...PAGE, ...NO_TOTALS },
    },
  )
  /** Gets an API. */
  get = this.endpoint<typeof resourceServersGet, [id: string]>(resourceServersGet)
  /** Creates an API. */
  create = this.endpoint<
    typeof resourceServersCreate,
    [body: BodyOf<typeof resourceServersCreate>]
  >(resourceServersCreate, BODY)
  /** Updates an API. */
  update = this.endpoint<
    typeof resourceServersUpdate,
    [id: string, body: BodyOf<typeof resourceServersUpdate>]
  >(resourceServersUpdate, BODY)
  /** Deletes an API. */
  delete = this.endpoint<typeof resourceServersDelete, [id: string]>(resourceServersDelete)
}
