import { tenantsSettingsGet, tenantsSettingsUpdate } from '../generated/operations/tenants.js'
import { Manager, type BodyOf } from '../manager.js'
import { BODY, FIELDS } from '../params.js'
import type { FieldsOptions } from '../types.js'

/** Tenant settings: `/api/v2/tenants/settings`. */
export class Tenants extends Manager {
  /** Gets the tenant settings. */
  get = this.endpoint<typeof tenantsSettingsGet, [], FieldsOptions>(tenantsSettingsGet, {
    options: FIELDS,
  })
  /** Updates the tenant settings. */
  update = this.endpoint<
    typeof tenantsSettingsUpdate,
    [body: BodyOf<typeof tenantsSettingsUpdate>]
  >(tenantsSettingsUpdate, BODY)
}
