// The steps every tenant request goes through: CORS, the rate bucket, routing and bearer auth.
import { apiError, isObject, json } from '../http.js'
import type { VerifyResult } from '../keys.js'
import type { TokenBucket } from '../rate-limit.js'
import type { Step } from './pipeline.js'
import { missingScopes, type Route } from './route.js'
import type { RouteTable } from './route-table.js'

const EXPOSED =
  'x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset, retry-after, x-auth0-requestid, dpop-nonce, www-authenticate'

/** Lets browsers call the tenant from any origin and read its rate-limit headers; answers preflights. */
export function cors(bucket: TokenBucket): Step {
  return (exchange, next) => {
    exchange.headers['access-control-allow-origin'] = '*'
    exchange.headers['access-control-expose-headers'] = EXPOSED
    if (exchange.method !== 'OPTIONS') return next()
    // A preflight spends no token, but reports the bucket as it stands.
    const allowHeaders = exchange.request.headers.get('access-control-request-headers') ?? '*'
    return Promise.resolve(
      new Response(null, {
        status: 204,
        headers: {
          ...bucket.peek(),
          'access-control-allow-methods': 'GET, POST, PATCH, PUT, DELETE, OPTIONS',
          'access-control-allow-headers': allowHeaders,
          'access-control-max-age': '600',
        },
      }),
    )
  }
}

/** Takes a token from the bucket for every request: `x-ratelimit-*` headers always, a 429 when it is empty. */
export function rateLimit(bucket: TokenBucket): Step {
  return (exchange, next) => {
    const decision = bucket.take()
    Object.assign(exchange.headers, decision.headers)
    if (decision.allowed) return next()
    return Promise.resolve(
      json(
        {
          statusCode: 429,
          error: 'Too Many Requests',
          message: 'Global limit has been reached',
          errorCode: 'too_many_requests',
        },
        429,
      ),
    )
  }
}

/** Finds the route; an unknown one is a 404 before anything else about the request is looked at. */
export function routing(routes: RouteTable<Route>): Step {
  return (exchange, next) => {
    const match = routes.match(exchange.method, exchange.url.pathname)
    if (!match) throw apiError(404, 'Not Found')
    exchange.match = match
    return next()
  }
}

const unauthorized = (message: string) =>
  apiError(401, message, undefined, { attributes: { error: message } })

/**
 * Checks the bearer token of a protected route and its scopes (401, then 403 `insufficient_scope`), before the body
 * is read, as a tenant does. Public routes pass through.
 */
export function bearer(verify: (token: string) => Promise<VerifyResult>): Step {
  return async (exchange, next) => {
    const rule = exchange.match?.value.bearer
    if (rule === undefined) return next()
    const token = /^Bearer\s+(\S+)$/i.exec(exchange.request.headers.get('authorization') ?? '')?.[1]
    if (token === undefined) throw unauthorized('Missing authentication')
    const result = await verify(token)
    if (!result.ok)
      throw unauthorized(
        result.reason === 'expired'
          ? 'Expired token received for JSON Web Token validation'
          : 'Invalid token',
      )
    // RFC 9449 §7.2: a DPoP-bound token is refused as a bearer token, whose sender proves nothing about the key.
    if (isObject(result.payload['cnf'])) {
      const why = 'DPoP-bound access token sent with the Bearer scheme'
      exchange.headers['www-authenticate'] =
        `Bearer error="invalid_token", error_description="${why}"`
      throw unauthorized(why)
    }
    const scope = result.payload['scope']
    const scopes = new Set(typeof scope === 'string' ? scope.split(' ').filter(Boolean) : [])
    const missing = missingScopes(rule, scopes)
    if (missing)
      throw apiError(
        403,
        `Insufficient scope, expected ${'allOf' in rule ? 'all' : 'any'} of: ${missing.join(',')}`,
        'insufficient_scope',
      )
    exchange.auth = { scopes, sub: String(result.payload.sub) }
    return next()
  }
}
