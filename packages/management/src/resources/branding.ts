import { Manager } from '../manager.js'
import { BODY } from '../params.js'
import type { Body } from '../types.js'

/** Branding, themes and the Universal Login template: `/api/v2/branding`. */
export class Branding extends Manager {
  /** Gets the branding settings. */
  get = this.endpoint<[], void, Body>('GET /branding')
  /** Updates the branding settings. */
  update = this.endpoint<[body: Body], void, Body>('PATCH /branding', BODY)
  /** Gets the Universal Login template. */
  getTemplateUniversalLogin = this.endpoint<[], void, Body>(
    'GET /branding/templates/universal-login',
  )
  /** Deletes the Universal Login template. */
  deleteTemplateUniversalLogin = this.endpoint<[], void, unknown>(
    'DELETE /branding/templates/universal-login',
  )
  /** Sets the Universal Login template (sent as `{ template: body }`). */
  updateTemplateUniversalLogin = this.endpoint<[body: Body | string], void, unknown>(
    'PUT /branding/templates/universal-login',
    { args: { body: '.template' } },
  )
  /** Gets the default theme. */
  getDefaultBrandingTheme = this.endpoint<[], void, Body>('GET /branding/themes/default')
  /** Gets a theme. */
  getBrandingTheme = this.endpoint<[themeId: string], void, Body>('GET /branding/themes/{themeId}')
  /** Deletes a theme. */
  deleteBrandingTheme = this.endpoint<[themeId: string], void, unknown>(
    'DELETE /branding/themes/{themeId}',
  )
  /** Updates a theme. */
  updateBrandingTheme = this.endpoint<[themeId: string, body: Body], void, Body>(
    'PATCH /branding/themes/{themeId}',
    BODY,
  )
  /** Creates a theme. */
  createBrandingTheme = this.endpoint<[body: Body], void, Body>('POST /branding/themes', BODY)
}
