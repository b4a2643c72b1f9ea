// packages/mock-tenant/src/generated/operations.ts: the table the emulator serves every operation from. Derived
// facts only (no prose): per operation its route, the scopes it accepts, its request checks, its success statuses and
// its response kind; and a table of response shapes (types, enums, formats, patterns, bounds, declared and required
// fields) so the emulator can shape what it stores into bodies that follow the definition. Structurally identical
// shapes are listed once. mock-tenant imports no SDK package: this file is self-contained.
import {
  deref,
  refName,
  type HttpMethod,
  type JsonSchema,
  type Model,
  type ModelOperation,
} from './model.js'
import { typesOf } from './render.js'

/** The declarations the table is typed with; emitted at the top of the file. */
const DECLARATIONS = `
/** A value's type as JSON sees it. \`any\`: the definition does not constrain it. */
export type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'null' | 'any'

/** What a value must be: a shape, or the name of one in {@link shapes}. */
export type ShapeRef = Shape | string

/** The facts about a response value: enough to check one and to make a valid one. */
export interface Shape {
  /** One type, or several (\`['string', 'null']\`). */
  readonly type: JsonType | readonly JsonType[]
  readonly enum?: readonly (string | number | boolean | null)[]
  readonly const?: string | number | boolean | null
  readonly format?: string
  readonly pattern?: string
  readonly minLength?: number
  readonly maxLength?: number
  readonly minimum?: number
  readonly maximum?: number
  readonly minItems?: number
  readonly maxItems?: number
  readonly minProperties?: number
  readonly maxProperties?: number
  /** Arrays: the shape of each item. */
  readonly items?: ShapeRef
  /** Objects: the declared fields and what each must be. */
  readonly properties?: Readonly<Record<string, ShapeRef>>
  /** Objects: the fields that must be present. */
  readonly required?: readonly string[]
  /** Objects: fields beyond \`properties\`: \`false\` allows none, a shape is what each must be; absent allows any. */
  readonly additional?: false | ShapeRef
  /** Exactly one of these. */
  readonly oneOf?: readonly ShapeRef[]
  /** At least one of these. */
  readonly anyOf?: readonly ShapeRef[]
}

/** A request value's check: its basic type, and its enum when it has one. */
export interface FieldCheck {
  readonly type: JsonType | readonly JsonType[]
  readonly enum?: readonly (string | number | boolean | null)[]
  /** Arrays: the basic type of each item. */
  readonly items?: JsonType | readonly JsonType[]
}

/** One query parameter's check. */
export interface QueryCheck extends FieldCheck {
  readonly required?: true
}

/** The checks on a JSON or multipart body. */
export interface BodyCheck {
  readonly type: JsonType | readonly JsonType[]
  /** Top-level fields that must be present. */
  readonly required?: readonly string[]
  /** Top-level fields and their checks. */
  readonly fields?: Readonly<Record<string, FieldCheck>>
  /** Whether top-level fields beyond \`fields\` are allowed. */
  readonly open?: boolean
}

/** What a success response carries. */
export interface ResponseSpec {
  /** \`list\`: a paginated list (a bare array, or an object with the items under \`items\`, as include_totals selects). */
  readonly kind: 'object' | 'array' | 'list' | 'none' | 'stream' | 'any'
  /** Lists: the key of the items in the paginated object; absent when the list is always a bare array. */
  readonly items?: string
  readonly paging?: 'page' | 'checkpoint' | 'both'
  /** Lists: the shape of one item. */
  readonly item?: ShapeRef
  /** The whole body (of one event for streams). */
  readonly shape?: ShapeRef
}

/**
 * How the scopes of an operation the definition does not list were chosen (see the mock-tenant README), from the
 * definition's operations with the same verb: \`ancestor\`, on the nearest enclosing path; \`suffix\`, on the path
 * without its leading segments; \`family\`, the scopes most of them list under the same first segment;
 * \`convention\`, none, so \`<verb>:<first segment>\`.
 */
export type ScopeInference = 'ancestor' | 'suffix' | 'family' | 'convention'

/** One operation of the Management API. */
export interface OperationEntry {
  /** \`users.roles.list\` */
  readonly id: string
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Relative to \`/api/v2\`, with \`{name}\` path parameters. */
  readonly path: string
  /** Any one of these suffices. */
  readonly scopes: readonly string[]
  /** Present when the definition gives no scopes (the operations only node-auth0 declares): how they were inferred. */
  readonly scopesInferred?: ScopeInference
  /** The definition's operations the inferred scopes were taken from. */
  readonly scopesFrom?: readonly string[]
  readonly lifecycle?: 'GA' | 'EA' | 'beta'
  /** Where the request object goes: the query, a JSON body, or a multipart body. */
  readonly request?: 'query' | 'json' | 'multipart'
  readonly query?: Readonly<Record<string, QueryCheck>>
  readonly body?: BodyCheck
  /** The 2xx statuses the definition lists, lowest first. */
  readonly status: readonly number[]
  readonly response: ResponseSpec
  /** Declared from node-auth0 v7.1: not in Auth0's definition. */
  readonly addition?: true
}
`

type Json = string | number | boolean | null | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

const CONSTRAINTS = [
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
] as const

const isObjectJson = (v: Json | undefined): v is JsonObject =>
  v !== null && typeof v === 'object' && !Array.isArray(v)

/** Rewrites every shape reference (a string in a reference position) inside one shape. */
function mapRefs(shape: Json, f: (name: string) => string): Json {
  if (typeof shape === 'string') return f(shape)
  if (!isObjectJson(shape)) return shape
  const out: JsonObject = { ...shape }
  if (shape['items'] !== undefined) out['items'] = mapRefs(shape['items'], f)
  if (shape['additional'] !== undefined && shape['additional'] !== false)
    out['additional'] = mapRefs(shape['additional'], f)
  const props = shape['properties']
  if (isObjectJson(props))
    out['properties'] = Object.fromEntries(
      Object.entries(props).map(([k, v]) => [k, mapRefs(v, f)]),
    )
  for (const key of ['oneOf', 'anyOf'] as const) {
    const alternatives = shape[key]
    if (Array.isArray(alternatives)) out[key] = alternatives.map((a) => mapRefs(a, f))
  }
  return out
}

class ShapeBuilder {
  readonly shapes = new Map<string, Json>()
  private readonly building = new Set<string>()

  constructor(private readonly model: Model) {}

  /** A named schema's shape, registered in the table, or an inline shape. */
  ref(s: JsonSchema): Json {
    if (s.$ref === undefined) return this.shape(s)
    const name = refName(s.$ref)
    if (!this.shapes.has(name) && !this.building.has(name)) {
      this.building.add(name)
      const target = this.model.schemas[name]
      if (target === undefined) throw new Error(`unresolved schema ${name}`)
      this.shapes.set(name, this.shape(target))
      this.building.delete(name)
    }
    return name
  }

  shape(s: JsonSchema): Json {
    if (s.$ref !== undefined) return this.ref(s)
    if (s.allOf !== undefined) return this.merged(s)
    const out: JsonObject = { type: basicType(s) }
    const alternatives = s.oneOf ?? s.anyOf
    if (alternatives !== undefined) {
      const shapes = alternatives.map((a) => this.ref(a))
      // a `type` beside oneOf/anyOf (`['object', 'null']`) is one more condition, kept as an alternative
      if (typesOf(s).includes('null')) shapes.push({ type: 'null' })
      out['type'] = 'any'
      out[s.oneOf !== undefined ? 'oneOf' : 'anyOf'] = shapes
      return out
    }
    if (s.enum !== undefined) out['enum'] = s.enum as Json[]
    if ('const' in s) out['const'] = s.const as Json
    for (const k of CONSTRAINTS) if (s[k] !== undefined) out[k] = s[k] as Json
    if (s.items !== undefined) out['items'] = this.ref(s.items)
    if (s.properties !== undefined) {
      const props: JsonObject = {}
      for (const [k, p] of Object.entries(s.properties)) props[k] = this.ref(p)
      out['properties'] = props
    }
    if (s.required !== undefined && s.required.length > 0) out['required'] = [...s.required]
    if (s.additionalProperties === false) out['additional'] = false
    else if (typeof s.additionalProperties === 'object')
      out['additional'] = this.ref(s.additionalProperties)
    return out
  }

  /** allOf: one object shape with the fields of every member. */
  private merged(s: JsonSchema): Json {
    const props: Record<string, JsonSchema> = {}
    const required = new Set<string>()
    let closed = false
    const collect = (x: JsonSchema): void => {
      const d = deref(this.model.schemas, x)
      Object.assign(props, d.properties)
      for (const r of d.required ?? []) required.add(r)
      if (d.properties !== undefined && d.additionalProperties === false) closed = true
      for (const m of d.allOf ?? []) collect(m)
    }
    const { allOf, ...own } = s
    const members = allOf ?? []
    if (
      own.properties === undefined &&
      members.every((m) => basicType(deref(this.model.schemas, m)) === 'string')
    )
      return { type: 'string' }
    collect(own)
    for (const m of members) collect(m)
    const out: JsonObject = { type: 'object' }
    const properties: JsonObject = {}
    for (const [k, p] of Object.entries(props)) properties[k] = this.ref(p)
    if (Object.keys(properties).length > 0) out['properties'] = properties
    if (required.size > 0) out['required'] = [...required].sort()
    if (closed) out['additional'] = false
    return out
  }

  /**
   * The table with structurally identical shapes listed once, under the first of their names, and a function from
   * any name to the name listed. Refined to a fixpoint: two shapes are merged once every shape they name is.
   */
  canonical(): { table: Map<string, Json>; nameOf: (name: string) => string } {
    const canon = new Map<string, string>([...this.shapes.keys()].map((k) => [k, k]))
    const nameOf = (n: string) => canon.get(n) ?? n
    for (;;) {
      const byKey = new Map<string, string>()
      let changed = false
      for (const name of [...this.shapes.keys()].sort()) {
        const key = JSON.stringify(mapRefs(this.shapes.get(name) as Json, nameOf))
        const first = byKey.get(key)
        if (first === undefined) byKey.set(key, nameOf(name))
        else if (nameOf(name) !== first) {
          canon.set(name, first)
          changed = true
        }
      }
      if (!changed) break
    }
    for (const [name, target] of canon) {
      let t = target
      while (canon.get(t) !== t) t = canon.get(t) as string
      canon.set(name, t)
    }
    const table = new Map<string, Json>()
    for (const name of [...this.shapes.keys()].sort())
      if (nameOf(name) === name) table.set(name, mapRefs(this.shapes.get(name) as Json, nameOf))
    return { table, nameOf }
  }
}

/** The JSON type(s) of a schema, without following `$ref`. */
function basicType(s: JsonSchema): Json {
  const types = typesOf(s)
  if (types.length === 0) {
    if (s.properties !== undefined || s.additionalProperties !== undefined) return 'object'
    if (s.items !== undefined) return 'array'
    if (s.enum !== undefined) {
      const kinds = [...new Set(s.enum.map((v) => (v === null ? 'null' : typeof v)))]
      return kinds.length === 1 ? (kinds[0] as string) : kinds
    }
    return 'any'
  }
  return types.length === 1 ? (types[0] as string) : types
}

function fieldCheck(model: Model, s: JsonSchema): Json {
  const d = deref(model.schemas, s)
  const alternatives = d.oneOf ?? d.anyOf
  let type: Json
  if (alternatives !== undefined) {
    const kinds = new Set<string>()
    for (const a of alternatives) {
      const t = basicType(deref(model.schemas, a))
      for (const k of Array.isArray(t) ? t : [t]) kinds.add(String(k))
    }
    if (typesOf(d).includes('null')) kinds.add('null')
    type = kinds.has('any')
      ? 'any'
      : kinds.size === 1
        ? ([...kinds][0] as string)
        : [...kinds].sort()
  } else if (d.allOf !== undefined) {
    const t = d.allOf.map((m) => basicType(deref(model.schemas, m)))
    type = t.every((x) => x === 'string') ? 'string' : 'object'
  } else type = basicType(d)
  const out: JsonObject = { type }
  if (d.enum !== undefined) out['enum'] = d.enum as Json[]
  if (d.items !== undefined) out['items'] = basicType(deref(model.schemas, d.items))
  return out
}

function bodyCheck(model: Model, s: JsonSchema): Json {
  const d = deref(model.schemas, s)
  const check = fieldCheck(model, s) as JsonObject
  const out: JsonObject = { type: check['type'] as Json }
  const props: Record<string, JsonSchema> = {}
  const required = new Set<string>()
  let open = d.additionalProperties !== false
  const collect = (x: JsonSchema): void => {
    const y = deref(model.schemas, x)
    Object.assign(props, y.properties)
    for (const r of y.required ?? []) required.add(r)
    for (const m of y.allOf ?? []) collect(m)
    if (y !== d && y.properties !== undefined && y.additionalProperties === false) open = false
  }
  if (d.oneOf === undefined && d.anyOf === undefined) collect(d)
  if (required.size > 0) out['required'] = [...required]
  const fields: JsonObject = {}
  for (const [k, p] of Object.entries(props)) fields[k] = fieldCheck(model, p)
  if (Object.keys(fields).length > 0) {
    out['fields'] = fields
    out['open'] = open
  }
  return out
}

function responseSpec(model: Model, op: ModelOperation, shapes: ShapeBuilder): JsonObject {
  if (op.response === 'none' || op.responseSchema === undefined) return { kind: 'none' }
  const shape = shapes.ref(op.responseSchema)
  if (op.response === 'stream') return { kind: 'stream', shape }
  if (op.list !== undefined) {
    const out: JsonObject = { kind: 'list' }
    if (op.list.items !== undefined) out['items'] = op.list.items
    out['paging'] = op.list.paging
    out['item'] = shapes.ref(op.list.item)
    out['shape'] = shape
    return out
  }
  const t = basicType(deref(model.schemas, op.responseSchema))
  return { kind: t === 'object' ? 'object' : t === 'array' ? 'array' : 'any', shape }
}

const VERB: Record<HttpMethod, string> = {
  GET: 'read',
  POST: 'create',
  PUT: 'update',
  PATCH: 'update',
  DELETE: 'delete',
}

const segmentsOf = (path: string) => path.split('/').slice(1)
const isParam = (segment: string) => segment.startsWith('{')

/** Whether a definition path serves these segments: its `{param}` matches any one, a literal only itself. */
function serves(template: readonly string[], segments: readonly string[]): boolean {
  return (
    template.length === segments.length &&
    template.every((t, i) => isParam(t) || (!isParam(segments[i] as string) && t === segments[i]))
  )
}

/**
 * The scopes of an operation the definition does not list, from the definition's operations with the same verb
 * (GET read, POST create, PUT and PATCH update, DELETE delete): on the nearest enclosing path, else on the path
 * without its leading segments (`/keys/network-acls` → `/network-acls`), else under the same first segment (the
 * scopes most of them list), else `<verb>:<first segment>` by Auth0's naming convention.
 */
export function inferScopes(
  op: Pick<ModelOperation, 'method' | 'path'>,
  known: readonly ModelOperation[],
): { scopes: string[]; rule: string; from: string[] } {
  const verb = VERB[op.method]
  const candidates = known.filter((k) => VERB[k.method] === verb && k.scopes.length > 0)
  const pick = (rule: string, found: readonly ModelOperation[]) => {
    const sorted = [...found].sort((a, b) => (a.id < b.id ? -1 : 1))
    return {
      scopes: [...new Set(sorted.flatMap((k) => k.scopes))],
      rule,
      from: sorted.map((k) => k.id),
    }
  }
  const segments = segmentsOf(op.path)
  for (let n = segments.length; n >= 1; n--) {
    const found = candidates.filter((k) => serves(segmentsOf(k.path), segments.slice(0, n)))
    if (found.length > 0) return pick('ancestor', found)
  }
  for (let drop = 1; drop < segments.length && !isParam(segments[drop] as string); drop++) {
    const found = candidates.filter((k) => serves(segmentsOf(k.path), segments.slice(drop)))
    if (found.length > 0) return pick('suffix', found)
  }
  const first = segments[0] as string
  const family = new Map<string, ModelOperation[]>()
  for (const k of candidates)
    if (segmentsOf(k.path)[0] === first) {
      const key = k.scopes.join(' ')
      family.set(key, [...(family.get(key) ?? []), k])
    }
  const common = [...family.values()].sort((a, b) => b.length - a.length)[0]
  if (common !== undefined)
    return { scopes: [...(common[0] as ModelOperation).scopes], rule: 'family', from: [] }
  return { scopes: [`${verb}:${first.replace(/-/g, '_')}`], rule: 'convention', from: [] }
}

function entry(model: Model, op: ModelOperation, shapes: ShapeBuilder): JsonObject {
  const out: JsonObject = { id: op.id, method: op.method, path: op.path }
  if (op.scopes.length > 0) out['scopes'] = op.scopes
  else {
    const inferred = inferScopes(
      op,
      model.operations.filter((o) => o.source === 'definition'),
    )
    out['scopes'] = inferred.scopes
    out['scopesInferred'] = inferred.rule
    if (inferred.from.length > 0) out['scopesFrom'] = inferred.from
  }
  if (op.lifecycle !== undefined) out['lifecycle'] = op.lifecycle
  if (op.request !== undefined) out['request'] = op.request
  if (op.query.length > 0) {
    const query: JsonObject = {}
    for (const p of op.query) {
      const check = fieldCheck(model, p.schema) as JsonObject
      query[p.name] = p.required ? { ...check, required: true } : check
    }
    out['query'] = query
  }
  if (op.body !== undefined) out['body'] = bodyCheck(model, op.body.schema)
  out['status'] = op.responses.map((r) => r.status)
  out['response'] = responseSpec(model, op, shapes)
  if (op.source === 'node-auth0') out['addition'] = true
  return out
}

/** The unformatted source of packages/mock-tenant/src/generated/operations.ts, without the header. */
export function emitMockTenant(model: Model): string {
  const shapes = new ShapeBuilder(model)
  const entries = model.operations.map((op) => entry(model, op, shapes))
  const { table, nameOf } = shapes.canonical()
  const response = (r: Json) => mapRefs(r, nameOf)
  for (const e of entries) {
    const spec = e['response'] as JsonObject
    for (const key of ['item', 'shape'] as const)
      if (spec[key] !== undefined) spec[key] = response(spec[key])
  }
  return [
    DECLARATIONS.trim(),
    '',
    '/** Every operation, sorted by id. */',
    `export const operations: readonly OperationEntry[] = ${JSON.stringify(entries)}`,
    '',
    '/** Response shapes by schema name, structurally identical ones once: the facts of each field, recursively. */',
    `export const shapes: Readonly<Record<string, Shape>> = ${JSON.stringify(Object.fromEntries(table))}`,
    '',
  ].join('\n')
}
