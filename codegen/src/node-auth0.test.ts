// additions.ts and overrides.ts are transcriptions of node-auth0 v7.1: check them against the installed auth0@7.1.0
// (a devDependency), and, when ../shared/oas is present, check that the 30 additions are exactly the operations
// node-auth0 has and the definition lacks.
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { additionOperations } from './additions.js'
import type { OasDocument } from './model.js'
import { overrides } from './overrides.js'
import { listNodeAuth0, pathShape, type NodeAuth0Operation } from './tools/list-node-auth0.js'

const OAS = resolve(import.meta.dirname, '../../../shared/oas/management-api-oas.json')

let ops: NodeAuth0Operation[] = []
let byId = new Map<string, NodeAuth0Operation>()
beforeAll(() => {
  ops = listNodeAuth0()
  byId = new Map(ops.map((o) => [`${o.group}.${o.name}`, o]))
})

describe('node-auth0 v7.1, as the lister reads it', () => {
  it('has 457 operations, each with a method and a path', () => {
    expect(ops).toHaveLength(457)
    const usersGet = byId.get('users.get')
    expect(usersGet).toMatchObject({
      method: 'GET',
      path: '/users/{id}',
      args: ['id'],
      request: 'query',
    })
    expect(byId.get('users.roles.list')).toMatchObject({
      path: '/users/{id}/roles',
      page: { items: 'roles', by: 'page' },
      query: [
        { name: 'per_page', default: 50 },
        { name: 'page', default: 0 },
        { name: 'include_totals', default: true },
      ],
    })
  })
})

describe('additions.ts', () => {
  it('declares each addition with node-auth0’s method, path, query parameters and request kind', () => {
    for (const a of additionOperations) {
      const id = `${a.group}.${a.name}`
      const n = byId.get(id)
      expect(n, id).toBeDefined()
      expect([n?.method, n?.path], id).toEqual([a.method, expect.any(String)])
      expect(pathShape(n?.path ?? ''), id).toBe(pathShape(a.path))
      expect(n?.query.map((q) => q.name).sort(), id).toEqual(Object.keys(a.query ?? {}).sort())
      const kind = a.body !== undefined ? 'json' : a.query !== undefined ? 'query' : 'none'
      expect(n?.request, id).toBe(kind)
      if (a.requestName !== undefined)
        expect(n?.requestType, id).toBe(`Management.${a.requestName}`)
      // A void result in node-auth0 is a body-less response here.
      expect(n?.responseType2?.includes('<void>'), id).toBe(a.response.schema === undefined)
    }
  })
})

describe('overrides.ts', () => {
  it('lists exactly the query defaults node-auth0 sends, in its order', () => {
    const sent: Record<string, Record<string, string | number | boolean>> = {}
    for (const o of ops) {
      const d = o.query.filter((q) => q.default !== undefined)
      if (d.length > 0)
        sent[`${o.group}.${o.name}`] = Object.fromEntries(
          d.map((q) => [q.name, q.default as string]),
        )
    }
    expect(overrides.queryDefaults).toEqual(sent)
    for (const [id, d] of Object.entries(overrides.queryDefaults))
      expect(Object.keys(d), id).toEqual(Object.keys(sent[id] ?? {}))
  })

  it('names request and response types as node-auth0 does', () => {
    for (const [id, names] of Object.entries(overrides.typeNames)) {
      if (names.request !== undefined)
        expect(byId.get(id)?.requestType, id).toBe(`Management.${names.request}`)
      if (names.response !== undefined)
        expect(byId.get(id)?.responseType2, id).toMatch(
          new RegExp(`\\bManagement\\.${names.response}\\b`),
        )
    }
  })
})

describe.skipIf(!existsSync(OAS))('against the definition', () => {
  let def: OasDocument
  const routes = new Map<string, { id: string; query: string[] }>()
  beforeAll(() => {
    def = JSON.parse(readFileSync(OAS, 'utf8')) as OasDocument
    for (const [path, item] of Object.entries(def.paths))
      for (const [method, o] of Object.entries(item)) {
        const g = o['x-operation-group'] as string | string[]
        routes.set(`${method.toUpperCase()} ${pathShape(path)}`, {
          id: `${Array.isArray(g) ? g.join('.') : g}.${o['x-operation-name']}`,
          query: (o.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        })
      }
  })

  it('the additions are exactly the 30 operations node-auth0 has and the definition lacks', () => {
    const onlyNode = ops
      .filter((o) => !routes.has(`${o.method} ${pathShape(o.path)}`))
      .map((o) => `${o.group}.${o.name}`)
    expect(onlyNode.sort()).toEqual(additionOperations.map((a) => `${a.group}.${a.name}`).sort())
    expect(onlyNode).toHaveLength(30)
    expect(routes.size).toBe(452)
    const nodeRoutes = new Set(ops.map((o) => `${o.method} ${pathShape(o.path)}`))
    expect([...routes.keys()].filter((r) => !nodeRoutes.has(r))).toHaveLength(25)
  })

  it('node-auth0 names every shared operation as the definition does', () => {
    for (const o of ops) {
      const r = routes.get(`${o.method} ${pathShape(o.path)}`)
      if (r !== undefined) expect(`${o.group}.${o.name}`).toBe(r.id)
    }
  })

  it('extraQuery holds exactly the query parameters node-auth0 sends beyond the definition', () => {
    const extra: Record<string, string[]> = {}
    for (const o of ops) {
      const r = routes.get(`${o.method} ${pathShape(o.path)}`)
      const beyond = o.query
        .map((q) => q.name)
        .filter((n) => r !== undefined && !r.query.includes(n))
      if (beyond.length > 0) extra[`${o.group}.${o.name}`] = beyond.sort()
    }
    expect(
      Object.fromEntries(
        Object.entries(overrides.extraQuery).map(([id, q]) => [id, Object.keys(q).sort()]),
      ),
    ).toEqual(extra)
  })
})
