import {
  rulesCreate,
  rulesDelete,
  rulesGet,
  rulesList,
  rulesUpdate,
} from '../generated/operations/rules.js'
import { Manager, type BodyOf } from '../manager.js'
import { BODY, FIELDS, NO_TOTALS, PAGE } from '../params.js'
import type { FieldsOptions, PageOptions, RuleFilter, TotalsOptions } from '../types.js'

/** Rules: `/api/v2/rules`. */
export class Rules extends Manager {
  /** Lists rules. */
  all = this.listEndpoint<
    typeof rulesList,
    [],
    RuleFilter & FieldsOptions & PageOptions & TotalsOptions
  >(rulesList, {
    options: {
      stage: { query: 'stage', default: 'login_success' },
      enabled: { query: 'enabled', default: true },
      ...FIELDS,
      ...PAGE,
      ...NO_TOTALS,
    },
  })
  /** Gets a rule. */
  get = this.endpoint<typeof rulesGet, [id: string], FieldsOptions>(rulesGet, {
    options: FIELDS,
  })
  /** Creates a rule. */
  create = this.endpoint<typeof rulesCreate, [body: BodyOf<typeof rulesCreate>]>(rulesCreate, BODY)
  /** Updates a rule. */
  update = this.endpoint<typeof rulesUpdate, [id: string, body: BodyOf<typeof rulesUpdate>]>(
    rulesUpdate,
    BODY,
  )
  /** Deletes a rule. */
  delete = this.endpoint<typeof rulesDelete, [id: string]>(rulesDelete)
}
