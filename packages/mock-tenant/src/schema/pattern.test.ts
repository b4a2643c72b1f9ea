import { describe, expect, it } from 'vitest'
import { shapes } from '../generated/operations.js'
import { matches, sampleMatching, seeded } from './pattern.js'

/** Every pattern the response shapes use, with its length bounds. */
function patterns(): { pattern: string; minLength?: number; maxLength?: number }[] {
  const out = new Map<string, { pattern: string; minLength?: number; maxLength?: number }>()
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit)
    else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>
      if (typeof o['pattern'] === 'string') {
        const found = { pattern: o['pattern'] } as {
          pattern: string
          minLength?: number
          maxLength?: number
        }
        if (typeof o['minLength'] === 'number') found.minLength = o['minLength']
        if (typeof o['maxLength'] === 'number') found.maxLength = o['maxLength']
        out.set(JSON.stringify(found), found)
      }
      Object.values(o).forEach(visit)
    }
  }
  visit(shapes)
  return [...out.values()]
}

describe('sampleMatching', () => {
  it.each([
    ['^con_[A-Za-z0-9]{16}$', 'con_AAAAAAAAAAAAAAAA'],
    ['^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$', 'a'],
    ['^\\+[0-9]{1,15}$', '+0'],
    ['^#([\\dA-Fa-f]{6}|[\\dA-Fa-f]{3})$', '#000000'],
    ['^(?!-)(?!.*--)(?:[a-zA-Z0-9-]|{org_id}|{org_name})*$', ''],
    ['^[^<>]+$', 'a'],
    ['^\\d{12}$', '000000000000'],
  ])('%s → %s', (pattern, expected) => {
    expect(sampleMatching(pattern)).toBe(expected)
  })

  it('honours minLength and maxLength', () => {
    expect(sampleMatching('^[a-z]+$', { minLength: 5 })).toBe('aaaaa')
    expect(sampleMatching('^[a-z]{3,}$', { maxLength: 2 })).toBeUndefined()
  })

  it('gives different strings from different seeds, each matching', () => {
    const ids = new Set(
      Array.from({ length: 20 }, (_, i) => sampleMatching('^rol_[a-zA-Z0-9]{16}$', {}, seeded(i))),
    )
    expect(ids.size).toBe(20)
    for (const id of ids) expect(id).toMatch(/^rol_[a-zA-Z0-9]{16}$/)
  })

  it('samples every pattern of the response shapes, each within its bounds', () => {
    const all = patterns()
    expect(all.length).toBeGreaterThan(50)
    for (const { pattern, ...bounds } of all) {
      const s = sampleMatching(pattern, bounds)
      expect(s, pattern).toBeTypeOf('string')
      expect(matches(pattern, s as string), pattern).toBe(true)
      expect([...(s as string)].length).toBeGreaterThanOrEqual(bounds.minLength ?? 0)
    }
  })

  it('treats a pattern no RegExp accepts as no constraint', () => {
    expect(matches('(', 'x')).toBe(true)
    expect(sampleMatching('(')).toBeUndefined()
  })
})
