import { logsGet, logsList } from '../generated/operations/logs.js'
import { Manager } from '../manager.js'
import { CHECKPOINT, FIELDS, PAGE_50, TOTALS } from '../params.js'
import type { CheckpointOptions, FieldsOptions, PageOptions, TotalsOptions } from '../types.js'

/** Log events: `/api/v2/logs`. */
export class Logs extends Manager {
  /** Gets one log event. */
  get = this.endpoint<typeof logsGet, [id: string]>(logsGet)
  /**
   * Searches log events. Iterating pages by `page` within the 1000-result search window, or by checkpoint (`take`,
   * and `fromParam` to start after a log id) without that limit.
   */
  search = this.totalsListEndpoint<
    typeof logsList,
    [],
    PageOptions & { sort?: string; q?: string } & TotalsOptions & FieldsOptions & CheckpointOptions
  >(logsList, {
    options: {
      ...PAGE_50,
      sort: { query: 'sort' },
      q: { query: 'q' },
      ...TOTALS,
      ...FIELDS,
      ...CHECKPOINT,
    },
    checkpoint: 'log_id',
    window: (q) => (q['from'] === undefined && q['take'] === undefined ? 1000 : undefined),
  })
}
