// A list's awaited type follows the request it sends: `include_totals=true` (asked for, or auth0-python's default for
// that method) gives the definition's page object, any other request the bare array.
import { describe, expectTypeOf, it } from 'vitest'
import type * as T from './generated/types.js'
import type { Auth0, User } from './index.js'

declare const auth0: Auth0
declare const flag: boolean

describe('a list without include_totals by default', () => {
  it('connections.all() sends no totals, so it is the array of items', async () => {
    const connections = await auth0.connections.all()
    expectTypeOf(connections).toEqualTypeOf<T.ConnectionForList[]>()
    expectTypeOf(connections[0]?.name).toEqualTypeOf<string | undefined>()
    // the method has no includeTotals option at all
    // @ts-expect-error not an option of connections.all
    void auth0.connections.all({ includeTotals: true })
  })

  it('clientGrants.all() defaults to include_totals=false: the array, and the page when asked', async () => {
    expectTypeOf(await auth0.clientGrants.all()).toEqualTypeOf<T.ClientGrantResponseContent[]>()
    expectTypeOf(await auth0.clientGrants.all({ includeTotals: false })).toEqualTypeOf<
      T.ClientGrantResponseContent[]
    >()
    expectTypeOf(await auth0.clientGrants.all({ includeTotals: true })).toEqualTypeOf<
      T.ListClientGrantOffsetPaginatedResponseContent | T.ListClientGrantPaginatedResponseContent
    >()
  })
})

describe('a list that sends include_totals=true by default', () => {
  it('users.list() is the page object, and the array with includeTotals: false', async () => {
    expectTypeOf(
      await auth0.users.list(),
    ).toEqualTypeOf<T.ListUsersOffsetPaginatedResponseContent>()
    expectTypeOf(
      await auth0.users.list({ q: 'email:"a@example.com"', includeTotals: true }),
    ).toEqualTypeOf<T.ListUsersOffsetPaginatedResponseContent>()
    expectTypeOf(await auth0.users.list({ includeTotals: false })).toEqualTypeOf<User[]>()
  })

  it('roles.listUsers with a path parameter and checkpoint options is the page object', async () => {
    expectTypeOf(await auth0.roles.listUsers('rol_1', { take: 5 })).toEqualTypeOf<
      T.ListRoleUsersOffsetPaginatedResponseContent | T.ListRoleUsersPaginatedResponseContent
    >()
  })
})

describe('other requests', () => {
  it('an includeTotals only known at run time gives either shape', async () => {
    expectTypeOf(
      await auth0.users.list({ includeTotals: flag }),
    ).toEqualTypeOf<T.ListUsersResponseContent>()
  })

  it('a list the definition answers with one shape has that shape whatever it sends', async () => {
    expectTypeOf(
      await auth0.actions.getActions(),
    ).toEqualTypeOf<T.ListActionsPaginatedResponseContent>()
    expectTypeOf(await auth0.users.listTokensets('u1')).toEqualTypeOf<
      T.FederatedConnectionTokenSet[]
    >()
  })
})

describe('items', () => {
  it('iterating a list yields the definition’s item type', async () => {
    for await (const connection of auth0.connections.all())
      expectTypeOf(connection).toEqualTypeOf<T.ConnectionForList>()
    for await (const user of auth0.users.list({ includeTotals: false }))
      expectTypeOf(user).toEqualTypeOf<User>()
    expectTypeOf(await auth0.logs.search().toArray({ limit: 10 })).toEqualTypeOf<T.Log[]>()
    for await (const set of auth0.users.listTokensets('u1'))
      expectTypeOf(set).toEqualTypeOf<T.FederatedConnectionTokenSet>()
  })
})
