import {
  rulesConfigsDelete,
  rulesConfigsList,
  rulesConfigsSet,
} from '../generated/operations/rules-configs.js'
import { Manager } from '../manager.js'

/** Rules configuration variables: `/api/v2/rules-configs`. */
export class RulesConfigs extends Manager {
  /** Lists the variable names (values are never returned). */
  all = this.endpoint<typeof rulesConfigsList, []>(rulesConfigsList)
  /** Sets a variable. */
  set = this.endpoint<typeof rulesConfigsSet, [key: string, value: string]>(rulesConfigsSet, {
    args: [{ body: 'value' }],
  })
  /** Removes a variable. */
  unset = this.endpoint<typeof rulesConfigsDelete, [key: string]>(rulesConfigsDelete)
}
