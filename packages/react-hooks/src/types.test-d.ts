import type { RequestOptions } from '@auth0-ts/core'
import type { Auth0, Auth0Managers, FieldsOptions, User } from '@auth0-ts/management'
import { describe, expectTypeOf, it } from 'vitest'
import type { CallInit, ManagementClient } from './client.js'
import type { useManagementList, useManagementMutation, useManagementQuery } from './hooks.js'
import type {
  AccessorName,
  CallArgs,
  CallData,
  CallItem,
  CallName,
  DropLast,
  Last,
  Managers,
  MethodName,
  ProxyArgs,
} from './index.js'

/** The body `connections.update` takes, whatever the management package names it. */
type ConnectionUpdate = Parameters<Auth0['connections']['update']>[1]

describe('types from the management client', () => {
  it('takes a method’s data from what awaiting it gives (one page for a list)', () => {
    expectTypeOf<CallData<'users', 'get'>>().toEqualTypeOf<User>()
    expectTypeOf<CallData<'users', 'list'>>().toEqualTypeOf<
      Awaited<ReturnType<Auth0['users']['list']>>
    >()
    expectTypeOf<User[]>().toExtend<CallData<'users', 'list'>>()
    expectTypeOf<CallItem<'users', 'list'>>().toEqualTypeOf<User>()
    expectTypeOf<CallArgs<'connections', 'update'>>().toEqualTypeOf<
      [id: string, body: ConnectionUpdate, requestOptions?: RequestOptions]
    >()
  })

  it('names the 32 managers and their methods, and never the transport', () => {
    expectTypeOf<'users' | 'connections' | 'clientGrants'>().toExtend<AccessorName>()
    expectTypeOf<'rest'>().not.toExtend<AccessorName>()
    expectTypeOf<
      'users.list' | 'connections.update' | 'organizations.allOrganizationMembers'
    >().toExtend<CallName>()
    expectTypeOf<'rest.request' | 'users.constructor' | 'users.op'>().not.toExtend<CallName>()
  })

  it('types the browser client and the hooks like the management client', () => {
    expectTypeOf<ManagementClient['users']['get']>().returns.toEqualTypeOf<Promise<User>>()
    expectTypeOf<ManagementClient['connections']['update']>().parameters.toEqualTypeOf<
      ProxyArgs<'connections', 'update'>
    >()
    expectTypeOf<ReturnType<typeof useManagementQuery<'users', 'get'>>['data']>().toEqualTypeOf<
      User | undefined
    >()
    expectTypeOf<ReturnType<typeof useManagementList<'users', 'list'>>['items']>().toEqualTypeOf<
      User[]
    >()
    expectTypeOf<
      ReturnType<typeof useManagementMutation<'connections', 'update'>>['mutate']
    >().parameters.toEqualTypeOf<ProxyArgs<'connections', 'update'>>()
  })

  it('leaves the management method’s RequestOptions out of what the browser sends', () => {
    expectTypeOf<ProxyArgs<'connections', 'update'>>().toEqualTypeOf<
      [id: string, body: ConnectionUpdate]
    >()
    expectTypeOf<ProxyArgs<'users', 'get'>>().toEqualTypeOf<[id: string, options?: FieldsOptions]>()
    expectTypeOf<ProxyArgs<'connections', 'all'>>().toEqualTypeOf<
      [options?: Parameters<Auth0['connections']['all']>[0]]
    >()
    expectTypeOf<ManagementClient['users']['get']>().parameters.toEqualTypeOf<
      [id: string, options?: FieldsOptions]
    >()
  })

  it('takes per-call options in call()’s init only, and only those the browser honours', () => {
    expectTypeOf<keyof CallInit>().toEqualTypeOf<'signal' | 'timeout'>()
    expectTypeOf<Parameters<ManagementClient['call']>[3]>().toEqualTypeOf<CallInit | undefined>()
    const client = {} as ManagementClient
    // @ts-expect-error upstream request options are the server's
    void client.call('users', 'get', ['id'], { retries: 1 })
    // @ts-expect-error a manager method takes no per-call options
    void client.users.get('id', {}, { signal: AbortSignal.abort() })
  })
})

describe('the tuple helpers behind ProxyArgs', () => {
  it('drops the last element, optional or not, and keeps the others with their optional marks', () => {
    expectTypeOf<DropLast<[id: string, options?: RequestOptions]>>().toEqualTypeOf<[id: string]>()
    expectTypeOf<DropLast<[id: string, body?: object, options?: RequestOptions]>>().toEqualTypeOf<
      [id: string, body?: object]
    >()
    expectTypeOf<DropLast<[RequestOptions]>>().toEqualTypeOf<[]>()
    expectTypeOf<DropLast<[]>>().toEqualTypeOf<[]>()
  })

  it('takes the last element, optional or not', () => {
    expectTypeOf<Last<[id: string, options?: RequestOptions]>>().toEqualTypeOf<RequestOptions>()
    expectTypeOf<Last<[string, number]>>().toEqualTypeOf<number>()
    expectTypeOf<Last<[]>>().toEqualTypeOf<never>()
  })

  it('exports the accessor vocabulary from the entry', () => {
    expectTypeOf<Managers>().toEqualTypeOf<Auth0Managers>()
    expectTypeOf<MethodName<{ a: () => void; b: string }>>().toEqualTypeOf<'a'>()
  })
})
