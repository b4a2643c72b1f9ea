import {
  guardianEnrollmentsCreateTicket,
  guardianEnrollmentsDelete,
  guardianEnrollmentsGet,
  guardianFactorsList,
  guardianFactorsSet,
  guardianFactorsSmsGetTemplates,
  guardianFactorsSmsSetTemplates,
} from '../generated/operations/guardian.js'
import { Manager, type BodyOf } from '../manager.js'
import type { Operation } from '../operation.js'
import { BODY } from '../params.js'
import type { Body } from '../types.js'

// Declared by hand, in the generated descriptors' shape: auth0-python reaches any factor's provider through one
// templated path, while Auth0's definition has one operation per concrete provider
// (`/guardian/factors/sms/providers/twilio`, `/guardian/factors/push-notification/providers/sns`, ...).
const guardianFactorProvidersGet = {
  method: 'GET',
  path: '/guardian/factors/{factorName}/providers/{name}',
} as Operation<[factorName: string, name: string], void, Body>
const guardianFactorProvidersSet = {
  method: 'PUT',
  path: '/guardian/factors/{factorName}/providers/{name}',
  request: 'json',
} as Operation<[factorName: string, name: string], Body, Body>

/** Guardian MFA factors, enrollments and templates: `/api/v2/guardian`. */
export class Guardian extends Manager {
  /** Lists the MFA factors. */
  allFactors = this.endpoint<typeof guardianFactorsList, []>(guardianFactorsList)
  /** Enables or disables a factor. */
  updateFactor = this.endpoint<
    typeof guardianFactorsSet,
    [name: string, body: BodyOf<typeof guardianFactorsSet>]
  >(guardianFactorsSet, BODY)
  /** Gets the SMS enrollment and verification templates. */
  getTemplates = this.endpoint<typeof guardianFactorsSmsGetTemplates, []>(
    guardianFactorsSmsGetTemplates,
  )
  /** Updates the SMS enrollment and verification templates. */
  updateTemplates = this.endpoint<
    typeof guardianFactorsSmsSetTemplates,
    [body: BodyOf<typeof guardianFactorsSmsSetTemplates>]
  >(guardianFactorsSmsSetTemplates, BODY)
  /** Gets an enrollment. */
  getEnrollment = this.endpoint<typeof guardianEnrollmentsGet, [id: string]>(guardianEnrollmentsGet)
  /** Deletes an enrollment. */
  deleteEnrollment = this.endpoint<typeof guardianEnrollmentsDelete, [id: string]>(
    guardianEnrollmentsDelete,
  )
  /** Creates an enrollment ticket. */
  createEnrollmentTicket = this.endpoint<
    typeof guardianEnrollmentsCreateTicket,
    [body: BodyOf<typeof guardianEnrollmentsCreateTicket>]
  >(guardianEnrollmentsCreateTicket, BODY)
  /** Gets a factor provider's configuration. */
  getFactorProviders = this.endpoint<
    typeof guardianFactorProvidersGet,
    [factorName: string, name: string]
  >(guardianFactorProvidersGet)
  /** Updates a factor provider's configuration. */
  updateFactorProviders = this.endpoint<
    typeof guardianFactorProvidersSet,
    [factorName: string, name: string, body: Body]
  >(guardianFactorProvidersSet, BODY)
}
