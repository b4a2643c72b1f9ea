import { Manager } from '../manager.js'
import { BODY, FIELDS, NO_TOTALS, PAGE_25, PAGE_50, TOTALS } from '../params.js'
import type {
  Body,
  FieldsOptions,
  ListBody,
  Log,
  Organization,
  PageOptions,
  Permission,
  PermissionRef,
  Role,
  TotalsOptions,
  User,
} from '../types.js'

type Paged = PageOptions & TotalsOptions
type UserSearch = {
  sort?: string
  connection?: string
  /** A Lucene query; iteration then stops at the search's 1000-result window. */
  q?: string
  searchEngine?: string
}

/** Users, their roles, permissions, identities, logs and MFA: `/api/v2/users`. */
export class Users extends Manager {
  /** Lists or searches users. */
  list = this.listEndpoint<[], Paged & UserSearch & FieldsOptions, ListBody<'users', User>, User>(
    'GET /users',
    {
      options: {
        ...PAGE_25,
        ...TOTALS,
        sort: '?sort',
        connection: '?connection',
        q: '?q',
        searchEngine: '?search_engine',
        ...FIELDS,
      },
      items: 'users',
      window: (q) => (q['q'] === undefined ? undefined : 1000),
    },
  )
  /** Gets a user. */
  get = this.endpoint<[id: string], FieldsOptions, User>('GET /users/{id}', { options: FIELDS })
  /** Creates a user. */
  create = this.endpoint<[body: Partial<User>], void, User>('POST /users', BODY)
  /** Updates a user. */
  update = this.endpoint<[id: string, body: Partial<User>], void, User>('PATCH /users/{id}', BODY)
  /** Deletes a user. */
  delete = this.endpoint<[id: string], void, unknown>('DELETE /users/{id}')

  /** Lists the organizations a user belongs to. */
  listOrganizations = this.listEndpoint<
    [id: string],
    Paged,
    ListBody<'organizations', Organization>,
    Organization
  >('GET /users/{id}/organizations', {
    options: { ...PAGE_25, ...TOTALS },
    items: 'organizations',
  })
  /** Lists a user's roles. */
  listRoles = this.listEndpoint<[id: string], Paged, ListBody<'roles', Role>, Role>(
    'GET /users/{id}/roles',
    { options: { ...PAGE_25, ...TOTALS }, items: 'roles' },
  )
  /** Assigns roles to a user. */
  addRoles = this.endpoint<[id: string, roles: readonly string[]], void, unknown>(
    'POST /users/{id}/roles',
    { args: { roles: '.roles' } },
  )
  /** Removes roles from a user. */
  removeRoles = this.endpoint<[id: string, roles: readonly string[]], void, unknown>(
    'DELETE /users/{id}/roles',
    { args: { roles: '.roles' } },
  )
  /** Lists a user's permissions. */
  listPermissions = this.listEndpoint<
    [id: string],
    Paged,
    ListBody<'permissions', Permission>,
    Permission
  >('GET /users/{id}/permissions', {
    options: { ...PAGE_25, ...TOTALS },
    items: 'permissions',
  })
  /** Grants permissions to a user. */
  addPermissions = this.endpoint<
    [id: string, permissions: readonly PermissionRef[]],
    void,
    unknown
  >('POST /users/{id}/permissions', { args: { permissions: '.permissions' } })
  /** Removes permissions from a user. */
  removePermissions = this.endpoint<
    [id: string, permissions: readonly PermissionRef[]],
    void,
    unknown
  >('DELETE /users/{id}/permissions', { args: { permissions: '.permissions' } })

  /** Lists a user's log events. */
  getLogEvents = this.listEndpoint<
    [userId: string],
    Paged & { sort?: string },
    ListBody<'logs', Log>,
    Log
  >('GET /users/{userId}/logs', {
    options: { ...PAGE_50, ...NO_TOTALS, sort: '?sort' },
    items: 'logs',
  })
  /** Links another account to a user. */
  linkUserAccount = this.endpoint<[userId: string, body: Body], void, Body[]>(
    'POST /users/{userId}/identities',
    BODY,
  )
  /** Unlinks an identity from a user. */
  unlinkUserAccount = this.endpoint<[id: string, provider: string, userId: string], void, Body[]>(
    'DELETE /users/{id}/identities/{provider}/{userId}',
  )

  /** Deletes a user's multifactor provider. */
  deleteMultifactor = this.endpoint<[id: string, provider: string], void, unknown>(
    'DELETE /users/{id}/multifactor/{provider}',
  )
  /** Deletes all of a user's authenticators. */
  deleteAuthenticators = this.endpoint<[id: string], void, unknown>(
    'DELETE /users/{id}/authenticators',
  )
  /** Generates a new MFA recovery code for a user. */
  regenerateRecoveryCode = this.endpoint<[userId: string], void, { recovery_code: string }>(
    'POST /users/{userId}/recovery-code-regeneration',
  )
  /** Lists a user's Guardian enrollments. */
  getGuardianEnrollments = this.endpoint<[userId: string], void, Body[]>(
    'GET /users/{userId}/enrollments',
  )
  /** Forgets every browser a user chose to remember for MFA. */
  invalidateRememberedBrowsers = this.endpoint<[userId: string], void, unknown>(
    'POST /users/{userId}/multifactor/actions/invalidate-remember-browser',
  )

  /** Lists a user's authentication methods. */
  getAuthenticationMethods = this.endpoint<[userId: string], void, Body[]>(
    'GET /users/{userId}/authentication-methods',
  )
  /** Gets one authentication method of a user. */
  getAuthenticationMethodById = this.endpoint<
    [userId: string, authenticationMethodId: string],
    void,
    Body
  >('GET /users/{userId}/authentication-methods/{authenticationMethodId}')
  /** Creates an authentication method for a user. */
  createAuthenticationMethod = this.endpoint<[userId: string, body: Body], void, Body>(
    'POST /users/{userId}/authentication-methods',
    BODY,
  )
  /** Replaces all of a user's authentication methods. */
  updateAuthenticationMethods = this.endpoint<[userId: string, body: Body], void, Body[]>(
    'PUT /users/{userId}/authentication-methods',
    BODY,
  )
  /** Updates one authentication method of a user. */
  updateAuthenticationMethodById = this.endpoint<
    [userId: string, authenticationMethodId: string, body: Body],
    void,
    Body
  >('PATCH /users/{userId}/authentication-methods/{authenticationMethodId}', BODY)
  /** Deletes all of a user's authentication methods. */
  deleteAuthenticationMethods = this.endpoint<[userId: string], void, unknown>(
    'DELETE /users/{userId}/authentication-methods',
  )
  /** Deletes one authentication method of a user. */
  deleteAuthenticationMethodById = this.endpoint<
    [userId: string, authenticationMethodId: string],
    void,
    unknown
  >('DELETE /users/{userId}/authentication-methods/{authenticationMethodId}')

  /** Lists a user's federated connection token sets. */
  listTokensets = this.listEndpoint<[id: string], Paged, ListBody<'tokensets', Body>, Body>(
    'GET /users/{id}/federated-connections-tokensets',
    {
      options: { ...PAGE_25, ...TOTALS },
      items: 'tokensets',
    },
  )
  /** Deletes one of a user's federated connection token sets. */
  deleteTokensetById = this.endpoint<[userId: string, tokensetId: string], void, unknown>(
    'DELETE /users/{userId}/federated-connections-tokensets/{tokensetId}',
  )
}
