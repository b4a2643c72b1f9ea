import { Manager } from '../manager.js'
import { BODY, FIELDS, NO_TOTALS, PAGE } from '../params.js'
import type { Body, FieldsOptions, ListBody, PageOptions, TotalsOptions } from '../types.js'

type RuleFilter = {
  /** @default 'login_success' */
  stage?: string
  /** @default true */
  enabled?: boolean
}

/** Rules: `/api/v2/rules`. */
export class Rules extends Manager {
  /** Lists rules. */
  all = this.listEndpoint<
    [],
    RuleFilter & FieldsOptions & PageOptions & TotalsOptions,
    ListBody<'rules', Body>,
    Body
  >('GET /rules', {
    options: {
      stage: ['?stage', 'login_success'],
      enabled: ['?enabled', true],
      ...FIELDS,
      ...PAGE,
      ...NO_TOTALS,
    },
    items: 'rules',
  })
  /** Gets a rule. */
  get = this.endpoint<[id: string], FieldsOptions, Body>('GET /rules/{id}', { options: FIELDS })
  /** Creates a rule. */
  create = this.endpoint<[body: Body], void, Body>('POST /rules', BODY)
  /** Updates a rule. */
  update = this.endpoint<[id: string, body: Body], void, Body>('PATCH /rules/{id}', BODY)
  /** Deletes a rule. */
  delete = this.endpoint<[id: string], void, unknown>('DELETE /rules/{id}')
}
