import {
  customDomainsCreate,
  customDomainsDelete,
  customDomainsGet,
  customDomainsList,
  customDomainsVerify,
} from '../generated/operations/custom-domains.js'
import { Manager, type BodyOf } from '../manager.js'
import { BODY } from '../params.js'

/** Custom domains: `/api/v2/custom-domains`. */
export class CustomDomains extends Manager {
  /** Lists custom domains. */
  all = this.endpoint<typeof customDomainsList, []>(customDomainsList)
  /** Gets a custom domain. */
  get = this.endpoint<typeof customDomainsGet, [id: string]>(customDomainsGet)
  /** Creates a custom domain. */
  createNew = this.endpoint<typeof customDomainsCreate, [body: BodyOf<typeof customDomainsCreate>]>(
    customDomainsCreate,
    BODY,
  )
  /** Deletes a custom domain. */
  delete = this.endpoint<typeof customDomainsDelete, [id: string]>(customDomainsDelete)
  /** Starts the verification of a custom domain. */
  verify = this.endpoint<typeof customDomainsVerify, [id: string]>(customDomainsVerify)
}
