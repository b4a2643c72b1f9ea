import { Manager } from '../manager.js'
import type { Body } from '../types.js'

/** Rules configuration variables: `/api/v2/rules-configs`. */
export class RulesConfigs extends Manager {
  /** Lists the variable names (values are never returned). */
  all = this.endpoint<[], void, Body[]>('GET /rules-configs')
  /** Sets a variable. */
  set = this.endpoint<[key: string, value: string], void, Body>('PUT /rules-configs/{key}', {
    args: { value: '.value' },
  })
  /** Removes a variable. */
  unset = this.endpoint<[key: string], void, unknown>('DELETE /rules-configs/{key}')
}
