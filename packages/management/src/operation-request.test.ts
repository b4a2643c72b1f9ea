import { describe, expect, it } from 'vitest'
import type { OperationSpec } from './operation.js'
import { operationRequest } from './operation-request.js'

const list: OperationSpec = {
  method: 'GET',
  path: '/organizations/{id}/members',
  request: 'query',
  list: { items: 'members', paging: 'both' },
  defaults: { page: 0, per_page: 50, include_totals: true },
}

describe('operationRequest', () => {
  it('fills path parameters positionally and sends the request object as the query, arrays repeated', () => {
    expect(operationRequest(list, ['org/1'], { fields: ['a', 'b'], q: undefined })).toEqual({
      method: 'GET',
      path: '/organizations/{id}/members',
      params: { id: 'org/1' },
      query: { fields: ['a', 'b'], q: undefined },
      queryArrays: 'repeat',
    })
  })

  it('adds the declared defaults under the caller query, and none of the other paging style', () => {
    expect(operationRequest(list, ['o'], { per_page: 5 }, { defaults: true }).query).toEqual({
      page: 0,
      per_page: 5,
      include_totals: true,
    })
    expect(
      operationRequest(list, ['o'], { from: 'x', take: 10 }, { defaults: true }).query,
    ).toEqual({
      from: 'x',
      take: 10,
    })
    expect(operationRequest(list, ['o'], undefined, { defaults: false }).query).toEqual({})
    expect(
      operationRequest(list, ['o'], { include_totals: false }, { defaults: true }).query,
    ).toEqual({ page: 0, per_page: 50, include_totals: false })
  })

  it('keeps include_totals for a caller paging by take where the defaults page by checkpoint', () => {
    const checkpoint: OperationSpec = { ...list, defaults: { include_totals: true, take: 50 } }
    expect(operationRequest(checkpoint, ['o'], { take: 5 }, { defaults: true }).query).toEqual({
      include_totals: true,
      take: 5,
    })
    expect(operationRequest(checkpoint, ['o'], { page: 2 }, { defaults: true }).query).toEqual({
      include_totals: true,
      page: 2,
    })
    expect(
      operationRequest(checkpoint, ['o'], { include_totals: false }, { defaults: true }).query,
    ).toEqual({ include_totals: false, take: 50 })
  })

  it('throws a TypeError before sending for a missing, empty or non-string path parameter', () => {
    for (const bad of [undefined, null, '', {}])
      expect(() => operationRequest(list, [bad], {})).toThrow(
        new TypeError('id is required: expected a non-empty string'),
      )
  })

  it('sends a JSON request as the body, an omitted one as {}, and an array as itself', () => {
    const op: OperationSpec = { method: 'PUT', path: '/guardian/policies', request: 'json' }
    expect(operationRequest(op, [], ['all-applications']).json).toEqual(['all-applications'])
    expect(operationRequest(op, [], undefined).json).toEqual({})
  })

  it('sends multipart fields and file parts', () => {
    const op: OperationSpec = { method: 'POST', path: '/jobs/users-imports', request: 'multipart' }
    const bytes = new Uint8Array([1])
    expect(
      operationRequest(op, [], { users: bytes, connection_id: 'c', upsert: true, none: undefined })
        .multipart,
    ).toEqual({
      users: { file: bytes, filename: 'users' },
      connection_id: 'c',
      upsert: true,
      none: undefined,
    })
    expect(() => operationRequest(op, [], undefined)).toThrow(TypeError)
  })

  it('sends the custom-domain header only where the operation declares it', () => {
    const op: OperationSpec = {
      method: 'POST',
      path: '/users',
      request: 'json',
      customDomain: true,
    }
    expect(operationRequest(op, [], {}, { customDomain: 'login.example.com' }).headers).toEqual({
      'auth0-custom-domain': 'login.example.com',
    })
    const plain: OperationSpec = { method: 'POST', path: '/users', request: 'json' }
    expect(operationRequest(plain, [], {}, { customDomain: 'x' }).headers).toBeUndefined()
  })
})
