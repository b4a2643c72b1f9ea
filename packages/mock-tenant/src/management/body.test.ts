import { describe, expect, it } from 'vitest'
import { HttpError } from '../http.js'
import { checkBody, mergeMetadata, typeOf, type Fields } from './body.js'

const FIELDS = {
  name: 'string',
  blocked: 'boolean',
  count: 'integer',
  metadata: 'object',
  tags: 'string[]',
  items: 'object[]',
  anything: 'unknown',
} as const satisfies Fields

function problem(body: Record<string, unknown>, rules: Parameters<typeof checkBody>[2] = {}) {
  try {
    checkBody(body, FIELDS, rules)
  } catch (e) {
    if (!(e instanceof HttpError)) throw e
    expect(e.status).toBe(400)
    expect(e.body).toMatchObject({ statusCode: 400, errorCode: 'invalid_body' })
    return (e.body as { message: string }).message
  }
  return undefined
}

describe('checkBody', () => {
  it.each<[Record<string, unknown>, string | undefined]>([
    [{}, undefined],
    [
      { name: 'a', blocked: false, count: 3, metadata: {}, tags: [], items: [{}], anything: null },
      undefined,
    ],
    [{ name: '' }, 'String is too short (0 chars), minimum 1 on property name'],
    [{ name: 5 }, 'Expected type string but found type integer on property name'],
    [{ blocked: 'yes' }, 'Expected type boolean but found type string on property blocked'],
    [{ count: 1.5 }, 'Expected type integer but found type number on property count'],
    [{ metadata: [] }, 'Expected type object but found type array on property metadata'],
    [{ metadata: null }, 'Expected type object but found type null on property metadata'],
    [{ tags: ['a', 1] }, 'Expected type array of strings but found type array on property tags'],
    [{ items: [1] }, 'Expected type array of objects but found type array on property items'],
    [{ shoe_size: 9, hat: 1, name: 5 }, 'Additional properties not allowed: shoe_size,hat'],
  ])('%j → %s', (body, message) => {
    const expected = message === undefined ? undefined : `Payload validation error: '${message}'.`
    expect(problem(body)).toBe(expected)
  })

  it('reports a missing required field before a wrong kind', () => {
    expect(problem({ count: 'x' }, { required: ['name'] })).toBe(
      "Payload validation error: 'Missing required property: name'.",
    )
  })

  it('keeps unlisted fields of an open body, and returns a copy', () => {
    const body = { name: 'a', custom: { deep: [1] } }
    const out = checkBody(body, FIELDS, { open: true })
    expect(out).toEqual(body)
    expect(out).not.toBe(body)
    ;(out as { custom: { deep: number[] } }).custom.deep.push(2)
    expect(body.custom.deep).toEqual([1])
  })
})

describe('mergeMetadata', () => {
  it('merges one level deep; null removes a key', () => {
    expect(mergeMetadata({ a: 1, b: { x: 1 } }, { a: null, b: { y: 2 }, c: 3 })).toEqual({
      b: { y: 2 },
      c: 3,
    })
    expect(mergeMetadata(undefined, { a: 1 })).toEqual({ a: 1 })
  })
})

describe('typeOf', () => {
  it.each([
    [null, 'null'],
    [[], 'array'],
    [1, 'integer'],
    [1.5, 'number'],
    ['s', 'string'],
    [{}, 'object'],
    [true, 'boolean'],
  ])('%j is %s', (v, t) => expect(typeOf(v)).toBe(t))
})
