// Every Management API operation (482) through ManagementClient, over real HTTP on 127.0.0.1, against the tenant
// emulator. The client gets its own token (client credentials). Path parameters name the emulator's seeded records,
// found by listing them through the client; bodies carry the fields the emulator's operation table requires. Every
// call must resolve to what its operation returns (a Page for a list, nothing for a 204, an event stream for
// `events.subscribe`), and a token without an operation's scopes is refused with a 403 the client surfaces as an
// Auth0Error. The emulator's own suite validates each body against Auth0's definition; this one drives the SDK.
import {
  MANAGEMENT_OPERATIONS as operations,
  startMockTenant,
  type ManagementOperation,
  type RunningMockTenant,
} from '@auth0-ts/mock-tenant'
import { performance } from 'node:perf_hooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EventStream, ManagementClient, Page, isAuth0Error } from '../src/index.js'

let t: RunningMockTenant
let client: ManagementClient

beforeAll(async () => {
  t = await startMockTenant({ port: 0 })
  client = new ManagementClient({
    domain: t.domain,
    protocol: 'http',
    clientId: t.clients.m2m.clientId,
    clientSecret: t.clients.m2m.clientSecret,
  })
}, 60_000)
afterAll(() => t.close())

type Call = (...args: unknown[]) => PromiseLike<unknown>

/** `users.roles.list` → `client.users.roles.list`. */
function methodOf(on: ManagementClient, id: string): Call {
  let target: unknown = on
  for (const segment of id.split('.')) target = (target as Record<string, unknown>)[segment]
  if (typeof target !== 'function') throw new Error(`ManagementClient has no ${id}`)
  return target as Call
}

const normalize = (path: string) => path.replace(/\{[^}]+\}/g, '{}')
const countParams = (path: string) => path.split('{').length - 1
const singular = (word: string) =>
  word
    .replace(/ies$/, 'y')
    .replace(/([^s])s$/, '$1')
    .replace(/-/g, '_')

/** Values for parameters that name no listed record. */
const NICE: Record<string, string> = {
  prompt: 'login',
  language: 'en',
  screen: 'login',
  page: 'login',
  triggerId: 'post-login',
  provider: 'duo',
  templateName: 'verify_email',
  name: 'mock-org',
}

/** The items of a result: a Page's data, an array, or the one array field of an object. */
function itemsOf(result: unknown): unknown[] {
  if (result instanceof Page) return result.data as unknown[]
  if (Array.isArray(result)) return result
  if (result !== null && typeof result === 'object')
    return (Object.values(result).find(Array.isArray) as unknown[] | undefined) ?? []
  return []
}

/** The id of a listed record, by the names Auth0 gives id fields. */
function idOf(record: unknown, param: string, collection: string): string | undefined {
  if (record === null || typeof record !== 'object')
    return typeof record === 'string' ? record : undefined
  const r = record as Record<string, unknown>
  const noun = singular(collection.split('/').at(-1) ?? '')
  const snake = param.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
  const keys = [param, 'id', snake, `${noun}_id`, param.replace(/_?[Nn]ame$/, ''), 'name', 'key']
  const key = keys.find((k) => typeof r[k] === 'string' || typeof r[k] === 'number')
  return key === undefined ? undefined : String(r[key])
}

/** The id of the first record of a collection, listed through the client (or made, when nothing lists them). */
async function firstId(collection: string, parents: string[], param: string): Promise<string> {
  const at = (method: string) =>
    operations.find(
      (o) => o.method === method && normalize(o.path) === collection && o.response.kind !== 'none',
    )
  const list = at('GET')
  const create = list === undefined ? at('POST') : undefined
  const fallback = NICE[param] ?? `mock-${param}`
  const op = list ?? create
  if (op === undefined) return fallback
  const args = parents.slice(0, countParams(op.path))
  const result = await methodOf(client, op.id)(...args, ...(await requestFor(op)))
  return idOf(list === undefined ? result : itemsOf(result)[0], param, collection) ?? fallback
}

/** Path arguments naming the first records the tenant starts with, outermost first. */
async function argsFor(op: ManagementOperation): Promise<string[]> {
  const raw = op.path.split('/').slice(1)
  const args: string[] = []
  for (const [i, segment] of raw.entries())
    if (segment.startsWith('{'))
      args.push(
        await firstId(normalize(`/${raw.slice(0, i).join('/')}`), args, segment.slice(1, -1)),
      )
  return args
}

/** The query parameters an operation requires (and the ones its hand-written route needs). */
function queryFor(op: ManagementOperation): Record<string, unknown> {
  if (op.path === '/users-by-email' || op.path === '/connections/{id}/users')
    return { email: t.user.username }
  const out: Record<string, unknown> = {}
  for (const [name, check] of Object.entries(op.query ?? {}))
    if (check.required)
      out[name] =
        check.enum?.[0] ??
        (check.type === 'integer' || check.type === 'number'
          ? 1
          : check.type === 'boolean'
            ? true
            : `mock-${name}`)
  return out
}

let serial = 0
/** A body with the fields the operation requires, of their types; real records where the emulator checks them. */
async function bodyFor(op: ManagementOperation): Promise<unknown> {
  const n = ++serial
  switch (`${op.method} ${op.path}`) {
    case 'POST /users':
      return {
        connection: t.user.connection,
        email: `sdk.${n}@example.com`,
        password: 'Sdk-password-1',
      }
    case 'POST /connections':
      return { name: `sdk-${n}`, strategy: 'auth0' }
    case 'PATCH /connections/{id}':
      return { display_name: `SDK ${n}` }
    case 'POST /client-grants':
      return { client_id: t.clients.web.clientId, audience: t.managementAudience, scope: [] }
    case 'POST /roles':
      return { name: `sdk-role-${n}` }
    case 'POST /organizations':
      return { name: `sdk-org-${n}` }
    case 'POST /organizations/{id}/enabled_connections':
      return { connection_id: 'con_ErZf9LpXQDE0cNBr' }
    case 'POST /email-templates': {
      // a template the seed has not made: the seed takes the first names
      const names = op.body?.fields?.['template']?.enum ?? []
      return { ...((await generic(op, n)) as object), template: names.at(-1) }
    }
    case 'POST /jobs/users-imports':
      return {
        users: new Blob(['[]'], { type: 'application/json' }),
        connection_id: 'con_i8qF5DPiZ3FdadwJ',
      }
  }
  return generic(op, n)
}

/** The required fields of a body, of their basic types; links to records that exist. */
async function generic(op: ManagementOperation, n: number): Promise<unknown> {
  const check = op.body
  if (check === undefined) return {}
  const types = typeof check.type === 'string' ? [check.type] : check.type
  if (!types.includes('object') && types.includes('array')) return []
  const body: Record<string, unknown> = {}
  const required = check.required ?? []
  for (const key of required) {
    const field = check.fields?.[key]
    const kinds =
      field === undefined ? ['string'] : typeof field.type === 'string' ? [field.type] : field.type
    if (kinds.includes('array') && required.length === 1 && !normalize(op.path).endsWith('}')) {
      // a link list (`/roles/{id}/users`): ids of records that exist, or objects naming them
      if (key === 'permissions')
        body[key] = [
          {
            permission_name: 'read:messages',
            resource_server_identifier: 'https://api.mock.test/',
          },
        ]
      else if (field?.items === 'string')
        body[key] = [await firstId(`/${key === 'members' ? 'users' : key}`, [], key)]
      else
        body[key] = [
          key === 'clients' ? { client_id: t.clients.web.clientId } : { id: `mock-${key}-${n}` },
        ]
      continue
    }
    body[key] =
      field?.enum?.[0] ??
      (kinds.includes('string') || kinds.includes('any')
        ? `mock-${key}-${n}`
        : kinds.includes('integer') || kinds.includes('number')
          ? 1
          : kinds.includes('boolean')
            ? true
            : kinds.includes('array')
              ? []
              : {})
  }
  return body
}

async function requestFor(op: ManagementOperation): Promise<unknown[]> {
  if (op.request === undefined) return []
  return [op.request === 'query' ? queryFor(op) : await bodyFor(op)]
}

describe('ManagementClient against the emulator, over HTTP', () => {
  it('calls every operation, each resolving to what it returns', async () => {
    const started = performance.now()
    const failures: string[] = []
    let changed = true
    for (const op of operations) {
      if (changed || op.method !== 'GET') t.reset()
      changed = op.method !== 'GET'
      try {
        const result = await methodOf(client, op.id)(
          ...(await argsFor(op)),
          ...(await requestFor(op)),
        )
        if (op.response.kind === 'list') expect(result, op.id).toBeInstanceOf(Page)
        else if (op.response.kind === 'none') expect(result, op.id).toBeUndefined()
        else if (op.response.kind === 'stream') {
          expect(result, op.id).toBeInstanceOf(EventStream)
          for await (const event of result as EventStream<unknown>) {
            expect(event, op.id).toBeTypeOf('object')
            break
          }
        } else expect(result, op.id).toBeDefined()
      } catch (e) {
        failures.push(`${op.id}: ${e instanceof Error ? e.message.slice(0, 300) : String(e)}`)
      }
    }
    console.log(
      `ManagementClient drove ${operations.length - failures.length}/${operations.length} operations in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    )
    expect(failures).toEqual([])
  }, 300_000)

  it('surfaces a token without the operation’s scopes as a 403 Auth0Error naming them', async () => {
    const readUsers = new ManagementClient({
      domain: t.domain,
      protocol: 'http',
      token: await t.managementToken(['read:users']),
    })
    const err = await readUsers.actions.list().then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(isAuth0Error(err)).toBe(true)
    expect(err).toMatchObject({
      statusCode: 403,
      errorCode: 'insufficient_scope',
      message: 'Insufficient scope, expected any of: read:actions',
    })
    // any one of an operation's scopes is enough
    expect((await readUsers.users.get('auth0|65a000000000000000000001')).user_id).toBe(
      'auth0|65a000000000000000000001',
    )
  })
})
