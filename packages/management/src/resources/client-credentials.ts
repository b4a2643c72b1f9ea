import { Manager } from '../manager.js'
import { BODY } from '../params.js'
import type { Body } from '../types.js'

/** The credentials of an application: `/api/v2/clients/{client_id}/credentials`. */
export class ClientCredentials extends Manager {
  /** Lists the credentials of an application. */
  all = this.endpoint<[clientId: string], void, Body[]>('GET /clients/{clientId}/credentials')
  /** Gets one credential. */
  get = this.endpoint<[clientId: string, id: string], void, Body>(
    'GET /clients/{clientId}/credentials/{id}',
  )
  /** Creates a credential. */
  create = this.endpoint<[clientId: string, body: Body], void, Body>(
    'POST /clients/{clientId}/credentials',
    BODY,
  )
  /** Deletes a credential. */
  delete = this.endpoint<[clientId: string, id: string], void, unknown>(
    'DELETE /clients/{clientId}/credentials/{id}',
  )
}
