import { describe, expect, it } from 'vitest'
import type { JsonSchema } from './model.js'
import { isObjectLiteralType, renderType } from './render.js'

const ts = (s: JsonSchema, optionalUndefined = false): string =>
  renderType(s, { nameOf: (n) => `T.${n}`, optionalUndefined })
const ref = (n: string): JsonSchema => ({ $ref: `#/components/schemas/${n}` })

describe('renderType', () => {
  it('maps primitive types, and no type to unknown (never any)', () => {
    expect(ts({ type: 'string', format: 'email', maxLength: 3 })).toBe('string')
    expect(ts({ type: 'integer' })).toBe('number')
    expect(ts({ type: 'number' })).toBe('number')
    expect(ts({ type: 'boolean' })).toBe('boolean')
    expect(ts({})).toBe('unknown')
    expect(ts({ type: 'null' })).toBe('null')
  })

  it('adds null for type [x, "null"] and for nullable', () => {
    expect(ts({ type: ['string', 'null'] })).toBe('string | null')
    expect(ts({ type: 'string', nullable: true })).toBe('string | null')
    expect(ts({ type: ['array', 'null'], items: { type: 'string' } })).toBe('string[] | null')
  })

  it('maps enums and const to literal unions', () => {
    expect(ts({ type: 'string', enum: ['a', 'b'] })).toBe('"a" | "b"')
    expect(ts({ type: ['string', 'null'], enum: ['eu', null] })).toBe('"eu" | null')
    expect(ts({ enum: ['eu', null] })).toBe('"eu" | null')
    expect(ts({ type: 'string', const: 'x' })).toBe('"x"')
  })

  it('closes objects with additionalProperties: false and leaves the others open', () => {
    expect(
      ts({
        type: 'object',
        additionalProperties: false,
        required: ['a'],
        properties: { a: { type: 'string' }, b: { type: 'integer' } },
      }),
    ).toBe('{ a: string; b?: number }')
    expect(
      ts({ type: 'object', additionalProperties: true, properties: { a: { type: 'string' } } }),
    ).toBe('{ a?: string; [key: string]: unknown }')
    // No additionalProperties keyword: JSON Schema allows any other field, so the type does too.
    expect(ts({ type: 'object', properties: { a: { type: 'string' } } })).toBe(
      '{ a?: string; [key: string]: unknown }',
    )
    expect(ts({ type: 'object' })).toBe('Record<string, unknown>')
    expect(ts({ type: 'object', additionalProperties: false })).toBe('Record<string, never>')
  })

  it('types additionalProperties schemas as an index signature that admits the declared fields', () => {
    expect(ts({ type: 'object', additionalProperties: { type: 'string' } })).toBe(
      'Record<string, string>',
    )
    expect(
      ts({
        type: 'object',
        additionalProperties: { type: 'string' },
        properties: { n: { type: 'integer' } },
      }),
    ).toBe('{ n?: number; [key: string]: string | number | undefined }')
  })

  it('types user_metadata and app_metadata as Record<string, unknown>', () => {
    const s: JsonSchema = {
      type: 'object',
      additionalProperties: false,
      properties: {
        user_metadata: ref('UserMetadata'),
        app_metadata: { type: 'object', additionalProperties: true },
      },
    }
    expect(ts(s)).toBe(
      '{ user_metadata?: Record<string, unknown>; app_metadata?: Record<string, unknown> }',
    )
  })

  it('maps oneOf and anyOf to unions, allOf to intersections', () => {
    expect(ts({ oneOf: [ref('A'), ref('B')] })).toBe('T.A | T.B')
    expect(ts({ anyOf: [{ type: 'string' }, { type: 'integer' }] })).toBe('string | number')
    expect(ts({ allOf: [ref('A'), ref('B')] })).toBe('T.A & T.B')
    expect(ts({ type: 'object', oneOf: [ref('A'), ref('B')] })).toBe('T.A | T.B')
    expect(ts({ type: ['object', 'null'], oneOf: [ref('A'), ref('B')] })).toBe('T.A | T.B | null')
    expect(ts({ type: 'array', items: { oneOf: [ref('A'), ref('B')] } })).toBe('(T.A | T.B)[]')
  })

  it('keeps own properties beside allOf, and drops allOf members that allow anything', () => {
    expect(
      ts({
        type: 'object',
        additionalProperties: false,
        allOf: [{ type: 'object', additionalProperties: true }],
        properties: { a: { type: 'string' } },
      }),
    ).toBe('{ a?: string }')
    // An outer `required` makes the members' optional keys required.
    expect(ts({ allOf: [ref('A')], required: ['id'] })).toBe('T.A & { id: unknown }')
  })

  it('quotes keys that are not identifiers and marks deprecated fields', () => {
    expect(
      ts({
        type: 'object',
        additionalProperties: false,
        properties: {
          'group.created': { type: 'string' },
          old: { type: 'string', deprecated: true },
        },
      }),
    ).toBe('{ "group.created"?: string; /** @deprecated */ old?: string }')
  })

  it('types a binary part as an Upload', () => {
    expect(ts({ type: 'string', contentMediaType: 'application/octet-stream' })).toBe('Upload')
    expect(ts({ type: 'string', format: 'binary' })).toBe('Upload')
  })

  it('adds | undefined to optional fields of request objects only', () => {
    const s: JsonSchema = {
      type: 'object',
      additionalProperties: false,
      required: ['a'],
      properties: { a: { type: 'string' }, b: { type: 'string' } },
    }
    expect(ts(s, true)).toBe('{ a: string; b?: string | undefined }')
  })
})

describe('isObjectLiteralType', () => {
  it('tells an object literal from a union of them', () => {
    expect(isObjectLiteralType('{ a: string }')).toBe(true)
    expect(isObjectLiteralType('{ a: "}" }')).toBe(true)
    expect(isObjectLiteralType('{ a: string } | { b: string }')).toBe(false)
    expect(isObjectLiteralType('string')).toBe(false)
  })
})
