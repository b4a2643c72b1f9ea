import {
  clientsCreate,
  clientsDelete,
  clientsGet,
  clientsList,
  clientsRotateSecret,
  clientsUpdate,
} from '../generated/operations/clients.js'
import { Manager, type BodyOf } from '../manager.js'
import { BODY, EXTRA, FIELDS, PAGE } from '../params.js'
import type { ExtraParamsOptions, FieldsOptions, PageOptions } from '../types.js'

/** Applications: `/api/v2/clients`. */
export class Clients extends Manager {
  /** Lists applications. */
  all = this.listEndpoint<typeof clientsList, [], FieldsOptions & PageOptions & ExtraParamsOptions>(
    clientsList,
    {
      options: { ...FIELDS, ...PAGE, ...EXTRA },
    },
  )
  /** Gets an application. */
  get = this.endpoint<typeof clientsGet, [id: string], FieldsOptions>(clientsGet, {
    options: FIELDS,
  })
  /** Creates an application. */
  create = this.endpoint<typeof clientsCreate, [body: BodyOf<typeof clientsCreate>]>(
    clientsCreate,
    BODY,
  )
  /** Updates an application. */
  update = this.endpoint<typeof clientsUpdate, [id: string, body: BodyOf<typeof clientsUpdate>]>(
    clientsUpdate,
    BODY,
  )
  /** Deletes an application. */
  delete = this.endpoint<typeof clientsDelete, [id: string]>(clientsDelete)
  /** Rotates an application's client secret (auth0-python also sends the id as the body, `{ id }`). */
  rotateSecret = this.endpoint<typeof clientsRotateSecret, [id: string]>(clientsRotateSecret, {
    request: 'json',
    pathInBody: ['id'],
  })
}
