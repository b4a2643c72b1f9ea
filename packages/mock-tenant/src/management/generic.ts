// The generic Management API: an operation no hand-written route serves is answered from the store by its planned
// behaviour, after the generated request checks, with a body conformed to the operation's response shape.
import type { TenantContext } from '../context.js'
import type { OperationEntry, ResponseSpec } from '../generated/operations.js'
import { badQuery, conflict, empty, isObject, json, notFound, type Json } from '../http.js'
import type { ApiAuth, Handler, RouteRequest } from '../router/route.js'
import type { ShapeRef, Shapes } from '../schema/shapes.js'
import { SEED_EPOCH } from '../seed.js'
import { normalize, type CollectionSpec, type Plan } from './plan.js'
import { boolParam, intParam } from './query.js'
import { checkPayload, checkQuery } from './requests.js'
import type { Records, Store } from './store.js'

const paramNames = (path: string) => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string)
const countParams = (key: string) => key.split('{}').length - 1

/** Query parameters that steer paging or projection, never a filter on record fields. */
const NOT_FILTERS = new Set([
  'page',
  'per_page',
  'include_totals',
  'from',
  'take',
  'fields',
  'include_fields',
  'sort',
  'q',
  'search_engine',
])

const missing = (noun: string) =>
  notFound(`The ${noun.replace(/_/g, ' ')} does not exist.`, `inexistent_${noun}`)

/** A checkpoint cursor: opaque to clients, the offset of the next item here. */
const cursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url')
function offsetOf(from: string): number {
  const m = /^o:(\d+)$/.exec(Buffer.from(from, 'base64url').toString())
  if (m === null) throw badQuery(`Invalid checkpoint on property from: ${from}`)
  return Number(m[1])
}

/** Records whose scalar fields equal the query's filter values (a field a record lacks does not filter it out). */
function matching(items: readonly unknown[], query: URLSearchParams): unknown[] {
  const wanted = [...query].filter(([k]) => !NOT_FILTERS.has(k))
  return items.filter(
    (item) =>
      !isObject(item) ||
      wanted.every(([k, v]) => {
        const field = item[k]
        return field === undefined || typeof field === 'object' || String(field) === v
      }),
  )
}

/** The items of a collection-wide write: an array body, or the one array field of an object body. */
function itemsOf(payload: unknown): unknown[] {
  if (Array.isArray(payload)) return payload
  if (isObject(payload)) {
    const arrays = Object.values(payload).filter(Array.isArray)
    if (arrays.length === 1) return arrays[0] as unknown[]
  }
  return []
}

/** What the generic operations work with. */
interface Deps {
  readonly ctx: TenantContext
  readonly plan: Plan
  readonly store: Store
  readonly shapes: Shapes
  readonly operations: readonly OperationEntry[]
}

/** Serves the operations of the generated table from the store. */
export class GenericApi {
  private readonly plan: Plan
  private readonly store: Store

  constructor(private readonly deps: Deps) {
    this.plan = deps.plan
    this.store = deps.store
  }

  /** The handler of one operation. */
  handler(op: OperationEntry): Handler<ApiAuth> {
    const behaviour = this.plan.behaviours.get(op.id)
    if (behaviour === undefined) throw new Error(`No plan for ${op.id}`)
    const parents = this.plan.parents.get(op.id) ?? []
    return (req) => {
      checkQuery(op, req.query)
      checkPayload(op, req.payload)
      const values = paramNames(op.path).map((n) => req.params[n] ?? '')
      const exchange = new Exchange(this.deps, op, req, values)
      for (const ref of parents)
        if (
          this.store.find(
            ref.collection,
            exchange.instance(ref.collection),
            exchange.param(ref.param),
          ) === undefined
        )
          throw missing(this.store.spec(ref.collection).noun)
      switch (behaviour.kind) {
        case 'list':
          return exchange.list(behaviour.collection)
        case 'create':
          return exchange.create(behaviour.collection)
        case 'read':
          return exchange.respond(exchange.existing(behaviour.collection, behaviour.param))
        case 'merge':
          return exchange.merge(behaviour.collection, behaviour.param)
        case 'replace':
          return exchange.replace(behaviour.collection, behaviour.param)
        case 'remove':
          return exchange.remove(behaviour.collection, behaviour.param)
        case 'replaceAll':
        case 'mergeAll':
          return exchange.writeAll(behaviour.collection, behaviour.kind === 'mergeAll')
        case 'removeAll':
          return exchange.removeAll(behaviour.collection)
        case 'links':
          return exchange.links(behaviour.collection)
        case 'link':
        case 'unlink':
        case 'relink':
          return exchange.link(behaviour.collection, behaviour.kind)
        case 'document':
          return exchange.document(behaviour.shape)
        case 'action':
          return exchange.action(behaviour.subject, behaviour.into)
      }
    }
  }
}

/** One request to a generic operation. */
class Exchange {
  private readonly now: number
  private readonly store: Store
  private readonly shapes: Shapes

  constructor(
    private readonly deps: Deps,
    private readonly op: OperationEntry,
    private readonly req: RouteRequest<ApiAuth>,
    private readonly values: readonly string[],
  ) {
    this.now = deps.ctx.now()
    this.store = deps.store
    this.shapes = deps.shapes
  }

  param(name: string): string {
    return this.req.params[name] ?? ''
  }

  /** The parent ids of a collection's instance on this path: the path's first parameters. */
  instance(collection: string): string[] {
    return this.values.slice(0, countParams(collection))
  }

  private records(collection: string): Records {
    return this.store.records(collection, this.instance(collection))
  }

  /** The success response: a body conformed to the operation's shape, or none. */
  respond(value: unknown): Response {
    const { response, status } = this.op
    const code = status[0] ?? 200
    if (response.kind === 'none' || response.shape === undefined) return empty(code)
    const body = this.shapes.conform(value, response.shape, { now: this.now })
    if (response.kind === 'stream') {
      const events = Array.isArray(body) ? body : [body]
      return new Response(
        events.map((e, i) => `id: ${i + 1}\ndata: ${JSON.stringify(e)}\n\n`).join(''),
        { status: code, headers: { 'content-type': 'text/event-stream' } },
      )
    }
    return json(body, code)
  }

  existing(collection: string, param: string): unknown {
    const found = this.store.find(collection, this.instance(collection), this.param(param))
    if (found === undefined) throw missing(this.store.spec(collection).noun)
    return found
  }

  list(collection: string): Response {
    const items = this.records(collection)
      .entries()
      .map(([, r]) => r)
    return this.respond(this.listBody(matching(items, this.req.query)))
  }

  /** A list as the operation returns it: paged, a bare array, or the one array field of an object. */
  private listBody(items: unknown[]): unknown {
    const response = this.op.response
    if (response.kind === 'list') return this.page(items, response)
    if (response.kind === 'array' || response.shape === undefined) return items
    const object = this.shapes.objectOf(response.shape)
    const field = Object.entries(object?.properties ?? {}).find(([, p]) =>
      this.shapes.admits(p, 'array'),
    )?.[0]
    return field === undefined ? (items[0] ?? {}) : { [field]: items }
  }

  /** Page paging (`page`/`per_page`, with or without `include_totals`) or checkpoint paging (`from`/`take`). */
  private page(items: unknown[], response: ResponseSpec): unknown {
    const query = this.req.query
    const key = response.items
    const checkpoint =
      response.paging === 'checkpoint' ||
      (response.paging === 'both' && (query.has('from') || query.has('take')))
    if (checkpoint) {
      const take = intParam(query, 'take', 50, 1, 100)
      const from = query.get('from')
      const start = from === null || from === '' ? 0 : offsetOf(from)
      const page = items.slice(start, start + take)
      if (key === undefined) return page
      return start + take < items.length
        ? { [key]: page, next: cursor(start + take) }
        : { [key]: page }
    }
    const page = intParam(query, 'page', 0, 0, Number.MAX_SAFE_INTEGER)
    const perPage = intParam(query, 'per_page', 50, 0, 100)
    const slice = items.slice(page * perPage, (page + 1) * perPage)
    const shape = response.shape as ShapeRef
    if (
      key === undefined ||
      (!boolParam(query, 'include_totals', false) && this.shapes.admits(shape, 'array'))
    )
      return slice
    const declared = this.shapes.objectOf(shape)?.properties ?? {}
    const totals: Json = {
      start: page * perPage,
      limit: perPage,
      length: slice.length,
      total: items.length,
      page,
      per_page: perPage,
    }
    return {
      ...Object.fromEntries(Object.entries(totals).filter(([k]) => k in declared)),
      [key]: slice,
    }
  }

  create(collection: string): Response {
    const spec = this.store.spec(collection)
    const records = this.records(collection)
    const payload = this.req.payload
    const given = spec.idKey !== undefined && isObject(payload) ? payload[spec.idKey] : undefined
    let id: string
    if (typeof given === 'string' || typeof given === 'number') {
      id = String(given)
      if (records.get(id) !== undefined)
        throw conflict(
          `The ${spec.noun.replace(/_/g, ' ')} already exists.`,
          `${spec.noun}_conflict`,
        )
    } else id = this.store.newId(spec, this.instance(collection), records)
    const record = this.store.make(spec, id, payload, this.now)
    records.put(id, record)
    return this.respond(this.op.response.kind === 'array' ? [record] : record)
  }

  merge(collection: string, param: string): Response {
    const spec = this.store.spec(collection)
    const current = this.existing(collection, param)
    const patch = isObject(this.req.payload) ? this.req.payload : {}
    const id = this.param(param)
    const merged = this.store.make(
      spec,
      id,
      { ...(isObject(current) ? current : {}), ...patch },
      this.now,
      current,
    )
    this.records(collection).put(id, merged)
    return this.respond(merged)
  }

  /** PUT on an item: replaces it, or creates it under that id. */
  replace(collection: string, param: string): Response {
    const spec = this.store.spec(collection)
    const id = this.param(param)
    const records = this.records(collection)
    const record = this.store.make(spec, id, this.req.payload, this.now, records.get(id))
    records.put(id, record)
    return this.respond(record)
  }

  remove(collection: string, param: string): Response {
    if (!this.store.remove(collection, this.instance(collection), this.param(param)))
      throw missing(this.store.spec(collection).noun)
    return this.respond(undefined)
  }

  /** PUT on a collection replaces every record; PATCH upserts the ones that carry an id (else replaces all). */
  writeAll(collection: string, merge: boolean): Response {
    const spec = this.store.spec(collection)
    const records = this.records(collection)
    const items = itemsOf(this.req.payload)
    const ids = items.map((item) => this.store.idOf(spec, item))
    if (!merge || ids.every((id) => id === undefined))
      for (const [id] of records.entries()) records.delete(id)
    items.forEach((item, i) => {
      const id = ids[i] ?? this.store.newId(spec, this.instance(collection), records)
      const current = records.get(id)
      const input = merge && isObject(current) && isObject(item) ? { ...current, ...item } : item
      records.put(id, this.store.make(spec, id, input, this.now, current))
    })
    return this.respond(this.listBody(records.entries().map(([, r]) => r)))
  }

  /** DELETE on a collection: the records that match the query's filters (all of them without one). */
  removeAll(collection: string): Response {
    const records = this.records(collection)
    const doomed = new Set(
      matching(
        records.entries().map(([, r]) => r),
        this.req.query,
      ),
    )
    for (const [id, record] of records.entries()) if (doomed.has(record)) records.delete(id)
    return this.respond(undefined)
  }

  /** The records a link list points to, read through for string links. */
  links(collection: string): Response {
    const spec = this.store.spec(collection)
    const target = spec.link?.target
    const items = this.records(collection)
      .entries()
      .map(([id, value]) =>
        typeof value === 'string' && target !== undefined
          ? (this.store.find(target, [], value) ?? { [spec.idKey ?? 'id']: id })
          : value,
      )
    return this.respond(this.listBody(matching(items, this.req.query)))
  }

  /** POST adds links, DELETE removes them, PUT replaces them; a string link must name an existing record. */
  link(collection: string, kind: 'link' | 'unlink' | 'relink'): Response {
    const spec = this.store.spec(collection) as CollectionSpec & {
      link: NonNullable<CollectionSpec['link']>
    }
    const records = this.records(collection)
    const payload = this.req.payload
    const given = isObject(payload) ? payload[spec.link.field] : undefined
    const items = Array.isArray(given) ? (given as unknown[]) : []
    const keyOf = (item: unknown) => (typeof item === 'string' ? item : this.linkKey(spec, item))
    if (kind === 'relink') for (const [id] of records.entries()) records.delete(id)
    if (kind === 'unlink') for (const item of items) records.delete(keyOf(item))
    else
      for (const item of items) {
        const target = spec.link.target
        if (
          typeof item === 'string' &&
          target !== undefined &&
          this.store.find(target, [], item) === undefined
        )
          throw missing(this.store.spec(target).noun)
        records.put(keyOf(item), item)
      }
    return this.respond(this.listBody(records.entries().map(([, r]) => r)))
  }

  /** An object link's key: its id field, else a field named `*id`, else its content. */
  private linkKey(spec: CollectionSpec, item: unknown): string {
    const own = this.store.idOf(spec, item)
    if (own !== undefined) return own
    if (isObject(item)) {
      const idField = Object.keys(item).find((k) => /id$/i.test(k) && typeof item[k] === 'string')
      if (idField !== undefined) return item[idField] as string
      return JSON.stringify(
        Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : 1))),
      )
    }
    return JSON.stringify(item)
  }

  /** A singleton, by its path, of the shape its GET returns: read, replaced (PUT), merged (PATCH, POST) or deleted. */
  document(shape: ShapeRef | undefined): Response {
    const { ctx } = this.deps
    const documents = ctx.state.generic.documents
    const path = this.op.path.replace(/\{([^}]+)\}/g, (_, name: string) => this.param(name))
    const template = normalize(this.op.path)
    const noun = (
      template
        .split('/')
        .filter((s) => s !== '{}')
        .at(-1) ?? 'document'
    ).replace(/-/g, '_')
    if (!documents.has(path))
      documents.set(
        path,
        shape === undefined ? {} : this.shapes.example(shape, { now: SEED_EPOCH }),
      )
    const current = documents.get(path)
    const payload = this.req.payload
    const conform = (v: unknown) =>
      shape === undefined ? v : this.shapes.conform(v, shape, { now: this.now })
    switch (this.op.method) {
      case 'GET':
        if (current === null) throw missing(noun)
        return this.respond(current)
      case 'PUT':
        documents.set(path, conform(payload ?? {}))
        return this.respond(documents.get(path))
      case 'DELETE':
        if (current === null) throw missing(noun)
        if (Array.isArray(payload) && isObject(current))
          documents.set(
            path,
            Object.fromEntries(Object.entries(current).filter(([k]) => !payload.includes(k))),
          )
        else documents.set(path, null)
        return this.respond(undefined)
      default: {
        if (current === null && this.op.method === 'PATCH') throw missing(noun)
        const base = isObject(current) ? current : {}
        documents.set(
          path,
          conform(isObject(payload) ? { ...base, ...payload } : (payload ?? base)),
        )
        return this.respond(documents.get(path))
      }
    }
  }

  /**
   * An operation on no resource of its own (`/tickets/password-change`, `/clients/{id}/rotate-secret`). Its subject
   * must exist; when the result is the subject itself (it declares the subject's id field), the body updates it.
   * When its path sits under a collection (`/jobs/users-exports`), a result with that collection's id is stored there.
   */
  action(
    subject: { collection: string; param: string } | undefined,
    into: string | undefined,
  ): Response {
    const shape = this.op.response.shape
    const payload = isObject(this.req.payload) ? this.req.payload : {}
    const declares = (key: string | undefined) =>
      key !== undefined &&
      shape !== undefined &&
      this.shapes.objectOf(shape)?.properties?.[key] !== undefined
    let value: unknown = this.req.payload
    if (subject !== undefined) {
      const spec = this.store.spec(subject.collection)
      const current = this.existing(subject.collection, subject.param)
      if (declares(spec.idKey) && isObject(current)) {
        const id = this.param(subject.param)
        value = this.store.make(spec, id, { ...current, ...payload }, this.now, current)
        this.records(subject.collection).put(id, value)
      }
    }
    if (into !== undefined) {
      const spec = this.store.spec(into)
      if (declares(spec.idKey)) {
        const records = this.records(into)
        const id = this.store.newId(spec, this.instance(into), records)
        value = this.store.make(spec, id, payload, this.now)
        records.put(id, value)
      }
    }
    return this.respond(value)
  }
}
