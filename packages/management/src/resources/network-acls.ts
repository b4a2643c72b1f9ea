import { Manager } from '../manager.js'
import { BODY, PAGE_25, TOTALS } from '../params.js'
import type { Body, ListBody, PageOptions, TotalsOptions } from '../types.js'

/** Network access control lists: `/api/v2/network-acls`. */
export class NetworkAcls extends Manager {
  /** Lists network ACLs. */
  all = this.listEndpoint<[], PageOptions & TotalsOptions, ListBody<'network_acls', Body>, Body>(
    'GET /network-acls',
    { options: { ...PAGE_25, ...TOTALS }, items: 'network_acls' },
  )
  /** Gets a network ACL. */
  get = this.endpoint<[id: string], void, Body>('GET /network-acls/{id}')
  /** Creates a network ACL. */
  create = this.endpoint<[body: Body], void, Body>('POST /network-acls', BODY)
  /** Replaces a network ACL. */
  update = this.endpoint<[id: string, body: Body], void, Body>('PUT /network-acls/{id}', BODY)
  /** Updates part of a network ACL. */
  updatePartial = this.endpoint<[id: string, body: Body], void, Body>(
    'PATCH /network-acls/{id}',
    BODY,
  )
  /** Deletes a network ACL. */
  delete = this.endpoint<[id: string], void, unknown>('DELETE /network-acls/{id}')
}
