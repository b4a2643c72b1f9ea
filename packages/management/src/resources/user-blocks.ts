import { Manager } from '../manager.js'
import type { Body } from '../types.js'

/** Blocks from brute-force protection: `/api/v2/user-blocks`. */
export class UserBlocks extends Manager {
  /** Gets the blocks of a user. */
  get = this.endpoint<[id: string], void, Body>('GET /user-blocks/{id}')
  /** Gets the blocks of an identifier (username, phone number or email). */
  getByIdentifier = this.endpoint<[identifier: string], void, Body>('GET /user-blocks', {
    args: { identifier: '?identifier' },
  })
  /** Unblocks a user. */
  unblock = this.endpoint<[id: string], void, unknown>('DELETE /user-blocks/{id}')
  /** Unblocks an identifier (username, phone number or email). */
  unblockByIdentifier = this.endpoint<[identifier: string], void, unknown>('DELETE /user-blocks', {
    args: { identifier: '?identifier' },
  })
}
