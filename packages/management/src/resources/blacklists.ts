import { Manager } from '../manager.js'
import type { Body } from '../types.js'

/** Blacklisted token ids: `/api/v2/blacklists/tokens`. */
export class Blacklists extends Manager {
  /** Lists the blacklisted token ids, for one audience if given. */
  get = this.endpoint<[], { aud?: string }, Body[]>('GET /blacklists/tokens', {
    options: { aud: '?aud' },
  })
  /** Blacklists a token id (`jti`). */
  create = this.endpoint<[jti: string], { aud?: string }, unknown>('POST /blacklists/tokens', {
    args: { jti: '.jti' },
    options: { aud: '.aud' },
  })
}
