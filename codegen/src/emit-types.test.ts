import { describe, expect, it } from 'vitest'
import { emitTypes } from './emit-types.js'
import { definition, noAdditions, noOverrides, ok, op, ref, smallDefinition } from './fixtures.js'
import { buildModel, type JsonSchema } from './model.js'

const typesOf = (def = smallDefinition()) => emitTypes(buildModel(def, noAdditions, noOverrides))

/** A definition whose one operation reaches `schemas` (through an allOf of all of them). */
function reaching(schemas: Record<string, JsonSchema>) {
  return definition(
    { '/x': { get: op('x', 'get', { responses: ok({ allOf: Object.keys(schemas).map(ref) }) }) } },
    schemas,
  )
}

describe('emitTypes', () => {
  it('declares structurally identical schemas once and aliases the other names', () => {
    const t = typesOf()
    expect(t.canonical.get('GetUserResponseContent')).toBe('UserResponseSchema')
    expect(t.canonical.get('CreateUserResponseContent')).toBe('UserResponseSchema')
    expect(t.source).toContain(
      '/** From schema `GetUserResponseContent`: the same type as `UserResponseSchema`. */\nexport type GetUserResponseContent = UserResponseSchema',
    )
    expect(t.source.match(/export interface UserResponseSchema /g)).toHaveLength(1)
    expect(t.source).toContain(
      '/** From schema `UserResponseSchema`. */\nexport interface UserResponseSchema {',
    )
  })

  it('merges recursive shapes that are identical, and keeps apart those that differ deeper down', () => {
    const node = (child: string, leaf: string): JsonSchema => ({
      type: 'object',
      additionalProperties: false,
      properties: { next: ref(child), value: { type: leaf } },
    })
    const t = typesOf(
      reaching({
        TreeA: node('TreeA', 'string'),
        TreeB: node('TreeB', 'string'),
        ListA: node('LeafA', 'string'),
        ListB: node('LeafB', 'string'),
        LeafA: {
          type: 'object',
          additionalProperties: false,
          properties: { x: { type: 'string' } },
        },
        LeafB: {
          type: 'object',
          additionalProperties: false,
          properties: { x: { type: 'integer' } },
        },
      }),
    )
    expect(t.canonical.get('TreeB')).toBe(t.canonical.get('TreeA'))
    expect(t.canonical.get('ListA')).not.toBe(t.canonical.get('ListB'))
    expect(t.canonical.get('LeafA')).toBe('LeafA')
    expect(t.canonical.get('LeafB')).toBe('LeafB')
  })

  it('declares small shapes built of no other type under each name instead of aliasing them', () => {
    const t = typesOf(
      reaching({
        RegionEnum: { type: 'string', enum: ['eu', 'us'] },
        ZoneEnum: { type: 'string', enum: ['eu', 'us'] },
        Meta: { type: 'object', additionalProperties: true },
        Details: { type: 'object', additionalProperties: true },
      }),
    )
    expect(t.canonical.get('ZoneEnum')).toBe('ZoneEnum')
    expect(t.source).toContain('export type RegionEnum = "eu" | "us"')
    expect(t.source).toContain('export type ZoneEnum = "eu" | "us"')
    expect(t.source).toContain('export type Details = Record<string, unknown>')
    expect(t.stats.aliases).toBe(0)
  })

  it('synthesizes the request objects of query operations, with | undefined on optional keys', () => {
    const t = typesOf()
    expect(t.source).toContain(
      '/** The query parameters of `GET /users`. */\nexport interface ListUsersRequestParameters { page?: number | undefined; per_page?: number | undefined; include_totals?: boolean | undefined; q?: string | undefined }',
    )
  })

  it('emits only the schemas the operations reach, sorted by name, with no description text', () => {
    const t = typesOf()
    expect(t.source).not.toContain('Unused')
    const names = [...t.source.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1])
    expect(names).toEqual([...names].sort())
    expect(t.source).not.toMatch(/described|prose|as the docs/)
    expect(t.stats).toEqual({
      schemas: 11,
      reachable: 10,
      requestObjects: 2,
      operationNames: 0,
      declarations: 10,
      aliases: 2,
    })
  })

  it('declares the names operations give their body or response, for node-auth0 users to find', () => {
    const def = smallDefinition()
    const create = def.paths['/users']?.['post'] as unknown as Record<string, unknown>
    create['x-operation-request-parameters-name'] = 'CreateUserRequestParameters'
    const t = emitTypes(
      buildModel(def, noAdditions, {
        ...noOverrides,
        typeNames: { 'users.roles.list': { response: 'UserRolesPage' } },
      }),
    )
    expect(t.source).toContain(
      '/** The request body of `POST /users`. */\nexport type CreateUserRequestParameters = CreateUserRequestContent',
    )
    expect(t.source).toContain(
      '/** The response of `GET /users/{id}/roles`. */\nexport type UserRolesPage = ListUserRolesResponseContent',
    )
    expect(t.stats.operationNames).toBe(2)
  })

  it('imports Upload only when a multipart body uses it', () => {
    expect(typesOf().source).not.toContain('import type { Upload }')
    const def = definition(
      {
        '/imports': {
          post: op('jobs', 'import', {
            requestBody: {
              content: { 'multipart/form-data': { schema: ref('ImportRequestContent') } },
            },
          }),
        },
      },
      {
        ImportRequestContent: {
          type: 'object',
          properties: { users: { type: 'string', contentMediaType: 'application/octet-stream' } },
        },
      },
    )
    expect(typesOf(def).source).toMatch(/^import type \{ Upload \} from '..\/operation.js'/)
  })

  it('refuses a schema named like something the generated code uses', () => {
    expect(() => typesOf(reaching({ Upload: { type: 'string' } }))).toThrow(
      /a schema is named Upload/,
    )
  })
})
