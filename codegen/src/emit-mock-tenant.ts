// packages/mock-tenant/src/generated/operations.ts: the table the emulator serves every operation from. Derived
// facts only (no prose, not a copy of the definition): per operation its route, the scopes it accepts, its request
// checks, its success statuses and its response kind; and a table of shapes that names, for each response schema,
// the fields that must be present with their basic types, enums and formats, so the emulator can fill server-set
// fields validly. mock-tenant imports no SDK package: this file is self-contained.
import { deref, refName, type JsonSchema, type Model, type ModelOperation } from './model.js'
import { typesOf } from './render.js'

/** The declarations the table is typed with; emitted at the top of the file. */
const DECLARATIONS = `
/** A value's type as JSON sees it. \`any\`: the definition does not constrain it. */
export type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'null' | 'any'

/** What a field must be: a shape, or the name of one in {@link shapes}. */
export type ShapeRef = Shape | string

/** The facts about a value that the emulator needs to produce a valid one. */
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
  /** Arrays: the shape of each item. */
  readonly items?: ShapeRef
  /** Objects: the fields that must be present, and what each must be. */
  readonly required?: Readonly<Record<string, ShapeRef>>
  /** Objects: whether fields beyond the declared ones are allowed. */
  readonly open?: boolean
  /** Exactly one of these (the first is a safe choice). */
  readonly oneOf?: readonly ShapeRef[]
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
  /** The body (of one item for lists, of one event for streams). */
  readonly shape?: ShapeRef
}

/** One operation of the Management API. */
export interface OperationEntry {
  /** \`users.roles.list\` */
  readonly id: string
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Relative to \`/api/v2\`, with \`{name}\` path parameters. */
  readonly path: string
  /** Any one of these suffices. Empty for the operations only node-auth0 declares: the definition gives none. */
  readonly scopes: readonly string[]
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

const CONSTRAINTS = [
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
] as const

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
    const alternatives = s.oneOf ?? s.anyOf
    if (alternatives !== undefined) {
      const oneOf = alternatives.map((a) => this.ref(a))
      const nullable = typesOf(s).includes('null')
      return nullable
        ? { type: 'any', oneOf: [...oneOf, { type: 'null' }] }
        : { type: 'any', oneOf }
    }
    if (s.allOf !== undefined) return this.merged(s)
    const out: Record<string, Json> = { type: basicType(s) }
    if (s.enum !== undefined) out['enum'] = s.enum as Json[]
    if ('const' in s) out['const'] = s.const as Json
    for (const k of CONSTRAINTS) if (s[k] !== undefined) out[k] = s[k] as Json
    if (s.items !== undefined) out['items'] = this.ref(s.items)
    if (s.properties !== undefined || s.required !== undefined) {
      const required: Record<string, Json> = {}
      for (const k of s.required ?? []) {
        const p = s.properties?.[k]
        required[k] = p === undefined ? { type: 'any' } : this.ref(p)
      }
      if (Object.keys(required).length > 0) out['required'] = required
    }
    if (isObject(s)) out['open'] = s.additionalProperties !== false
    return out
  }

  /** allOf: one object shape with the required fields of every member. */
  private merged(s: JsonSchema): Json {
    const props: Record<string, JsonSchema> = {}
    const required = new Set<string>()
    let open = true
    const collect = (x: JsonSchema): void => {
      const d = deref(this.model.schemas, x)
      Object.assign(props, d.properties)
      for (const r of d.required ?? []) required.add(r)
      if (d.properties !== undefined && d.additionalProperties === false) open = false
      for (const m of d.allOf ?? []) collect(m)
    }
    const { allOf, ...own } = s
    collect(own)
    for (const m of allOf ?? []) collect(m)
    const allStrings = (s.allOf ?? []).every(
      (m) => basicType(deref(this.model.schemas, m)) === 'string',
    )
    if (allStrings && s.properties === undefined) return { type: 'string' }
    const out: Record<string, Json> = { type: 'object' }
    const req: Record<string, Json> = {}
    for (const k of [...required].sort()) {
      const p = props[k]
      req[k] = p === undefined ? { type: 'any' } : this.ref(p)
    }
    if (Object.keys(req).length > 0) out['required'] = req
    out['open'] = open
    return out
  }
}

function isObject(s: JsonSchema): boolean {
  return typesOf(s).includes('object') || (s.type === undefined && s.properties !== undefined)
}

/** The JSON type(s) of a schema, without following `$ref`. */
function basicType(s: JsonSchema): Json {
  const types = typesOf(s).map((t) => t)
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
  const out: Record<string, Json> = { type }
  if (d.enum !== undefined) out['enum'] = d.enum as Json[]
  if (d.items !== undefined) out['items'] = basicType(deref(model.schemas, d.items))
  return out
}

function bodyCheck(model: Model, s: JsonSchema): Json {
  const d = deref(model.schemas, s)
  const check = fieldCheck(model, s) as Record<string, Json>
  const out: Record<string, Json> = { type: check['type'] as Json }
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
  const fields: Record<string, Json> = {}
  for (const [k, p] of Object.entries(props)) fields[k] = fieldCheck(model, p)
  if (Object.keys(fields).length > 0) {
    out['fields'] = fields
    out['open'] = open
  }
  return out
}

function responseSpec(model: Model, op: ModelOperation, shapes: ShapeBuilder): Json {
  if (op.response === 'none' || op.responseSchema === undefined) return { kind: 'none' }
  if (op.response === 'stream') return { kind: 'stream', shape: shapes.ref(op.responseSchema) }
  if (op.list !== undefined) {
    const out: Record<string, Json> = { kind: 'list' }
    if (op.list.items !== undefined) out['items'] = op.list.items
    out['paging'] = op.list.paging
    out['shape'] = shapes.ref(op.list.item)
    return out
  }
  const d = deref(model.schemas, op.responseSchema)
  const t = basicType(d)
  const kind = t === 'object' ? 'object' : t === 'array' ? 'array' : 'any'
  return { kind, shape: shapes.ref(op.responseSchema) }
}

function entry(model: Model, op: ModelOperation, shapes: ShapeBuilder): Json {
  const out: Record<string, Json> = {
    id: op.id,
    method: op.method,
    path: op.path,
    scopes: op.scopes,
  }
  if (op.lifecycle !== undefined) out['lifecycle'] = op.lifecycle
  if (op.request !== undefined) out['request'] = op.request
  if (op.query.length > 0) {
    const query: Record<string, Json> = {}
    for (const p of op.query) {
      const check = fieldCheck(model, p.schema) as Record<string, Json>
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
  const table = [...shapes.shapes.keys()]
    .sort()
    .map((k) => [k, shapes.shapes.get(k) as Json] as const)
  return [
    DECLARATIONS.trim(),
    '',
    '/** Every operation, sorted by id. */',
    `export const operations: readonly OperationEntry[] = ${JSON.stringify(entries)}`,
    '',
    '/** Shapes of the response schemas, by schema name: the fields that must be present, recursively. */',
    `export const shapes: Readonly<Record<string, Shape>> = ${JSON.stringify(Object.fromEntries(table))}`,
    '',
  ].join('\n')
}
