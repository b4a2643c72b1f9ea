// A local stand-in for the Management API, for the benchmarks: GET and PATCH /api/v2/users/{id} on 127.0.0.1,
// optionally behind Auth0's token bucket (a burst, then a steady refill) with Auth0's rate-limit headers:
// a 2xx reports when the bucket is full again, a 429 when the next token is due (and Retry-After), in epoch seconds.
import { createServer } from 'node:http'

/**
 * Starts the server on 127.0.0.1 and a free port.
 * @param {{ rateLimit?: { burst: number, perSecond: number } }} [options]
 */
export async function startServer(options = {}) {
  const stats = { requests: 0, refused: 0 }
  const limit = options.rateLimit
  let tokens = limit?.burst ?? 0
  let updatedAt = Date.now()

  /** Takes a token if there is one; returns the status and the rate-limit headers. */
  function take() {
    if (!limit) return { ok: true, headers: {} }
    const now = Date.now()
    tokens = Math.min(limit.burst, tokens + ((now - updatedAt) / 1000) * limit.perSecond)
    updatedAt = now
    const msPerToken = 1000 / limit.perSecond
    if (tokens >= 1) {
      tokens -= 1
      const fullAt = now + (limit.burst - tokens) * msPerToken
      return {
        ok: true,
        headers: rateHeaders(limit.burst, Math.floor(tokens), Math.ceil(fullAt / 1000)),
      }
    }
    const nextAt = now + (1 - tokens) * msPerToken
    return {
      ok: false,
      headers: {
        ...rateHeaders(limit.burst, 0, Math.ceil(nextAt / 1000)),
        'retry-after': String(Math.max(1, Math.ceil((nextAt - now) / 1000))),
      },
    }
  }

  const server = createServer((req, res) => {
    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      stats.requests++
      const { ok, headers } = take()
      const match = /^\/api\/v2\/users\/([^/?]+)/.exec(req.url ?? '')
      let status = 200
      let body
      if (!ok) {
        stats.refused++
        status = 429
        body = {
          statusCode: 429,
          error: 'Too Many Requests',
          message: 'Global limit has been reached',
          errorCode: 'too_many_requests',
        }
      } else if (!match || (req.method !== 'GET' && req.method !== 'PATCH')) {
        status = 404
        body = { statusCode: 404, error: 'Not Found', message: 'Not found' }
      } else {
        const patch = chunks.length > 0 ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {}
        body = {
          user_id: decodeURIComponent(match[1]),
          email: 'bench@example.com',
          name: 'Bench User',
          logins_count: 7,
          ...patch,
        }
      }
      const text = JSON.stringify(body)
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(text),
        ...headers,
      })
      res.end(text)
    })
  })
  server.keepAliveTimeout = 30_000
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  return {
    port,
    host: `127.0.0.1:${port}`,
    stats,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.()
        server.close(() => resolve())
      }),
  }
}

function rateHeaders(limit, remaining, reset) {
  return {
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-reset': String(reset),
  }
}
