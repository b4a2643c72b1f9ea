// The one local server of the smoke matrix (runs on the repo's Node 20), on 127.0.0.1:0. It serves the mock tenant
// (@auth0-ts/mock-tenant's Fetch API handler, so the tenant's issuer is this server's URL) plus:
//   /static/*           the bundled browser page (smoke/.build/), same origin as the API, so no CORS
//   /__smoke/config     what the checks need to know about the tenant (seeded, obviously fake credentials)
//   /__smoke/callback   the redirect_uri of the authorization-code flow: answers with the callback's query
//   /__smoke/seen       how often a raw (still percent-encoded) request line reached the server
//   /__smoke/rate-limit PUT {burst, perSecond} or DELETE: the tenant's rate limit
//   /__smoke/echo       a resource of "your own API": answers with the Authorization and DPoP headers, the method and
//                       the URL it received, which the DPoP check then verifies with verifyRequest in the runtime
// Prints "LISTENING http://127.0.0.1:PORT" once ready; SIGTERM/SIGINT close every connection and exit.
import { createReadStream, existsSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createMockTenant } from '@auth0-ts/mock-tenant'

const STATIC_ROOT = fileURLToPath(new URL('./.build/', import.meta.url))
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
}
const INDEX_HTML =
  '<!doctype html><meta charset="utf-8"><title>auth0-ts smoke</title><link rel="icon" href="data:,"><script type="module" src="browser.js"></script>\n'

// the seeded API (besides the Management API) that the m2m client may get tokens for
const API_AUDIENCE = 'https://api.mock.test/'
let tenant
const seen = new Map()

function sendJson(res, status, body) {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  })
  res.end(JSON.stringify(body))
}

async function readJson(req) {
  let raw = ''
  for await (const chunk of req) raw += chunk
  return raw === '' ? null : JSON.parse(raw)
}

const admin = {
  'GET /__smoke/config': () => ({
    issuer: tenant.issuer,
    managementAudience: tenant.managementAudience,
    clients: tenant.clients,
    user: tenant.user,
    apiAudience: API_AUDIENCE,
  }),
  // the redirect_uri of the authorization-code check: hands the callback's query (code, state) back to the caller
  'GET /__smoke/callback': (_req, url) => Object.fromEntries(url.searchParams),
  'GET /__smoke/seen': (_req, url) => ({
    count: seen.get(url.searchParams.get('path') ?? '') ?? 0,
  }),
  'PUT /__smoke/rate-limit': async (req) => {
    const { burst, perSecond } = await readJson(req)
    tenant.setRateLimit({ burst, perSecond })
    return { ok: true }
  },
  'GET /__smoke/echo': (req, url) => ({
    authorization: req.headers.authorization ?? null,
    dpop: req.headers.dpop ?? null,
    method: req.method,
    url: new URL(`${url.pathname}${url.search}`, tenant.url).href,
  }),
  'DELETE /__smoke/rate-limit': () => {
    tenant.setRateLimit(null)
    return { ok: true }
  },
}

function serveStatic(res, pathname) {
  const rel = normalize(decodeURIComponent(pathname.slice('/static/'.length)) || 'index.html')
  if (rel === 'index.html') {
    res.writeHead(200, { 'content-type': TYPES['.html'] })
    return res.end(INDEX_HTML)
  }
  const file = join(STATIC_ROOT, rel)
  if (rel.startsWith('..') || !existsSync(file)) return sendJson(res, 404, { error: 'not_found' })
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
  createReadStream(file).pipe(res)
}

/** Hands the request to the tenant as a Fetch API Request; the URL keeps the raw, percent-encoded path. */
async function serveTenant(req, res) {
  const chunks = []
  for await (const chunk of req) chunks.push(chunk)
  const headers = new Headers()
  for (let i = 0; i < req.rawHeaders.length; i += 2)
    headers.append(req.rawHeaders[i], req.rawHeaders[i + 1])
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && chunks.length > 0
  const request = new Request(new URL(req.url, tenant.url), {
    method: req.method,
    headers,
    ...(hasBody ? { body: Buffer.concat(chunks) } : {}),
  })
  const response = await tenant.handle(request)
  const body = Buffer.from(await response.arrayBuffer())
  res.writeHead(response.status, {
    ...Object.fromEntries(response.headers),
    'content-length': String(body.length),
  })
  res.end(body)
}

const server = createServer(async (req, res) => {
  if (!tenant) return sendJson(res, 503, { error: 'starting' })
  const rawPath = (req.url ?? '/').split('?')[0]
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  try {
    const handler = admin[`${req.method} ${url.pathname}`]
    if (handler) return sendJson(res, 200, await handler(req, url))
    if (url.pathname.startsWith('/static/')) return serveStatic(res, url.pathname)
    seen.set(`${req.method} ${rawPath}`, (seen.get(`${req.method} ${rawPath}`) ?? 0) + 1)
    await serveTenant(req, res)
  } catch (e) {
    sendJson(res, 500, { error: 'smoke_server_error', error_description: String(e) })
  }
})
server.keepAliveTimeout = 1000

await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const baseUrl = `http://127.0.0.1:${server.address().port}`
tenant = createMockTenant({ baseUrl, redirectUris: [`${baseUrl}/__smoke/callback`] })
console.log(`LISTENING ${tenant.url}`)

async function shutdown() {
  server.closeAllConnections()
  server.close()
  process.exit(0)
}
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
