import { Manager } from '../manager.js'
import type { Operation } from '../operation.js'
import type { Body } from '../types.js'

// Declared by hand, in the generated descriptors' shape: Auth0's Management API definition no longer has the token
// blacklist (`/blacklists/tokens`), yet auth0-python 4.13 calls it, so these two methods have no generated operation.
const blacklistsTokensList = {
  method: 'GET',
  path: '/blacklists/tokens',
  request: 'query',
} as Operation<[], { aud?: string }, Body[]>
const blacklistsTokensCreate = {
  method: 'POST',
  path: '/blacklists/tokens',
  request: 'json',
  response: 'none',
} as Operation<[], { jti: string; aud?: string }, void>

/** Blacklisted token ids: `/api/v2/blacklists/tokens`. */
export class Blacklists extends Manager {
  /** Lists the blacklisted token ids, for one audience if given. */
  get = this.endpoint<typeof blacklistsTokensList, [], { aud?: string }>(blacklistsTokensList, {
    options: { aud: { query: 'aud' } },
  })
  /** Blacklists a token id (`jti`). */
  create = this.endpoint<typeof blacklistsTokensCreate, [jti: string], { aud?: string }>(
    blacklistsTokensCreate,
    { args: [{ body: 'jti' }], options: { aud: { body: 'aud' } } },
  )
}
