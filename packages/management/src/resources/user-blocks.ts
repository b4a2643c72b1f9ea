import {
  userBlocksDelete,
  userBlocksDeleteByIdentifier,
  userBlocksList,
  userBlocksListByIdentifier,
} from '../generated/operations/user-blocks.js'
import { Manager } from '../manager.js'

/** Blocks from brute-force protection: `/api/v2/user-blocks`. */
export class UserBlocks extends Manager {
  /** Gets the blocks of a user. */
  get = this.endpoint<typeof userBlocksList, [id: string]>(userBlocksList)
  /** Gets the blocks of an identifier (username, phone number or email). */
  getByIdentifier = this.endpoint<typeof userBlocksListByIdentifier, [identifier: string]>(
    userBlocksListByIdentifier,
    {
      args: [{ query: 'identifier' }],
    },
  )
  /** Unblocks a user. */
  unblock = this.endpoint<typeof userBlocksDelete, [id: string]>(userBlocksDelete)
  /** Unblocks an identifier (username, phone number or email). */
  unblockByIdentifier = this.endpoint<typeof userBlocksDeleteByIdentifier, [identifier: string]>(
    userBlocksDeleteByIdentifier,
    {
      args: [{ query: 'identifier' }],
    },
  )
}
