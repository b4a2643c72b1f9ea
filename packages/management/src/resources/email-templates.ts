import {
  emailTemplatesCreate,
  emailTemplatesGet,
  emailTemplatesUpdate,
} from '../generated/operations/email-templates.js'
import { Manager, type BodyOf } from '../manager.js'
import { BODY } from '../params.js'

/** Email templates: `/api/v2/email-templates`. */
export class EmailTemplates extends Manager {
  /** Creates an email template. */
  create = this.endpoint<typeof emailTemplatesCreate, [body: BodyOf<typeof emailTemplatesCreate>]>(
    emailTemplatesCreate,
    BODY,
  )
  /** Gets an email template by name. */
  get = this.endpoint<typeof emailTemplatesGet, [templateName: string]>(emailTemplatesGet)
  /** Updates an email template. */
  update = this.endpoint<
    typeof emailTemplatesUpdate,
    [templateName: string, body: BodyOf<typeof emailTemplatesUpdate>]
  >(emailTemplatesUpdate, BODY)
}
