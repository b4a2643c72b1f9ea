import { Manager } from '../manager.js'
import { BODY, CHECKPOINT, NO_TOTALS, PAGE } from '../params.js'
import type {
  CheckpointOptions,
  ClientGrant,
  ListBody,
  Organization,
  PageOptions,
  TotalsOptions,
} from '../types.js'

type GrantFilter = { audience?: string; clientId?: string; allowAnyOrganization?: boolean }

/** Grants of APIs to applications: `/api/v2/client-grants`. */
export class ClientGrants extends Manager {
  /** Lists client grants. */
  all = this.listEndpoint<
    [],
    GrantFilter & PageOptions & TotalsOptions,
    ListBody<'client_grants', ClientGrant>,
    ClientGrant
  >('GET /client-grants', {
    options: {
      audience: '?audience',
      ...PAGE,
      ...NO_TOTALS,
      clientId: '?client_id',
      allowAnyOrganization: '?allow_any_organization',
    },
    items: 'client_grants',
  })
  /** Creates a client grant. */
  create = this.endpoint<[body: Partial<ClientGrant>], void, ClientGrant>(
    'POST /client-grants',
    BODY,
  )
  /** Deletes a client grant. */
  delete = this.endpoint<[id: string], void, unknown>('DELETE /client-grants/{id}')
  /** Updates a client grant. */
  update = this.endpoint<[id: string, body: Partial<ClientGrant>], void, ClientGrant>(
    'PATCH /client-grants/{id}',
    BODY,
  )
  /** Lists the organizations a client grant is associated with. */
  getOrganizations = this.listEndpoint<
    [id: string],
    PageOptions & TotalsOptions & CheckpointOptions,
    ListBody<'organizations', Organization>,
    Organization
  >('GET /client-grants/{id}/organizations', {
    options: { ...PAGE, ...NO_TOTALS, ...CHECKPOINT },
    items: 'organizations',
  })
}
