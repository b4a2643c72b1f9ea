// packages/management/src/generated/types.ts: one TypeScript type per distinct shape among the schemas the
// operations reach, and the request objects of query operations, synthesized from their parameters. Schemas whose
// types are structurally identical (recursively) are declared once; every other name is an alias of that one.
import { refName, type JsonSchema, type Model, type ModelOperation } from './model.js'
import { isObjectLiteralType, renderType } from './render.js'

interface PoolEntry {
  schema: JsonSchema
  /** A synthesized request object of a query operation: optional keys also accept `undefined`. */
  query?: ModelOperation
  /** A name an operation gives its body or its response, apart from any schema's. */
  named?: { op: ModelOperation; what: 'body' | 'response' }
  lifecycle?: string
}

export interface TypeTable {
  /** The source of types.ts, unformatted, without the header. */
  source: string
  /** The emitted name a schema or request name resolves to (itself, or the declaration it aliases). */
  canonical: ReadonlyMap<string, string>
  stats: {
    /** Schemas in the definition plus the additions. */
    schemas: number
    /** Schemas the operations reach. */
    reachable: number
    /** Synthesized request objects of query operations. */
    requestObjects: number
    /** Names operations give their body or response type (node-auth0's names). */
    operationNames: number
    /** Distinct shapes, each declared once. */
    declarations: number
    /** Names that alias a declaration of the same shape. */
    aliases: number
  }
}

/** Every `$ref` inside a schema, in document order. */
function refsOf(s: unknown, out: string[] = [], names = false): string[] {
  if (Array.isArray(s)) for (const x of s) refsOf(x, out)
  else if (typeof s === 'object' && s !== null)
    for (const [k, v] of Object.entries(s)) {
      // Under `properties` (and the like) the keys are names, not keywords: `default` may be a property.
      if (names) refsOf(v, out)
      else if (k === '$ref' && typeof v === 'string') out.push(refName(v))
      else if (k === 'properties' || k === 'patternProperties') refsOf(v, out, true)
      else if (
        k !== 'enum' &&
        k !== 'const' &&
        k !== 'default' &&
        k !== 'example' &&
        k !== 'examples'
      )
        refsOf(v, out)
    }
  return out
}

/** The schema of a query operation's request object: its parameters as properties. */
function querySchema(op: ModelOperation): JsonSchema {
  const properties: Record<string, JsonSchema> = {}
  for (const p of op.query) properties[p.name] = p.schema
  return {
    type: 'object',
    additionalProperties: false,
    required: op.query.filter((p) => p.required).map((p) => p.name),
    properties,
  }
}

/** The schemas an operation's types are built from. */
function operationSchemas(op: ModelOperation): JsonSchema[] {
  const out = op.pathParams.map((p) => p.schema)
  out.push(...op.query.map((p) => p.schema))
  if (op.body !== undefined) out.push(op.body.schema)
  if (op.responseSchema !== undefined) out.push(op.responseSchema)
  if (op.list !== undefined) out.push(op.list.item)
  return out
}

/** The longest rendered type that is declared under each of its names rather than aliased. */
const TRIVIAL = 60

const RESERVED = new Set(['Record', 'Upload', 'Operation', 'T'])

function buildPool(model: Model): Map<string, PoolEntry> {
  const pool = new Map<string, PoolEntry>()
  const queue: string[] = []
  const add = (name: string, entry: PoolEntry, op: ModelOperation): void => {
    const prior = pool.get(name)
    if (prior !== undefined) {
      if (
        JSON.stringify(prior.schema) !== JSON.stringify(entry.schema) ||
        (prior.query === undefined) !== (entry.query === undefined)
      )
        throw new Error(`two operations give the name ${name} to different types`)
      return
    }
    if (name in model.schemas) throw new Error(`${op.id} names a type ${name}, like a schema`)
    pool.set(name, entry)
  }
  for (const op of model.operations) {
    for (const s of operationSchemas(op)) queue.push(...refsOf(s))
    if (op.requestName !== undefined) {
      if (op.request === 'query') add(op.requestName, { schema: querySchema(op), query: op }, op)
      else if (op.body !== undefined)
        add(op.requestName, { schema: op.body.schema, named: { op, what: 'body' } }, op)
    }
    if (op.responseName !== undefined && op.responseSchema !== undefined)
      add(op.responseName, { schema: op.responseSchema, named: { op, what: 'response' } }, op)
  }
  while (queue.length > 0) {
    const name = queue.pop() as string
    if (pool.has(name)) continue
    const schema = model.schemas[name]
    if (schema === undefined) throw new Error(`unresolved schema ${name}`)
    const entry: PoolEntry = { schema }
    const lifecycle = schema['x-release-lifecycle']
    if (lifecycle === 'EA' || lifecycle === 'beta') entry.lifecycle = lifecycle
    pool.set(name, entry)
    queue.push(...refsOf(schema))
  }
  for (const name of pool.keys())
    if (RESERVED.has(name))
      throw new Error(`a schema is named ${name}, which the generated code uses`)
  return pool
}

/** Coarsest partition of the pool into classes of structurally identical types (recursive). */
function partition(pool: Map<string, PoolEntry>): Map<string, number> {
  const names = [...pool.keys()].sort()
  let cls = new Map(names.map((n) => [n, 0]))
  let count = 1
  for (;;) {
    const nameOf = (n: string): string => {
      const c = cls.get(n)
      if (c === undefined) throw new Error(`unresolved schema ${n}`)
      return `#${c}`
    }
    const keys = new Map<string, string>()
    for (const n of names) {
      const e = pool.get(n) as PoolEntry
      const text = renderType(e.schema, { nameOf, optionalUndefined: e.query !== undefined })
      keys.set(n, `${cls.get(n)}|${e.query === undefined ? '' : 'Q'}|${text}`)
    }
    const ids = new Map([...new Set(keys.values())].sort().map((k, i) => [k, i]))
    cls = new Map(names.map((n) => [n, ids.get(keys.get(n) as string) as number]))
    if (ids.size === count) return cls
    count = ids.size
  }
}

const PLUMBING = /(Request|Response)(Content|Parameters|Body|Schema)$|Request$/

/** The name a class is declared under: an entity name over a request/response name, then the shortest. */
function preferred(a: string, b: string): number {
  const pa = PLUMBING.test(a) ? 1 : 0
  const pb = PLUMBING.test(b) ? 1 : 0
  if (pa !== pb) return pa - pb
  if (a.length !== b.length) return a.length - b.length
  return a < b ? -1 : a > b ? 1 : 0
}

export function emitTypes(model: Model): TypeTable {
  const pool = buildPool(model)
  const cls = partition(pool)
  const members = new Map<number, string[]>()
  for (const [n, c] of cls) members.set(c, [...(members.get(c) ?? []), n])
  const canonical = new Map<string, string>()
  for (const names of members.values()) {
    const chosen = [...names].sort(preferred)[0] as string
    // A small shape built of no other type (`Record<string, unknown>`, a short enum) is declared under each of its
    // names: aliasing unrelated schemas to one name would mislead more than it saves.
    let refs = 0
    const entry = pool.get(chosen) as PoolEntry
    const text = renderType(entry.schema, { nameOf: () => `R${refs++}` })
    const trivial = refs === 0 && text.length <= TRIVIAL
    for (const n of names) canonical.set(n, trivial ? n : chosen)
  }
  const nameOf = (n: string): string => {
    const c = canonical.get(n)
    if (c === undefined) throw new Error(`unresolved schema ${n}`)
    return c
  }
  const out: string[] = []
  let declarations = 0
  for (const name of [...pool.keys()].sort()) {
    const e = pool.get(name) as PoolEntry
    const target = nameOf(name)
    const what = doc(name, e)
    if (target !== name) {
      // Named in backticks, not {@link}: the alias itself already points there, and a user's compiler parses every
      // TSDoc comment that holds a {@link}, which cost 1.7 MB of heap over 321 aliases.
      out.push(`/** ${what}: the same type as \`${target}\`. */\nexport type ${name} = ${target}`)
      continue
    }
    declarations++
    const text = renderType(e.schema, { nameOf, optionalUndefined: e.query !== undefined })
    const lines = [`${what}.`]
    if (e.lifecycle !== undefined) lines.push(`Lifecycle: ${e.lifecycle}.`)
    const tsdoc = lines.length === 1 ? `/** ${lines[0]} */` : `/**\n * ${lines.join('\n * ')}\n */`
    const declaration = isObjectLiteralType(text)
      ? `export interface ${name} ${text}`
      : `export type ${name} = ${text}`
    out.push(`${tsdoc}\n${declaration}`)
  }
  const source = out.join('\n\n')
  const imports = /\bUpload\b/.test(source)
    ? "import type { Upload } from '../operation.js'\n\n"
    : ''
  return {
    source: `${imports}${source}\n`,
    canonical,
    stats: {
      schemas: Object.keys(model.schemas).length,
      reachable: [...pool.values()].filter((e) => e.query === undefined && e.named === undefined)
        .length,
      requestObjects: [...pool.values()].filter((e) => e.query !== undefined).length,
      operationNames: [...pool.values()].filter((e) => e.named !== undefined).length,
      declarations,
      aliases: pool.size - declarations,
    },
  }
}

/** The first TSDoc sentence of a type, without its full stop. */
function doc(name: string, e: PoolEntry): string {
  if (e.query !== undefined) return `The query parameters of \`${e.query.method} ${e.query.path}\``
  if (e.named !== undefined) {
    const { op, what } = e.named
    return `The ${what === 'body' ? 'request body' : 'response'} of \`${op.method} ${op.path}\``
  }
  return `From schema \`${name}\``
}
