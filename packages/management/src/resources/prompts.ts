import {
  promptsCustomTextGet,
  promptsCustomTextSet,
  promptsGetSettings,
  promptsUpdateSettings,
} from '../generated/operations/prompts.js'
import { Manager, type BodyOf } from '../manager.js'
import { BODY } from '../params.js'

/** Prompt settings and custom text: `/api/v2/prompts`. */
export class Prompts extends Manager {
  /** Gets the prompt settings. */
  get = this.endpoint<typeof promptsGetSettings, []>(promptsGetSettings)
  /** Updates the prompt settings. */
  update = this.endpoint<
    typeof promptsUpdateSettings,
    [body: BodyOf<typeof promptsUpdateSettings>]
  >(promptsUpdateSettings, BODY)
  /** Gets the custom text of a prompt, in one language. */
  getCustomText = this.endpoint<typeof promptsCustomTextGet, [prompt: string, language: string]>(
    promptsCustomTextGet,
  )
  /** Sets the custom text of a prompt, in one language. */
  updateCustomText = this.endpoint<
    typeof promptsCustomTextSet,
    [prompt: string, language: string, body: BodyOf<typeof promptsCustomTextSet>]
  >(promptsCustomTextSet, BODY)
}
