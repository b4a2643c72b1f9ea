import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { generateRsaKeyAsync } from './keys.js'
import { serverSettings } from './options.js'
import { buildMockTenant, type MockTenant, type MockTenantOptions } from './tenant.js'

/** Options of {@link startMockTenant}. */
export interface StartMockTenantOptions extends Omit<MockTenantOptions, 'baseUrl'> {
  /** The port; 0 picks a free one. @default 0 */
  port?: number
  /** The interface to bind. @default '127.0.0.1' */
  host?: string
}

/** A tenant emulator served over real HTTP. */
export interface RunningMockTenant extends MockTenant {
  readonly port: number
  /** Stops the server and drops its open connections. */
  close(): Promise<void>
}

async function toRequest(req: IncomingMessage, base: string): Promise<Request> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const headers = new Headers()
  for (let i = 0; i < req.rawHeaders.length; i += 2)
    headers.append(req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string)
  const method = req.method ?? 'GET'
  const hasBody = method !== 'GET' && method !== 'HEAD' && chunks.length > 0
  return new Request(new URL(req.url ?? '/', base), {
    method,
    headers,
    ...(hasBody ? { body: Buffer.concat(chunks) } : {}),
  })
}

async function send(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {}
  response.headers.forEach((value, key) => {
    headers[key] = value
  })
  const body = Buffer.from(await response.arrayBuffer())
  res.writeHead(response.status, { ...headers, 'content-length': String(body.length) })
  res.end(body)
}

/**
 * Starts the tenant emulator as an HTTP server (127.0.0.1 by default) and resolves once it listens.
 *
 * @throws MockTenantOptionsError (a TypeError) when an option is invalid, listing every problem; rejects when the
 *   port cannot be bound.
 * @example
 * ```ts
 * const tenant = await startMockTenant({ port: 0 })
 * const auth0 = new Auth0(tenant.domain, await tenant.managementToken(), { protocol: 'http' })
 * await tenant.close()
 * ```
 */
export async function startMockTenant(
  options: StartMockTenantOptions = {},
): Promise<RunningMockTenant> {
  const { port, host, tenant: settings } = serverSettings(options)
  const keys = Promise.all([generateRsaKeyAsync(), generateRsaKeyAsync()])
  keys.catch(() => undefined) // awaited below; this only keeps a failed listen from leaving it unhandled
  let tenant: MockTenant | undefined
  const server = createServer((req, res) => {
    const current = tenant
    if (!current) {
      res.writeHead(503).end()
      return
    }
    toRequest(req, current.url)
      .then((request) => current.handle(request))
      .then((response) => send(response, res))
      .catch(() => {
        if (!res.headersSent)
          res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' })
        res.end(
          JSON.stringify({
            statusCode: 500,
            error: 'Internal Server Error',
            message: 'Internal error',
          }),
        )
      })
  })
  // A client reuses an idle connection only while it trusts the server's keep-alive window; a long window keeps a busy
  // machine's late client from writing to a socket the server has just closed (a reset, `fetch failed`).
  server.keepAliveTimeout = 60_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address
  try {
    const [signing, client] = await keys
    tenant = buildMockTenant(
      { ...settings, origin: new URL(`http://${hostForUrl}:${address.port}`) },
      { signing, client },
    )
  } catch (e) {
    server.close()
    throw e
  }
  const close = () =>
    new Promise<void>((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()))
      server.closeAllConnections()
    })
  return Object.assign(tenant, { port: address.port, close })
}
