import { Manager } from '../manager.js'
import { BODY, FIELDS } from '../params.js'
import type { Body, FieldsOptions } from '../types.js'

/** Tenant settings: `/api/v2/tenants/settings`. */
export class Tenants extends Manager {
  /** Gets the tenant settings. */
  get = this.endpoint<[], FieldsOptions, Body>('GET /tenants/settings', { options: FIELDS })
  /** Updates the tenant settings. */
  update = this.endpoint<[body: Body], void, Body>('PATCH /tenants/settings', BODY)
}
