import { usersListUsersByEmail } from '../generated/operations/users.js'
import { Manager } from '../manager.js'
import { FIELDS } from '../params.js'
import type { FieldsOptions } from '../types.js'

/** Users by email: `/api/v2/users-by-email`. */
export class UsersByEmail extends Manager {
  /** Finds the users with an email address (exact, case-sensitive). */
  searchUsersByEmail = this.endpoint<typeof usersListUsersByEmail, [email: string], FieldsOptions>(
    usersListUsersByEmail,
    { args: [{ query: 'email' }], options: FIELDS },
  )
}
