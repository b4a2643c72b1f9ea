import { Manager } from '../manager.js'
import { FIELDS } from '../params.js'
import type { FieldsOptions, User } from '../types.js'

/** Users by email: `/api/v2/users-by-email`. */
export class UsersByEmail extends Manager {
  /** Finds the users with an email address (exact, case-sensitive). */
  searchUsersByEmail = this.endpoint<[email: string], FieldsOptions, User[]>(
    'GET /users-by-email',
    { args: { email: '?email' }, options: FIELDS },
  )
}
