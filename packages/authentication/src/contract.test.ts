// Walks every authentication method of the wire contract and asserts the request each call sends.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as auth from './index.js'

interface RecordedRequest {
  method: string
  path: string
  query: [string, string][]
  contentType: string | null
  body: Record<string, unknown> | [string, string][] | null
  headers: Record<string, string> | null
}
interface RecordedCall {
  args: unknown[]
  options: Record<string, unknown> | null
  request?: RecordedRequest
  throws?: { type: string; message: string }
}
interface ContractMethod {
  package: string
  class: string
  method: string
  calls: Record<string, RecordedCall>
}
interface Contract {
  host: string
  clientId: string
  clientSecret: string
  methods: Record<string, ContractMethod>
}

const contract = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../spec/wire-contract.json', import.meta.url)), 'utf8'),
) as Contract
const methods = Object.values(contract.methods).filter((m) => m.package === 'authentication')

type Callable = Record<string, (...args: unknown[]) => Promise<unknown>>

function construct(className: string): Callable {
  const options = { clientSecret: contract.clientSecret }
  switch (className) {
    case 'Users':
      return new auth.Users(contract.host) as unknown as Callable
    case 'GetToken':
    case 'Database':
    case 'Passwordless':
    case 'Social':
    case 'Delegated':
    case 'Enterprise':
    case 'RevokeToken':
    case 'BackChannelLogin':
    case 'PushedAuthorizationRequests':
      return new auth[className](contract.host, contract.clientId, options) as unknown as Callable
    default:
      throw new Error(`no class ${className} in the package`)
  }
}

interface Captured {
  method: string
  url: URL
  headers: Headers
  body: string
}
const captured: Captured[] = []
const server = setupServer(
  http.all(`https://${contract.host}/*`, async ({ request }) => {
    captured.push({
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body: await request.text(),
    })
    return HttpResponse.json({ access_token: 'AT', token_type: 'Bearer', expires_in: 86400 })
  }),
)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  captured.length = 0
})
afterAll(() => server.close())

const sortPairs = (pairs: [string, unknown][]) =>
  [...pairs].sort(([a, x], [b, y]) => (a + JSON.stringify(x)).localeCompare(b + JSON.stringify(y)))

/** A form value holding JSON text is compared parsed. */
function parseFormValue(value: string): unknown {
  if (!/^[[{]/.test(value)) return value
  try {
    return JSON.parse(value) as unknown
  } catch {
    return value
  }
}

const BASE_HEADERS = new Set(['content-type', 'auth0-client', 'accept'])

function expectRequest(actual: Captured, recorded: RecordedRequest): void {
  expect(actual.method).toBe(recorded.method)
  expect(actual.url.pathname).toBe(recorded.path)
  expect(sortPairs([...actual.url.searchParams.entries()])).toEqual(sortPairs(recorded.query))
  const contentType = actual.headers.get('content-type')
  if (recorded.body === null) {
    expect(actual.body).toBe('')
    expect(contentType).toBeNull()
  } else {
    expect(contentType?.split(';')[0]).toBe(recorded.contentType)
  }
  if (Array.isArray(recorded.body)) {
    const sent = [...new URLSearchParams(actual.body).entries()].map(
      ([k, v]): [string, unknown] => [k, parseFormValue(v)],
    )
    const expected = recorded.body.map(([k, v]): [string, unknown] => [k, parseFormValue(v)])
    expect(sortPairs(sent)).toEqual(sortPairs(expected))
  } else if (recorded.body !== null) {
    const sent = JSON.parse(actual.body) as Record<string, unknown>
    const expected = Object.fromEntries(
      Object.entries(recorded.body).filter(([k, v]) => v !== null || k in sent),
    )
    expect(sent).toEqual(expected)
  }
  const extra = Object.fromEntries(
    Object.entries(recorded.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
  )
  for (const [name, value] of Object.entries(extra)) expect(actual.headers.get(name)).toBe(value)
  if (!('authorization' in extra)) expect(actual.headers.get('authorization')).toBeNull()
  const names = [...actual.headers.keys()].filter((n) => !(n in extra))
  expect(
    names.filter((n) => !BASE_HEADERS.has(n)),
    'no header beyond the recorded ones',
  ).toEqual([])
}

describe('wire contract (authentication)', () => {
  it('covers the 10 classes and 20 methods', () => {
    expect(methods).toHaveLength(20)
    expect(new Set(methods.map((m) => m.class)).size).toBe(10)
  })

  const cases = methods.flatMap((m) =>
    Object.entries(m.calls).map(([name, call]) => ({ m, name, call })),
  )
  it.each(cases.map((c) => [`${c.m.class}.${c.m.method} ${c.name}`, c] as const))(
    '%s',
    async (_, { m, name, call }) => {
      const client = construct(m.class)
      const method = client[m.method]
      expect(method, `${m.class}.${m.method}`).toBeTypeOf('function')
      const args = call.options === null ? call.args : [...call.args, call.options]
      const result = method!.apply(client, args)
      if (call.throws) {
        await expect(result).rejects.toThrow(new TypeError(call.throws.message))
        expect(captured).toHaveLength(0)
        return
      }
      await result
      expect(captured, `${name} sends one request`).toHaveLength(1)
      expectRequest(captured[0]!, call.request!)
    },
  )
})
