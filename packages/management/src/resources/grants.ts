import { Manager } from '../manager.js'
import { EXTRA, NO_TOTALS, PAGE } from '../params.js'
import type { Body, ExtraParamsOptions, ListBody, PageOptions, TotalsOptions } from '../types.js'

/** Grants users gave to applications: `/api/v2/grants`. */
export class Grants extends Manager {
  /** Lists grants (filter with `extraParams`, such as `{ user_id }`). */
  all = this.listEndpoint<
    [],
    PageOptions & TotalsOptions & ExtraParamsOptions,
    ListBody<'grants', Body>,
    Body
  >('GET /grants', {
    options: { ...PAGE, ...NO_TOTALS, ...EXTRA },
    items: 'grants',
  })
  /** Deletes a grant. */
  delete = this.endpoint<[id: string], void, unknown>('DELETE /grants/{id}')
}
