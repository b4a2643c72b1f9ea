import { userGrantsDelete, userGrantsList } from '../generated/operations/user-grants.js'
import { Manager } from '../manager.js'
import { EXTRA, NO_TOTALS, PAGE } from '../params.js'
import type { ExtraParamsOptions, PageOptions, TotalsOptions } from '../types.js'

/** Grants users gave to applications: `/api/v2/grants`. */
export class Grants extends Manager {
  /** Lists grants (filter with `extraParams`, such as `{ user_id }`). */
  all = this.listEndpoint<
    typeof userGrantsList,
    [],
    PageOptions & TotalsOptions & ExtraParamsOptions
  >(userGrantsList, {
    options: { ...PAGE, ...NO_TOTALS, ...EXTRA },
  })
  /** Deletes a grant. */
  delete = this.endpoint<typeof userGrantsDelete, [id: string]>(userGrantsDelete)
}
