// Beside contract.test.ts: auth0-python sends some optional values only when they are truthy (`if username:`), so an
// empty string, object or list is left out as `None` is. Each case here calls a method of the wire contract with such
// empty values and expects the very request of the contract's `defaults` call. Values auth0-python sends as they are
// (optional ones it does not test, and every required one) are sent as they are.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { useServer } from './test-utils/msw.js'
import * as auth from './index.js'

interface RecordedRequest {
  method: string
  path: string
  body: Record<string, unknown> | null
  headers: Record<string, string> | null
}
interface Contract {
  host: string
  clientId: string
  clientSecret: string
  methods: Record<
    string,
    {
      class: string
      method: string
      calls: Record<string, { args: unknown[]; request?: RecordedRequest }>
    }
  >
}

const contract = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../spec/wire-contract.json', import.meta.url)), 'utf8'),
) as Contract
const BASE = `https://${contract.host}`

const server = useServer()

interface Sent {
  path: string
  headers: Headers
  body: Record<string, unknown>
}

async function send(
  className: string,
  method: string,
  options: Record<string, unknown>,
): Promise<Sent> {
  const entry = Object.values(contract.methods).find(
    (m) => m.class === className && m.method === method,
  )
  if (!entry) throw new Error(`${className}.${method} is not in the wire contract`)
  const sent: Sent[] = []
  server.use(
    http.all(`${BASE}/*`, async ({ request }) => {
      const text = await request.text()
      sent.push({
        path: new URL(request.url).pathname,
        headers: request.headers,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      })
      return HttpResponse.json({ access_token: 'AT', token_type: 'Bearer', expires_in: 86400 })
    }),
  )
  const Client = auth[className as 'GetToken']
  const client = new Client(contract.host, contract.clientId, {
    clientSecret: contract.clientSecret,
  }) as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>
  await client[method]!(...(entry.calls['defaults']?.args ?? []), options)
  expect(sent).toHaveLength(1)
  return sent[0]!
}

/** The `defaults` request of the contract, without the `null`s auth0-python sends for `None` (we leave them out). */
function defaults(className: string, method: string): RecordedRequest {
  const entry = Object.values(contract.methods).find(
    (m) => m.class === className && m.method === method,
  )
  const request = entry?.calls['defaults']?.request
  if (!request) throw new Error(`no defaults request for ${className}.${method}`)
  const body = Object.fromEntries(Object.entries(request.body ?? {}).filter(([, v]) => v !== null))
  return { ...request, body }
}

describe('falsy optional values are left out, as auth0-python does', () => {
  it.each([
    {
      className: 'Database',
      method: 'signup',
      options: {
        username: '',
        userMetadata: {},
        givenName: '',
        familyName: '',
        name: '',
        nickname: '',
        picture: '',
      },
    },
    { className: 'Database', method: 'changePassword', options: { organization: '' } },
    { className: 'Passwordless', method: 'email', options: { authParams: {} } },
    { className: 'GetToken', method: 'accessTokenForConnection', options: { loginHint: '' } },
    { className: 'GetToken', method: 'login', options: { forwardedFor: '' } },
  ])('$className $method, with empty optional values', async ({ className, method, options }) => {
    const sent = await send(className, method, options)
    const expected = defaults(className, method)
    expect(sent.path).toBe(expected.path)
    expect(sent.body).toEqual(expected.body)
    expect(sent.headers.get('auth0-forwarded-for')).toBeNull()
  })
})

describe('values auth0-python sends as they are stay', () => {
  it.each([
    {
      className: 'GetToken',
      method: 'login',
      options: { scope: '', realm: '', audience: '' },
      keep: ['scope', 'realm', 'audience'],
    },
    {
      className: 'GetToken',
      method: 'clientCredentials',
      options: { organization: '' },
      keep: ['organization'],
    },
    { className: 'GetToken', method: 'refreshToken', options: { scope: '' }, keep: ['scope'] },
    { className: 'Passwordless', method: 'email', options: { send: '' }, keep: ['send'] },
    { className: 'Social', method: 'login', options: { scope: '' }, keep: ['scope'] },
  ])('$className $method keeps $keep', async ({ className, method, options, keep }) => {
    const sent = await send(className, method, options)
    for (const key of keep) expect(sent.body[key], key).toBe('')
  })
})
