import { Manager } from '../manager.js'
import { BODY, CHECKPOINT, PAGE_25, TOTALS } from '../params.js'
import type {
  CheckpointOptions,
  ListBody,
  PageOptions,
  Permission,
  PermissionRef,
  Role,
  TotalsOptions,
  User,
} from '../types.js'

type Paged = PageOptions & TotalsOptions

/** Roles: `/api/v2/roles`. */
export class Roles extends Manager {
  /** Lists roles, optionally filtered by name. */
  list = this.listEndpoint<[], Paged & { nameFilter?: string }, ListBody<'roles', Role>, Role>(
    'GET /roles',
    {
      options: { ...PAGE_25, ...TOTALS, nameFilter: '?name_filter' },
      items: 'roles',
    },
  )
  /** Gets a role. */
  get = this.endpoint<[id: string], void, Role>('GET /roles/{id}')
  /** Creates a role. */
  create = this.endpoint<[body: Partial<Role>], void, Role>('POST /roles', BODY)
  /** Updates a role. */
  update = this.endpoint<[id: string, body: Partial<Role>], void, Role>('PATCH /roles/{id}', BODY)
  /** Deletes a role. */
  delete = this.endpoint<[id: string], void, unknown>('DELETE /roles/{id}')
  /** Lists the users that have a role. */
  listUsers = this.listEndpoint<
    [id: string],
    Paged & CheckpointOptions,
    ListBody<'users', User>,
    User
  >('GET /roles/{id}/users', {
    options: { ...PAGE_25, ...TOTALS, ...CHECKPOINT },
    items: 'users',
  })
  /** Assigns a role to users. */
  addUsers = this.endpoint<[id: string, users: readonly string[]], void, unknown>(
    'POST /roles/{id}/users',
    { args: { users: '.users' } },
  )
  /** Lists the permissions of a role. */
  listPermissions = this.listEndpoint<
    [id: string],
    Paged,
    ListBody<'permissions', Permission>,
    Permission
  >('GET /roles/{id}/permissions', {
    options: { ...PAGE_25, ...TOTALS },
    items: 'permissions',
  })
  /** Adds permissions to a role. */
  addPermissions = this.endpoint<
    [id: string, permissions: readonly PermissionRef[]],
    void,
    unknown
  >('POST /roles/{id}/permissions', { args: { permissions: '.permissions' } })
  /** Removes permissions from a role. */
  removePermissions = this.endpoint<
    [id: string, permissions: readonly PermissionRef[]],
    void,
    unknown
  >('DELETE /roles/{id}/permissions', { args: { permissions: '.permissions' } })
}
