// One client per group: every group of the generated index has its own, built alone over the same runtime code.
import { describe, expect, it } from 'vitest'
import * as groups from '../generated/index.js'
import * as resources from './resources.js'

describe('resource clients', () => {
  it('exist for each of the 47 groups, named as node-auth0 names them', () => {
    const expected = Object.keys(groups)
      .map((g) => `${g[0]?.toUpperCase()}${g.slice(1)}Client`)
      .sort()
    expect(
      Object.keys(resources)
        .filter((k) => k.endsWith('Client'))
        .sort(),
    ).toEqual(expected)
    expect(expected).toHaveLength(47)
    expect(resources.GROUPS).toEqual({ ...groups })
  })

  it('hold a method per operation and a property per subgroup', () => {
    const users = new resources.UsersClient({ domain: 't.example.com', token: 'T' })
    expect(Object.keys(users).sort()).toEqual(Object.keys(groups.users).sort())
    expect(users.roles.list).toBeTypeOf('function')
    expect(users.roles).toBe(users.roles)
  })
})
