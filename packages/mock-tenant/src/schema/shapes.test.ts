import { describe, expect, it } from 'vitest'
import { operations } from '../generated/operations.js'
import { definitionMissing, definitionValidator } from '../test-utils/definition.js'
import { seeded } from './pattern.js'
import { Shapes, type Shape } from './shapes.js'

const NOW = Date.parse('2025-01-02T03:04:05.000Z')
const kit = new Shapes()

describe('fits', () => {
  const table = new Shapes({
    Role: {
      type: 'object',
      properties: { id: { type: 'string', pattern: '^rol_' }, n: { type: 'integer', minimum: 1 } },
      required: ['id'],
      additional: false,
    },
  })
  it.each<[unknown, Shape | string, boolean]>([
    [{ id: 'rol_1' }, 'Role', true],
    [{ id: 'x' }, 'Role', false],
    [{ id: 'rol_1', other: 1 }, 'Role', false],
    [{ n: 2 }, 'Role', false],
    [{ id: 'rol_1', n: 0 }, 'Role', false],
    [1.5, { type: 'integer' }, false],
    [2, { type: 'number' }, true],
    [null, { type: ['string', 'null'] }, true],
    ['b', { type: 'string', enum: ['a'] }, false],
    ['2025-01-01T00:00:00Z', { type: 'string', format: 'date-time' }, true],
    ['yesterday', { type: 'string', format: 'date-time' }, false],
    ['a', { type: 'any', oneOf: [{ type: 'string' }, { type: 'string', maxLength: 3 }] }, false],
    ['abcd', { type: 'any', oneOf: [{ type: 'string' }, { type: 'string', maxLength: 3 }] }, true],
    [[1, 'a'], { type: 'array', items: { type: 'integer' } }, false],
    [{ a: 1 }, { type: 'object', additional: { type: 'string' } }, false],
  ])('%j against %j → %s', (value, shape, expected) => {
    expect(table.fits(value, shape)).toBe(expected)
  })
})

describe('conform', () => {
  it('keeps what fits, drops what the shape forbids, fills what it requires', () => {
    const shape: Shape = {
      type: 'object',
      properties: {
        id: { type: 'string' },
        created_at: { type: 'string', format: 'date-time' },
        tags: { type: 'array', items: { type: 'string' }, minItems: 1 },
        size: { type: 'integer' },
      },
      required: ['id', 'created_at', 'tags'],
      additional: false,
    }
    expect(
      kit.conform({ id: 'a', size: 'big', secret: 'x', tags: [] }, shape, { now: NOW }),
    ).toEqual({
      id: 'a',
      tags: ['mock-tags'],
      created_at: '2025-01-02T03:04:05.000Z',
    })
  })
})

describe('the generated shapes', () => {
  const bodies = operations.flatMap((op) =>
    op.response.shape === undefined ? [] : [{ op, shape: op.response.shape }],
  )

  // Auth0's definition requires `credentials` of a phone provider and forbids every undeclared field, without
  // declaring it: no provider can follow these schemas, alone or in the list.
  const impossible = bodies.filter(({ shape }) => kit.contradiction(shape) !== undefined)

  it('are contradictory for exactly the phone provider bodies', () => {
    const provider = 'requires credentials, which it does not allow'
    expect(impossible.map(({ op, shape }) => `${op.id}: ${kit.contradiction(shape)}`)).toEqual([
      `branding.phone.providers.create: ${provider}`,
      `branding.phone.providers.get: ${provider}`,
      `branding.phone.providers.list: providers [] ${provider}`,
      `branding.phone.providers.update: ${provider}`,
    ])
  })

  it('sample a value that fits for every other operation with a body', () => {
    expect(bodies.length).toBeGreaterThan(370)
    for (const { op, shape } of bodies)
      if (!impossible.some((i) => i.op === op))
        expect(kit.fits(kit.sample(shape, { now: NOW, choices: seeded(1) }), shape), op.id).toBe(
          true,
        )
  })

  it.skipIf(definitionMissing !== undefined)(
    definitionMissing === undefined
      ? 'sample bodies that Auth0’s definition accepts, for every operation it declares'
      : `are not checked against Auth0's definition: ${definitionMissing}`,
    () => {
      const validator = definitionValidator()
      if (!validator) return
      const failures: string[] = []
      for (const { op, shape } of bodies) {
        if (op.addition || op.response.kind === 'stream' || impossible.some((i) => i.op === op))
          continue
        const body = kit.sample(shape, { now: NOW })
        const problems = validator.problems(op.method, op.path, op.status[0] as number, body)
        if (problems.length > 0) failures.push(`${op.id}: ${problems.join('; ')}`)
      }
      expect(failures).toEqual([])
    },
    // compiles the definition's schemas and validates ~400 bodies: seconds alone, much longer beside other suites
    120_000,
  )
})
