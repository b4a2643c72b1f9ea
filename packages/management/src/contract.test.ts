// Walks every management method of the wire contract, both recorded calls, and asserts the request each one sends.
import { readFileSync } from 'node:fs'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { Auth0 } from './index.js'

interface Recorded {
  method: string
  path: string
  query: [string, string][]
  contentType: string | null
  body: unknown
  headers: Record<string, string>
}
interface Call {
  args: unknown[]
  options: Record<string, unknown> | null
  request?: Recorded
  throws?: { type: string; message: string }
}
interface Entry {
  package: string
  accessorTs: string
  method: string
  calls: Record<string, Call>
}

const contract = JSON.parse(
  readFileSync(new URL('../../../spec/wire-contract.json', import.meta.url), 'utf8'),
) as {
  methods: Record<string, Entry>
}
const entries = Object.entries(contract.methods).filter(([, e]) => e.package === 'management')

interface Seen {
  method: string
  url: URL
  headers: Headers
  body: unknown
}

const seen: Seen[] = []
const server = setupServer(
  http.all('https://tenant.example.com/*', async ({ request }) => {
    const type = request.headers.get('content-type') ?? ''
    let body: unknown
    if (type.startsWith('multipart/form-data')) {
      const parts: { name: string; value: string; filename?: string }[] = []
      for (const [name, value] of await request.formData()) {
        if (typeof value === 'string') parts.push({ name, value })
        else parts.push({ name, filename: value.name, value: await value.text() })
      }
      body = parts
    } else {
      const text = await request.text()
      body = text === '' ? null : JSON.parse(text)
    }
    seen.push({ method: request.method, url: new URL(request.url), headers: request.headers, body })
    return HttpResponse.json({ echo: seen.length })
  }),
)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  seen.length = 0
  server.resetHandlers()
})
afterAll(() => server.close())

/** `{"$file": text}` stands for file content: we pass the text. */
function argument(value: unknown): unknown {
  if (value && typeof value === 'object' && '$file' in value)
    return (value as { $file: string }).$file
  return value
}

/** A recorded body key whose value is null may be left out. */
function withoutNulls(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== null))
}

const sortPairs = (pairs: [string, string][]) =>
  [...pairs].sort((a, b) => (a[0] + '\0' + a[1] < b[0] + '\0' + b[1] ? -1 : 1))

function invoke(entry: Entry, call: Call): Promise<unknown> {
  const auth0 = new Auth0('tenant.example.com', 'TOKEN') as unknown as Record<
    string,
    Record<string, (...a: unknown[]) => unknown>
  >
  const manager = auth0[entry.accessorTs]
  const fn = manager?.[entry.method]
  if (typeof fn !== 'function')
    throw new Error(`auth0.${entry.accessorTs}.${entry.method} is missing`)
  const args = call.args.map(argument)
  if (call.options !== null) args.push(call.options)
  return Promise.resolve().then(() => fn.apply(manager, args))
}

it('covers all 205 management methods', () => {
  expect(entries).toHaveLength(205)
})

describe.each(entries)('%s', (_name, entry) => {
  it.each(Object.entries(entry.calls))('%s', async (_call, call) => {
    if (call.throws) {
      const error = await invoke(entry, call).then(
        () => undefined,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(TypeError)
      expect((error as Error).message).toContain(call.throws.message)
      expect(seen).toHaveLength(0)
      return
    }
    const want = call.request as Recorded
    const result = await invoke(entry, call)
    expect(seen).toHaveLength(1)
    const got = seen[0] as Seen
    expect(got.method).toBe(want.method)
    expect(got.url.pathname).toBe(want.path)
    expect(sortPairs([...got.url.searchParams])).toEqual(sortPairs(want.query))
    for (const [name, value] of Object.entries(want.headers))
      expect(got.headers.get(name)).toBe(value)
    if (want.body === null) {
      expect(got.body).toBeNull()
      expect(got.headers.get('content-type')).toBeNull()
    } else {
      expect(got.headers.get('content-type')?.split(';')[0]).toBe(want.contentType)
      if (want.contentType === 'multipart/form-data') {
        const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : 1)
        expect([...(got.body as { name: string }[])].sort(byName)).toEqual(
          [...(want.body as { name: string }[])].sort(byName),
        )
      } else expect(withoutNulls(got.body)).toEqual(withoutNulls(want.body))
    }
    expect(result).toEqual({ echo: 1 })
  })
})
