import { describe, expectTypeOf, it } from 'vitest'
import type {
  Auth0,
  Connection,
  Job,
  ListBody,
  ListPromise,
  RequestOptions,
  Role,
  User,
  Users,
} from './index.js'

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
    expectTypeOf(auth0.users.get).returns.toEqualTypeOf<Promise<User>>()
    expectTypeOf(auth0.connections.update).parameters.toEqualTypeOf<
      [id: string, body: Partial<Connection>, requestOptions?: RequestOptions]
    >()
    expectTypeOf(auth0.connections.update).returns.resolves.toEqualTypeOf<Connection>()
  })

  it('list methods return a ListPromise of the page and the items', () => {
    expectTypeOf(auth0.users.list()).toEqualTypeOf<ListPromise<ListBody<'users', User>, User>>()
    expectTypeOf(auth0.roles.list)
      .parameter(0)
      .toMatchTypeOf<
        | { page?: number; perPage?: number; includeTotals?: boolean; nameFilter?: string }
        | undefined
      >()
    expectTypeOf<Awaited<ReturnType<Users['listRoles']>>>().toEqualTypeOf<ListBody<'roles', Role>>()
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
