import { ticketsChangePassword, ticketsVerifyEmail } from '../generated/operations/tickets.js'
import { Manager, type BodyOf } from '../manager.js'
import { BODY } from '../params.js'

/** Email verification and password change tickets: `/api/v2/tickets`. */
export class Tickets extends Manager {
  /** Creates an email verification ticket. */
  createEmailVerification = this.endpoint<
    typeof ticketsVerifyEmail,
    [body: BodyOf<typeof ticketsVerifyEmail>]
  >(ticketsVerifyEmail, BODY)
  /** Creates a password change ticket. */
  createPswdChange = this.endpoint<
    typeof ticketsChangePassword,
    [body: BodyOf<typeof ticketsChangePassword>]
  >(ticketsChangePassword, BODY)
}
