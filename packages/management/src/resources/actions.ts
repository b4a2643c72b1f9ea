import {
  actionsCreate,
  actionsDelete,
  actionsDeploy,
  actionsExecutionsGet,
  actionsGet,
  actionsList,
  actionsTriggersBindingsList,
  actionsTriggersBindingsUpdateMany,
  actionsTriggersList,
  actionsUpdate,
  actionsVersionsDeploy,
  actionsVersionsGet,
  actionsVersionsList,
} from '../generated/operations/actions.js'
import { Manager, type BodyOf } from '../manager.js'
import { BODY, PAGE } from '../params.js'
import type { PageOptions } from '../types.js'

/** Actions: `/api/v2/actions`. */
export class Actions extends Manager {
  /** Creates an action. */
  createAction = this.endpoint<typeof actionsCreate, [body: BodyOf<typeof actionsCreate>]>(
    actionsCreate,
    BODY,
  )
  /** Deletes an action; `force` also removes its bindings. */
  deleteAction = this.endpoint<
    typeof actionsDelete,
    [id: string],
    { /** @default false */ force?: boolean }
  >(actionsDelete, { options: { force: { query: 'force', default: false } } })
  /** Deploys an action. */
  deployAction = this.endpoint<typeof actionsDeploy, [id: string]>(actionsDeploy)
  /** Gets an action. */
  getAction = this.endpoint<typeof actionsGet, [id: string]>(actionsGet)
  /** Gets one version of an action. */
  getActionVersion = this.endpoint<
    typeof actionsVersionsGet,
    [actionId: string, versionId: string]
  >(actionsVersionsGet)
  /** Lists the versions of an action. */
  getActionVersions = this.listEndpoint<typeof actionsVersionsList, [id: string], PageOptions>(
    actionsVersionsList,
    { options: PAGE },
  )
  /** Lists actions. */
  getActions = this.listEndpoint<
    typeof actionsList,
    [],
    PageOptions & {
      triggerId?: string
      actionName?: string
      deployed?: boolean
      /** @default false */ installed?: boolean
    }
  >(actionsList, {
    options: {
      triggerId: { query: 'triggerId' },
      actionName: { query: 'actionName' },
      deployed: { query: 'deployed' },
      installed: { query: 'installed', default: false },
      ...PAGE,
    },
  })
  /** Gets an execution. */
  getExecution = this.endpoint<typeof actionsExecutionsGet, [id: string]>(actionsExecutionsGet)
  /** Lists the bindings of a trigger. */
  getTriggerBindings = this.listEndpoint<
    typeof actionsTriggersBindingsList,
    [id: string],
    PageOptions
  >(actionsTriggersBindingsList, { options: PAGE })
  /** Lists the triggers. */
  getTriggers = this.endpoint<typeof actionsTriggersList, []>(actionsTriggersList)
  /** Rolls an action back to a version, by deploying that version (with the body `{}`, as auth0-python sends). */
  rollbackActionVersion = this.endpoint<
    typeof actionsVersionsDeploy,
    [actionId: string, versionId: string]
  >(actionsVersionsDeploy)
  /** Updates an action. */
  updateAction = this.endpoint<
    typeof actionsUpdate,
    [id: string, body: BodyOf<typeof actionsUpdate>]
  >(actionsUpdate, BODY)
  /** Replaces the bindings of a trigger. */
  updateTriggerBindings = this.endpoint<
    typeof actionsTriggersBindingsUpdateMany,
    [id: string, body: BodyOf<typeof actionsTriggersBindingsUpdateMany>]
  >(actionsTriggersBindingsUpdateMany, BODY)
}
