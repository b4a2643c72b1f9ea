import { describe, expect, it } from 'vitest'
import { renderAlike, show } from './errors.js'

describe('renderAlike', () => {
  it.each([
    ['NFC against NFD', 'caf\u00e9', 'cafe\u0301', true],
    ['a Cyrillic е', 'https://example.com/', 'https://\u0435xample.com/', true],
    ['a Greek Ο', 'OK', '\u039fK', true],
    ['a zero-width space', 'CID', 'C\u200bID', true],
    ['a fullwidth letter', 'abc', 'ab\uff43', true],
    ['an accent dropped', 'café', 'cafe', true],
    ['equal strings', 'same', 'same', false],
    ['visibly different', 'café', 'thé', false],
    ['case', 'Acme', 'acme', false],
  ])('%s: %s / %s → %s', (_title, a, b, alike) => {
    expect(renderAlike(a, b)).toBe(alike)
    expect(renderAlike(b, a)).toBe(alike)
  })
})

describe('show', () => {
  it('strips control characters and caps the length', () => {
    expect(show('a\u0000b\nc\u2028')).toBe('abc')
    expect(show('x'.repeat(120))).toBe(`${'x'.repeat(100)}…`)
    expect(show({ a: 1 })).toBe('{"a":1}')
  })

  it('escapes everything outside printable ASCII when asked, astral characters included', () => {
    expect(show('caf\u00e9\u200b\n\u{1f600}', true)).toBe('caf\\u00e9\\u200b\\u000a\\u{1f600}')
    expect(show('\u0435'.repeat(30), true)).toHaveLength(101)
  })
})
