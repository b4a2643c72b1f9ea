import { describe, expectTypeOf, it } from 'vitest'
import type * as T from './generated/types.js'
import type { Auth0, Job, ListPromise, RequestOptions, User } from './index.js'

declare const auth0: Auth0

describe('method signatures', () => {
  it('positional required parameters, then an options object, then RequestOptions', () => {
    expectTypeOf(auth0.users.get).parameters.toEqualTypeOf<
      [
        id: string,
        options?: { fields?: readonly string[]; includeFields?: boolean },
        requestOptions?: RequestOptions,
      ]
    >()
    expectTypeOf(auth0.connections.update).parameters.toEqualTypeOf<
      [
        id: string,
        body: T.UpdateConnectionRequestContent & { [key: string]: unknown },
        requestOptions?: RequestOptions,
      ]
    >()
  })

  it('results are the definition’s types', () => {
    expectTypeOf(auth0.users.get).returns.toEqualTypeOf<Promise<User>>()
    expectTypeOf<User>().toEqualTypeOf<T.UserResponseSchema>()
    expectTypeOf(
      auth0.connections.update,
    ).returns.resolves.toEqualTypeOf<T.GetConnectionResponseContent>()
    expectTypeOf(auth0.roles.get).returns.resolves.toEqualTypeOf<T.GetRoleResponseContent>()
    expectTypeOf(auth0.stats.activeUsers).returns.resolves.toEqualTypeOf<number>()
  })

  it('a method the API answers with 204 resolves to void', () => {
    expectTypeOf(auth0.users.delete).returns.toEqualTypeOf<Promise<void>>()
    expectTypeOf(auth0.users.addRoles).returns.toEqualTypeOf<Promise<void>>()
    expectTypeOf(auth0.connections.deleteUserByEmail).returns.toEqualTypeOf<Promise<void>>()
  })

  it('the body keeps the definition’s keys typed and stays open to others, as auth0-python’s dict is', () => {
    void auth0.connections.update('con_1', { name: 'MyNewName', display_name: 'x' })
    // @ts-expect-error display_name is a string in the definition
    void auth0.connections.update('con_1', { display_name: 1 })
    expectTypeOf(auth0.users.addRoles).parameter(1).toEqualTypeOf<readonly string[]>()
    expectTypeOf(auth0.hooks.deleteSecrets).parameter(1).toEqualTypeOf<readonly string[]>()
    void auth0.branding.updateTemplateUniversalLogin('<html>{%- auth0:widget -%}</html>')
  })

  it('list methods return a ListPromise of the page and the items', () => {
    expectTypeOf(auth0.users.list()).toEqualTypeOf<
      ListPromise<T.ListUsersOffsetPaginatedResponseContent, User>
    >()
    expectTypeOf(auth0.roles.list)
      .parameter(0)
      .toMatchTypeOf<
        | { page?: number; perPage?: number; includeTotals?: boolean; nameFilter?: string }
        | undefined
      >()
    expectTypeOf(auth0.users.listRoles('u1')).toEqualTypeOf<
      ListPromise<T.ListRolesOffsetPaginatedResponseContent, T.Role>
    >()
  })

  it('options keys are typed, and required ones are required', () => {
    // @ts-expect-error not an option of users.list
    void auth0.users.list({ perpage: 5 })
    // @ts-expect-error name is required
    void auth0.organizations.getOrganizationByName()
    expectTypeOf(auth0.organizations.getOrganizationByName)
      .parameter(0)
      .toEqualTypeOf<{ name: string }>()
  })

  it('jobs.importUsers takes a Blob, bytes or a string', () => {
    expectTypeOf(auth0.jobs.importUsers).parameter(1).toEqualTypeOf<Blob | Uint8Array | string>()
    expectTypeOf(auth0.jobs.waitFor).returns.resolves.toEqualTypeOf<Job>()
  })
})
