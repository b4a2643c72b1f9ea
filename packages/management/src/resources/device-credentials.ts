import {
  deviceCredentialsCreatePublicKey,
  deviceCredentialsDelete,
  deviceCredentialsList,
} from '../generated/operations/device-credentials.js'
import { Manager, type BodyOf } from '../manager.js'
import { BODY, FIELDS, NO_TOTALS, PAGE } from '../params.js'
import type { FieldsOptions, PageOptions, TotalsOptions } from '../types.js'

/** Device credentials (refresh tokens, public keys): `/api/v2/device-credentials`. */
export class DeviceCredentials extends Manager {
  /** Lists the device credentials of a user and application, of one type. */
  get = this.listEndpoint<
    typeof deviceCredentialsList,
    [userId: string, clientId: string, type: string],
    FieldsOptions & PageOptions & TotalsOptions
  >(deviceCredentialsList, {
    args: [{ query: 'user_id' }, { query: 'client_id' }, { query: 'type' }],
    options: { ...FIELDS, ...PAGE, ...NO_TOTALS },
  })
  /** Creates a device public key credential. */
  create = this.endpoint<
    typeof deviceCredentialsCreatePublicKey,
    [body: BodyOf<typeof deviceCredentialsCreatePublicKey>]
  >(deviceCredentialsCreatePublicKey, BODY)
  /** Deletes a device credential. */
  delete = this.endpoint<typeof deviceCredentialsDelete, [id: string]>(deviceCredentialsDelete)
}
