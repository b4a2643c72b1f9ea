import { Manager } from '../manager.js'
import { BODY, PAGE } from '../params.js'
import type { Body, ListBody, PageOptions } from '../types.js'

type Versions = ListBody<'versions', Body>

/** Actions: `/api/v2/actions`. */
export class Actions extends Manager {
  /** Creates an action. */
  createAction = this.endpoint<[body: Body], void, Body>('POST /actions/actions', BODY)
  /** Deletes an action; `force` also removes its bindings. */
  deleteAction = this.endpoint<[id: string], { /** @default false */ force?: boolean }>(
    'DELETE /actions/actions/{id}',
    { options: { force: ['?force', false] } },
  )
  /** Deploys an action. */
  deployAction = this.endpoint<[id: string], void, Body>('POST /actions/actions/{id}/deploy')
  /** Gets an action. */
  getAction = this.endpoint<[id: string], void, Body>('GET /actions/actions/{id}')
  /** Gets one version of an action. */
  getActionVersion = this.endpoint<[actionId: string, versionId: string], void, Body>(
    'GET /actions/actions/{actionId}/versions/{versionId}',
  )
  /** Lists the versions of an action. */
  getActionVersions = this.listEndpoint<[id: string], PageOptions, Versions, Body>(
    'GET /actions/actions/{id}/versions',
    { options: PAGE, items: 'versions' },
  )
  /** Lists actions. */
  getActions = this.listEndpoint<
    [],
    PageOptions & {
      triggerId?: string
      actionName?: string
      deployed?: boolean
      /** @default false */ installed?: boolean
    },
    ListBody<'actions', Body>,
    Body
  >('GET /actions/actions', {
    options: {
      triggerId: '?triggerId',
      actionName: '?actionName',
      deployed: '?deployed',
      installed: ['?installed', false],
      ...PAGE,
    },
    items: 'actions',
  })
  /** Gets an execution. */
  getExecution = this.endpoint<[id: string], void, Body>('GET /actions/executions/{id}')
  /** Lists the bindings of a trigger. */
  getTriggerBindings = this.listEndpoint<
    [id: string],
    PageOptions,
    ListBody<'bindings', Body>,
    Body
  >('GET /actions/triggers/{id}/bindings', { options: PAGE, items: 'bindings' })
  /** Lists the triggers. */
  getTriggers = this.endpoint<[], void, Body>('GET /actions/triggers')
  /** Rolls an action back to a version, by deploying that version. */
  rollbackActionVersion = this.endpoint<[actionId: string, versionId: string], void, Body>(
    'POST /actions/actions/{actionId}/versions/{versionId}/deploy',
    { body: {} },
  )
  /** Updates an action. */
  updateAction = this.endpoint<[id: string, body: Body], void, Body>(
    'PATCH /actions/actions/{id}',
    BODY,
  )
  /** Replaces the bindings of a trigger. */
  updateTriggerBindings = this.endpoint<[id: string, body: Body], void, Body>(
    'PATCH /actions/triggers/{id}/bindings',
    BODY,
  )
}
