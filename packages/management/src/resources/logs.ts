import { Manager } from '../manager.js'
import { CHECKPOINT, FIELDS, PAGE_50, TOTALS } from '../params.js'
import type {
  CheckpointOptions,
  FieldsOptions,
  ListBody,
  Log,
  PageOptions,
  TotalsOptions,
} from '../types.js'

/** Log events: `/api/v2/logs`. */
export class Logs extends Manager {
  /** Gets one log event. */
  get = this.endpoint<[id: string], void, Log>('GET /logs/{id}')
  /**
   * Searches log events. Iterating pages by `page` within the 1000-result search window, or by checkpoint (`take`,
   * and `fromParam` to start after a log id) without that limit.
   */
  search = this.listEndpoint<
    [],
    PageOptions & { sort?: string; q?: string } & TotalsOptions & FieldsOptions & CheckpointOptions,
    ListBody<'logs', Log>,
    Log
  >('GET /logs', {
    options: { ...PAGE_50, sort: '?sort', q: '?q', ...TOTALS, ...FIELDS, ...CHECKPOINT },
    items: 'logs',
    checkpoint: 'log_id',
    window: (q) => (q['from'] === undefined && q['take'] === undefined ? 1000 : undefined),
  })
}
