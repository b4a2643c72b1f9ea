// ManagementClient's types: requests are checked against the definition, responses and list items have its types.
import { describe, expectTypeOf, it } from 'vitest'
import {
  ManagementClient,
  ManagementError,
  UsersClient,
  type ApiPromise,
  type EventStream,
  type Management,
  type Page,
  type PagePromise,
  type WithRawResponse,
} from '../src/index.js'

declare const client: ManagementClient

describe('requests', () => {
  it('take path parameters first, then the request object, then per-call options', () => {
    expectTypeOf(client.users.get).parameters.toEqualTypeOf<
      [
        id: string,
        request?: Management.GetUserRequestParameters,
        options?: Parameters<typeof client.users.get>[2],
      ]
    >()
    type Delete = Parameters<typeof client.organizations.members.roles.delete>
    expectTypeOf<[Delete[0], Delete[1], Delete[2]]>().toEqualTypeOf<
      [string, string, Management.DeleteOrganizationMemberRolesRequestContent]
    >()
  })

  it('refuse a wrong key or a wrong type at compile time', () => {
    // @ts-expect-error a misspelt query parameter
    void client.users.get('id', { feilds: 'email' })
    // @ts-expect-error per_page is a number
    void client.users.list({ per_page: '10' })
    // @ts-expect-error blocked is a boolean
    void client.users.update('id', { blocked: 'yes' })
    // @ts-expect-error a wrong per-call option type
    void client.users.get('id', {}, { timeoutInSeconds: '5' })
    // @ts-expect-error the path parameter is required
    void client.users.get()
  })

  it('require the request when it has a required field, and not otherwise', () => {
    // @ts-expect-error connection is required to create a user
    void client.users.create()
    // @ts-expect-error name is required to create an organization
    void client.organizations.create({ display_name: 'Acme' })
    void client.organizations.create({ name: 'acme' })
    void client.users.update('id')
    void client.users.list()
    // an operation without a request object takes the per-call options right after its path parameters
    void client.users.delete('id', { timeoutInSeconds: 5 })
  })
})

describe('responses', () => {
  it('have the definition’s types', async () => {
    const user = await client.users.get('id')
    expectTypeOf(user).toEqualTypeOf<Management.GetUserResponseContent>()
    expectTypeOf(user.email).toEqualTypeOf<string | undefined>()
    expectTypeOf(user.app_metadata).toMatchTypeOf<Record<string, unknown> | undefined>()
    expectTypeOf(await client.users.delete('id')).toEqualTypeOf<void>()
    const org = await client.organizations.create({ name: 'acme' })
    expectTypeOf(org.name).toEqualTypeOf<string | undefined>()
  })

  it('give the raw response beside the data', () => {
    expectTypeOf(client.users.get('id')).toEqualTypeOf<
      ApiPromise<Management.GetUserResponseContent>
    >()
    expectTypeOf(client.users.get('id').withRawResponse()).resolves.toEqualTypeOf<
      WithRawResponse<Management.GetUserResponseContent>
    >()
    expectTypeOf(client.users.get('id')).toMatchTypeOf<Promise<Management.GetUserResponseContent>>()
  })

  it('resolve a list to a page of typed items, iterable directly', async () => {
    expectTypeOf(client.connections.list()).toEqualTypeOf<
      PagePromise<Management.ConnectionForList, Management.ListConnectionsResponseContent>
    >()
    const page = await client.users.roles.list('id')
    expectTypeOf(page).toEqualTypeOf<
      Page<Management.Role, Management.ListUserRolesResponseContent>
    >()
    expectTypeOf(page.data).toEqualTypeOf<Management.Role[]>()
    for await (const connection of client.connections.list({ strategy: ['auth0'] }))
      expectTypeOf(connection).toEqualTypeOf<Management.ConnectionForList>()
    for await (const role of page) expectTypeOf(role).toEqualTypeOf<Management.Role>()
  })

  it('stream typed events', () => {
    expectTypeOf(client.events.subscribe()).resolves.toEqualTypeOf<
      EventStream<Management.EventStreamSubscribeEventsResponseContent>
    >()
  })
})

describe('the client', () => {
  it('takes a token or a client id and secret, and refuses clientAssertionSigningKey', () => {
    new ManagementClient({ domain: 't.example.com', token: 'T' })
    new ManagementClient({ domain: 't.example.com', token: () => Promise.resolve('T') })
    new ManagementClient({ domain: 't.example.com', clientId: 'id', clientSecret: 's' })
    // @ts-expect-error not both
    new ManagementClient({ domain: 't.example.com', token: 'T', clientId: 'id', clientSecret: 's' })
    new ManagementClient({
      domain: 't.example.com',
      clientId: 'id',
      // @ts-expect-error private_key_jwt goes through @auth0-ts/authentication's provider
      clientAssertionSigningKey: 'k',
    })
  })

  it('has each resource client as its own type, importable alone', () => {
    expectTypeOf(client.users).toEqualTypeOf<UsersClient>()
    expectTypeOf(
      new UsersClient({ domain: 't.example.com', token: 'T' }),
    ).toEqualTypeOf<UsersClient>()
  })

  it('narrows node-auth0’s error classes to ours', () => {
    const e: unknown = undefined
    if (e instanceof ManagementError) {
      expectTypeOf(e.statusCode).toEqualTypeOf<number>()
      expectTypeOf(e.errorCode).toEqualTypeOf<string>()
      expectTypeOf(e.body).toEqualTypeOf<unknown>()
    }
  })
})
