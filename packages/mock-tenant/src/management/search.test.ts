import { describe, expect, it } from 'vitest'
import { compileQuery } from './search.js'

const users = [
  {
    user_id: 'auth0|1',
    email: 'ada@example.com',
    name: 'Ada Lovelace',
    logins_count: 3,
    app_metadata: { plan: 'pro' },
    identities: [{ connection: 'Username-Password-Authentication' }],
  },
  {
    user_id: 'auth0|2',
    email: 'alan@example.com',
    name: 'Alan Turing',
    logins_count: 10,
    app_metadata: { plan: 'free' },
    identities: [{ connection: 'Username-Password-Authentication' }],
  },
  {
    user_id: 'amazon|3',
    email: 'grace@example.com',
    name: 'Grace Hopper',
    logins_count: 0,
    identities: [{ connection: 'Amazon-Connection' }],
  },
]
const ids = (q: string | null) => users.filter(compileQuery(q)).map((u) => u.user_id)

describe('compileQuery', () => {
  it.each([
    [null, ['auth0|1', 'auth0|2', 'amazon|3']],
    ['email:"ada@example.com"', ['auth0|1']],
    ['email:ADA@EXAMPLE.COM', ['auth0|1']],
    ['name:al*', ['auth0|2']],
    ['name:"Ada"', []],
    ['user_id:"amazon|3"', ['amazon|3']],
    ['connection:"Amazon-Connection"', ['amazon|3']],
    ['identities.connection:"Username-Password-Authentication"', ['auth0|1', 'auth0|2']],
    ['app_metadata.plan:pro', ['auth0|1']],
    ['_exists_:app_metadata.plan', ['auth0|1', 'auth0|2']],
    ['logins_count:[1 TO 10]', ['auth0|1', 'auth0|2']],
    ['logins_count:{3 TO *]', ['auth0|2']],
    ['turing', ['auth0|2']],
    ['gra*', ['amazon|3']],
    ['name:ada* OR name:grace*', ['auth0|1', 'amazon|3']],
    ['name:a* AND NOT app_metadata.plan:free', ['auth0|1']],
    ['name:a* -email:alan@example.com', ['auth0|1']],
    [
      '(name:ada* OR name:alan*) connection:"Username-Password-Authentication"',
      ['auth0|1', 'auth0|2'],
    ],
  ])('%s', (q, expected) => {
    expect(ids(q)).toEqual(expected)
  })

  it.each(['email:"unterminated', '(name:a*', 'name:a*)', 'AND', 'name:'])(
    'rejects %s with a 400',
    (q) => {
      expect(() => compileQuery(q)).toThrow(expect.objectContaining({ status: 400 }))
    },
  )
})
