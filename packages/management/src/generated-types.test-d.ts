import { describe, expectTypeOf, it } from 'vitest'
import type { actions, guardian, jobs, organizations } from './generated/index.js'
import { users } from './generated/index.js'
import type * as T from './generated/types.js'
import type { ArgsOf, ItemOf, OperationSpec, RequestOf, ResponseOf, Upload } from './operation.js'

/** What a client method built on an operation would accept as its request object. */
declare function send<O>(op: O, request: RequestOf<O>): Promise<ResponseOf<O>>

describe('generated operation descriptors', () => {
  it('are plain OperationSpec data', () => {
    expectTypeOf(users.get).toMatchTypeOf<OperationSpec>()
    expectTypeOf(users.roles.list.method).toEqualTypeOf<OperationSpec['method']>()
  })

  it('type the path parameters as a labelled tuple in path order', () => {
    expectTypeOf<ArgsOf<typeof users.get>>().toEqualTypeOf<[id: string]>()
    expectTypeOf<ArgsOf<typeof organizations.members.roles.delete>>().toEqualTypeOf<
      [id: string, user_id: string]
    >()
    // The definition lists deploy's parameters as (id, actionId); the path has actionId first.
    expectTypeOf<ArgsOf<typeof actions.versions.deploy>>().toEqualTypeOf<
      [actionId: string, id: string]
    >()
    expectTypeOf<ArgsOf<typeof actions.triggers.bindings.list>>().toEqualTypeOf<
      [triggerId: T.ActionTriggerTypeEnum]
    >()
  })

  it('give a response field the type the definition gives it', () => {
    type User = ResponseOf<typeof users.get>
    expectTypeOf<User['email']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<User['logins_count']>().toEqualTypeOf<number | undefined>()
    expectTypeOf<User['user_metadata']>().toEqualTypeOf<Record<string, unknown> | undefined>()
    expectTypeOf<User['app_metadata']>().toEqualTypeOf<Record<string, unknown> | undefined>()
    // additionalProperties: true stays open.
    expectTypeOf<User['anything']>().toEqualTypeOf<unknown>()
  })

  it('type a list as both include_totals shapes, and its items', () => {
    type Page = ResponseOf<typeof users.list>
    expectTypeOf<Page>().toEqualTypeOf<T.ListUsersResponseContent>()
    expectTypeOf<T.UserResponseSchema[]>().toMatchTypeOf<Page>()
    expectTypeOf<{ users: T.UserResponseSchema[]; total: number }>().toMatchTypeOf<Page>()
    expectTypeOf<ItemOf<typeof users.list>>().toEqualTypeOf<T.UserResponseSchema>()
    expectTypeOf<ItemOf<typeof users.get>>().toEqualTypeOf<never>()
  })

  it('reject a wrong key or a wrong type in a request', () => {
    void send(users.list, { q: 'email:"a@b.c"', per_page: 10, include_totals: true })
    // @ts-expect-error -- not a query parameter of GET /users
    void send(users.list, { perPage: 10 })
    // @ts-expect-error -- per_page is a number
    void send(users.list, { per_page: '10' })
    void send(users.create, { connection: 'db', email: 'a@b.c' })
    // @ts-expect-error -- connection is required
    void send(users.create, { email: 'a@b.c' })
    // @ts-expect-error -- CreateUserRequestContent is closed (additionalProperties: false)
    void send(users.create, { connection: 'db', emial: 'a@b.c' })
  })

  it('type requests that are not objects as the value itself', () => {
    expectTypeOf<
      RequestOf<typeof guardian.policies.set>
    >().toEqualTypeOf<T.SetGuardianPoliciesRequestContent>()
    expectTypeOf<T.SetGuardianPoliciesRequestContent>().toEqualTypeOf<T.MFAPolicyEnum[]>()
    expectTypeOf<RequestOf<typeof users.delete>>().toEqualTypeOf<void>()
    expectTypeOf<ResponseOf<typeof users.delete>>().toEqualTypeOf<void>()
  })

  it('type a multipart file part as an Upload', () => {
    expectTypeOf<RequestOf<typeof jobs.usersImports.create>['users']>().toEqualTypeOf<Upload>()
  })

  it('declare the operations only node-auth0 v7.1 has', () => {
    expectTypeOf<ArgsOf<typeof organizations.clients.get>>().toEqualTypeOf<
      [id: string, client_id: string]
    >()
    expectTypeOf<ItemOf<typeof organizations.clients.list>>().toEqualTypeOf<T.OrganizationClient>()
  })
})
