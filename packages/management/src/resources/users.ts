import {
  usersAuthenticationMethodsCreate,
  usersAuthenticationMethodsDelete,
  usersAuthenticationMethodsDeleteAll,
  usersAuthenticationMethodsGet,
  usersAuthenticationMethodsList,
  usersAuthenticationMethodsSet,
  usersAuthenticationMethodsUpdate,
  usersAuthenticatorsDeleteAll,
  usersCreate,
  usersDelete,
  usersEnrollmentsGet,
  usersFederatedConnectionsTokensetsDelete,
  usersFederatedConnectionsTokensetsList,
  usersGet,
  usersIdentitiesDelete,
  usersIdentitiesLink,
  usersList,
  usersLogsList,
  usersMultifactorDeleteProvider,
  usersMultifactorInvalidateRememberBrowser,
  usersOrganizationsList,
  usersPermissionsCreate,
  usersPermissionsDelete,
  usersPermissionsList,
  usersRegenerateRecoveryCode,
  usersRolesAssign,
  usersRolesDelete,
  usersRolesList,
  usersUpdate,
} from '../generated/operations/users.js'
import { Manager, type BodyOf } from '../manager.js'
import { BODY, FIELDS, NO_TOTALS, PAGE_25, PAGE_50, TOTALS } from '../params.js'
import type {
  FieldsOptions,
  PagedOptions as Paged,
  PermissionRef,
  UserSearchOptions as UserSearch,
} from '../types.js'

/** Users, their roles, permissions, identities, logs and MFA: `/api/v2/users`. */
export class Users extends Manager {
  /** Lists or searches users. */
  list = this.totalsListEndpoint<typeof usersList, [], Paged & UserSearch & FieldsOptions>(
    usersList,
    {
      options: {
        ...PAGE_25,
        ...TOTALS,
        sort: { query: 'sort' },
        connection: { query: 'connection' },
        q: { query: 'q' },
        searchEngine: { query: 'search_engine' },
        ...FIELDS,
      },
      window: (q) => (q['q'] === undefined ? undefined : 1000),
    },
  )
  /** Gets a user. */
  get = this.endpoint<typeof usersGet, [id: string], FieldsOptions>(usersGet, {
    options: FIELDS,
  })
  /** Creates a user. */
  create = this.endpoint<typeof usersCreate, [body: BodyOf<typeof usersCreate>]>(usersCreate, BODY)
  /** Updates a user. */
  update = this.endpoint<typeof usersUpdate, [id: string, body: BodyOf<typeof usersUpdate>]>(
    usersUpdate,
    BODY,
  )
  /** Deletes a user. */
  delete = this.endpoint<typeof usersDelete, [id: string]>(usersDelete)

  /** Lists the organizations a user belongs to. */
  listOrganizations = this.totalsListEndpoint<typeof usersOrganizationsList, [id: string], Paged>(
    usersOrganizationsList,
    {
      options: { ...PAGE_25, ...TOTALS },
    },
  )
  /** Lists a user's roles. */
  listRoles = this.totalsListEndpoint<typeof usersRolesList, [id: string], Paged>(usersRolesList, {
    options: { ...PAGE_25, ...TOTALS },
  })
  /** Assigns roles to a user. */
  addRoles = this.endpoint<typeof usersRolesAssign, [id: string, roles: readonly string[]]>(
    usersRolesAssign,
    { args: [{ body: 'roles' }] },
  )
  /** Removes roles from a user. */
  removeRoles = this.endpoint<typeof usersRolesDelete, [id: string, roles: readonly string[]]>(
    usersRolesDelete,
    { args: [{ body: 'roles' }] },
  )
  /** Lists a user's permissions. */
  listPermissions = this.totalsListEndpoint<typeof usersPermissionsList, [id: string], Paged>(
    usersPermissionsList,
    {
      options: { ...PAGE_25, ...TOTALS },
    },
  )
  /** Grants permissions to a user. */
  addPermissions = this.endpoint<
    typeof usersPermissionsCreate,
    [id: string, permissions: readonly PermissionRef[]]
  >(usersPermissionsCreate, { args: [{ body: 'permissions' }] })
  /** Removes permissions from a user. */
  removePermissions = this.endpoint<
    typeof usersPermissionsDelete,
    [id: string, permissions: readonly PermissionRef[]]
  >(usersPermissionsDelete, { args: [{ body: 'permissions' }] })

  /** Lists a user's log events. */
  getLogEvents = this.listEndpoint<
    typeof usersLogsList,
    [userId: string],
    Paged & { sort?: string }
  >(usersLogsList, {
    options: { ...PAGE_50, ...NO_TOTALS, sort: { query: 'sort' } },
  })
  /** Links another account to a user. */
  linkUserAccount = this.endpoint<
    typeof usersIdentitiesLink,
    [userId: string, body: BodyOf<typeof usersIdentitiesLink>]
  >(usersIdentitiesLink, BODY)
  /** Unlinks an identity from a user. */
  unlinkUserAccount = this.endpoint<
    typeof usersIdentitiesDelete,
    [id: string, provider: string, userId: string]
  >(usersIdentitiesDelete)

  /** Deletes a user's multifactor provider. */
  deleteMultifactor = this.endpoint<
    typeof usersMultifactorDeleteProvider,
    [id: string, provider: string]
  >(usersMultifactorDeleteProvider)
  /** Deletes all of a user's authenticators. */
  deleteAuthenticators = this.endpoint<typeof usersAuthenticatorsDeleteAll, [id: string]>(
    usersAuthenticatorsDeleteAll,
  )
  /** Generates a new MFA recovery code for a user. */
  regenerateRecoveryCode = this.endpoint<typeof usersRegenerateRecoveryCode, [userId: string]>(
    usersRegenerateRecoveryCode,
  )
  /** Lists a user's Guardian enrollments. */
  getGuardianEnrollments = this.endpoint<typeof usersEnrollmentsGet, [userId: string]>(
    usersEnrollmentsGet,
  )
  /** Forgets every browser a user chose to remember for MFA. */
  invalidateRememberedBrowsers = this.endpoint<
    typeof usersMultifactorInvalidateRememberBrowser,
    [userId: string]
  >(usersMultifactorInvalidateRememberBrowser)

  /** Lists a user's authentication methods. */
  getAuthenticationMethods = this.endpoint<typeof usersAuthenticationMethodsList, [userId: string]>(
    usersAuthenticationMethodsList,
  )
  /** Gets one authentication method of a user. */
  getAuthenticationMethodById = this.endpoint<
    typeof usersAuthenticationMethodsGet,
    [userId: string, authenticationMethodId: string]
  >(usersAuthenticationMethodsGet)
  /** Creates an authentication method for a user. */
  createAuthenticationMethod = this.endpoint<
    typeof usersAuthenticationMethodsCreate,
    [userId: string, body: BodyOf<typeof usersAuthenticationMethodsCreate>]
  >(usersAuthenticationMethodsCreate, BODY)
  /** Replaces all of a user's authentication methods. */
  updateAuthenticationMethods = this.endpoint<
    typeof usersAuthenticationMethodsSet,
    [userId: string, body: BodyOf<typeof usersAuthenticationMethodsSet>]
  >(usersAuthenticationMethodsSet, BODY)
  /** Updates one authentication method of a user. */
  updateAuthenticationMethodById = this.endpoint<
    typeof usersAuthenticationMethodsUpdate,
    [
      userId: string,
      authenticationMethodId: string,
      body: BodyOf<typeof usersAuthenticationMethodsUpdate>,
    ]
  >(usersAuthenticationMethodsUpdate, BODY)
  /** Deletes all of a user's authentication methods. */
  deleteAuthenticationMethods = this.endpoint<
    typeof usersAuthenticationMethodsDeleteAll,
    [userId: string]
  >(usersAuthenticationMethodsDeleteAll)
  /** Deletes one authentication method of a user. */
  deleteAuthenticationMethodById = this.endpoint<
    typeof usersAuthenticationMethodsDelete,
    [userId: string, authenticationMethodId: string]
  >(usersAuthenticationMethodsDelete)

  /** Lists a user's federated connection token sets. */
  listTokensets = this.totalsListEndpoint<
    typeof usersFederatedConnectionsTokensetsList,
    [id: string],
    Paged
  >(usersFederatedConnectionsTokensetsList, {
    // the definition declares no parameters and a bare array; auth0-python sends its paging all the same
    request: 'query',
    options: { ...PAGE_25, ...TOTALS },
    items: 'tokensets',
  })
  /** Deletes one of a user's federated connection token sets. */
  deleteTokensetById = this.endpoint<
    typeof usersFederatedConnectionsTokensetsDelete,
    [userId: string, tokensetId: string]
  >(usersFederatedConnectionsTokensetsDelete)
}
