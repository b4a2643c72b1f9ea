import type { RequestSpec } from '@auth0-ts/core'
import type { ListSpec, OperationSpec } from '../operation.js'
import { operationRequest } from '../operation-request.js'
import { ApiPromise, toRawResponse, type WithRawResponse } from './api-promise.js'
import type { Runtime } from './options.js'
import { Page, PagePromise, pagerOf, type PageResult, type Query } from './page.js'
import { resolveCall, type ResolvedCall } from './request-options.js'

/** The number of `{name}`s in each operation's path, counted once. */
const counts = new WeakMap<OperationSpec, number>()
function pathCount(op: OperationSpec): number {
  let n = counts.get(op)
  if (n === undefined) counts.set(op, (n = op.path.split('{').length - 1))
  return n
}

// node-auth0 v7.1 sends no body when these are called without one (their body is optional and nullable); every
// other JSON operation sends `{}` for an omitted request.
const NO_BODY_WHEN_OMITTED = new Set([
  'POST /actions/actions/{actionId}/versions/{id}/deploy',
  'POST /connections/{id}/directory-provisioning',
  'PATCH /connections/{id}/directory-provisioning',
  'POST /connections/{id}/scim-configuration',
  'POST /connections/{id}/keys',
  'POST /connections/{id}/keys/rotate',
])

/** A multipart request with file content that has no name of its own sent as node-auth0 does: `blob`. */
function namedFiles(request: unknown): unknown {
  if (typeof request !== 'object' || request === null) return request
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(request)) {
    const nameless =
      value instanceof Uint8Array ||
      (value instanceof Blob && typeof (value as Blob & { name?: unknown }).name !== 'string')
    out[key] = nameless ? { file: value, filename: 'blob' } : value
  }
  return out
}

/** The request spec of one call, with the call's options and extra query parameters applied. */
export function specOf(
  rt: Runtime,
  op: OperationSpec,
  args: readonly unknown[],
  request: unknown,
  call: ResolvedCall,
  defaults: boolean,
): RequestSpec {
  const body = op.request === 'multipart' ? namedFiles(request) : request
  const spec = operationRequest(op, args, body, { defaults, customDomain: rt.customDomain })
  if (request === undefined && NO_BODY_WHEN_OMITTED.has(`${op.method} ${op.path}`)) delete spec.json
  // What a 2xx must carry: a value where the definition declares one (an empty 2xx is then `invalid_response`, never
  // `undefined`), maybe one, or nothing (an event stream's body is handed over before core reads it).
  spec.responseType =
    op.response === undefined ? 'json' : op.response === 'optional' ? 'json-or-empty' : 'empty'
  if (call.queryParams) {
    spec.query = { ...spec.query, ...call.queryParams }
    spec.queryArrays = 'repeat'
  }
  return spec
}

/** Sends one call through core and reads the result with its response. */
async function sendOne(
  rt: Runtime,
  op: OperationSpec,
  args: readonly unknown[],
  request: unknown,
  options: unknown,
  defaults: boolean,
): Promise<PageResult<unknown>> {
  const call = await resolveCall(options, rt.headers)
  const spec = specOf(rt, op, args, request, call, defaults)
  const { data, response } = await rt.rest.send(spec, call.options)
  return {
    data,
    rawResponse: toRawResponse(response, rt.rest.url(spec)),
    query: spec.query ?? {},
  }
}

async function firstPage(
  rt: Runtime,
  op: OperationSpec & { readonly list: ListSpec },
  args: readonly unknown[],
  request: unknown,
  options: unknown,
): Promise<WithRawResponse<Page<unknown, unknown>>> {
  const first = await sendOne(rt, op, args, request, options, true)
  const load = (query: Query) => sendOne(rt, op, args, query, options, false)
  const page = new Page<unknown, unknown>(first, pagerOf(op, first.query), load)
  return { data: page, rawResponse: first.rawResponse }
}

const isList = (op: OperationSpec): op is OperationSpec & { readonly list: ListSpec } =>
  op.list !== undefined

/**
 * Calls one operation: the path parameters positionally, then the request object when the operation takes one, then
 * per-call options. A list resolves to a {@link Page}, an event stream to an {@link EventStream}, anything else to
 * the parsed body (`undefined` for no content). Nothing throws synchronously: a missing id or a bad option rejects
 * before anything is sent.
 */
export function callOperation(
  rt: Runtime,
  op: OperationSpec,
  all: readonly unknown[],
): ApiPromise<unknown> {
  const n = pathCount(op)
  const args = all.slice(0, n)
  const request = op.request === undefined ? undefined : all[n]
  const options = all[op.request === undefined ? n : n + 1]
  if (isList(op)) return new PagePromise(firstPage(rt, op, args, request, options))
  if (op.response === 'stream') {
    // only the clients that hold a stream operation (events) carry the code that reads one
    const open = rt.openStream
    return new ApiPromise(
      open
        ? open(rt, op, args, request, options)
        : Promise.reject(
            new TypeError(`${op.method} ${op.path}: this client cannot open event streams`),
          ),
    )
  }
  return new ApiPromise(sendOne(rt, op, args, request, options, true))
}
