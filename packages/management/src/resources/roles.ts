import {
  rolesCreate,
  rolesDelete,
  rolesGet,
  rolesList,
  rolesPermissionsAdd,
  rolesPermissionsDelete,
  rolesPermissionsList,
  rolesUpdate,
  rolesUsersAssign,
  rolesUsersList,
} from '../generated/operations/roles.js'
import { Manager, type BodyOf } from '../manager.js'
import { BODY, CHECKPOINT, PAGE_25, TOTALS } from '../params.js'
import type { CheckpointOptions, PagedOptions as Paged, PermissionRef } from '../types.js'

/** Roles: `/api/v2/roles`. */
export class Roles extends Manager {
  /** Lists roles, optionally filtered by name. */
  list = this.totalsListEndpoint<typeof rolesList, [], Paged & { nameFilter?: string }>(rolesList, {
    options: { ...PAGE_25, ...TOTALS, nameFilter: { query: 'name_filter' } },
  })
  /** Gets a role. */
  get = this.endpoint<typeof rolesGet, [id: string]>(rolesGet)
  /** Creates a role. */
  create = this.endpoint<typeof rolesCreate, [body: BodyOf<typeof rolesCreate>]>(rolesCreate, BODY)
  /** Updates a role. */
  update = this.endpoint<typeof rolesUpdate, [id: string, body: BodyOf<typeof rolesUpdate>]>(
    rolesUpdate,
    BODY,
  )
  /** Deletes a role. */
  delete = this.endpoint<typeof rolesDelete, [id: string]>(rolesDelete)
  /** Lists the users that have a role. */
  listUsers = this.totalsListEndpoint<
    typeof rolesUsersList,
    [id: string],
    Paged & CheckpointOptions
  >(rolesUsersList, {
    options: { ...PAGE_25, ...TOTALS, ...CHECKPOINT },
  })
  /** Assigns a role to users. */
  addUsers = this.endpoint<typeof rolesUsersAssign, [id: string, users: readonly string[]]>(
    rolesUsersAssign,
    { args: [{ body: 'users' }] },
  )
  /** Lists the permissions of a role. */
  listPermissions = this.totalsListEndpoint<typeof rolesPermissionsList, [id: string], Paged>(
    rolesPermissionsList,
    {
      options: { ...PAGE_25, ...TOTALS },
    },
  )
  /** Adds permissions to a role. */
  addPermissions = this.endpoint<
    typeof rolesPermissionsAdd,
    [id: string, permissions: readonly PermissionRef[]]
  >(rolesPermissionsAdd, { args: [{ body: 'permissions' }] })
  /** Removes permissions from a role. */
  removePermissions = this.endpoint<
    typeof rolesPermissionsDelete,
    [id: string, permissions: readonly PermissionRef[]]
  >(rolesPermissionsDelete, { args: [{ body: 'permissions' }] })
}
