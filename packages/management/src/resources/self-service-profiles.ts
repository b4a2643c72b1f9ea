import { Manager } from '../manager.js'
import { BODY, PAGE_25, TOTALS } from '../params.js'
import type { Body, ListBody, PageOptions, TotalsOptions } from '../types.js'

/** Self-service SSO profiles: `/api/v2/self-service-profiles`. */
export class SelfServiceProfiles extends Manager {
  /** Lists self-service profiles. */
  all = this.listEndpoint<
    [],
    PageOptions & TotalsOptions,
    ListBody<'self_service_profiles', Body>,
    Body
  >('GET /self-service-profiles', {
    options: { ...PAGE_25, ...TOTALS },
    items: 'self_service_profiles',
  })
  /** Gets a profile. */
  get = this.endpoint<[profileId: string], void, Body>('GET /self-service-profiles/{profileId}')
  /** Creates a profile. */
  create = this.endpoint<[body: Body], void, Body>('POST /self-service-profiles', BODY)
  /** Updates a profile. */
  update = this.endpoint<[profileId: string, body: Body], void, Body>(
    'PATCH /self-service-profiles/{profileId}',
    BODY,
  )
  /** Deletes a profile. */
  delete = this.endpoint<[profileId: string], void, unknown>(
    'DELETE /self-service-profiles/{profileId}',
  )
  /** Gets a profile's custom text for one language and page. */
  getCustomText = this.endpoint<[profileId: string, language: string, page: string], void, Body>(
    'GET /self-service-profiles/{profileId}/custom-text/{language}/{page}',
  )
  /** Sets a profile's custom text for one language and page. */
  updateCustomText = this.endpoint<
    [profileId: string, language: string, page: string, body: Body],
    void,
    Body
  >('PUT /self-service-profiles/{profileId}/custom-text/{language}/{page}', BODY)
  /** Creates an SSO access ticket. */
  createSsoTicket = this.endpoint<[profileId: string, body: Body], void, Body>(
    'POST /self-service-profiles/{profileId}/sso-ticket',
    BODY,
  )
  /** Revokes an SSO access ticket. */
  revokeSsoTicket = this.endpoint<[profileId: string, ticketId: string], void, unknown>(
    'POST /self-service-profiles/{profileId}/sso-ticket/{ticketId}/revoke',
  )
}
