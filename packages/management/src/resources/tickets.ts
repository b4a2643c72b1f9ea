import { Manager } from '../manager.js'
import { BODY } from '../params.js'
import type { Body } from '../types.js'

/** Email verification and password change tickets: `/api/v2/tickets`. */
export class Tickets extends Manager {
  /** Creates an email verification ticket. */
  createEmailVerification = this.endpoint<[body: Body], void, { ticket: string }>(
    'POST /tickets/email-verification',
    BODY,
  )
  /** Creates a password change ticket. */
  createPswdChange = this.endpoint<[body: Body], void, { ticket: string }>(
    'POST /tickets/password-change',
    BODY,
  )
}
