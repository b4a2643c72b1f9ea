import { Manager } from '../manager.js'
import { BODY } from '../params.js'
import type { Body } from '../types.js'

/** Custom domains: `/api/v2/custom-domains`. */
export class CustomDomains extends Manager {
  /** Lists custom domains. */
  all = this.endpoint<[], void, Body[]>('GET /custom-domains')
  /** Gets a custom domain. */
  get = this.endpoint<[id: string], void, Body>('GET /custom-domains/{id}')
  /** Creates a custom domain. */
  createNew = this.endpoint<[body: Body], void, Body>('POST /custom-domains', BODY)
  /** Deletes a custom domain. */
  delete = this.endpoint<[id: string], void, unknown>('DELETE /custom-domains/{id}')
  /** Starts the verification of a custom domain. */
  verify = this.endpoint<[id: string], void, Body>('POST /custom-domains/{id}/verify')
}
