import type { MultipartValue, QueryValue, RequestSpec } from '@auth0-ts/core'
import type { OperationSpec } from './operation.js'

/** How {@link operationRequest} sends a call beyond what the operation declares. */
export interface CallSettings {
  /** Add the operation's `defaults` for query keys the caller left out (node-auth0's list defaults). @default false */
  readonly defaults?: boolean
  /** How an array query value is sent. @default 'repeat' */
  readonly queryArrays?: 'repeat' | 'comma'
  /** The `auth0-custom-domain` header value, sent only on operations that declare the header. */
  readonly customDomain?: string | undefined
}

const PAGE_KEYS = ['page', 'per_page', 'include_totals']
const CHECKPOINT_KEYS = ['from', 'take']

/** The `{name}`s of a path template, in order. Computed once per operation. */
const pathNames = new WeakMap<OperationSpec, readonly string[]>()
function namesOf(op: OperationSpec): readonly string[] {
  let names = pathNames.get(op)
  if (!names) {
    names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string)
    pathNames.set(op, names)
  }
  return names
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Whether a query has any of `keys` set. */
const hasAny = (query: Readonly<Record<string, unknown>>, keys: readonly string[]): boolean =>
  keys.some((k) => query[k] !== undefined && query[k] !== null)

/**
 * The caller's query with the operation's defaults under it. A caller paging one way gets no defaults of the other:
 * paging by `from`/`take` drops the `page` and `per_page` defaults (and `include_totals`, where the defaults page by
 * `page`); paging by `page`/`per_page` drops the `from` and `take` defaults.
 */
function withDefaults(
  defaults: Readonly<Record<string, QueryValue>>,
  query: Readonly<Record<string, unknown>>,
): Record<string, QueryValue> {
  const checkpointDefaults = CHECKPOINT_KEYS.some((k) => k in defaults)
  const skip = hasAny(query, CHECKPOINT_KEYS)
    ? checkpointDefaults
      ? ['page', 'per_page']
      : PAGE_KEYS
    : hasAny(query, ['page', 'per_page'])
      ? CHECKPOINT_KEYS
      : []
  const out: Record<string, QueryValue> = {}
  for (const [key, value] of Object.entries(defaults)) if (!skip.includes(key)) out[key] = value
  for (const [key, value] of Object.entries(query))
    if (value !== undefined) out[key] = value as QueryValue
  return out
}

/** A multipart part: `Blob`/bytes and `{ file }` objects are file parts, other values fields. */
function part(key: string, value: unknown): MultipartValue {
  if (value === undefined || value === null) return undefined
  if (typeof Blob !== 'undefined' && value instanceof Blob) {
    const name = (value as Blob & { name?: unknown }).name
    return { file: value, filename: typeof name === 'string' && name !== '' ? name : key }
  }
  if (value instanceof Uint8Array) return { file: value, filename: key }
  if (isObject(value) && 'file' in value) {
    const v = value as { file: Blob | Uint8Array | string; filename?: string; contentType?: string }
    return {
      file: v.file,
      filename: v.filename ?? key,
      ...(v.contentType === undefined ? {} : { contentType: v.contentType }),
    }
  }
  if (typeof value === 'object') return JSON.stringify(value)
  return value as string | number | boolean
}

/**
 * Turns one call of a declared operation into core's {@link RequestSpec}: the path parameters positionally, in path
 * order, then the request object where the operation says it goes. The one place an {@link OperationSpec} is read,
 * for `ManagementClient` and the `Auth0` client alike.
 *
 * @throws TypeError for a missing or empty path parameter, or a request that is not an object where one is needed,
 *   before anything is sent
 */
export function operationRequest(
  op: OperationSpec,
  args: readonly unknown[],
  request: unknown,
  settings: CallSettings = {},
): RequestSpec {
  const params: Record<string, string | number> = {}
  namesOf(op).forEach((name, i) => {
    const value = args[i]
    if (
      value === undefined ||
      value === null ||
      value === '' ||
      (typeof value !== 'string' && typeof value !== 'number')
    )
      throw new TypeError(`${name} is required: expected a non-empty string`)
    params[name] = value
  })
  const spec: RequestSpec = { method: op.method, path: op.path, params }
  switch (op.request) {
    case undefined:
      break
    case 'query': {
      if (request !== undefined && request !== null && !isObject(request))
        throw new TypeError('request: expected an object of query parameters')
      const query = (request ?? {}) as Readonly<Record<string, unknown>>
      spec.query =
        settings.defaults && op.defaults
          ? withDefaults(op.defaults, query)
          : (query as Record<string, QueryValue>)
      spec.queryArrays = settings.queryArrays ?? 'repeat'
      break
    }
    case 'json':
      spec.json = request === undefined ? {} : request
      break
    case 'multipart': {
      if (!isObject(request)) throw new TypeError('request: expected an object of multipart fields')
      const multipart: Record<string, MultipartValue> = {}
      for (const [key, value] of Object.entries(request)) multipart[key] = part(key, value)
      spec.multipart = multipart
      break
    }
    default: {
      const never: never = op.request
      throw new TypeError(`unknown request kind ${String(never)}`)
    }
  }
  if (op.customDomain && settings.customDomain)
    spec.headers = { 'auth0-custom-domain': settings.customDomain }
  return spec
}
