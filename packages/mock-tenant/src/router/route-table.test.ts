import { describe, expect, it } from 'vitest'
import { HttpError } from '../http.js'
import { RouteTable, type Method } from './route-table.js'

function table(routes: [Method, string, string][]): RouteTable<string> {
  const t = new RouteTable<string>()
  for (const [method, path, name] of routes) t.add(method, path, name)
  return t
}

describe('RouteTable', () => {
  const t = table([
    ['GET', '/users', 'list'],
    ['POST', '/users', 'create'],
    ['GET', '/users/{id}', 'get'],
    ['GET', '/users/{id}/roles', 'roles'],
    ['GET', '/organizations/name/{name}', 'orgByName'],
    ['GET', '/organizations/{id}', 'org'],
    ['GET', '/organizations/{id}/members', 'members'],
    ['GET', '/organizations/{id}/members/{userId}/roles', 'memberRoles'],
    ['GET', '/.well-known/jwks.json', 'jwks'],
  ])

  it.each([
    ['GET', '/users', 'list', {}],
    ['POST', '/users', 'create', {}],
    ['GET', '/users/', 'list', {}],
    ['GET', '/users/auth0%7C65a0', 'get', { id: 'auth0|65a0' }],
    ['GET', '/users/a%2Fb/roles', 'roles', { id: 'a/b' }],
    ['GET', '/organizations/name/acme', 'orgByName', { name: 'acme' }],
    // a literal segment first, then the parameter when the literal leads nowhere
    ['GET', '/organizations/name', 'org', { id: 'name' }],
    ['GET', '/organizations/name/members', 'orgByName', { name: 'members' }],
    [
      'GET',
      '/organizations/org_1/members/auth0%7C1/roles',
      'memberRoles',
      { id: 'org_1', userId: 'auth0|1' },
    ],
    ['GET', '/.well-known/jwks.json', 'jwks', {}],
  ] as const)('%s %s → %s', (method, path, name, params) => {
    expect(t.match(method, path)).toMatchObject({ value: name, params })
  })

  it.each([
    ['DELETE', '/users'],
    ['GET', '/nowhere'],
    ['GET', '/users/a/b'],
    ['GET', '/users//roles'],
    ['PATCH', '/users/x'],
    ['GET', ''],
  ])('%s %s matches nothing', (method, path) => {
    expect(t.match(method, path)).toBeUndefined()
  })

  it('refuses a malformed percent-encoding with a 400', () => {
    let error: unknown
    try {
      t.match('GET', '/users/%E0%A4%A')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(HttpError)
    expect(error).toMatchObject({ status: 400, body: { errorCode: 'invalid_uri' } })
  })

  it('backtracks from a literal to a parameter for the method asked', () => {
    const u = table([
      ['GET', '/jobs/{id}', 'job'],
      ['POST', '/jobs/verification-email', 'verify'],
    ])
    expect(u.match('GET', '/jobs/verification-email')).toMatchObject({
      value: 'job',
      params: { id: 'verification-email' },
    })
    expect(u.match('POST', '/jobs/verification-email')?.value).toBe('verify')
  })

  it('serves the hand-written route over a generated one of the same shape, in either order', () => {
    for (const handFirst of [true, false]) {
      const u = new RouteTable<string>()
      const hand = () => u.add('PATCH', '/users/{id}', 'hand')
      const generated = () => u.add('PATCH', '/users/{user_id}', 'generated', 'generated')
      for (const add of handFirst ? [hand, generated] : [generated, hand]) add()
      // the parameter takes the serving route's name
      expect(u.match('PATCH', '/users/x')).toEqual({
        value: 'hand',
        template: '/users/{id}',
        source: 'hand-written',
        params: { id: 'x' },
      })
      expect([...u.entries()].map((e) => [e.source, e.shadowed]).sort()).toEqual([
        ['generated', true],
        ['hand-written', false],
      ])
      expect(u.size).toBe(2)
    }
  })

  it('refuses a duplicate of the same source and a malformed template', () => {
    const u = table([['GET', '/users/{id}', 'a']])
    expect(() => u.add('GET', '/users/{other}', 'b')).toThrow(/Duplicate hand-written route/)
    expect(() => u.add('GET', 'users', 'c')).toThrow(/must start with/)
    expect(() => u.add('GET', '/users/x{id}', 'c')).toThrow(/Bad segment/)
    expect(() => u.add('GET', '/users//x', 'c')).toThrow(/Bad segment/)
  })

  it('routes each of 480 operations to itself, with hand-written ones in front', () => {
    const u = new RouteTable<string>()
    const resources = Array.from({ length: 60 }, (_, i) => `resource-${i}`)
    const expected: [Method, string, string, Record<string, string>][] = []
    for (const r of resources) {
      const ops: [Method, string][] = [
        ['GET', `/${r}`],
        ['POST', `/${r}`],
        ['GET', `/${r}/{id}`],
        ['PATCH', `/${r}/{id}`],
        ['DELETE', `/${r}/{id}`],
        ['GET', `/${r}/{id}/links`],
        ['POST', `/${r}/{id}/links`],
        ['DELETE', `/${r}/{id}/links/{linkId}`],
      ]
      for (const [method, path] of ops) {
        u.add(method, path, `generated ${method} ${path}`, 'generated')
        const concrete = path.replace('{id}', 'id%201').replace('{linkId}', 'l')
        const params: Record<string, string> = {}
        if (path.includes('{id}')) params['id'] = 'id 1'
        if (path.includes('{linkId}')) params['linkId'] = 'l'
        expected.push([method, concrete, `generated ${method} ${path}`, params])
      }
    }
    u.add('GET', '/resource-7/{id}', 'hand')
    expect(u.size).toBe(481)
    for (const [method, path, value, params] of expected)
      expect(u.match(method, path)).toMatchObject({
        value: path === '/resource-7/id%201' && method === 'GET' ? 'hand' : value,
        params,
      })
  })
})
