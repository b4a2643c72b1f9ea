// The committed manifest of operation facts (packages/management/src/generated/manifest.json), and the change
// summary between two manifests: operations added, removed and changed, and which changes would break users.
import { deref, refName, type JsonSchema, type Model, type ModelOperation } from './model.js'
import { renderType } from './render.js'

/**
 * Fields of an object type: `name` when required, `name?` when optional, each with its TypeScript type. Top-level
 * only: enough to flag a removed response field or a newly required request field; deeper changes show in the diff
 * of types.ts.
 */
export type Fields = Record<string, string>

export interface OperationFact {
  /** `GET /users/{id}` */
  route: string
  /** Path parameters in path order, with their types. */
  path?: Fields
  /** Query parameters (`name?` when optional), with their types. */
  query?: Fields
  request?: string
  /** The request type as the descriptor writes it (`T.CreateUserRequestContent`, `void`...). */
  requestType: string
  /** The key in `fields` of the body object's fields. */
  body?: string
  response: string
  responseType: string
  /** The key in `fields` of the response object's fields (of one item for lists). */
  responseFields?: string
  list?: { items?: string; paging: string }
  scopes: string[]
  lifecycle?: string
  source: string
}

export interface Manifest {
  /** Bumped when the shape of this file changes. */
  version: 1
  operations: Record<string, OperationFact>
  /** Fields of the request and response object types, by schema name (or `<operation id>:request|response`). */
  fields: Record<string, Fields>
}

const nameOf = (n: string): string => n

function fieldsOf(model: Model, s: JsonSchema): Fields | undefined {
  let top = s
  const d = deref(model.schemas, top)
  if (d.oneOf !== undefined || d.anyOf !== undefined) return undefined
  if (d.type === 'array' && d.items !== undefined) top = d.items
  const props: Record<string, JsonSchema> = {}
  const required = new Set<string>()
  const collect = (x: JsonSchema): void => {
    const y = deref(model.schemas, x)
    for (const [k, v] of Object.entries(y.properties ?? {})) props[k] = v
    for (const r of y.required ?? []) required.add(r)
    for (const m of y.allOf ?? []) collect(m)
  }
  collect(top)
  const keys = Object.keys(props).sort()
  if (keys.length === 0) return undefined
  const out: Fields = {}
  for (const k of keys)
    out[required.has(k) ? k : `${k}?`] = renderType(props[k] as JsonSchema, { nameOf })
  return out
}

/** Registers the fields of a schema under its name (or `fallback` when inline) and returns the key. */
function register(
  model: Model,
  canonical: (schema: string) => string,
  fields: Record<string, Fields>,
  s: JsonSchema | undefined,
  fallback: string,
): string | undefined {
  if (s === undefined) return undefined
  const d = deref(model.schemas, s)
  const item = d.type === 'array' && d.items !== undefined ? d.items : s
  const key = item.$ref !== undefined ? canonical(refName(item.$ref)) : fallback
  if (fields[key] !== undefined) return key
  const f = fieldsOf(model, s)
  if (f === undefined) return undefined
  fields[key] = f
  return key
}

function fact(
  model: Model,
  op: ModelOperation,
  types: { request: string; response: string },
  canonical: (schema: string) => string,
  fields: Record<string, Fields>,
): OperationFact {
  const f: OperationFact = {
    route: `${op.method} ${op.path}`,
    requestType: types.request,
    response: op.response,
    responseType: types.response,
    scopes: op.scopes,
    source: op.source,
  }
  if (op.pathParams.length > 0)
    f.path = Object.fromEntries(
      op.pathParams.map((p) => [p.name, renderType(p.schema, { nameOf })]),
    )
  if (op.query.length > 0)
    f.query = Object.fromEntries(
      op.query.map((p) => [p.required ? p.name : `${p.name}?`, renderType(p.schema, { nameOf })]),
    )
  if (op.request !== undefined) f.request = op.request
  const body = register(model, canonical, fields, op.body?.schema, `${op.id}:request`)
  if (body !== undefined) f.body = body
  const response = register(
    model,
    canonical,
    fields,
    op.list?.item ?? op.responseSchema,
    `${op.id}:response`,
  )
  if (response !== undefined) f.responseFields = response
  if (op.list !== undefined)
    f.list =
      op.list.items === undefined
        ? { paging: op.list.paging }
        : { items: op.list.items, paging: op.list.paging }
  if (op.lifecycle !== undefined) f.lifecycle = op.lifecycle
  // A stable key order, whatever order the fields were set in.
  const order = [
    'route',
    'path',
    'query',
    'request',
    'requestType',
    'body',
    'response',
    'responseType',
    'responseFields',
    'list',
    'scopes',
    'lifecycle',
    'source',
  ]
  return Object.fromEntries(
    order.filter((k) => k in f).map((k) => [k, f[k as keyof OperationFact]]),
  ) as unknown as OperationFact
}

/**
 * The facts of every operation. `canonical` maps a schema name to the one its shape is declared under, so that the
 * fields of identical types are listed once.
 */
export function buildManifest(
  model: Model,
  typesOf: (op: ModelOperation) => { request: string; response: string },
  canonical: (schema: string) => string = (n) => n,
): Manifest {
  const operations: Record<string, OperationFact> = {}
  const fields: Record<string, Fields> = {}
  for (const op of model.operations)
    operations[op.id] = fact(model, op, typesOf(op), canonical, fields)
  const sorted: Record<string, Fields> = {}
  for (const k of Object.keys(fields).sort()) sorted[k] = fields[k] as Fields
  return { version: 1, operations, fields: sorted }
}

export interface Change {
  id: string
  what: string
  breaking: boolean
}

export interface ChangeSummary {
  /** There was no manifest before: every operation is new. */
  initial: boolean
  added: string[]
  removed: string[]
  /** Operations with at least one change, and each change. */
  changed: Change[]
}

/** The members of a top-level union, for telling a narrowed type from a widened one. */
function members(type: string): Set<string> {
  const out: string[] = []
  let depth = 0
  let cur = ''
  for (let i = 0; i < type.length; i++) {
    const c = type[i] as string
    if (c === '"' || c === "'") {
      const end = type.indexOf(c, i + 1)
      cur += type.slice(i, end + 1)
      i = end
      continue
    }
    if ('({[<'.includes(c)) depth++
    if (')}]>'.includes(c)) depth--
    if (c === '|' && depth === 0) {
      out.push(cur.trim())
      cur = ''
    } else cur += c
  }
  out.push(cur.trim())
  return new Set(out)
}

/** `narrowed` when some old member is gone, `widened` when only members were added. */
function compareTypes(before: string, after: string): 'same' | 'narrowed' | 'widened' {
  if (before === after) return 'same'
  const a = members(before)
  const b = members(after)
  for (const m of a) if (!b.has(m)) return 'narrowed'
  return 'widened'
}

/** `{ 'a': T, 'b?': U }` → name → { type, required }. */
function parseFields(f: Fields | undefined): Map<string, { type: string; required: boolean }> {
  const out = new Map<string, { type: string; required: boolean }>()
  for (const [k, type] of Object.entries(f ?? {}))
    out.set(k.endsWith('?') ? k.slice(0, -1) : k, { type, required: !k.endsWith('?') })
  return out
}

function compareFields(
  id: string,
  where: 'request field' | 'response field' | 'query parameter',
  beforeFields: Fields | undefined,
  afterFields: Fields | undefined,
  out: Change[],
): void {
  const before = parseFields(beforeFields)
  const after = parseFields(afterFields)
  const request = where !== 'response field'
  for (const [name, a] of before) {
    const b = after.get(name)
    if (b === undefined) {
      out.push({ id, what: `${where} ${name} removed`, breaking: true })
      continue
    }
    if (request && !a.required && b.required)
      out.push({ id, what: `${where} ${name} is now required`, breaking: true })
    if (!request && a.required && !b.required)
      out.push({ id, what: `${where} ${name} is now optional`, breaking: true })
    const t = compareTypes(a.type, b.type)
    if (t !== 'same')
      out.push({
        id,
        what: `${where} ${name}: ${a.type} → ${b.type}`,
        // A request accepting less, or a response returning more, breaks code written against the old type.
        breaking: request ? t === 'narrowed' : t === 'widened',
      })
  }
  for (const [name, b] of after)
    if (!before.has(name))
      out.push({
        id,
        what: `${where} ${name} added${b.required ? ' (required)' : ''}`,
        breaking: request && b.required,
      })
}

function compareOperation(
  id: string,
  a: OperationFact,
  b: OperationFact,
  fa: Record<string, Fields>,
  fb: Record<string, Fields>,
  out: Change[],
): void {
  const push = (what: string, breaking: boolean): void => void out.push({ id, what, breaking })
  if (a.route !== b.route) push(`route ${a.route} → ${b.route}`, true)
  const pathA = Object.entries(a.path ?? {})
  const pathB = Object.entries(b.path ?? {})
  if (pathA.length !== pathB.length)
    push(
      `path parameters (${pathA.map((p) => p[0]).join(', ')}) → (${pathB.map((p) => p[0]).join(', ')})`,
      true,
    )
  else
    for (const [i, [name, type]] of pathA.entries()) {
      const t = compareTypes(type, (pathB[i] as [string, string])[1])
      if (t !== 'same')
        push(
          `path parameter ${name}: ${type} → ${(pathB[i] as [string, string])[1]}`,
          t === 'narrowed',
        )
    }
  compareFields(id, 'query parameter', a.query, b.query, out)
  if (a.request !== b.request) push(`request ${a.request ?? 'none'} → ${b.request ?? 'none'}`, true)
  else if (a.body === undefined && b.body === undefined && a.requestType !== b.requestType)
    push(
      `request type ${a.requestType} → ${b.requestType}`,
      compareTypes(a.requestType, b.requestType) === 'narrowed',
    )
  compareFields(
    id,
    'request field',
    a.body === undefined ? undefined : fa[a.body],
    b.body === undefined ? undefined : fb[b.body],
    out,
  )
  if (a.response !== b.response) push(`response ${a.response} → ${b.response}`, true)
  else if (
    a.responseFields === undefined &&
    b.responseFields === undefined &&
    a.responseType !== b.responseType
  )
    push(
      `response type ${a.responseType} → ${b.responseType}`,
      compareTypes(a.responseType, b.responseType) === 'widened',
    )
  compareFields(
    id,
    'response field',
    a.responseFields === undefined ? undefined : fa[a.responseFields],
    b.responseFields === undefined ? undefined : fb[b.responseFields],
    out,
  )
  if (JSON.stringify(a.list) !== JSON.stringify(b.list))
    push(`list ${JSON.stringify(a.list ?? null)} → ${JSON.stringify(b.list ?? null)}`, true)
  const lost = a.scopes.filter((s) => !b.scopes.includes(s))
  const gained = b.scopes.filter((s) => !a.scopes.includes(s))
  if (lost.length > 0) push(`scopes no longer accepted: ${lost.join(', ')}`, true)
  if (gained.length > 0) push(`scopes now accepted: ${gained.join(', ')}`, false)
  if (a.lifecycle !== b.lifecycle)
    push(`lifecycle ${a.lifecycle ?? 'none'} → ${b.lifecycle ?? 'none'}`, false)
  if (a.source !== b.source) push(`source ${a.source} → ${b.source}`, false)
}

/** What changed from one manifest to the next. */
/** A committed manifest, or undefined when there is none or it has another shape. */
export function parseManifest(text: string | undefined): Manifest | undefined {
  if (text === undefined) return undefined
  const m = JSON.parse(text) as Partial<Manifest>
  return m.version === 1 && typeof m.operations === 'object' && typeof m.fields === 'object'
    ? (m as Manifest)
    : undefined
}

export function diffManifests(before: Manifest | undefined, after: Manifest): ChangeSummary {
  const a = before?.operations ?? {}
  const b = after.operations
  const added = Object.keys(b)
    .filter((id) => a[id] === undefined)
    .sort()
  const removed = Object.keys(a)
    .filter((id) => b[id] === undefined)
    .sort()
  const changed: Change[] = []
  for (const id of Object.keys(a).sort()) {
    const x = a[id]
    const y = b[id]
    if (x !== undefined && y !== undefined)
      compareOperation(id, x, y, before?.fields ?? {}, after.fields, changed)
  }
  return { initial: before === undefined, added, removed, changed }
}

/** The summary as the generator prints it. */
export function formatSummary(s: ChangeSummary, limit = 400): string {
  const ops = new Set(s.changed.map((c) => c.id))
  const breaking = s.changed.filter((c) => c.breaking)
  const lines = [
    `operations: ${s.added.length} added, ${s.removed.length} removed, ${ops.size} changed` +
      ` (${breaking.length + s.removed.length} breaking changes)`,
  ]
  if (s.initial) return `operations: ${s.added.length} (no committed manifest to compare with)`
  for (const id of s.removed) lines.push(`  - ${id}  [breaking: removed]`)
  for (const c of breaking) lines.push(`  ~ ${c.id}: ${c.what}  [breaking]`)
  for (const id of s.added) lines.push(`  + ${id}`)
  for (const c of s.changed) if (!c.breaking) lines.push(`  ~ ${c.id}: ${c.what}`)
  if (lines.length <= limit + 1) return lines.join('\n')
  return [...lines.slice(0, limit + 1), `  ... ${lines.length - limit - 1} more lines`].join('\n')
}
