// Every operation of the generated declarations, with sample calls built from the generator's manifest (the facts it
// recorded per operation: route, parameters and their types, body fields) and the request each call must send.
import { readFileSync } from 'node:fs'
import * as groups from '../../src/generated/index.js'
import type { OperationSpec } from '../../src/operation.js'

interface ManifestOperation {
  route: string
  path?: Record<string, string>
  query?: Record<string, string>
  request?: 'json' | 'query' | 'multipart'
  requestType: string
  body?: string
  response: 'json' | 'none' | 'optional' | 'stream'
  list?: { items?: string; paging: string }
  source: 'definition' | 'node-auth0'
}
interface Manifest {
  operations: Record<string, ManifestOperation>
  fields: Record<string, Record<string, string>>
}

export const manifest = JSON.parse(
  readFileSync(new URL('../../src/generated/manifest.json', import.meta.url), 'utf8'),
) as Manifest

/** One operation: its id (`users.roles.list`), where it sits, its descriptor and its manifest facts. */
export interface Entry {
  id: string
  group: string[]
  name: string
  op: OperationSpec
  facts: ManifestOperation
}

function walk(table: Record<string, unknown>, path: string[], out: Entry[]): void {
  for (const [name, value] of Object.entries(table)) {
    const v = value as Record<string, unknown>
    if (typeof v['method'] === 'string' && typeof v['path'] === 'string') {
      const id = [...path, name].join('.')
      const facts = manifest.operations[id]
      if (!facts) throw new Error(`${id}: not in the manifest`)
      out.push({ id, group: path, name, op: v as unknown as OperationSpec, facts })
    } else walk(v, [...path, name], out)
  }
}

/** Every operation the generated declarations hold, in a stable order. */
export const entries: Entry[] = (() => {
  const out: Entry[] = []
  walk(groups as unknown as Record<string, unknown>, [], out)
  return out.sort((a, b) => (a.id < b.id ? -1 : 1))
})()

/** Path parameter values that need percent-encoding. */
export const pathArgs = (e: Entry): string[] =>
  Object.keys(e.facts.path ?? {}).map((_, i) => `id${i} a/b c|é`)

/** A sample value of a manifest type, for a query parameter or a body field. */
export function sample(type: string, key = ''): unknown {
  const t = type.replace(/ \| null$/, '')
  if (t === 'Upload') return new Blob(['[{"email":"a@example.com"}]'], { type: 'application/json' })
  if (t.endsWith('[]')) {
    const item = sample(t.slice(0, -2), key)
    return typeof item === 'object' ? [item] : [item, item === 'a b/c' ? 'd' : item]
  }
  if (t === 'string') return 'a b/c'
  if (t === 'number') return 7
  if (t === 'boolean') return true
  const literal = /^"([^"]*)"/.exec(t)
  if (literal) return literal[1]
  if (/Enum$|Param$/.test(t)) return 'x-enum'
  return {}
}

function objectOf(fields: Record<string, string>, all: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [raw, type] of Object.entries(fields)) {
    const optional = raw.endsWith('?')
    if (optional && !all) continue
    const key = optional ? raw.slice(0, -1) : raw
    out[key] = sample(type, key)
  }
  return out
}

/**
 * The request object of a call: `undefined` for none (or a minimal call of an operation whose fields are all
 * optional), else every parameter (`all`) or the required ones.
 */
export function requestOf(e: Entry, all: boolean): unknown {
  const { facts } = e
  if (facts.request === 'query') {
    const q = objectOf(facts.query ?? {}, all)
    return Object.keys(q).length === 0 && !all ? undefined : q
  }
  if (facts.request === 'json' || facts.request === 'multipart') {
    const fields = facts.body === undefined ? undefined : manifest.fields[facts.body]
    if (fields === undefined) return { sample: 'a b/c', n: 1 }
    const body = objectOf(fields, all)
    return Object.keys(body).length === 0 && !all ? undefined : body
  }
  return undefined
}

/** The arguments of a call: the path parameters, then the request object when there is one. */
export function callArgs(e: Entry, all: boolean): unknown[] {
  const request = requestOf(e, all)
  return e.facts.request === undefined || request === undefined
    ? pathArgs(e)
    : [...pathArgs(e), request]
}

/** Walks a client to the method of an entry, or `undefined` when it has none. */
export function methodOf(client: unknown, e: Entry): ((...args: unknown[]) => unknown) | undefined {
  let node = client as Record<string, unknown> | undefined
  for (const segment of e.group) node = node?.[segment] as Record<string, unknown> | undefined
  const method = node?.[e.name]
  return typeof method === 'function'
    ? (method as (...args: unknown[]) => unknown).bind(node)
    : undefined
}

/** A request as it reached the wire, comparable between clients. */
export interface Wire {
  method: string
  /** The path as sent, percent-encoding kept. */
  path: string
  /** The query as decoded pairs, sorted: key order and `+`/`%20` are not part of the contract. */
  query: [string, string][]
  contentType: string | null
  /** The parsed JSON body, multipart parts as `[name, value]` by name (files as `{ file, type, text }`), or null. */
  body: unknown
  headers: Headers
}

/** Reads what a fetch was asked to send. */
export async function wireOf(input: RequestInfo | URL, init?: RequestInit): Promise<Wire> {
  const req = new Request(input, init)
  const url = new URL(req.url)
  const query = [...url.searchParams].sort((a, b) =>
    a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1,
  )
  const type = req.headers.get('content-type')
  let body: unknown
  if (type?.startsWith('multipart/form-data')) {
    const parts: [string, unknown][] = []
    for (const [name, value] of await req.formData())
      parts.push([
        name,
        typeof value === 'string'
          ? value
          : { file: value.name, type: value.type, text: await value.text() },
      ])
    // part order is not part of the contract either
    body = parts.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  } else {
    const text = await req.text()
    body = text === '' ? null : (JSON.parse(text) as unknown)
  }
  return {
    method: req.method,
    path: url.pathname,
    query,
    contentType: type === null ? null : type.split(';')[0]!.trim(),
    body,
    headers: req.headers,
  }
}

/** A response each client can read for an operation: a page of one item, an event, no content, or an object. */
export function responseFor(e: Entry): Response {
  const { facts } = e
  if (facts.response === 'none') return new Response(null, { status: 204 })
  if (facts.response === 'stream')
    return new Response('event: user.created\ndata: {"id":"evt_1"}\n\n', {
      headers: { 'content-type': 'text/event-stream' },
    })
  if (facts.list) {
    const items = [{ id: 'item_1' }]
    const body =
      facts.list.items === undefined
        ? items
        : { [facts.list.items]: items, total: 1, start: 0, limit: 50 }
    return Response.json(body)
  }
  return Response.json({ id: 'result_1', operation: e.id })
}
