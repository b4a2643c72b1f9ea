import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { describeDifference } from './diff.js'
import { emitManagement, groupTree, kebab, operationConstName } from './emit-management.js'
import { definition, noAdditions, noOverrides, op, smallDefinition } from './fixtures.js'
import { prettierFormatter } from './format.js'
import { generate, HEADER, MANAGEMENT_DIR, MOCK_TENANT_DIR } from './generate.js'
import { buildModel } from './model.js'

const root = resolve(import.meta.dirname, '../..')
const run = (def = smallDefinition()) =>
  generate({
    definition: def,
    additions: noAdditions,
    overrides: noOverrides,
    format: prettierFormatter(root),
  })

/** Every string at least `min` characters long under a description-like key, anywhere in a value. */
function prose(value: unknown, min: number, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) prose(v, min, out)
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) {
      if (
        typeof v === 'string' &&
        (k === 'description' || k === 'summary' || k.startsWith('x-description')) &&
        v.length >= min
      )
        out.push(v)
      else prose(v, min, out)
    }
  return out
}

describe('generate', () => {
  it('writes the group files, the index, the types, the manifest and the mock-tenant table', async () => {
    const out = await run()
    expect([...out.files.keys()]).toEqual([
      `${MANAGEMENT_DIR}/index.ts`,
      `${MANAGEMENT_DIR}/manifest.json`,
      `${MANAGEMENT_DIR}/operations/roles.ts`,
      `${MANAGEMENT_DIR}/operations/users.ts`,
      `${MANAGEMENT_DIR}/types.ts`,
      `${MOCK_TENANT_DIR}/operations.ts`,
    ])
    for (const [path, text] of out.files)
      if (path.endsWith('.ts')) expect(text.startsWith(`${HEADER}\n`), path).toBe(true)
      else expect(JSON.parse(text)['//']).toBe(HEADER.slice(3))
    expect(out.files.get(`${MANAGEMENT_DIR}/index.ts`)).toBe(
      `${HEADER}\nexport { roles } from './operations/roles.js'\nexport { users } from './operations/users.js'\n`,
    )
  })

  it('declares each operation as its own typed const, with its facts in TSDoc', async () => {
    const users = (await run()).files.get(`${MANAGEMENT_DIR}/operations/users.ts`) as string
    expect(users).toContain(`/**
 * \`GET /users\`
 *
 * Scopes (any one): \`read:list\`.
 */
export const usersList = {
  method: 'GET',
  path: '/users',
  request: 'query',
  list: { items: 'users', paging: 'page' },
} as Operation<[], T.ListUsersRequestParameters, T.ListUsersResponseContent, T.UserResponseSchema>`)
    expect(users).toContain(
      "export const usersDelete = { method: 'DELETE', path: '/users/{id}', response: 'none' } as Operation<\n  [id: string],\n  void,\n  void\n>",
    )
    expect(users).toContain(
      "export const usersCreate = {\n  method: 'POST',\n  path: '/users',\n  request: 'json',\n  customDomain: true,\n}",
    )
    expect(users).toMatch(/\n \* Lifecycle: EA\.\n \*\/\nexport const usersRolesList = /)
    const roles = (await run()).files.get(`${MANAGEMENT_DIR}/operations/roles.ts`) as string
    expect(roles).toContain('[role_id: T.RoleIdEnum, user_id: string]')
  })

  it('groups the consts in one object per group, its type naming each const with the same TSDoc', async () => {
    const users = (await run()).files.get(`${MANAGEMENT_DIR}/operations/users.ts`) as string
    expect(users).toContain(`export const users: {
  /**
   * \`POST /users\`
   *
   * Scopes (any one): \`read:create\`.
   */
  create: typeof usersCreate`)
    // Subgroups nest under the next x-operation-group segment, in the type and in the value.
    expect(users).toContain(`  roles: {
    /**
     * \`GET /users/{id}/roles\`
     *
     * Scopes (any one): \`read:list\`.
     *
     * Lifecycle: EA.
     */
    list: typeof usersRolesList
  }
} = {
  create: usersCreate,`)
    expect(users).toContain(`  roles: {
    list: usersRolesList,
  },
}`)
    // The group object comes last, after every const it names.
    expect(users.indexOf('export const users: ')).toBeGreaterThan(
      users.indexOf('export const usersRolesList = '),
    )
  })

  it('names each const by its group path and name in camelCase', () => {
    expect(operationConstName({ group: ['users', 'roles'], name: 'list' })).toBe('usersRolesList')
    expect(operationConstName({ group: ['attackProtection'], name: 'getSettings' })).toBe(
      'attackProtectionGetSettings',
    )
  })

  it('fails loudly when two operations would be exported under one name', () => {
    const def = definition({
      '/a/b': { get: op(['a', 'b'], 'list') },
      '/a/c': { get: op('a', 'bList') },
    })
    expect(() => emitManagement(buildModel(def, noAdditions, noOverrides).operations)).toThrow(
      'a.b.list and a.bList would both be exported as aBList',
    )
  })

  it('gives byte-identical output on a second run', async () => {
    const a = await run()
    const b = await run()
    expect([...b.files]).toEqual([...a.files])
  })

  it('copies no description or summary text into any file', async () => {
    const def = smallDefinition()
    const texts = prose(def, 20)
    expect(texts.length).toBeGreaterThan(10)
    const out = await run(def)
    for (const [path, text] of out.files)
      for (const t of texts) expect(text.includes(t), `${path}: ${t}`).toBe(false)
  })

  it('fails loudly when a name is both an operation and a subgroup', () => {
    const def = definition({
      '/a/roles': { get: op('a', 'roles') },
      '/a/roles/x': { get: op(['a', 'roles'], 'list') },
    })
    expect(() => groupTree(buildModel(def, noAdditions, noOverrides).operations)).toThrow(
      'a.roles is both an operation and a group of operations',
    )
  })

  it('names group files in kebab-case, as the API paths are', () => {
    expect(kebab('attackProtection')).toBe('attack-protection')
    expect(kebab('users')).toBe('users')
  })

  it('writes a mock-tenant entry per operation: scopes, checks, statuses and response kind', async () => {
    const text = (await run()).files.get(`${MOCK_TENANT_DIR}/operations.ts`) as string
    expect(text).not.toMatch(/\bimport\b/)
    expect(text).toContain(`  {
    id: 'users.create',
    method: 'POST',
    path: '/users',
    scopes: ['read:create'],
    lifecycle: 'GA',
    request: 'json',
    body: {
      type: 'object',
      required: ['connection'],
      fields: {
        connection: { type: 'string' },
        email: { type: 'string' },
        user_metadata: { type: 'object' },
      },
      open: false,
    },
    status: [201],
    response: { kind: 'object', shape: 'CreateUserResponseContent' },
  },`)
    expect(text).toContain(`    response: {
      kind: 'list',
      items: 'users',
      paging: 'page',
      item: 'CreateUserResponseContent',
      shape: 'ListUsersResponseContent',
    },`)
    expect(text).toContain(`  Role: {
    type: 'object',
    properties: { id: { type: 'string' }, name: { type: 'string' } },
    required: ['id'],
    additional: false,
  },`)
  })
})

describe('describeDifference', () => {
  it('shows the differing lines with their numbers and a little context', () => {
    expect(describeDifference('a\nb\nc\nd\n', 'a\nb\nX\nd\n')).toEqual([
      '    1   a',
      '    2   b',
      '    3 - c',
      '    3 + X',
    ])
  })
})
