import { Manager } from '../manager.js'
import { BODY, FIELDS, NO_TOTALS, PAGE } from '../params.js'
import type { Body, FieldsOptions, ListBody, PageOptions, TotalsOptions } from '../types.js'

/** Device credentials (refresh tokens, public keys): `/api/v2/device-credentials`. */
export class DeviceCredentials extends Manager {
  /** Lists the device credentials of a user and application, of one type. */
  get = this.listEndpoint<
    [userId: string, clientId: string, type: string],
    FieldsOptions & PageOptions & TotalsOptions,
    ListBody<'device_credentials', Body>,
    Body
  >('GET /device-credentials', {
    args: { userId: '?user_id', clientId: '?client_id', type: '?type' },
    options: { ...FIELDS, ...PAGE, ...NO_TOTALS },
    items: 'device_credentials',
  })
  /** Creates a device public key credential. */
  create = this.endpoint<[body: Body], void, Body>('POST /device-credentials', BODY)
  /** Deletes a device credential. */
  delete = this.endpoint<[id: string], void, unknown>('DELETE /device-credentials/{id}')
}
