import { describe, expect, it } from 'vitest'
import { missingScopes, type ScopeRule } from './route.js'

describe('missingScopes', () => {
  const held = new Set(['read:users', 'update:users_app_metadata'])
  it.each<[ScopeRule, readonly string[] | undefined]>([
    [{ allOf: [] }, undefined],
    [{ allOf: ['read:users'] }, undefined],
    [{ allOf: ['read:users', 'read:roles'] }, ['read:roles']],
    [{ allOf: ['create:users', 'read:roles'] }, ['create:users', 'read:roles']],
    [{ anyOf: [] }, undefined],
    [{ anyOf: ['update:users', 'update:users_app_metadata'] }, undefined],
    [
      { anyOf: ['update:users', 'update:current_user_metadata'] },
      ['update:users', 'update:current_user_metadata'],
    ],
  ])('%j → %j', (rule, missing) => {
    expect(missingScopes(rule, held)).toEqual(missing)
  })
})
