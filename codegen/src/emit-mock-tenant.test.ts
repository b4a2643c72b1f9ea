import { describe, expect, it } from 'vitest'
import { emitMockTenant, inferScopes } from './emit-mock-tenant.js'
import { definition, noOverrides, ok, op, pathParam, ref } from './fixtures.js'
import { buildModel, type AddedOperation, type JsonSchema, type ModelOperation } from './model.js'

/** The two tables of an emitted file, evaluated. */
function tables(source: string): {
  operations: Record<string, unknown>[]
  shapes: Record<string, Record<string, unknown>>
} {
  const literal = (name: string) => {
    const start = source.indexOf('=', source.indexOf(`export const ${name}`)) + 1
    const end = source.indexOf('\n', start)
    return JSON.parse(source.slice(start, end)) as unknown
  }
  return {
    operations: literal('operations') as Record<string, unknown>[],
    shapes: literal('shapes') as Record<string, Record<string, unknown>>,
  }
}

const known = (method: ModelOperation['method'], path: string, scopes: string[]) =>
  ({ id: `${method} ${path}`, method, path, scopes }) as ModelOperation

describe('inferScopes', () => {
  const definitionOps = [
    known('GET', '/organizations/{id}', ['read:organizations']),
    known('PATCH', '/organizations/{id}', ['update:organizations']),
    known('POST', '/network-acls', ['create:network_acls']),
    known('GET', '/guardian/factors', ['read:guardian_factors']),
    known('GET', '/guardian/factors/sms/templates', ['read:guardian_factors']),
    known('GET', '/guardian/policies', ['read:mfa_policies']),
  ]
  it.each<[ModelOperation['method'], string, { scopes: string[]; rule: string }]>([
    // the nearest enclosing path with the same verb; a definition {param} matches any segment
    [
      'GET',
      '/organizations/{id}/clients/{client_id}',
      { scopes: ['read:organizations'], rule: 'ancestor' },
    ],
    ['GET', '/organizations/search', { scopes: ['read:organizations'], rule: 'ancestor' }],
    // PUT and PATCH are one verb
    [
      'PUT',
      '/organizations/{id}/templates/{t}',
      { scopes: ['update:organizations'], rule: 'ancestor' },
    ],
    ['POST', '/keys/network-acls', { scopes: ['create:network_acls'], rule: 'suffix' }],
    ['GET', '/guardian/settings', { scopes: ['read:guardian_factors'], rule: 'family' }],
    ['DELETE', '/agents/{id}', { scopes: ['delete:agents'], rule: 'convention' }],
  ])('%s %s', (method, path, expected) => {
    expect(inferScopes({ method, path }, definitionOps)).toMatchObject(expected)
  })

  it('names the operations it took the scopes from', () => {
    expect(
      inferScopes({ method: 'GET', path: '/organizations/search' }, definitionOps).from,
    ).toEqual(['GET /organizations/{id}'])
  })
})

describe('emitMockTenant', () => {
  const item: JsonSchema = {
    type: 'object',
    additionalProperties: false,
    required: ['id'],
    properties: {
      id: {
        type: 'string',
        pattern: '^thg_[a-z0-9]{8}$',
        description: 'Prose that never reaches the output.',
      },
      created_at: { type: 'string', format: 'date-time' },
      tags: { type: 'array', items: { type: 'string' }, minItems: 1 },
      size: { type: ['integer', 'null'], minimum: 0 },
    },
  }
  const model = () =>
    buildModel(
      definition(
        {
          '/things': {
            post: op('things', 'create', {
              responses: ok(ref('CreateThingResponseContent'), '201'),
            }),
          },
          '/things/{id}': {
            get: op('things', 'get', {
              parameters: [pathParam('id')],
              responses: ok(ref('GetThingResponseContent')),
            }),
          },
        },
        {
          CreateThingResponseContent: item,
          GetThingResponseContent: structuredClone(item),
          Either: { oneOf: [{ type: 'string' }, ref('GetThingResponseContent')] },
        },
      ),
      {
        schemas: {},
        operations: [
          {
            group: 'things',
            name: 'archive',
            method: 'POST',
            path: '/things/{id}/archive',
            response: { status: 204 },
          } satisfies AddedOperation,
        ],
      },
      noOverrides,
    )

  it('lists every declared field of a response with its facts, and no prose', () => {
    const source = emitMockTenant(model())
    expect(source).not.toContain('Prose')
    expect(tables(source).shapes['CreateThingResponseContent']).toEqual({
      type: 'object',
      properties: {
        id: { type: 'string', pattern: '^thg_[a-z0-9]{8}$' },
        created_at: { type: 'string', format: 'date-time' },
        tags: { type: 'array', minItems: 1, items: { type: 'string' } },
        size: { type: ['integer', 'null'], minimum: 0 },
      },
      required: ['id'],
      additional: false,
    })
  })

  it('lists structurally identical shapes once, under the first name', () => {
    const { operations, shapes } = tables(emitMockTenant(model()))
    expect(Object.keys(shapes)).toEqual(['CreateThingResponseContent'])
    expect(operations.map((o) => o['response'])).toEqual([
      { kind: 'none' },
      { kind: 'object', shape: 'CreateThingResponseContent' },
      { kind: 'object', shape: 'CreateThingResponseContent' },
    ])
  })

  it('marks the scopes of an operation only node-auth0 declares as inferred, and from where', () => {
    const archive = tables(emitMockTenant(model())).operations.find(
      (o) => o['id'] === 'things.archive',
    )
    expect(archive).toMatchObject({
      scopes: ['read:create'],
      scopesInferred: 'ancestor',
      scopesFrom: ['things.create'],
      addition: true,
    })
  })
})
