// The parsed model every emitter shares: the definition's operations (plus the node-auth0-only additions and the
// overrides) as plain facts, and the schemas they reach. No description text is ever copied into the model.

/** The subset of JSON Schema 2020-12 that the Management API definition uses. */
export interface JsonSchema {
  $ref?: string
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean | JsonSchema
  items?: JsonSchema
  enum?: unknown[]
  const?: unknown
  oneOf?: JsonSchema[]
  anyOf?: JsonSchema[]
  allOf?: JsonSchema[]
  format?: string
  pattern?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  minItems?: number
  maxItems?: number
  contentMediaType?: string
  nullable?: boolean
  [keyword: string]: unknown
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
export type Lifecycle = 'GA' | 'EA' | 'beta'
export type QueryDefault = string | number | boolean

export interface Param {
  /** The wire name. */
  name: string
  required: boolean
  schema: JsonSchema
}

export interface SuccessResponse {
  status: number
  /** `application/json`, `text/event-stream`, or absent when the definition declares no body. */
  contentType?: string
  schema?: JsonSchema
}

export type RequestKind = 'query' | 'json' | 'multipart'
/** `json`: a JSON value; `none`: no body; `optional`: a body on some 2xx only; `stream`: server-sent events. */
export type ResponseKind = 'json' | 'none' | 'optional' | 'stream'
export type Paging = 'page' | 'checkpoint' | 'both'

export interface ListInfo {
  /** The key of the items in the paginated object; absent when the response is a bare array. */
  items?: string
  paging: Paging
  /** The type of one item. */
  item: JsonSchema
}

export interface ModelOperation {
  /** `users.roles.list` */
  id: string
  /** `['users', 'roles']` */
  group: string[]
  name: string
  method: HttpMethod
  /** Relative to `/api/v2`, as in the definition: `/users/{id}/roles`. */
  path: string
  /** In path order. */
  pathParams: Param[]
  /** In definition order, then any the overrides add. */
  query: Param[]
  body?: { contentType: 'application/json' | 'multipart/form-data'; schema: JsonSchema }
  request?: RequestKind
  /**
   * The name of the request type: always for a query operation (the synthesized object), and for a body where the
   * definition or node-auth0 names it apart from its schema. node-auth0's names where known.
   */
  requestName?: string
  /** A name for the response type that node-auth0 gives and the definition does not. */
  responseName?: string
  responses: SuccessResponse[]
  response: ResponseKind
  /** The schema of the success body (of one event for `stream`). */
  responseSchema?: JsonSchema
  /** Any one of these scopes suffices. Empty when unknown (the node-auth0-only operations). */
  scopes: string[]
  lifecycle?: Lifecycle
  customDomain: boolean
  list?: ListInfo
  /** The query values node-auth0 v7.1 sends when the caller leaves them out. */
  defaults?: Record<string, QueryDefault>
  source: 'definition' | 'node-auth0'
}

export interface Model {
  /** Sorted by id. */
  operations: ModelOperation[]
  /** The definition's `components.schemas` plus the additions' schemas, by name. */
  schemas: Record<string, JsonSchema>
}

/** One operation node-auth0 v7.1 has and the definition lacks, as facts (see additions.ts). */
export interface AddedOperation {
  group: string
  name: string
  method: HttpMethod
  path: string
  /** Query parameters by wire name, all optional. */
  query?: Record<string, JsonSchema>
  /** The name node-auth0 gives the request object of a query operation. */
  requestName?: string
  /** A JSON body. */
  body?: JsonSchema
  /** The success status and its JSON body; no schema means no body. */
  response: { status: number; schema?: JsonSchema }
}

/** The small, hand-written facts the generator applies over the definition (see overrides.ts). */
export interface Overrides {
  /** Per operation id: the query values node-auth0 v7.1 sends when the caller leaves them out. */
  queryDefaults: Record<string, Record<string, QueryDefault>>
  /** Per operation id: query parameters node-auth0 v7.1 sends beyond the definition. */
  extraQuery: Record<string, Record<string, JsonSchema>>
  /**
   * Per operation id: node-auth0's names for the request and response types, where the definition gives none or
   * spells them otherwise. For a query operation the request name replaces the definition's.
   */
  typeNames: Record<string, { request?: string; response?: string }>
}

interface OasParameter {
  name: string
  in: string
  required?: boolean
  schema?: JsonSchema
  $ref?: string
}

interface OasOperation {
  operationId?: string
  parameters?: OasParameter[]
  requestBody?: { content: Record<string, { schema?: JsonSchema }> }
  responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>
  security?: Record<string, string[]>[]
  'x-release-lifecycle'?: string
  'x-operation-group'?: string | string[]
  'x-operation-name'?: string
  'x-operation-request-parameters-name'?: string
}

/** The parts of an OpenAPI 3.1 document the generator reads. */
export interface OasDocument {
  openapi?: string
  paths: Record<string, Record<string, OasOperation>>
  components?: { schemas?: Record<string, JsonSchema> }
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

export class DefinitionError extends Error {
  override name = 'DefinitionError'
}

function fail(message: string): never {
  throw new DefinitionError(message)
}

/** Resolves a local `$ref` chain to the schema it names. */
export function deref(schemas: Record<string, JsonSchema>, s: JsonSchema): JsonSchema {
  let cur = s
  for (let i = 0; cur.$ref !== undefined; i++) {
    if (i > 50) fail(`$ref cycle at ${s.$ref}`)
    const target = schemas[refName(cur.$ref)]
    if (target === undefined) fail(`unresolved $ref ${cur.$ref}`)
    cur = target
  }
  return cur
}

/** `#/components/schemas/User` → `User`. */
export function refName(ref: string): string {
  const m = /^#\/components\/schemas\/([^/]+)$/.exec(ref)
  if (m === null) fail(`unsupported $ref ${ref}`)
  return m[1] as string
}

export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` })

function typesOf(s: JsonSchema): string[] {
  return s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type]
}

function compareIds(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

function successResponses(op: OasOperation, where: string): SuccessResponse[] {
  const out: SuccessResponse[] = []
  for (const [code, r] of Object.entries(op.responses)) {
    if (!/^2\d\d$/.test(code)) continue
    const status = Number(code)
    const content = Object.entries(r.content ?? {})
    // A 204 carries no body, whatever the definition lists under it.
    if (content.length === 0 || status === 204) {
      out.push({ status })
      continue
    }
    if (content.length > 1) fail(`${where}: ${code} has several content types`)
    const [contentType, media] = content[0] as [string, { schema?: JsonSchema }]
    if (contentType !== 'application/json' && contentType !== 'text/event-stream')
      fail(`${where}: unsupported response content type ${contentType}`)
    out.push(
      media.schema === undefined
        ? { status, contentType }
        : { status, contentType, schema: media.schema },
    )
  }
  if (out.length === 0) fail(`${where}: no 2xx response`)
  return out.sort((a, b) => a.status - b.status)
}

function responseShape(
  responses: SuccessResponse[],
  where: string,
): { response: ResponseKind; schema?: JsonSchema } {
  const withBody = responses.filter((r) => r.schema !== undefined)
  const first = withBody[0]
  if (first === undefined) return { response: 'none' }
  for (const r of withBody)
    if (JSON.stringify(r.schema) !== JSON.stringify(first.schema))
      fail(`${where}: 2xx responses with different bodies`)
  const schema = first.schema as JsonSchema
  if (first.contentType === 'text/event-stream') return { response: 'stream', schema }
  return { response: withBody.length === responses.length ? 'json' : 'optional', schema }
}

/** The array property that holds a list's items, and the item schema. */
function listItems(
  schemas: Record<string, JsonSchema>,
  response: JsonSchema,
  where: string,
): { items?: string; item: JsonSchema } | undefined {
  const top = deref(schemas, response)
  const alternatives = top.oneOf ?? top.anyOf ?? [top]
  const keys = new Map<string, JsonSchema>()
  let bare: JsonSchema | undefined
  for (const alt of alternatives) {
    const a = deref(schemas, alt)
    if (typesOf(a).includes('array')) {
      bare = a.items ?? {}
      continue
    }
    for (const [key, prop] of Object.entries(a.properties ?? {})) {
      const p = deref(schemas, prop)
      if (typesOf(p).includes('array')) keys.set(key, p.items ?? {})
    }
  }
  if (keys.size > 1)
    fail(`${where}: a list with several array properties (${[...keys.keys()].join(', ')})`)
  const [entry] = keys
  if (entry !== undefined) return { items: entry[0], item: entry[1] }
  if (bare !== undefined) return { item: bare }
  return undefined
}

function listInfo(
  schemas: Record<string, JsonSchema>,
  query: Param[],
  responseSchema: JsonSchema | undefined,
  where: string,
): ListInfo | undefined {
  const names = new Set(query.map((p) => p.name))
  const page = names.has('page') && names.has('per_page')
  const checkpoint = names.has('from') && names.has('take')
  if ((!page && !checkpoint) || responseSchema === undefined) return undefined
  const found = listItems(schemas, responseSchema, where)
  if (found === undefined) fail(`${where}: paging parameters but no list in the response`)
  const paging: Paging = page && checkpoint ? 'both' : page ? 'page' : 'checkpoint'
  return found.items === undefined
    ? { paging, item: found.item }
    : { items: found.items, paging, item: found.item }
}

function lifecycleOf(value: unknown, where: string): Lifecycle | undefined {
  if (value === undefined) return undefined
  if (value === 'GA' || value === 'EA' || value === 'beta') return value
  return fail(`${where}: unknown x-release-lifecycle ${String(value)}`)
}

function scopesOf(op: OasOperation): string[] {
  const out: string[] = []
  for (const req of op.security ?? [])
    for (const scopes of Object.values(req))
      for (const s of scopes) if (!out.includes(s)) out.push(s)
  return out
}

function fromDefinition(def: OasDocument, schemas: Record<string, JsonSchema>): ModelOperation[] {
  const ops: ModelOperation[] = []
  for (const [path, item] of Object.entries(def.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!(METHODS as readonly string[]).includes(method))
        fail(`${path}: unsupported key ${method} (only ${METHODS.join(', ')})`)
      const where = `${method.toUpperCase()} ${path}`
      const rawGroup = op['x-operation-group']
      const name = op['x-operation-name']
      if (rawGroup === undefined || name === undefined)
        fail(`${where}: no x-operation-group or x-operation-name`)
      const group = Array.isArray(rawGroup) ? rawGroup : [rawGroup]
      const params = op.parameters ?? []
      for (const p of params)
        if (p.$ref !== undefined) fail(`${where}: parameter $ref is not supported`)
      const byName = new Map(params.filter((p) => p.in === 'path').map((p) => [p.name, p]))
      const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => {
        const p = byName.get(m[1] as string)
        if (p === undefined) fail(`${where}: path parameter {${m[1]}} is not declared`)
        return { name: p.name, required: true, schema: p.schema ?? {} }
      })
      if (byName.size !== pathParams.length)
        fail(`${where}: a declared path parameter is not in the path`)
      const query = params
        .filter((p) => p.in === 'query')
        .map((p) => ({ name: p.name, required: p.required === true, schema: p.schema ?? {} }))
      for (const p of params)
        if (p.in === 'header' && p.name !== 'auth0-custom-domain')
          fail(`${where}: unsupported header parameter ${p.name}`)
        else if (p.in === 'cookie') fail(`${where}: cookie parameters are not supported`)
      let body: ModelOperation['body']
      if (op.requestBody !== undefined) {
        const content = op.requestBody.content
        const json = content['application/json']
        const multipart = content['multipart/form-data']
        if (json?.schema !== undefined)
          body = { contentType: 'application/json', schema: json.schema }
        else if (multipart?.schema !== undefined)
          body = { contentType: 'multipart/form-data', schema: multipart.schema }
        else fail(`${where}: unsupported request content ${Object.keys(content).join(', ')}`)
      }
      if (body !== undefined && query.length > 0)
        fail(`${where}: both query parameters and a body; the request object cannot hold both`)
      const responses = successResponses(op, where)
      const shape = responseShape(responses, where)
      const o: ModelOperation = {
        id: [...group, name].join('.'),
        group,
        name,
        method: method.toUpperCase() as HttpMethod,
        path,
        pathParams,
        query,
        responses,
        response: shape.response,
        scopes: scopesOf(op),
        customDomain: params.some((p) => p.in === 'header' && p.name === 'auth0-custom-domain'),
        source: 'definition',
      }
      const lifecycle = lifecycleOf(op['x-release-lifecycle'], where)
      if (lifecycle !== undefined) o.lifecycle = lifecycle
      if (shape.schema !== undefined) o.responseSchema = shape.schema
      if (body !== undefined) {
        o.body = body
        o.request = body.contentType === 'multipart/form-data' ? 'multipart' : 'json'
        const named = op['x-operation-request-parameters-name']
        if (named !== undefined) o.requestName = named
      } else if (query.length > 0) {
        o.request = 'query'
        o.requestName = op['x-operation-request-parameters-name'] ?? fallbackRequestName(o.id)
      }
      const list = listInfo(schemas, query, shape.schema, where)
      if (list !== undefined) o.list = list
      ops.push(o)
    }
  }
  return ops
}

/** `clients.connections.get` → `ClientsConnectionsGetRequestParameters`, for a query operation the definition names not. */
function fallbackRequestName(id: string): string {
  const pascal = id
    .split('.')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('')
  return `${pascal}RequestParameters`
}

function fromAddition(a: AddedOperation, schemas: Record<string, JsonSchema>): ModelOperation {
  const group = a.group.split('.')
  const where = `addition ${a.group}.${a.name}`
  const query = Object.entries(a.query ?? {}).map(([name, schema]) => ({
    name,
    required: false,
    schema,
  }))
  const responses: SuccessResponse[] = [
    a.response.schema === undefined
      ? { status: a.response.status }
      : { status: a.response.status, contentType: 'application/json', schema: a.response.schema },
  ]
  const o: ModelOperation = {
    id: `${a.group}.${a.name}`,
    group,
    name: a.name,
    method: a.method,
    path: a.path,
    pathParams: [...a.path.matchAll(/\{([^}]+)\}/g)].map((m) => ({
      name: m[1] as string,
      required: true,
      schema: { type: 'string' },
    })),
    query,
    responses,
    response: a.response.schema === undefined ? 'none' : 'json',
    scopes: [],
    customDomain: false,
    source: 'node-auth0',
  }
  if (a.response.schema !== undefined) o.responseSchema = a.response.schema
  if (a.body !== undefined) {
    if (query.length > 0) fail(`${where}: both query parameters and a body`)
    o.body = { contentType: 'application/json', schema: a.body }
    o.request = 'json'
  } else if (query.length > 0) {
    o.request = 'query'
    o.requestName = a.requestName ?? fail(`${where}: no requestName`)
  }
  const list = listInfo(schemas, query, a.response.schema, where)
  if (list !== undefined) o.list = list
  return o
}

function applyOverrides(ops: ModelOperation[], overrides: Overrides): void {
  const byId = new Map(ops.map((o) => [o.id, o]))
  const get = (id: string, what: string): ModelOperation =>
    byId.get(id) ?? fail(`overrides.${what}: no operation ${id}`)
  for (const [id, extra] of Object.entries(overrides.extraQuery)) {
    const op = get(id, 'extraQuery')
    if (op.request !== 'query') fail(`overrides.extraQuery: ${id} is not a query operation`)
    for (const [name, schema] of Object.entries(extra)) {
      if (op.query.some((p) => p.name === name))
        fail(`overrides.extraQuery: ${id} already has ${name}; remove the override`)
      op.query.push({ name, required: false, schema })
    }
  }
  for (const [id, defaults] of Object.entries(overrides.queryDefaults)) {
    const op = get(id, 'queryDefaults')
    for (const name of Object.keys(defaults))
      if (!op.query.some((p) => p.name === name))
        fail(`overrides.queryDefaults: ${id} has no query parameter ${name}`)
    op.defaults = defaults
  }
  for (const [id, names] of Object.entries(overrides.typeNames)) {
    const op = get(id, 'typeNames')
    if (names.request !== undefined) {
      if (op.request === undefined) fail(`overrides.typeNames: ${id} takes no request`)
      op.requestName = names.request
    }
    if (names.response !== undefined) {
      if (op.responseSchema === undefined) fail(`overrides.typeNames: ${id} has no response body`)
      op.responseName = names.response
    }
  }
}

/**
 * Builds the model from a parsed definition, the node-auth0-only additions and the overrides. Throws a
 * `DefinitionError` on anything the emitters cannot represent faithfully.
 */
export function buildModel(
  def: OasDocument,
  additions: { schemas: Record<string, JsonSchema>; operations: readonly AddedOperation[] },
  overrides: Overrides,
): Model {
  if (typeof def.openapi !== 'string' || !def.openapi.startsWith('3.'))
    fail('not an OpenAPI 3 document')
  const schemas: Record<string, JsonSchema> = { ...def.components?.schemas }
  for (const [name, s] of Object.entries(additions.schemas)) {
    if (name in schemas) fail(`additions: schema ${name} already exists in the definition`)
    schemas[name] = s
  }
  const ops = fromDefinition(def, schemas)
  const ids = new Set(ops.map((o) => o.id))
  const routes = new Set(ops.map((o) => `${o.method} ${o.path.replace(/\{[^}]+\}/g, '{}')}`))
  for (const a of additions.operations) {
    const o = fromAddition(a, schemas)
    const route = `${o.method} ${o.path.replace(/\{[^}]+\}/g, '{}')}`
    if (ids.has(o.id) || routes.has(route))
      fail(`additions: ${o.id} (${route}) is in the definition now; remove it from additions.ts`)
    ids.add(o.id)
    routes.add(route)
    ops.push(o)
  }
  const seen = new Set<string>()
  for (const o of ops) {
    if (seen.has(o.id)) fail(`two operations are named ${o.id}`)
    seen.add(o.id)
  }
  applyOverrides(ops, overrides)
  return { operations: ops.sort(compareIds), schemas }
}
