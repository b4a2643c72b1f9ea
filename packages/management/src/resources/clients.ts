import { Manager } from '../manager.js'
import { BODY, EXTRA, FIELDS, PAGE } from '../params.js'
import type { Client, ExtraParamsOptions, FieldsOptions, ListBody, PageOptions } from '../types.js'

/** Applications: `/api/v2/clients`. */
export class Clients extends Manager {
  /** Lists applications. */
  all = this.listEndpoint<
    [],
    FieldsOptions & PageOptions & ExtraParamsOptions,
    ListBody<'clients', Client>,
    Client
  >('GET /clients', {
    options: { ...FIELDS, ...PAGE, ...EXTRA },
    items: 'clients',
  })
  /** Gets an application. */
  get = this.endpoint<[id: string], FieldsOptions, Client>('GET /clients/{id}', { options: FIELDS })
  /** Creates an application. */
  create = this.endpoint<[body: Partial<Client>], void, Client>('POST /clients', BODY)
  /** Updates an application. */
  update = this.endpoint<[id: string, body: Partial<Client>], void, Client>(
    'PATCH /clients/{id}',
    BODY,
  )
  /** Deletes an application. */
  delete = this.endpoint<[id: string], void, unknown>('DELETE /clients/{id}')
  /** Rotates an application's client secret. */
  rotateSecret = this.endpoint<[id: string], void, Client>('POST /clients/{id}/rotate-secret', {
    args: { id: '.id' },
  })
}
