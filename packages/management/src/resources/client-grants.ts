import {
  clientGrantsCreate,
  clientGrantsDelete,
  clientGrantsList,
  clientGrantsOrganizationsList,
  clientGrantsUpdate,
} from '../generated/operations/client-grants.js'
import { Manager, type BodyOf } from '../manager.js'
import { BODY, CHECKPOINT, NO_TOTALS, PAGE } from '../params.js'
import type {
  CheckpointOptions,
  ClientGrantFilter as GrantFilter,
  PageOptions,
  TotalsOptions,
} from '../types.js'

/** Grants of APIs to applications: `/api/v2/client-grants`. */
export class ClientGrants extends Manager {
  /** Lists client grants. */
  all = this.listEndpoint<typeof clientGrantsList, [], GrantFilter & PageOptions & TotalsOptions>(
    clientGrantsList,
    {
      options: {
        audience: { query: 'audience' },
        ...PAGE,
        ...NO_TOTALS,
        clientId: { query: 'client_id' },
        allowAnyOrganization: { query: 'allow_any_organization' },
      },
    },
  )
  /** Creates a client grant. */
  create = this.endpoint<typeof clientGrantsCreate, [body: BodyOf<typeof clientGrantsCreate>]>(
    clientGrantsCreate,
    BODY,
  )
  /** Deletes a client grant. */
  delete = this.endpoint<typeof clientGrantsDelete, [id: string]>(clientGrantsDelete)
  /** Updates a client grant. */
  update = this.endpoint<
    typeof clientGrantsUpdate,
    [id: string, body: BodyOf<typeof clientGrantsUpdate>]
  >(clientGrantsUpdate, BODY)
  /** Lists the organizations a client grant is associated with. */
  getOrganizations = this.listEndpoint<
    typeof clientGrantsOrganizationsList,
    [id: string],
    PageOptions & TotalsOptions & CheckpointOptions
  >(clientGrantsOrganizationsList, {
    options: { ...PAGE, ...NO_TOTALS, ...CHECKPOINT },
  })
}
