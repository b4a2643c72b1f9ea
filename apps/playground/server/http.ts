// Node's http server speaking fetch Request/Response, so every route (and the react-hooks proxy) is a plain
// fetch handler, as it would be in Hono, Next.js route handlers or a worker.
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { Readable } from 'node:stream'

export type Handler = (request: Request) => Promise<Response>

function toRequest(req: IncomingMessage, origin: string): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v)
  }
  const method = req.method ?? 'GET'
  const hasBody = method !== 'GET' && method !== 'HEAD'
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } : {}),
  })
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    if (name === 'set-cookie') return
    headers[name] = value
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) headers['set-cookie'] = cookies
  res.writeHead(response.status, headers)
  if (response.body === null) return void res.end()
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk)
  res.end()
}

/** Starts the server on 127.0.0.1; port 0 picks a free one. Resolves with the bound port. */
export function listen(handler: Handler, port: number): Promise<{ server: Server; port: number }> {
  let origin = 'http://127.0.0.1'
  const server = createServer((req, res) => {
    handler(toRequest(req, origin))
      .then((response) => writeResponse(response, res))
      .catch(() => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' })
        res.end('Internal error')
      })
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      const address = server.address()
      const bound = typeof address === 'object' && address !== null ? address.port : port
      origin = `http://127.0.0.1:${bound}`
      resolve({ server, port: bound })
    })
  })
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
}

/**
 * Serves the built page from `dir`. The page routes with the hash, so `/` is its one address: any other path without
 * an extension gets `index.html` with a 404 status, and the page shows its not-found view.
 */
export function staticFiles(dir: string): Handler {
  const root = normalize(dir + sep)
  return async (request) => {
    const path = decodeURIComponent(new URL(request.url).pathname)
    let file = normalize(join(root, path))
    let status = 200
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      if (extname(path) !== '') return new Response('Not found', { status: 404 })
      if (path !== '/') status = 404
      file = join(root, 'index.html')
    }
    if (!existsSync(file))
      return new Response('The page is not built: run the build first.', { status: 500 })
    const immutable = file.includes(`${sep}assets${sep}`)
    return new Response(Readable.toWeb(createReadStream(file)) as ReadableStream, {
      status,
      headers: {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      },
    })
  }
}

/** A JSON response that is never cached. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...headers,
    },
  })
}

/** Reads a JSON body; `undefined` when it is missing or not JSON. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return (await request.json()) as unknown
  } catch {
    return undefined
  }
}
