import { describe, expect, it } from 'vitest'
import { encodeQuery } from './encode.js'

describe('encodeQuery', () => {
  const query = {
    fields: ['a', 'b'],
    include_fields: true,
    page: 0,
    q: 'name:"x y"',
    skip: undefined,
    none: null,
  }

  it('comma-joins arrays by default, drops undefined and null, and spells booleans and numbers', () => {
    expect(encodeQuery(query)).toBe('fields=a%2Cb&include_fields=true&page=0&q=name%3A%22x+y%22')
  })

  it('repeats the key for each array item in repeat mode', () => {
    expect(encodeQuery({ strategy: ['auth0', 'samlp'], take: 50 }, 'repeat')).toBe(
      'strategy=auth0&strategy=samlp&take=50',
    )
    expect(encodeQuery({ strategy: [] }, 'repeat')).toBe('')
  })

  it('is empty for no query', () => {
    expect(encodeQuery(undefined)).toBe('')
    expect(encodeQuery({})).toBe('')
  })
})
