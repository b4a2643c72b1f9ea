import {
  emailsProviderCreate,
  emailsProviderDelete,
  emailsProviderGet,
  emailsProviderUpdate,
} from '../generated/operations/emails.js'
import { Manager, type BodyOf } from '../manager.js'
import { BODY, FIELDS } from '../params.js'
import type { FieldsOptions } from '../types.js'

/** The email provider: `/api/v2/emails/provider`. */
export class Emails extends Manager {
  /** Gets the email provider. */
  get = this.endpoint<typeof emailsProviderGet, [], FieldsOptions>(emailsProviderGet, {
    options: FIELDS,
  })
  /** Configures the email provider. */
  config = this.endpoint<typeof emailsProviderCreate, [body: BodyOf<typeof emailsProviderCreate>]>(
    emailsProviderCreate,
    BODY,
  )
  /** Updates the email provider. */
  update = this.endpoint<typeof emailsProviderUpdate, [body: BodyOf<typeof emailsProviderUpdate>]>(
    emailsProviderUpdate,
    BODY,
  )
  /** Deletes the email provider. */
  delete = this.endpoint<typeof emailsProviderDelete, []>(emailsProviderDelete)
}
