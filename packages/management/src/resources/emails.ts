import { Manager } from '../manager.js'
import { BODY, FIELDS } from '../params.js'
import type { Body, FieldsOptions } from '../types.js'

/** The email provider: `/api/v2/emails/provider`. */
export class Emails extends Manager {
  /** Gets the email provider. */
  get = this.endpoint<[], FieldsOptions, Body>('GET /emails/provider', { options: FIELDS })
  /** Configures the email provider. */
  config = this.endpoint<[body: Body], void, Body>('POST /emails/provider', BODY)
  /** Updates the email provider. */
  update = this.endpoint<[body: Body], void, Body>('PATCH /emails/provider', BODY)
  /** Deletes the email provider. */
  delete = this.endpoint<[], void, unknown>('DELETE /emails/provider')
}
