// The request pipeline: a list of steps (CORS, the rate bucket, routing, bearer auth), then the route's handler.
import { randomUUID } from 'node:crypto'
import { HttpError, isObject, json, readPayload } from '../http.js'
import type { Route, ApiAuth } from './route.js'
import type { RouteMatch } from './route-table.js'

/** One request on its way through the steps. */
export interface Exchange {
  readonly request: Request
  /** Upper case. */
  readonly method: string
  readonly url: URL
  /** Headers that every response to this request carries, errors included; steps add to them. */
  readonly headers: Record<string, string>
  /** Set by the routing step. */
  match?: RouteMatch<Route>
  /** Set by the bearer step for a protected route. */
  auth?: ApiAuth
}

/** A step answers the request itself, or hands it on with `next()`. It may throw an {@link HttpError}. */
export type Step = (exchange: Exchange, next: () => Promise<Response>) => Promise<Response>

const INTERNAL_ERROR = {
  statusCode: 500,
  error: 'Internal Server Error',
  message: 'Internal error',
  errorCode: 'internal_error',
}

/** Calls the matched route's handler, reading the body only now: every step before it ran on the headers alone. */
async function invoke(exchange: Exchange): Promise<Response> {
  const { match, request, url, method } = exchange
  if (!match) throw new Error('no routing step before the handler')
  const payload = method === 'GET' || method === 'HEAD' ? undefined : await readPayload(request)
  const base = {
    request,
    url,
    params: match.params,
    query: url.searchParams,
    body: isObject(payload) ? payload : {},
    payload,
  }
  const route = match.value
  if (route.bearer === undefined) return route.handle({ ...base, auth: undefined })
  if (!exchange.auth) throw new Error('no bearer step before a protected route')
  return route.handle({ ...base, auth: exchange.auth })
}

/**
 * Serves requests through the steps, in order, then the route's handler. The result never rejects: an
 * {@link HttpError} becomes its response, anything else a 500 in Auth0's shape that reveals nothing.
 */
export function pipeline(steps: readonly Step[]): (request: Request) => Promise<Response> {
  const run = (exchange: Exchange, i: number): Promise<Response> => {
    const step = steps[i]
    return step ? step(exchange, () => run(exchange, i + 1)) : invoke(exchange)
  }
  return async (request) => {
    const exchange: Exchange = {
      request,
      method: request.method.toUpperCase(),
      url: new URL(request.url),
      headers: { 'x-auth0-requestid': randomUUID() },
    }
    let response: Response
    try {
      response = await run(exchange, 0)
    } catch (e) {
      response = e instanceof HttpError ? json(e.body, e.status) : json(INTERNAL_ERROR, 500)
    }
    const headers = new Headers(response.headers)
    for (const [k, v] of Object.entries(exchange.headers)) headers.set(k, v)
    return new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers,
    })
  }
}
