import {
  networkAclsCreate,
  networkAclsDelete,
  networkAclsGet,
  networkAclsList,
  networkAclsSet,
  networkAclsUpdate,
} from '../generated/operations/network-acls.js'
import { Manager, type BodyOf } from '../manager.js'
import { BODY, PAGE_25, TOTALS } from '../params.js'
import type { PageOptions, TotalsOptions } from '../types.js'

/** Network access control lists: `/api/v2/network-acls`. */
export class NetworkAcls extends Manager {
  /** Lists network ACLs. */
  all = this.totalsListEndpoint<typeof networkAclsList, [], PageOptions & TotalsOptions>(
    networkAclsList,
    { options: { ...PAGE_25, ...TOTALS } },
  )
  /** Gets a network ACL. */
  get = this.endpoint<typeof networkAclsGet, [id: string]>(networkAclsGet)
  /** Creates a network ACL. */
  create = this.endpoint<typeof networkAclsCreate, [body: BodyOf<typeof networkAclsCreate>]>(
    networkAclsCreate,
    BODY,
  )
  /** Replaces a network ACL. */
  update = this.endpoint<typeof networkAclsSet, [id: string, body: BodyOf<typeof networkAclsSet>]>(
    networkAclsSet,
    BODY,
  )
  /** Updates part of a network ACL. */
  updatePartial = this.endpoint<
    typeof networkAclsUpdate,
    [id: string, body: BodyOf<typeof networkAclsUpdate>]
  >(networkAclsUpdate, BODY)
  /** Deletes a network ACL. */
  delete = this.endpoint<typeof networkAclsDelete, [id: string]>(networkAclsDelete)
}
