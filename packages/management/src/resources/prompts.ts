import { Manager } from '../manager.js'
import { BODY } from '../params.js'
import type { Body } from '../types.js'

/** Prompt settings and custom text: `/api/v2/prompts`. */
export class Prompts extends Manager {
  /** Gets the prompt settings. */
  get = this.endpoint<[], void, Body>('GET /prompts')
  /** Updates the prompt settings. */
  update = this.endpoint<[body: Body], void, Body>('PATCH /prompts', BODY)
  /** Gets the custom text of a prompt, in one language. */
  getCustomText = this.endpoint<[prompt: string, language: string], void, Body>(
    'GET /prompts/{prompt}/custom-text/{language}',
  )
  /** Sets the custom text of a prompt, in one language. */
  updateCustomText = this.endpoint<[prompt: string, language: string, body: Body], void, Body>(
    'PUT /prompts/{prompt}/custom-text/{language}',
    BODY,
  )
}
