import { describe, expect, it } from 'vitest'
import {
  definition,
  json,
  noAdditions,
  noOverrides,
  ok,
  op,
  queryParam,
  ref,
  smallDefinition,
} from './fixtures.js'
import { buildModel, DefinitionError, type AddedOperation } from './model.js'

const build = (def = smallDefinition(), overrides = noOverrides, additions = noAdditions) =>
  buildModel(def, additions, overrides)

describe('buildModel', () => {
  it('names operations by x-operation-group and x-operation-name, sorted by id', () => {
    const model = build()
    expect(model.operations.map((o) => o.id)).toEqual([
      'roles.users.delete',
      'users.create',
      'users.delete',
      'users.get',
      'users.list',
      'users.roles.list',
    ])
    const roles = model.operations.find((o) => o.id === 'users.roles.list')
    expect(roles).toMatchObject({
      group: ['users', 'roles'],
      name: 'list',
      method: 'GET',
      path: '/users/{id}/roles',
    })
  })

  it('orders path parameters as the path does, whatever order the definition lists them in', () => {
    const del = build().operations.find((o) => o.id === 'roles.users.delete')
    expect(del?.pathParams.map((p) => p.name)).toEqual(['role_id', 'user_id'])
    expect(del?.pathParams[0]?.schema).toEqual(ref('RoleIdEnum'))
  })

  it('says where the request goes and what the response carries', () => {
    const byId = new Map(build().operations.map((o) => [o.id, o]))
    expect(byId.get('users.list')).toMatchObject({
      request: 'query',
      requestName: 'ListUsersRequestParameters',
      response: 'json',
    })
    expect(byId.get('users.create')).toMatchObject({
      request: 'json',
      response: 'json',
      customDomain: true,
    })
    expect(byId.get('users.create')?.responses).toEqual([
      { status: 201, contentType: 'application/json', schema: ref('CreateUserResponseContent') },
    ])
    expect(byId.get('users.get')?.request).toBeUndefined()
    expect(byId.get('users.delete')).toMatchObject({ response: 'none', customDomain: false })
    expect(byId.get('users.delete')?.responseSchema).toBeUndefined()
  })

  it('reads scopes from security and the lifecycle from x-release-lifecycle', () => {
    const roles = build().operations.find((o) => o.id === 'users.roles.list')
    expect(roles?.scopes).toEqual(['read:list'])
    expect(roles?.lifecycle).toBe('EA')
  })

  it('finds lists: the paging style, the items key, and the item schema', () => {
    const byId = new Map(build().operations.map((o) => [o.id, o]))
    expect(byId.get('users.list')?.list).toEqual({
      items: 'users',
      paging: 'page',
      item: ref('UserResponseSchema'),
    })
    expect(byId.get('users.roles.list')?.list).toEqual({
      items: 'roles',
      paging: 'checkpoint',
      item: ref('Role'),
    })
    expect(byId.get('users.get')?.list).toBeUndefined()
  })

  it('tells page, checkpoint and both paging styles apart, and a bare-array list', () => {
    const paged = (params: string[]) =>
      build(
        definition(
          {
            '/things': {
              get: op('things', 'list', {
                parameters: params.map((p) =>
                  queryParam(p, { type: p === 'from' ? 'string' : 'integer' }),
                ),
                responses: ok({ type: 'array', items: ref('Thing') }),
              }),
            },
          },
          { Thing: { type: 'object' } },
        ),
      ).operations[0]?.list
    expect(paged(['page', 'per_page'])).toEqual({ paging: 'page', item: ref('Thing') })
    expect(paged(['from', 'take'])).toEqual({ paging: 'checkpoint', item: ref('Thing') })
    expect(paged(['page', 'per_page', 'from', 'take'])).toEqual({
      paging: 'both',
      item: ref('Thing'),
    })
    // `from` alone (a date, as on /stats/daily) is not paging.
    expect(paged(['from'])).toBeUndefined()
  })

  it('marks a response present on some 2xx only as optional, and server-sent events as a stream', () => {
    const model = build(
      definition({
        '/a': {
          get: op('a', 'get', {
            responses: {
              ...ok({ type: 'string' }),
              '204': { content: { 'application/json': { schema: { type: 'string' } } } },
            },
          }),
        },
        '/events': {
          get: op('events', 'subscribe', {
            responses: {
              '200': { content: { 'text/event-stream': { schema: { type: 'object' } } } },
            },
          }),
        },
      }),
    )
    expect(model.operations.map((o) => [o.id, o.response])).toEqual([
      ['a.get', 'optional'],
      ['events.subscribe', 'stream'],
    ])
  })

  it('refuses an operation with both query parameters and a body', () => {
    const def = definition({
      '/x': {
        post: op('x', 'create', {
          parameters: [queryParam('q', { type: 'string' })],
          requestBody: json({ type: 'object' }),
        }),
      },
    })
    expect(() => build(def)).toThrow(DefinitionError)
    expect(() => build(def)).toThrow(/both query parameters and a body/)
  })

  it('refuses two operations with one name, and a path parameter the definition does not declare', () => {
    const twice = definition({ '/a': { get: op('a', 'get') }, '/b': { get: op('a', 'get') } })
    expect(() => build(twice)).toThrow(/two operations are named a.get/)
    const undeclared = definition({ '/a/{id}': { get: op('a', 'get') } })
    expect(() => build(undeclared)).toThrow(/path parameter \{id\} is not declared/)
  })

  it('applies the overrides: defaults, extra query parameters and request names', () => {
    const model = build(smallDefinition(), {
      queryDefaults: { 'users.list': { page: 0, per_page: 50, include_totals: true } },
      extraQuery: { 'users.list': { sort: { type: 'string' } } },
      typeNames: {
        'users.roles.list': { request: 'UserRolesListRequest' },
        'users.get': { response: 'UserGetResponse' },
      },
    })
    const list = model.operations.find((o) => o.id === 'users.list')
    expect(list?.defaults).toEqual({ page: 0, per_page: 50, include_totals: true })
    expect(list?.query.map((p) => p.name)).toEqual([
      'page',
      'per_page',
      'include_totals',
      'q',
      'sort',
    ])
    expect(model.operations.find((o) => o.id === 'users.roles.list')?.requestName).toBe(
      'UserRolesListRequest',
    )
  })

  it('refuses an override for an operation or a parameter that does not exist', () => {
    expect(() =>
      build(smallDefinition(), { ...noOverrides, queryDefaults: { 'users.gone': { take: 1 } } }),
    ).toThrow(/no operation users.gone/)
    expect(() =>
      build(smallDefinition(), { ...noOverrides, queryDefaults: { 'users.list': { take: 50 } } }),
    ).toThrow(/users.list has no query parameter take/)
    expect(() =>
      build(smallDefinition(), {
        ...noOverrides,
        extraQuery: { 'users.list': { q: { type: 'string' } } },
      }),
    ).toThrow(/already has q/)
  })

  it('merges additions, and refuses one the definition now has', () => {
    const agents: AddedOperation = {
      group: 'agents',
      name: 'list',
      method: 'GET',
      path: '/agents',
      query: { from: { type: 'string' }, take: { type: 'number' } },
      requestName: 'ListAgentsRequestParameters',
      response: { status: 200, schema: ref('ListAgentsResponseContent') },
    }
    const schemas = {
      ListAgentsResponseContent: {
        type: 'object',
        properties: {
          agents: { type: 'array', items: { type: 'string' } },
          next: { type: 'string' },
        },
      },
    }
    const model = build(smallDefinition(), noOverrides, { schemas, operations: [agents] })
    const added = model.operations.find((o) => o.id === 'agents.list')
    expect(added).toMatchObject({
      source: 'node-auth0',
      scopes: [],
      request: 'query',
      list: { items: 'agents', paging: 'checkpoint' },
    })
    const again: AddedOperation = {
      ...agents,
      group: 'users',
      name: 'getAgain',
      path: '/users/{id}',
      query: {},
    }
    expect(() =>
      build(smallDefinition(), noOverrides, { schemas: {}, operations: [again] }),
    ).toThrow(/is in the definition now/)
    expect(() =>
      build(smallDefinition(), noOverrides, {
        schemas: { Role: { type: 'string' } },
        operations: [],
      }),
    ).toThrow(/schema Role already exists/)
  })

  it('refuses a definition that is not OpenAPI 3', () => {
    expect(() => build({ paths: {} })).toThrow(/not an OpenAPI 3 document/)
  })
})
