import {
  brandingGet,
  brandingTemplatesDeleteUniversalLogin,
  brandingTemplatesGetUniversalLogin,
  brandingTemplatesUpdateUniversalLogin,
  brandingThemesCreate,
  brandingThemesDelete,
  brandingThemesGet,
  brandingThemesGetDefault,
  brandingThemesUpdate,
  brandingUpdate,
} from '../generated/operations/branding.js'
import { Manager, type BodyOf } from '../manager.js'
import { BODY } from '../params.js'
import type { Body } from '../types.js'

/** Branding, themes and the Universal Login template: `/api/v2/branding`. */
export class Branding extends Manager {
  /** Gets the branding settings. */
  get = this.endpoint<typeof brandingGet, []>(brandingGet)
  /** Updates the branding settings. */
  update = this.endpoint<typeof brandingUpdate, [body: BodyOf<typeof brandingUpdate>]>(
    brandingUpdate,
    BODY,
  )
  /** Gets the Universal Login template. */
  getTemplateUniversalLogin = this.endpoint<typeof brandingTemplatesGetUniversalLogin, []>(
    brandingTemplatesGetUniversalLogin,
  )
  /** Deletes the Universal Login template. */
  deleteTemplateUniversalLogin = this.endpoint<typeof brandingTemplatesDeleteUniversalLogin, []>(
    brandingTemplatesDeleteUniversalLogin,
  )
  /** Sets the Universal Login template (sent as `{ template: body }`, as auth0-python sends it). */
  updateTemplateUniversalLogin = this.endpoint<
    typeof brandingTemplatesUpdateUniversalLogin,
    [body: Body | string]
  >(brandingTemplatesUpdateUniversalLogin, { args: [{ body: 'template' }] })
  /** Gets the default theme. */
  getDefaultBrandingTheme = this.endpoint<typeof brandingThemesGetDefault, []>(
    brandingThemesGetDefault,
  )
  /** Gets a theme. */
  getBrandingTheme = this.endpoint<typeof brandingThemesGet, [themeId: string]>(brandingThemesGet)
  /** Deletes a theme. */
  deleteBrandingTheme = this.endpoint<typeof brandingThemesDelete, [themeId: string]>(
    brandingThemesDelete,
  )
  /** Updates a theme. */
  updateBrandingTheme = this.endpoint<
    typeof brandingThemesUpdate,
    [themeId: string, body: BodyOf<typeof brandingThemesUpdate>]
  >(brandingThemesUpdate, BODY)
  /** Creates a theme. */
  createBrandingTheme = this.endpoint<
    typeof brandingThemesCreate,
    [body: BodyOf<typeof brandingThemesCreate>]
  >(brandingThemesCreate, BODY)
}
