// Differential tests against auth0@7.1.0: for every operation node-auth0 has, the same call is made on both clients
// (a minimal one, and one with every parameter plus per-call query parameters and headers; ids that need
// percent-encoding), both requests are captured through each client's `fetch`, and they are compared: method, path
// with its encoding, query (decoded pairs: key order and `+`/`%20` are not part of the contract), content type, body,
// and the per-call header. Where they differ on purpose (node-auth0 is wrong and we follow the definition), the
// difference is listed below with its reason; any other difference, or a listed one that stops happening, fails.
import { ManagementClient as NodeAuth0 } from 'auth0'
import { describe, expect, it } from 'vitest'
import { ManagementClient } from '../src/index.js'
import {
  callArgs,
  entries,
  methodOf,
  pathArgs,
  responseFor,
  wireOf,
  type Entry,
  type Wire,
} from './support/operations.js'

const DOMAIN = 'tenant.example.com'
const CUSTOM_DOMAIN = 'login.example.com'
/** Calls that only page, each made on every list that takes all of its keys. */
const PAGING_CALLS: Record<string, unknown>[] = [
  { take: 3 },
  { from: 'cp_1', take: 3 },
  { page: 2, per_page: 3 },
  { per_page: 3 },
  { include_totals: false },
  { page: 1, include_totals: false },
]
const CALL_OPTIONS = { queryParams: { extra_param: 'v w' }, headers: { 'x-request-tag': 't/1' } }

interface Recorder {
  /** Makes one call; resolves to what was sent (nothing when the call was refused) and how the call ended. */
  call(
    e: Entry,
    args: unknown[],
  ): Promise<{ wire: Wire | undefined; result: unknown; error: unknown }>
}

/** A client over a fetch that records what it is asked to send and answers what the operation returns. */
function recorder(make: (f: typeof fetch) => unknown): Recorder {
  const sent: Wire[] = []
  let current: Entry | undefined
  const f = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    sent.push(await wireOf(input, init))
    return responseFor(current as Entry)
  }
  const client = make(f as typeof fetch)
  return {
    async call(e, args) {
      current = e
      sent.length = 0
      const method = methodOf(client, e) as (...a: unknown[]) => Promise<unknown>
      let result: unknown
      let error: unknown
      try {
        result = await method(...args)
      } catch (err) {
        error = err
      }
      return { wire: sent[0], result, error }
    },
  }
}

const ours = (extra: Record<string, unknown> = {}) =>
  recorder(
    (f) =>
      new ManagementClient({
        domain: DOMAIN,
        token: 'TOKEN',
        fetch: f,
        rateLimiter: false,
        ...extra,
      }),
  )
const theirs = (extra: Record<string, unknown> = {}) =>
  recorder((f) => new NodeAuth0({ domain: DOMAIN, token: 'TOKEN', fetch: f, ...extra }))

const nodeClient = new NodeAuth0({ domain: DOMAIN, token: 'TOKEN' })
const shared = entries.filter((e) => methodOf(nodeClient, e) !== undefined)

/**
 * Intended difference 1, dropped paging parameters: on these lists, which take both paging styles (customDomains.list
 * takes only checkpoints), node-auth0 v7.1 silently leaves out the parameters named here. We send what the caller
 * gave, as the definition says. It shows in the call with every parameter.
 */
const DROPPED_PAGING: Record<string, readonly string[]> = {
  'clientGrants.list': ['page', 'per_page'],
  'clientGrants.organizations.list': ['page', 'per_page'],
  'clients.list': ['from', 'take'],
  'connections.list': ['page', 'per_page'],
  'customDomains.list': ['from', 'take'],
  'flows.executions.list': ['page', 'per_page'],
  'groups.list': ['page', 'per_page'],
  'logs.list': ['from', 'take'],
  'organizations.list': ['page', 'per_page'],
  'organizations.members.list': ['page', 'per_page'],
  'roles.users.list': ['page', 'per_page'],
  'users.groups.get': ['page', 'per_page'],
}

/**
 * Intended difference 2, the custom-domain header: node-auth0 adds `withCustomDomainHeader` by path pattern, so it
 * also reaches reads and deletes of the same paths; we add it on the operations the definition lists as taking it.
 */
const CUSTOM_DOMAIN_ONLY_NODE_AUTH0 = [
  'organizations.invitations.list',
  'users.delete',
  'users.get',
  'users.list',
].sort()
const CUSTOM_DOMAIN_ONLY_OURS = [
  'branding.phone.templates.test',
  'selfServiceProfiles.ssoTicket.create',
].sort()

/**
 * Intended difference 3, a result: customDomains.list is a paginated list in the definition, so it resolves to a
 * `Page` (its items in `data`) where node-auth0 resolves to the body.
 */
const PAGED_HERE = ['customDomains.list']
/**
 * Intended difference 4, a result: eventStreams.deliveries.list answers an array (node-auth0's own type says so), but
 * node-auth0's page reads its items from a `deliveries` key, so its `data` is always empty. Ours holds the items.
 */
const EMPTY_IN_NODE_AUTH0 = ['eventStreams.deliveries.list']

function compare(a: Wire | undefined, b: Wire | undefined): string[] {
  if (!a || !b) return [a ? 'node-auth0 sent nothing' : 'we sent nothing']
  const fields: string[] = []
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y)
  if (a.method !== b.method) fields.push(`method ${a.method} / ${b.method}`)
  if (a.path !== b.path) fields.push(`path ${a.path} / ${b.path}`)
  if (!same(a.query, b.query))
    fields.push(`query ${JSON.stringify(a.query)} / ${JSON.stringify(b.query)}`)
  if (a.contentType !== b.contentType)
    fields.push(`content-type ${a.contentType} / ${b.contentType}`)
  if (!same(a.body, b.body))
    fields.push(`body ${JSON.stringify(a.body)} / ${JSON.stringify(b.body)}`)
  const tag = (w: Wire) => w.headers.get('x-request-tag')
  if (tag(a) !== tag(b)) fields.push(`x-request-tag ${tag(a)} / ${tag(b)}`)
  return fields
}

/** The data a call resolved to, comparable between clients: a page's items, or the value. */
const dataOf = (result: unknown): unknown =>
  result !== null && typeof result === 'object' && 'hasNextPage' in result
    ? (result as unknown as { data: unknown }).data
    : result

// Each test walks every shared operation on both clients: allow for a busy machine.
describe('the same requests as node-auth0 v7.1', { timeout: 180_000 }, () => {
  it('finds node-auth0’s 457 operations among our 482, under the same names', () => {
    expect(entries).toHaveLength(482)
    expect(shared).toHaveLength(457)
  })

  it('sends the same requests for every shared operation, but for the dropped paging parameters', async () => {
    const [a, b] = [ours(), theirs()]
    const differences: string[] = []
    const dropped: string[] = []
    for (const e of shared)
      for (const full of [false, true]) {
        const args = callArgs(e, full)
        if (full) args.push(CALL_OPTIONS)
        const x = await a.call(e, args)
        const y = await b.call(e, args)
        const fields = compare(x.wire, y.wire)
        const keys = DROPPED_PAGING[e.id]
        // the only difference allowed: node-auth0 left out exactly the listed keys
        if (full && keys && x.wire && y.wire && fields.length === 1) {
          const kept = x.wire.query.filter(([k]) => !keys.includes(k))
          if (JSON.stringify(kept) === JSON.stringify(y.wire.query)) {
            dropped.push(e.id)
            continue
          }
        }
        if (fields.length > 0)
          differences.push(`${e.id} (${full ? 'full' : 'minimal'}): ${fields.join('; ')}`)
        else if (PAGED_HERE.includes(e.id))
          expect(dataOf(x.result)).toEqual((y.result as { custom_domains: unknown }).custom_domains)
        else if (EMPTY_IN_NODE_AUTH0.includes(e.id)) {
          expect(dataOf(y.result)).toEqual([])
          expect(dataOf(x.result)).toEqual([{ id: 'item_1' }])
        } else if (e.facts.response !== 'stream')
          expect([e.id, dataOf(x.result)]).toEqual([e.id, dataOf(y.result)])
      }
    const identical = shared.filter((e) => !dropped.includes(e.id)).length
    console.info(
      `node-auth0 differential: ${identical}/${shared.length} operations send identical requests; ` +
        `${dropped.length} differ only by node-auth0's dropped paging parameters`,
    )
    expect(differences).toEqual([])
    expect(dropped.sort()).toEqual(Object.keys(DROPPED_PAGING).sort())
    expect(identical).toBe(445)
  })

  it('sends the same paging requests on every list, but for the dropped paging parameters', async () => {
    const [a, b] = [ours(), theirs()]
    const differences: string[] = []
    let calls = 0
    for (const e of shared.filter((x) => x.facts.list)) {
      const accepts = new Set(Object.keys(e.facts.query ?? {}).map((k) => k.replace(/\?$/, '')))
      const required = (callArgs(e, false)[pathArgs(e).length] ?? {}) as Record<string, unknown>
      for (const paging of PAGING_CALLS) {
        if (!Object.keys(paging).every((k) => accepts.has(k))) continue
        calls++
        const args = [...pathArgs(e), { ...required, ...paging }]
        const x = (await a.call(e, args)).wire
        const y = (await b.call(e, args)).wire
        const fields = compare(x, y)
        const keys = (DROPPED_PAGING[e.id] ?? []).filter((k) => k in paging)
        // node-auth0 leaves out the dropped keys the caller gave (and may add its defaults instead); we send them
        const sends = (w: Wire | undefined, k: string) => w?.query.some(([q]) => q === k) === true
        if (keys.length > 0 && keys.every((k) => sends(x, k) && !sends(y, k))) continue
        if (fields.length > 0)
          differences.push(`${e.id} ${JSON.stringify(paging)}: ${fields.join('; ')}`)
      }
    }
    expect(calls).toBeGreaterThan(200)
    expect(differences).toEqual([])
  })

  it('sends withCustomDomainHeader on the operations the definition lists, where node-auth0 matches paths', async () => {
    const [a, b] = [
      ours({ withCustomDomainHeader: CUSTOM_DOMAIN }),
      theirs({ withCustomDomainHeader: CUSTOM_DOMAIN }),
    ]
    const onlyNodeAuth0: string[] = []
    const onlyOurs: string[] = []
    let both = 0
    for (const e of shared) {
      const args = callArgs(e, true)
      const x = (await a.call(e, args)).wire?.headers.get('auth0-custom-domain')
      const y = (await b.call(e, args)).wire?.headers.get('auth0-custom-domain')
      if (x === CUSTOM_DOMAIN && y === CUSTOM_DOMAIN) both++
      else if (x === CUSTOM_DOMAIN) onlyOurs.push(e.id)
      else if (y === CUSTOM_DOMAIN) onlyNodeAuth0.push(e.id)
    }
    expect(both).toBe(7)
    expect(onlyNodeAuth0.sort()).toEqual(CUSTOM_DOMAIN_ONLY_NODE_AUTH0)
    expect(onlyOurs.sort()).toEqual(CUSTOM_DOMAIN_ONLY_OURS)
  })

  it('refuses a missing id with a TypeError before sending, where node-auth0 sends "undefined"', async () => {
    const [a, b] = [ours(), theirs()]
    const withIds = shared.filter((e) => pathArgs(e).length > 0)
    let refused = 0
    let sentUndefined = 0
    for (const e of withIds) {
      const args: unknown[] = [undefined, ...callArgs(e, false).slice(1)]
      const x = await a.call(e, args)
      const y = await b.call(e, args)
      if (x.wire === undefined && x.error instanceof TypeError) refused++
      if (y.wire?.path.includes('/undefined')) sentUndefined++
    }
    expect(refused).toBe(withIds.length)
    expect(sentUndefined).toBe(withIds.length)
  })
})
