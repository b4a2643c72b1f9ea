import { Manager } from '../manager.js'
import { BODY } from '../params.js'
import type { Body } from '../types.js'

/** Guardian MFA factors, enrollments and templates: `/api/v2/guardian`. */
export class Guardian extends Manager {
  /** Lists the MFA factors. */
  allFactors = this.endpoint<[], void, Body[]>('GET /guardian/factors')
  /** Enables or disables a factor. */
  updateFactor = this.endpoint<[name: string, body: Body], void, Body>(
    'PUT /guardian/factors/{name}',
    BODY,
  )
  /** Gets the SMS enrollment and verification templates. */
  getTemplates = this.endpoint<[], void, Body>('GET /guardian/factors/sms/templates')
  /** Updates the SMS enrollment and verification templates. */
  updateTemplates = this.endpoint<[body: Body], void, Body>(
    'PUT /guardian/factors/sms/templates',
    BODY,
  )
  /** Gets an enrollment. */
  getEnrollment = this.endpoint<[id: string], void, Body>('GET /guardian/enrollments/{id}')
  /** Deletes an enrollment. */
  deleteEnrollment = this.endpoint<[id: string], void, unknown>('DELETE /guardian/enrollments/{id}')
  /** Creates an enrollment ticket. */
  createEnrollmentTicket = this.endpoint<[body: Body], void, Body>(
    'POST /guardian/enrollments/ticket',
    BODY,
  )
  /** Gets a factor provider's configuration. */
  getFactorProviders = this.endpoint<[factorName: string, name: string], void, Body>(
    'GET /guardian/factors/{factorName}/providers/{name}',
  )
  /** Updates a factor provider's configuration. */
  updateFactorProviders = this.endpoint<[factorName: string, name: string, body: Body], void, Body>(
    'PUT /guardian/factors/{factorName}/providers/{name}',
    BODY,
  )
}
