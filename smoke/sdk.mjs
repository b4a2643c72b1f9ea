// The packages under test, imported by name through their `exports` maps as a user would import them, for the ESM
// entries (node.mjs, the bun and deno tests, worker.mjs, browser.mjs). node.cjs builds the same object with require().
import * as authentication from '@auth0-ts/authentication'
import * as core from '@auth0-ts/core'
import * as management from '@auth0-ts/management'
import * as tokenVerifier from '@auth0-ts/token-verifier'

export const sdk = { core, authentication, management, tokenVerifier }
