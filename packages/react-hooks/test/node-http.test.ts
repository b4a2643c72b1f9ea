// The README's Node http mount, on a real server at 127.0.0.1:0, with the browser client in front of it.
import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createManagementClient } from '../src/client.js'
import { createManagementProxy } from '../src/server.js'
import { createTenant, makeManagement, makeUser, TOKEN } from '../src/test-utils/tenant.js'

const tenant = createTenant({ users: [makeUser({ name: 'Ada' })] })
const msw = setupServer(...tenant.handlers)
let server: Server
let origin = ''

beforeAll(async () => {
  msw.listen({
    onUnhandledRequest: (request, print) =>
      new URL(request.url).hostname === '127.0.0.1' ? undefined : print.error(),
  })
  const handler = createManagementProxy({
    management: makeManagement(),
    allow: ['users.get'],
    authorize: (request) => request.headers.get('cookie') === 'session=admin',
  })
  // --- as in the README
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === 'string') headers.set(name, value)
    const body = chunks.length > 0 ? Buffer.concat(chunks) : null
    const response = await handler(
      new Request(`http://${req.headers.host}${req.url}`, {
        method: req.method ?? 'GET',
        headers,
        body,
      }),
    )
    res
      .writeHead(response.status, Object.fromEntries(response.headers))
      .end(Buffer.from(await response.arrayBuffer()))
  })
  // ---
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  msw.close()
  server.close()
  await once(server, 'close')
})

it('serves the browser client over real HTTP, and only with a session', async () => {
  const ada = tenant.users[0]!
  const client = createManagementClient({
    baseUrl: `${origin}/api/management`,
    headers: { cookie: 'session=admin' },
  })
  await expect(client.users.get(ada.user_id)).resolves.toEqual(ada)
  expect(tenant.requests.map((r) => r.authorization)).toEqual([`Bearer ${TOKEN}`])
  const anonymous = createManagementClient({ baseUrl: `${origin}/api/management` })
  await expect(anonymous.users.get(ada.user_id)).rejects.toMatchObject({
    statusCode: 403,
    errorCode: 'forbidden',
  })
  const raw = await fetch(`${origin}/api/management/users.get`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: 'session=admin' },
    body: JSON.stringify({ args: [ada.user_id] }),
  })
  expect(await raw.text()).not.toContain(TOKEN.split('.')[2])
  expect(tenant.requests).toHaveLength(2)
})
