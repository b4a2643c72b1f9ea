import { Manager } from '../manager.js'
import { BODY } from '../params.js'
import type { Body } from '../types.js'

/** Email templates: `/api/v2/email-templates`. */
export class EmailTemplates extends Manager {
  /** Creates an email template. */
  create = this.endpoint<[body: Body], void, Body>('POST /email-templates', BODY)
  /** Gets an email template by name. */
  get = this.endpoint<[templateName: string], void, Body>('GET /email-templates/{templateName}')
  /** Updates an email template. */
  update = this.endpoint<[templateName: string, body: Body], void, Body>(
    'PATCH /email-templates/{templateName}',
    BODY,
  )
}
