import {
  selfServiceProfilesCreate,
  selfServiceProfilesCustomTextList,
  selfServiceProfilesCustomTextSet,
  selfServiceProfilesDelete,
  selfServiceProfilesGet,
  selfServiceProfilesList,
  selfServiceProfilesSsoTicketCreate,
  selfServiceProfilesSsoTicketRevoke,
  selfServiceProfilesUpdate,
} from '../generated/operations/self-service-profiles.js'
import { Manager, type BodyOf } from '../manager.js'
import { BODY, PAGE_25, TOTALS } from '../params.js'
import type { PageOptions, TotalsOptions } from '../types.js'

/** Self-service SSO profiles: `/api/v2/self-service-profiles`. */
export class SelfServiceProfiles extends Manager {
  /** Lists self-service profiles. */
  all = this.totalsListEndpoint<typeof selfServiceProfilesList, [], PageOptions & TotalsOptions>(
    selfServiceProfilesList,
    {
      options: { ...PAGE_25, ...TOTALS },
    },
  )
  /** Gets a profile. */
  get = this.endpoint<typeof selfServiceProfilesGet, [profileId: string]>(selfServiceProfilesGet)
  /** Creates a profile. */
  create = this.endpoint<
    typeof selfServiceProfilesCreate,
    [body: BodyOf<typeof selfServiceProfilesCreate>]
  >(selfServiceProfilesCreate, BODY)
  /** Updates a profile. */
  update = this.endpoint<
    typeof selfServiceProfilesUpdate,
    [profileId: string, body: BodyOf<typeof selfServiceProfilesUpdate>]
  >(selfServiceProfilesUpdate, BODY)
  /** Deletes a profile. */
  delete = this.endpoint<typeof selfServiceProfilesDelete, [profileId: string]>(
    selfServiceProfilesDelete,
  )
  /** Gets a profile's custom text for one language and page. */
  getCustomText = this.endpoint<
    typeof selfServiceProfilesCustomTextList,
    [profileId: string, language: string, page: string]
  >(selfServiceProfilesCustomTextList)
  /** Sets a profile's custom text for one language and page. */
  updateCustomText = this.endpoint<
    typeof selfServiceProfilesCustomTextSet,
    [
      profileId: string,
      language: string,
      page: string,
      body: BodyOf<typeof selfServiceProfilesCustomTextSet>,
    ]
  >(selfServiceProfilesCustomTextSet, BODY)
  /** Creates an SSO access ticket. */
  createSsoTicket = this.endpoint<
    typeof selfServiceProfilesSsoTicketCreate,
    [profileId: string, body: BodyOf<typeof selfServiceProfilesSsoTicketCreate>]
  >(selfServiceProfilesSsoTicketCreate, BODY)
  /** Revokes an SSO access ticket. */
  revokeSsoTicket = this.endpoint<
    typeof selfServiceProfilesSsoTicketRevoke,
    [profileId: string, ticketId: string]
  >(selfServiceProfilesSsoTicketRevoke)
}
