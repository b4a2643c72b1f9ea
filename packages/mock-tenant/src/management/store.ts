// The generic store: collection instances (records by id, a few seeded on first use), ids that follow each record's
// shape, and adapters that show the hand-written resources (users, roles, clients, ...) to the generic operations.
import type { TenantContext } from '../context.js'
import { apiError, isObject, type Json } from '../http.js'
import { seeded } from '../schema/pattern.js'
import type { ShapeRef, Shapes } from '../schema/shapes.js'
import { SEED_EPOCH } from '../seed.js'
import type { CollectionSpec, Plan } from './plan.js'

/** The records of one collection instance. */
export interface Records {
  /** Ids and records, in insertion order. */
  entries(): [string, unknown][]
  get(id: string): unknown
  /** Stores a record under its id, replacing any. */
  put(id: string, record: unknown): void
  delete(id: string): boolean
}

/** How many records the seed puts in each collection (under the first record of each parent). */
const SEED_RECORDS = 3

const CREATED = ['created_at', 'createdAt']
const UPDATED = ['updated_at', 'updatedAt']

/** A stable number from a string, to seed the ids of one collection instance. */
function hash(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return h >>> 0
}

/** The key of a collection instance: the collection and its parents' ids. */
function instanceKey(collection: string, parentIds: readonly string[]): string {
  return [collection, ...parentIds.map(encodeURIComponent)].join('|')
}

function mapRecords(map: Map<string, unknown>): Records {
  return {
    entries: () => [...map],
    get: (id) => map.get(id),
    put: (id, record) => void map.set(id, record),
    delete: (id) => map.delete(id),
  }
}

type Adapter = (parentIds: readonly string[]) => Records

function readOnly(
  records: () => Iterable<[string, unknown]>,
  get?: (id: string) => unknown,
): Records {
  const refuse = () => {
    throw apiError(405, 'This resource is served by a hand-written route', 'method_not_allowed')
  }
  return {
    entries: () => [...records()],
    get: get ?? ((id) => new Map(records()).get(id)),
    put: refuse,
    delete: refuse,
  }
}

/** The hand-written resources as the generic operations see them: read-only, but resource servers. */
function handWritten(ctx: TenantContext): Map<string, Adapter> {
  const s = () => ctx.state
  return new Map<string, Adapter>([
    [
      '/users',
      () =>
        readOnly(
          () => s().users,
          (id) => s().users.get(id),
        ),
    ],
    [
      '/roles',
      () =>
        readOnly(
          () => s().roles,
          (id) => s().roles.get(id),
        ),
    ],
    [
      '/clients',
      () =>
        readOnly(
          () => s().clients,
          (id) => s().clients.get(id),
        ),
    ],
    [
      '/connections',
      () =>
        readOnly(
          () => s().connections,
          (id) => s().connections.get(id),
        ),
    ],
    [
      '/organizations',
      () =>
        readOnly(
          () => s().organizations,
          (id) => s().organizations.get(id),
        ),
    ],
    [
      '/client-grants',
      () =>
        readOnly(
          () => s().clientGrants,
          (id) => s().clientGrants.get(id),
        ),
    ],
    ['/logs', () => readOnly(() => s().logs.map((l) => [l.log_id, l]))],
    [
      '/organizations/{}/members',
      ([orgId = '']) =>
        readOnly(() =>
          [...(s().orgMembers.get(orgId) ?? [])].flatMap((id): [string, unknown][] => {
            const user = s().users.get(id)
            return user === undefined ? [] : [[id, user]]
          }),
        ),
    ],
    [
      // kept by identifier, the audience the token endpoint looks up; found by id or identifier
      '/resource-servers',
      () => {
        const map = s().resourceServers
        const find = (id: string) =>
          [...map.values()].find((r) => r.id === id || r.identifier === id)
        return {
          entries: () => [...map.values()].map((r): [string, unknown] => [r.id, r]),
          get: find,
          put(id, record) {
            const previous = find(id)
            if (previous) map.delete(previous.identifier)
            // a record the generic store wrote follows the definition's resource server, which the type mirrors
            const server = record as { identifier: string } & Json
            map.set(server.identifier, server as never)
          },
          delete(id) {
            const found = find(id)
            return found !== undefined && map.delete(found.identifier)
          },
        }
      },
    ],
  ])
}

/** The generic store over a tenant's state. */
export class Store {
  private readonly adapters: Map<string, Adapter>

  constructor(
    private readonly ctx: TenantContext,
    private readonly plan: Plan,
    private readonly shapes: Shapes,
  ) {
    this.adapters = handWritten(ctx)
  }

  spec(collection: string): CollectionSpec {
    const spec = this.plan.collections.get(collection)
    if (spec === undefined) throw new Error(`No collection ${collection}`)
    return spec
  }

  /** The records of one collection instance; a generic one is seeded on first use. */
  records(collection: string, parentIds: readonly string[]): Records {
    const adapter = this.adapters.get(collection)
    if (adapter) return adapter(parentIds)
    const generic = this.ctx.state.generic
    const key = instanceKey(collection, parentIds)
    let map = generic.records.get(key)
    if (map === undefined) {
      map = new Map()
      generic.records.set(key, map)
      this.seed(this.spec(collection), parentIds, map)
    }
    return mapRecords(map)
  }

  /** A record, or undefined; a lookup-only collection has one for every id it has not deleted. */
  find(collection: string, parentIds: readonly string[], id: string): unknown {
    const records = this.records(collection, parentIds)
    const found = records.get(id)
    if (found !== undefined) return found
    const spec = this.spec(collection)
    const key = `${instanceKey(collection, parentIds)}#${id}`
    if (!spec.lookupOnly || this.ctx.state.generic.deleted.has(key)) return undefined
    const made = this.make(spec, id, {}, this.ctx.now())
    records.put(id, made)
    return made
  }

  /** Removes a record and the records below it; false when there was none. */
  remove(collection: string, parentIds: readonly string[], id: string): boolean {
    const spec = this.spec(collection)
    const existed = this.find(collection, parentIds, id) !== undefined
    this.records(collection, parentIds).delete(id)
    if (spec.lookupOnly)
      this.ctx.state.generic.deleted.add(`${instanceKey(collection, parentIds)}#${id}`)
    const owner = [...parentIds, id].map(encodeURIComponent)
    for (const key of [...this.ctx.state.generic.records.keys()]) {
      const [template = '', ...ids] = key.split('|')
      if (template.startsWith(`${collection}/{}`) && owner.every((p, i) => ids[i] === p))
        this.ctx.state.generic.records.delete(key)
    }
    return existed
  }

  /**
   * A record made from an input: the input's fields, the id under the id field, created and updated times where
   * the shape declares them, then conformed to the collection's shape.
   */
  make(spec: CollectionSpec, id: string, input: unknown, now: number, existing?: unknown): unknown {
    if (spec.shape === undefined) return isObject(input) ? { ...input } : (input ?? {})
    const object = this.shapes.objectOf(spec.shape)
    if (object === undefined || !(isObject(input) || input === undefined))
      return this.shapes.conform(input, spec.shape, { now })
    const record: Json = { ...input }
    if (spec.idKey !== undefined) record[spec.idKey] = this.idValue(spec, id)
    const iso = new Date(now).toISOString()
    for (const key of CREATED)
      if (object.properties?.[key] !== undefined)
        record[key] = isObject(existing) && existing[key] !== undefined ? existing[key] : iso
    for (const key of UPDATED) if (object.properties?.[key] !== undefined) record[key] = iso
    return this.shapes.conform(record, spec.shape, { now, field: spec.noun })
  }

  /** The id of a record: its id field, else undefined. */
  idOf(spec: CollectionSpec, record: unknown): string | undefined {
    if (spec.idKey === undefined || !isObject(record)) return undefined
    const v = record[spec.idKey]
    return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined
  }

  /** A new id for a collection instance, unused there, following the id field's shape. */
  newId(spec: CollectionSpec, parentIds: readonly string[], records: Records): string {
    const generic = this.ctx.state.generic
    const key = instanceKey(spec.key, parentIds)
    const taken = new Set(records.entries().map(([id]) => id))
    const start = (generic.counters.get(key) ?? SEED_RECORDS) + 1
    for (let n = start; ; n++) {
      // a shape that admits only a few ids (a 26-character string with no pattern) falls back to a plain one
      const id = n < start + 50 ? this.candidate(spec, key, n) : `${spec.noun}_${n}`
      if (id !== undefined && !taken.has(id)) {
        generic.counters.set(key, n)
        return id
      }
    }
  }

  /** The n-th id of an instance: an enum value, `pre_00…n`, a UUID, or a sample of the id field's pattern. */
  private candidate(spec: CollectionSpec, key: string, n: number): string | undefined {
    const prefix = spec.noun.replace(/_/g, '').slice(0, 3)
    const field =
      spec.idKey === undefined ? undefined : this.shapes.field(spec.shape as ShapeRef, spec.idKey)
    const shape = field === undefined ? undefined : this.shapes.resolve(field)
    const width = Math.min(
      Math.max(16, (shape?.minLength ?? 0) - prefix.length - 1),
      (shape?.maxLength ?? Infinity) - prefix.length - 1,
    )
    const plain = `${prefix}_${n.toString(36).padStart(width, '0')}`
    if (field === undefined || shape === undefined) return plain
    if (shape.enum !== undefined) {
      const values = shape.enum.filter((v) => typeof v === 'string')
      return values[(n - 1) % Math.max(1, values.length)]
    }
    const uuid = `6b1b2b7c-0000-4000-8000-${n.toString(16).padStart(12, '0')}`
    for (const value of [plain, uuid, String(n)])
      if (this.shapes.fits(this.typed(field, value), field)) return value
    const sample = this.shapes.sample(field, {
      now: SEED_EPOCH,
      choices: seeded(hash(key) + n),
      field: spec.idKey as string,
    })
    return typeof sample === 'string' || typeof sample === 'number' ? String(sample) : undefined
  }

  /** An id as its field holds it: a number for a numeric field. */
  private typed(field: ShapeRef, id: string): string | number {
    const t = this.shapes.resolve(field).type
    const numeric = t === 'integer' || t === 'number'
    return numeric && /^\d+$/.test(id) ? Number(id) : id
  }

  private idValue(spec: CollectionSpec, id: string): string | number {
    const field =
      spec.idKey === undefined ? undefined : this.shapes.field(spec.shape as ShapeRef, spec.idKey)
    return field === undefined ? id : this.typed(field, id)
  }

  /** The ids of the first record of each parent collection: the instance the seed fills. */
  private firstIds(spec: CollectionSpec): string[] | undefined {
    const ids: string[] = []
    for (const parent of spec.parents) {
      const first = this.records(parent, ids).entries()[0]
      if (first === undefined) return undefined
      ids.push(first[0])
    }
    return ids
  }

  /** A few records in each collection, under the first record of each parent; link lists link two records. */
  private seed(
    spec: CollectionSpec,
    parentIds: readonly string[],
    map: Map<string, unknown>,
  ): void {
    const first = this.firstIds(spec)
    if (first === undefined || first.join('|') !== parentIds.join('|')) return
    const key = instanceKey(spec.key, parentIds)
    if (spec.link !== undefined) {
      // a string link is kept as the id it points to, and read through at every list
      if (spec.link.target !== undefined)
        for (const [id] of this.records(spec.link.target, []).entries().slice(0, 2)) map.set(id, id)
      return
    }
    if (spec.shape === undefined) return
    const records = mapRecords(map)
    for (let n = 1; n <= SEED_RECORDS; n++) {
      const id = this.candidate(spec, key, n)
      if (id === undefined || map.has(id)) continue
      const name = this.shapes.field(spec.shape, 'name')
      const input =
        name !== undefined && this.shapes.fits(`${spec.noun}-${n}`, name)
          ? { name: `${spec.noun}-${n}` }
          : {}
      records.put(id, this.make(spec, id, input, SEED_EPOCH + n * 60_000))
    }
  }
}
