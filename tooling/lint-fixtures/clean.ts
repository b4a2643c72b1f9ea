// Lint fixture: what a package above core may import. check.mjs expects no message at all for it, in every layer
// that may depend on core.
import { OptionsError } from '@auth0-ts/core'
import { checkOptions } from '@auth0-ts/core/internal'

export const layerIsClean = [OptionsError, checkOptions]
