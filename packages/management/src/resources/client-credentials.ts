import {
  clientsCredentialsCreate,
  clientsCredentialsDelete,
  clientsCredentialsGet,
  clientsCredentialsList,
} from '../generated/operations/clients.js'
import { Manager, type BodyOf } from '../manager.js'
import { BODY } from '../params.js'

/** The credentials of an application: `/api/v2/clients/{client_id}/credentials`. */
export class ClientCredentials extends Manager {
  /** Lists the credentials of an application. */
  all = this.endpoint<typeof clientsCredentialsList, [clientId: string]>(clientsCredentialsList)
  /** Gets one credential. */
  get = this.endpoint<typeof clientsCredentialsGet, [clientId: string, id: string]>(
    clientsCredentialsGet,
  )
  /** Creates a credential. */
  create = this.endpoint<
    typeof clientsCredentialsCreate,
    [clientId: string, body: BodyOf<typeof clientsCredentialsCreate>]
  >(clientsCredentialsCreate, BODY)
  /** Deletes a credential. */
  delete = this.endpoint<typeof clientsCredentialsDelete, [clientId: string, id: string]>(
    clientsCredentialsDelete,
  )
}
