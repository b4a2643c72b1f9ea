// A local stand-in for an Auth0 tenant: /oauth/token (counted) and a Management API endpoint behind Auth0's
// token-bucket rate limit, with Auth0's headers (x-ratelimit-limit/-remaining/-reset, Retry-After on 429).
import { createServer } from 'node:http'

/**
 * @param {{ burst?: number, perSecond?: number, tokenDelay?: (n: number) => number | 'hang',
 *           onTokenRequest?: (n: number, worker: string | undefined) => void }} [options]
 */
export async function startTenant(options = {}) {
  const burst = options.burst ?? 50
  const perMs = (options.perSecond ?? 10) / 1000
  const stats = { tokenRequests: 0, apiRequests: 0, ok: 0, tooMany: 0, unauthorized: 0 }
  const issued = new Set()
  const hanging = new Set()
  let tokens = burst
  let last = performance.now()

  function take() {
    const now = performance.now()
    tokens = Math.min(burst, tokens + (now - last) * perMs)
    last = now
    const ok = tokens >= 1
    if (ok) tokens -= 1
    const nextMs = tokens >= 1 ? 0 : (1 - tokens) / perMs
    return { ok, remaining: Math.floor(tokens), nextMs }
  }

  const server = createServer((req, res) => {
    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/oauth/token') {
        const n = ++stats.tokenRequests
        options.onTokenRequest?.(n, req.headers['x-worker'])
        const delay = options.tokenDelay?.(n) ?? 0
        if (delay === 'hang') return void hanging.add(res)
        const token = `test-access-token-${n}`
        issued.add(token)
        const body = JSON.stringify({
          access_token: token,
          expires_in: 86400,
          token_type: 'Bearer',
        })
        setTimeout(
          () => res.writeHead(200, { 'content-type': 'application/json' }).end(body),
          delay,
        )
        return
      }
      if (req.method === 'PATCH' && req.url?.startsWith('/api/v2/users/')) {
        stats.apiRequests++
        const auth = req.headers.authorization ?? ''
        if (!issued.has(auth.replace(/^Bearer /, ''))) {
          stats.unauthorized++
          return void res
            .writeHead(401, { 'content-type': 'application/json' })
            .end('{"error":"Unauthorized"}')
        }
        const { ok, remaining, nextMs } = take()
        const headers = {
          'content-type': 'application/json',
          'x-ratelimit-limit': String(burst),
          'x-ratelimit-remaining': String(remaining),
          'x-ratelimit-reset': String(Math.ceil((Date.now() + nextMs) / 1000)),
        }
        if (!ok) {
          stats.tooMany++
          headers['retry-after'] = String(Math.max(1, Math.ceil(nextMs / 1000)))
          return void res
            .writeHead(429, headers)
            .end(
              '{"statusCode":429,"error":"Too Many Requests","message":"Global limit has been reached"}',
            )
        }
        stats.ok++
        return void res.writeHead(200, headers).end(Buffer.concat(chunks).toString() || '{}')
      }
      res.writeHead(404).end()
    })
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  return {
    stats,
    domain: `127.0.0.1:${port}`,
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const res of hanging) res.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
