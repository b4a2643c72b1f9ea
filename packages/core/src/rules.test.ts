import { describe, expect, it } from 'vitest'
import { isOptionsError, OptionsError } from './options-error.js'
import {
  arrayOf,
  checkOptions,
  either,
  fn,
  integer,
  nonEmptyString,
  oneOf,
  oneOrMany,
  optionProblems,
  positive,
  url,
  withMethods,
} from './rules.js'

describe('rules', () => {
  it.each([
    [nonEmptyString, 'a', true],
    [nonEmptyString, '', false],
    [nonEmptyString, 1, false],
    [url, 'https://tenant.auth0.com/x', true],
    [url, 'ftp://x', false],
    [url, 'https://a b', false],
    [positive, 1, true],
    [positive, 0, false],
    [positive, Number.POSITIVE_INFINITY, false],
    [positive, Number.NaN, false],
    [integer(0, 10), 10, true],
    [integer(0, 10), 1.5, false],
    [integer(0, 10), 11, false],
    [oneOf(['a', 'b']), 'b', true],
    [oneOf(['a', 'b']), 'c', false],
    [oneOrMany(nonEmptyString), ['a', 'b'], true],
    [oneOrMany(nonEmptyString), [], false],
    [oneOrMany(nonEmptyString), ['a', ''], false],
    [arrayOf(nonEmptyString), ['a'], true],
    [arrayOf(nonEmptyString), 'a', false],
    [withMethods('get', 'set'), { get() {}, set() {} }, true],
    [withMethods('get', 'set'), { get() {} }, false],
    [either(fn, nonEmptyString), 'x', true],
    [either(fn, nonEmptyString), () => 'x', true],
    [either(fn, nonEmptyString), 1, false],
  ] as const)('%# fits: %s', (check, value, fits) => {
    expect(check(value) === undefined).toBe(fits)
  })

  it('describes what each rule expects', () => {
    expect(oneOrMany(nonEmptyString)(1)).toBe('a non-empty string, or a non-empty array of them')
    expect(arrayOf(url)(1)).toBe('an array of an absolute http(s) URL')
    expect(either(fn, nonEmptyString)(1)).toBe('a function, or a non-empty string')
    expect(withMethods('acquire', 'update')(1)).toBe('an object with functions acquire, update')
  })
})

describe('optionProblems and checkOptions', () => {
  const rules = { domain: nonEmptyString, timeout: positive, fetch: fn }

  it('lists every problem, by path: unknown, required and wrong type', () => {
    expect(
      optionProblems({ timeout: 0, extra: 1 }, rules, {
        required: ['domain'],
        prefix: 'restOptions.',
      }),
    ).toEqual([
      'restOptions.extra: unknown option',
      'restOptions.domain: is required',
      'restOptions.timeout: expected a finite number > 0',
    ])
  })

  it('skips absent and undefined keys unless required, and accepts keys declared known', () => {
    expect(optionProblems({ timeout: undefined, other: 1 }, rules, { known: ['other'] })).toEqual(
      [],
    )
    expect(optionProblems(undefined, rules)).toEqual([])
  })

  it('reports a value that is not an object at its path', () => {
    expect(optionProblems(5, rules)).toEqual(['(root): expected an object'])
    expect(optionProblems([], rules, { prefix: 'restOptions.' })).toEqual([
      'restOptions: expected an object',
    ])
  })

  it('throws one OptionsError with the problems and a stable code', () => {
    let error: unknown
    try {
      checkOptions('Test options', { domain: '', timeout: -1 }, rules)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(OptionsError)
    expect(error).toBeInstanceOf(TypeError)
    expect(isOptionsError(error)).toBe(true)
    const e = error as OptionsError
    expect(e.code).toBe('invalid_options')
    expect(e.where).toBe('Test options')
    expect(e.problems).toEqual([
      'domain: expected a non-empty string',
      'timeout: expected a finite number > 0',
    ])
    expect(e.message).toBe(
      'Invalid Test options:\n  - domain: expected a non-empty string\n  - timeout: expected a finite number > 0',
    )
    expect(Object.isFrozen(e.problems)).toBe(true)
  })

  it('passes when every option fits', () => {
    expect(() => checkOptions('Test options', { domain: 'a', timeout: 1 }, rules)).not.toThrow()
  })

  it('recognises an OptionsError by brand, not by class identity', () => {
    const foreign = Object.assign(new TypeError('x'), {
      [Symbol.for('auth0-ts.OptionsError')]: true,
    })
    expect(isOptionsError(foreign)).toBe(true)
    expect(isOptionsError(new TypeError('x'))).toBe(false)
    expect(isOptionsError(null)).toBe(false)
  })
})
