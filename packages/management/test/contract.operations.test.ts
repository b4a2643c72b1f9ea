// Contract tests generated from the declarations: for every one of the 482 operations, a minimal call and a call with
// every parameter (ids that need percent-encoding), sent through msw. Each asserts the request (method, path with its
// encoding, query, content type, body), then the result (the body, a page, no content, or the events of a stream).
import { http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EventStream, ManagementClient, Page } from '../src/index.js'
import {
  callArgs,
  entries,
  manifest,
  methodOf,
  pathArgs,
  requestOf,
  responseFor,
  wireOf,
  type Entry,
  type Wire,
} from './support/operations.js'

const DOMAIN = 'tenant.example.com'
let current: Entry | undefined
const sent: Wire[] = []
const server = setupServer(
  http.all(`https://${DOMAIN}/*`, async ({ request }) => {
    sent.push(await wireOf(request))
    return responseFor(current as Entry)
  }),
)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

const client = new ManagementClient({ domain: DOMAIN, token: 'TOKEN', rateLimiter: false })

// The operations node-auth0 calls without a body when their optional request is left out.
const NO_BODY_WHEN_OMITTED = [
  'actions.versions.deploy',
  'connections.directoryProvisioning.create',
  'connections.directoryProvisioning.update',
  'connections.keys.create',
  'connections.keys.rotate',
  'connections.scimConfiguration.create',
]

const PAGE_KEYS = ['page', 'per_page', 'include_totals']
const CHECKPOINT_KEYS = ['from', 'take']

/** The path a call must reach: the route's template with each argument percent-encoded. */
function expectedPath(e: Entry): string {
  const args = pathArgs(e)
  let i = 0
  const template = e.facts.route.slice(e.facts.route.indexOf(' ') + 1)
  return `/api/v2${template.replace(/\{[^}]+\}/g, () => encodeURIComponent(args[i++] as string))}`
}

/** The query pairs a call must send: the caller's, over node-auth0's defaults of the same paging style. */
function expectedQuery(e: Entry, request: unknown): [string, string][] {
  if (e.facts.request !== 'query') return []
  const given = (request ?? {}) as Record<string, unknown>
  const defaults = e.op.defaults ?? {}
  const has = (keys: string[]) => keys.some((k) => given[k] !== undefined)
  // include_totals goes with the paging style of the defaults
  const byCheckpoint = has(CHECKPOINT_KEYS)
  const skip = byCheckpoint
    ? CHECKPOINT_KEYS.some((k) => k in defaults)
      ? ['page', 'per_page']
      : PAGE_KEYS
    : has(['page', 'per_page'])
      ? CHECKPOINT_KEYS
      : []
  const query: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(defaults)) if (!skip.includes(k)) query[k] = v
  Object.assign(query, given)
  const pairs: [string, string][] = []
  for (const [k, v] of Object.entries(query))
    for (const item of Array.isArray(v) ? v : [v]) pairs.push([k, String(item)])
  return pairs.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1))
}

/** The body a call must send. */
async function expectedBody(e: Entry, request: unknown): Promise<unknown> {
  if (e.facts.request === 'json')
    return request === undefined ? (NO_BODY_WHEN_OMITTED.includes(e.id) ? null : {}) : request
  if (e.facts.request !== 'multipart') return null
  const parts: [string, unknown][] = []
  for (const [k, v] of Object.entries(request as Record<string, unknown>))
    parts.push([
      k,
      v instanceof Blob ? { file: 'blob', type: v.type, text: await v.text() } : String(v),
    ])
  return parts.sort((a, b) => (a[0] < b[0] ? -1 : 1))
}

const contentType = (e: Entry, body: unknown): string | null =>
  e.facts.request === 'multipart'
    ? 'multipart/form-data'
    : e.facts.request === 'json' && body !== null
      ? 'application/json'
      : null

/** Checks what a call resolved to against what the server answered. */
async function expectResult(e: Entry, result: unknown): Promise<void> {
  const { facts } = e
  if (facts.response === 'none') return expect(result).toBeUndefined()
  if (facts.response === 'stream') {
    expect(result).toBeInstanceOf(EventStream)
    const events: unknown[] = []
    for await (const event of result as EventStream<unknown>) events.push(event)
    return expect(events).toEqual([{ type: 'user.created', id: 'evt_1' }])
  }
  if (facts.list) {
    expect(result).toBeInstanceOf(Page)
    const page = result as Page<unknown, unknown>
    expect(page.data).toEqual([{ id: 'item_1' }])
    expect(page.rawResponse.status).toBe(200)
    return expect(page.hasNextPage()).toBe(false)
  }
  expect(result).toEqual({ id: 'result_1', operation: e.id })
}

describe('every operation, generated from the declarations', () => {
  it('covers the 482 operations of the manifest', () => {
    expect(entries.map((e) => e.id)).toEqual(Object.keys(manifest.operations).sort())
    expect(entries).toHaveLength(482)
  })

  const cases = entries.flatMap((e) => [
    { name: `${e.id} (minimal)`, e, full: false },
    { name: `${e.id} (every parameter)`, e, full: true },
  ])
  it.each(cases)('$name', async ({ e, full }) => {
    current = e
    sent.length = 0
    const request = requestOf(e, full)
    const result = await (methodOf(client, e) as (...a: unknown[]) => Promise<unknown>)(
      ...callArgs(e, full),
    )
    expect(sent).toHaveLength(1)
    const wire = sent[0] as Wire
    const body = await expectedBody(e, request)
    expect({
      method: wire.method,
      path: wire.path,
      query: wire.query,
      contentType: wire.contentType,
      body: wire.body,
    }).toEqual({
      method: e.facts.route.split(' ')[0],
      path: expectedPath(e),
      query: expectedQuery(e, request),
      contentType: contentType(e, body),
      body,
    })
    expect(wire.headers.get('authorization')).toBe('Bearer TOKEN')
    await expectResult(e, result)
  })
})
