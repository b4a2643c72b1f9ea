// How the generic store serves each operation of the generated table, derived from its method, its path and its
// shapes: collections of records (`/actions/actions`, `/users/{}/authentication-methods`), link lists
// (`/roles/{}/groups`), singleton documents (`/tenants/settings`) and actions (`/tickets/password-change`).
import type { OperationEntry } from '../generated/operations.js'
import type { ShapeRef, Shapes } from '../schema/shapes.js'

/** A path template with every parameter written `{}`: `/users/{}/roles`. */
export const normalize = (path: string): string => path.replace(/\{[^}]+\}/g, '{}')

const segmentsOf = (path: string) => path.split('/').slice(1)
const isParam = (segment: string) => segment.startsWith('{')
const parentOf = (path: string) => path.slice(0, path.lastIndexOf('/'))
const lastOf = (path: string) => path.slice(path.lastIndexOf('/') + 1)

/** A collection of records, under the records of its parent collections. */
export interface CollectionSpec {
  /** `/users/{}/authentication-methods` */
  readonly key: string
  /** The collections named by its path parameters, outermost first (`['/users']`). */
  readonly parents: readonly string[]
  /** What one record is; absent when no operation describes it. */
  readonly shape: ShapeRef | undefined
  /** The field that holds a record's id; absent when records carry no id of their own. */
  readonly idKey: string | undefined
  /** Singular, snake_case, for 404s: `authentication_method`. */
  readonly noun: string
  /**
   * Nothing lists or creates its records (jobs, sessions, custom texts): a record exists for any id until it is
   * deleted, and is made (from its shape) when first read.
   */
  readonly lookupOnly: boolean
  /** For a link list: the body field that carries the links, and the collection string links point into. */
  readonly link?: { readonly field: string; readonly target: string | undefined }
}

/** A path parameter that names a record of a collection. */
export interface ParentRef {
  readonly collection: string
  readonly param: string
}

/** What the generic store does for one operation. */
export type Behaviour =
  | {
      readonly kind: 'list' | 'create' | 'replaceAll' | 'mergeAll' | 'removeAll'
      readonly collection: string
    }
  | {
      readonly kind: 'read' | 'merge' | 'replace' | 'remove'
      readonly collection: string
      readonly param: string
    }
  | { readonly kind: 'links' | 'link' | 'unlink' | 'relink'; readonly collection: string }
  | {
      readonly kind: 'document'
      /** What the document is: the response of the GET on its path, else of this operation. */
      readonly shape?: ShapeRef
    }
  | {
      readonly kind: 'action'
      /** The record the action is about (`/clients/{id}/rotate-secret`): it must exist, and may be updated. */
      readonly subject?: ParentRef
      /** A collection the action's result is stored in (`/jobs/users-exports` → `/jobs`). */
      readonly into?: string
    }

/** How every operation is served, and the collections they share. */
export interface Plan {
  readonly collections: ReadonlyMap<string, CollectionSpec>
  /** By operation id. */
  readonly behaviours: ReadonlyMap<string, Behaviour>
  /** By operation id: the records its path names that must exist, outermost first (the subject's own excluded). */
  readonly parents: ReadonlyMap<string, readonly ParentRef[]>
}

const singular = (word: string) =>
  word
    .replace(/ies$/, 'y')
    .replace(/(ss|sh|ch|x)es$/, '$1')
    .replace(/([^s])s$/, '$1')

/** The body field of a link operation: its one required field, an array. */
function linkField(op: OperationEntry | undefined): string | undefined {
  const body = op?.body
  const required = body?.required
  if (required?.length !== 1) return undefined
  const field = required[0] as string
  return body?.fields?.[field]?.type === 'array' ? field : undefined
}

/** Classifies every operation. Pure: the same table gives the same plan. */
export function plan(operations: readonly OperationEntry[], shapes: Shapes): Plan {
  const byPath = new Map<string, OperationEntry[]>()
  for (const op of operations) {
    const key = normalize(op.path)
    byPath.set(key, [...(byPath.get(key) ?? []), op])
  }
  const at = (path: string, method: string) => byPath.get(path)?.find((o) => o.method === method)
  // an item path with only a POST (`/event-streams/{id}/redeliver/{event_id}`) is an action, not a record
  const hasItems = (path: string) =>
    (byPath.get(`${path}/{}`) ?? []).some((o) => o.method !== 'POST')
  const listed = (path: string) => {
    const kind = at(path, 'GET')?.response.kind
    return kind === 'list' || kind === 'array'
  }
  const isLink = (path: string) =>
    ['POST', 'DELETE'].some((m) => {
      const op = at(path, m)
      return (
        op !== undefined &&
        linkField(op) !== undefined &&
        (op.response.kind === 'none' || op.response.kind === 'array')
      )
    }) &&
    (listed(path) || (at(path, 'POST') !== undefined && at(path, 'DELETE') !== undefined))
  const isCollection = (path: string) =>
    path !== '' && !isParam(lastOf(path)) && (hasItems(path) || listed(path) || isLink(path))

  const collections = new Map<string, CollectionSpec>()
  const collection = (key: string): CollectionSpec => {
    const found = collections.get(key)
    if (found) return found
    const itemPath = `${key}/{}`
    const itemOps = byPath.get(itemPath) ?? []
    const list = at(key, 'GET')?.response
    const shape =
      itemOps.find((o) => o.method === 'GET')?.response.shape ??
      list?.item ??
      (list?.kind === 'array' && list.shape !== undefined
        ? shapes.resolve(list.shape).items
        : undefined) ??
      (at(key, 'POST')?.response.kind === 'object' ? at(key, 'POST')?.response.shape : undefined) ??
      itemOps.find((o) => o.response.kind === 'object')?.response.shape
    const named =
      byPath.get(itemPath)?.[0] ??
      [...byPath].find(([path]) => path.startsWith(`${itemPath}/`))?.[1][0]
    const itemParam = named?.path.split('/')[segmentsOf(key).length + 1]?.slice(1, -1)
    const noun = singular(lastOf(key)).replace(/-/g, '_')
    const parents: string[] = []
    const segments = segmentsOf(key)
    segments.forEach((s, i) => {
      const prefix = `/${segments.slice(0, i).join('/')}`
      if (isParam(s) && isCollection(prefix)) parents.push(prefix)
    })
    const link = isLink(key)
      ? (() => {
          const field = (linkField(at(key, 'POST')) ?? linkField(at(key, 'DELETE'))) as string
          const name = field === 'members' ? 'users' : field
          return { field, target: byPath.has(`/${name}/{}`) ? `/${name}` : undefined }
        })()
      : undefined
    const spec: CollectionSpec = {
      key,
      parents,
      shape,
      idKey: shape === undefined ? undefined : idKeyOf(shapes, shape, itemParam, noun),
      noun,
      lookupOnly: !listed(key) && at(key, 'POST') === undefined && link === undefined,
      ...(link === undefined ? {} : { link }),
    }
    collections.set(key, spec)
    return spec
  }
  /** The nearest record a path names: the last `{param}` whose collection is known. */
  const subjectOf = (op: OperationEntry): ParentRef | undefined => {
    const raw = segmentsOf(op.path)
    for (let i = raw.length - 1; i > 0; i--) {
      const prefix = normalize(`/${raw.slice(0, i).join('/')}`)
      if (isParam(raw[i] as string) && isCollection(prefix))
        return { collection: collection(prefix).key, param: (raw[i] as string).slice(1, -1) }
    }
    return undefined
  }

  const behaviours = new Map<string, Behaviour>()
  const parents = new Map<string, ParentRef[]>()
  for (const op of operations) {
    const path = normalize(op.path)
    const behaviour = classify(op, path)
    behaviours.set(op.id, behaviour)
    const raw = segmentsOf(op.path)
    const refs: ParentRef[] = []
    raw.forEach((s, i) => {
      const prefix = normalize(`/${raw.slice(0, i).join('/')}`)
      if (isParam(s) && isCollection(prefix))
        refs.push({ collection: collection(prefix).key, param: s.slice(1, -1) })
    })
    // an item operation, or an action about a record, looks its own record up itself
    const own =
      'param' in behaviour || (behaviour.kind === 'action' && behaviour.subject !== undefined)
    parents.set(op.id, own ? refs.slice(0, -1) : refs)
  }
  return { collections, behaviours, parents }

  function classify(op: OperationEntry, path: string): Behaviour {
    const last = lastOf(path)
    const parent = parentOf(path)
    if (isParam(last)) {
      if (isCollection(parent)) {
        const param = (segmentsOf(op.path).at(-1) as string).slice(1, -1)
        const c = collection(parent).key
        switch (op.method) {
          case 'GET':
            return { kind: 'read', collection: c, param }
          case 'PATCH':
            return { kind: 'merge', collection: c, param }
          case 'PUT':
            return { kind: 'replace', collection: c, param }
          case 'DELETE':
            return { kind: 'remove', collection: c, param }
          case 'POST':
            return { kind: 'action', subject: { collection: c, param } }
        }
      }
      return at(path, 'GET') ? document(op, path) : action(op)
    }
    if (isCollection(path)) {
      const c = collection(path)
      if (c.link !== undefined)
        return {
          kind: (
            {
              GET: 'links',
              POST: 'link',
              DELETE: 'unlink',
              PUT: 'relink',
              PATCH: 'relink',
            } as const
          )[op.method],
          collection: c.key,
        }
      // `/organizations/search` lists the organizations themselves
      const searched = last === 'search' && isCollection(parent) ? collection(parent).key : c.key
      switch (op.method) {
        case 'GET':
          return { kind: 'list', collection: searched }
        case 'POST':
          return { kind: 'create', collection: c.key }
        case 'PUT':
          return { kind: 'replaceAll', collection: c.key }
        case 'PATCH':
          return { kind: 'mergeAll', collection: c.key }
        case 'DELETE':
          return { kind: 'removeAll', collection: c.key }
      }
    }
    return at(path, 'GET') ? document(op, path) : action(op)
  }

  function document(op: OperationEntry, path: string): Behaviour {
    const shape = at(path, 'GET')?.response.shape ?? op.response.shape
    return shape === undefined ? { kind: 'document' } : { kind: 'document', shape }
  }

  function action(op: OperationEntry): Behaviour {
    const subject = subjectOf(op)
    const holder = parentOf(normalize(op.path))
    const into = op.method === 'POST' && isCollection(holder) ? collection(holder).key : undefined
    return {
      kind: 'action',
      ...(subject === undefined ? {} : { subject }),
      ...(into === undefined || subject?.collection === into ? {} : { into }),
    }
  }
}

/**
 * The field that holds a record's id, the first one the record declares of: the item's path parameter (`client_id`,
 * `kid`, `key`), `id`, the parameter in snake_case (`tokenId` → `token_id`), `<noun>_id` (`user_id`), the parameter
 * without `Name` (`templateName` → `template`), a required `*_id` field, the first required string field.
 */
function idKeyOf(
  shapes: Shapes,
  shape: ShapeRef,
  param: string | undefined,
  noun: string,
): string | undefined {
  const object = shapes.objectOf(shape)
  if (object === undefined) return undefined
  const declared = (k: string | undefined): k is string =>
    k !== undefined && object.properties?.[k] !== undefined
  const snake = param?.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
  const required = object.required ?? []
  const strings = required.filter((k) => {
    const p = object.properties?.[k]
    return p !== undefined && isStringy(shapes, p)
  })
  const candidates = [
    param,
    'id',
    snake,
    `${noun}_id`,
    param?.replace(/_?[Nn]ame$/, ''),
    strings.find((k) => k.endsWith('_id')),
    strings[0],
  ]
  return candidates.find(declared)
}

function isStringy(shapes: Shapes, ref: ShapeRef): boolean {
  const t = shapes.resolve(ref).type
  return t === 'string' || (Array.isArray(t) && t.includes('string'))
}
