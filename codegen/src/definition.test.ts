// The generator on Auth0's real definition, when ../shared/oas is present (CI passes without it).
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { generate, type GenerateOutput } from './generate.js'
import { deref, type OasDocument } from './model.js'

const OAS = resolve(import.meta.dirname, '../../../shared/oas/management-api-oas.json')

/** Every string of at least `min` characters under a description-like key. */
function prose(value: unknown, min: number, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) prose(v, min, out)
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) {
      const describes = k === 'description' || k === 'summary' || k.startsWith('x-description')
      if (describes && typeof v === 'string') {
        if (v.trim().length >= min) out.add(v.trim())
      } else prose(v, min, out)
    }
  return out
}

describe.skipIf(!existsSync(OAS))("Auth0's Management API definition", () => {
  let def: OasDocument
  let out: GenerateOutput
  beforeAll(async () => {
    def = JSON.parse(readFileSync(OAS, 'utf8')) as OasDocument
    // Formatting changes no text, so the checks below run on the unformatted output.
    out = await generate({ definition: def, format: async (_, text) => text })
  })

  it('gives 482 operations: the definition’s 452 and the 30 additions', () => {
    const ops = out.model.operations
    expect(ops).toHaveLength(482)
    expect(ops.filter((o) => o.source === 'definition')).toHaveLength(452)
    expect(ops.filter((o) => o.source === 'node-auth0')).toHaveLength(30)
    const groups = new Set(ops.map((o) => o.group[0]))
    expect(groups.size).toBe(47)
    expect(groups.has('agents')).toBe(true)
    expect([...out.files.keys()].filter((p) => p.includes('/operations/'))).toHaveLength(47)
  })

  it('reads the facts the client depends on', () => {
    const ops = out.model.operations
    expect(ops.filter((o) => o.customDomain).map((o) => o.id)).toHaveLength(9)
    const arrayBodies = ops.filter(
      (o) => o.body !== undefined && deref(out.model.schemas, o.body.schema).type === 'array',
    )
    expect(arrayBodies.map((o) => o.id)).toEqual([
      'connections.clients.update',
      'guardian.policies.set',
      'hooks.secrets.delete',
      'users.authenticationMethods.set',
    ])
    expect(ops.filter((o) => o.request === 'multipart').map((o) => o.id)).toEqual([
      'jobs.usersImports.create',
    ])
    expect(ops.filter((o) => o.response === 'stream').map((o) => o.id)).toEqual([
      'events.subscribe',
    ])
    expect(ops.filter((o) => o.list !== undefined)).toHaveLength(80)
    expect(ops.filter((o) => o.source === 'definition' && o.scopes.length === 0)).toEqual([])
    const users = ops.find((o) => o.id === 'users.list')
    expect(users?.list).toMatchObject({ items: 'users', paging: 'page' })
    expect(users?.defaults).toEqual({ page: 0, per_page: 50, include_totals: true })
  })

  it('copies no description or summary text of the definition into any file', () => {
    const texts = [...prose(def, 20)]
    expect(texts.length).toBeGreaterThan(1000)
    const leaks: string[] = []
    for (const [path, text] of out.files)
      for (const t of texts) if (text.includes(t)) leaks.push(`${path}: ${t.slice(0, 80)}`)
    expect(leaks).toEqual([])
  })

  it('declares the types once per shape, and far smaller than node-auth0’s', () => {
    const { declarations, aliases, reachable, requestObjects, operationNames } = out.types
    expect(declarations + aliases).toBe(reachable + requestObjects + operationNames)
    expect(out.types.aliases).toBeGreaterThan(200)
    const types = out.files.get('packages/management/src/generated/types.ts') as string
    expect(types.length).toBeLessThan(700_000)
    expect(types).not.toMatch(/\bany\b(?![\w'"])/)
  })
})
