import { isAuth0Error, OptionsError, RestClient } from '@auth0-ts/core'
import { fn, isRecord, optionProblems, rule, type Rules } from '@auth0-ts/core/internal'
import {
  carriesRequestOptions,
  encodeError,
  encodeRefusal,
  parseCallName,
  scrub,
  type EncodedError,
} from './protocol.js'
import type { CallName, Management } from './types.js'

export type { ErrorEnvelope, ErrorName } from './protocol.js'
export type { CallName, Management } from './types.js'

/** One call the browser asked for, as the proxy parsed it. */
export interface ProxyCall {
  /** `users.list` */
  name: string
  accessor: string
  method: string
  /** The positional arguments, JSON-decoded. */
  args: readonly unknown[]
}

/** What {@link ManagementProxyOptions.authorize} answers: `true` lets the call through. */
export type AuthorizeResult = boolean | 'unauthenticated' | 'forbidden'

/** Options of {@link createManagementProxy}. */
export interface ManagementProxyOptions {
  /** The management client holding the credentials, or a function that returns one per request (to fetch or rotate a token). */
  management: Management | ((request: Request) => Management | Promise<Management>)
  /** The calls the browser may make, as `accessor.method`. Everything else gets a 403. */
  allow: readonly CallName[]
  /**
   * Decides whether this request may make this call, from its session cookie or header. `'unauthenticated'` answers
   * 401; `false` or `'forbidden'` answers 403.
   */
  authorize: (request: Request, call: ProxyCall) => AuthorizeResult | Promise<AuthorizeResult>
  /** The path the handler is mounted at. @default '/api/management' */
  basePath?: string
  /** The largest request body accepted, in bytes. @default 1_000_000 */
  maxBodyBytes?: number
  /** Called with any error that is not an `Auth0Error` (which the browser only sees as a 500), for server-side logs. */
  onError?: (error: unknown, call: ProxyCall) => void
}

type Method = (...args: readonly unknown[]) => unknown

const PROXY_RULES: Rules = {
  management: rule(
    'an Auth0 client or a function that returns one',
    (v) => typeof v === 'function' || (typeof v === 'object' && v !== null),
  ),
  allow: rule('an array of "accessor.method" names', Array.isArray),
  authorize: fn,
  basePath: rule(
    'a path starting with "/"',
    (v) => typeof v === 'string' && (v === '' || v.startsWith('/')),
  ),
  maxBodyBytes: rule('a positive integer', (v) => Number.isInteger(v) && (v as number) > 0),
  onError: fn,
}

const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } })
}

function send({ status, body, headers }: EncodedError): Response {
  return json(status, body, headers)
}

function refuse(
  status: number,
  errorCode: string,
  message: string,
  headers?: Record<string, string>,
): Response {
  return send(encodeRefusal(status, errorCode, message, headers))
}

/** Turns what the management call threw into a browser-safe response: no token, no upstream headers, no stack. */
function errorResponse(
  error: unknown,
  call: ProxyCall,
  onError: ManagementProxyOptions['onError'],
): Response {
  if (isAuth0Error(error)) return send(encodeError(error))
  // Argument checks inside the management client throw these before anything is sent.
  if (error instanceof TypeError || error instanceof RangeError)
    return refuse(400, 'invalid_arguments', scrub(error.message))
  return internalError(error, call, onError)
}

function internalError(
  error: unknown,
  call: ProxyCall,
  onError: ManagementProxyOptions['onError'],
): Response {
  onError?.(error, call)
  return refuse(500, 'internal_error', 'The management proxy failed to complete the call')
}

function lookup(
  management: Management,
  accessor: string,
  method: string,
): { target: object; fn: Method } | undefined {
  const target: unknown = (management as unknown as Record<string, unknown>)[accessor]
  // The client's own transport (`auth0.rest`) would send any request with the token: never reachable.
  if (target === null || typeof target !== 'object' || target instanceof RestClient)
    return undefined
  const fn: unknown = (target as Record<string, unknown>)[method]
  return typeof fn === 'function' ? { target, fn: fn as Method } : undefined
}

/**
 * Creates a fetch handler, `(request) => Promise<Response>`, that forwards allow-listed Management API calls from the
 * browser client to a server-side management client, so that the token never leaves the server.
 *
 * It answers `POST {basePath}/{accessor}.{method}` with a JSON body `{ "args": [...] }`: 200 `{ data }`, or an error
 * envelope `{ error: { name, statusCode, errorCode, message, requestId, resetAt, retryAfter } }`.
 *
 * @throws OptionsError (a `TypeError`) listing every invalid option, and every allowed name that is not a method of
 * the given client
 * @example
 * ```ts
 * const handler = createManagementProxy({
 *   management: new Auth0(domain, token),
 *   allow: ['users.list', 'connections.update'],
 *   authorize: async (request) => (await getSession(request))?.isAdmin === true,
 * })
 * ```
 */
export function createManagementProxy(
  options: ManagementProxyOptions,
): (request: Request) => Promise<Response> {
  const problems = optionProblems(options, PROXY_RULES, {
    required: ['management', 'allow', 'authorize'],
  })
  if (!isRecord(options)) throw new OptionsError('management proxy options', problems)
  const { management, authorize, onError } = options
  const allowed = new Set<string>()
  for (const [i, name] of (Array.isArray(options.allow) ? options.allow : []).entries()) {
    const parsed = typeof name === 'string' ? parseCallName(name) : undefined
    if (parsed === undefined)
      problems.push(`allow[${i}]: ${JSON.stringify(name)} is not an "accessor.method" name`)
    else if (
      typeof management === 'object' &&
      management !== null &&
      !lookup(management, parsed.accessor, parsed.method)
    )
      problems.push(`allow[${i}]: ${name} is not a method of the management client`)
    else allowed.add(name)
  }
  if (problems.length > 0) throw new OptionsError('management proxy options', problems)
  const basePath = (options.basePath ?? '/api/management').replace(/\/+$/, '')
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000

  return async function handleManagementRequest(request: Request): Promise<Response> {
    const path = new URL(request.url).pathname
    if (!path.startsWith(`${basePath}/`))
      return refuse(404, 'not_found', 'Not a management proxy route')
    const name = path.slice(basePath.length + 1)
    const parsed = allowed.has(name) ? parseCallName(name) : undefined
    if (parsed === undefined) return refuse(403, 'forbidden_call', 'This call is not allowed')
    if (request.method !== 'POST')
      return refuse(405, 'method_not_allowed', 'Use POST', { allow: 'POST' })
    // JSON only: a cross-site form cannot send it without a CORS preflight.
    if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? ''))
      return refuse(415, 'unsupported_media_type', 'Send the arguments as application/json')
    if (Number(request.headers.get('content-length') ?? 0) > maxBodyBytes)
      return refuse(413, 'body_too_large', 'The request body is too large')
    const text = await request.text()
    if (new TextEncoder().encode(text).length > maxBodyBytes)
      return refuse(413, 'body_too_large', 'The request body is too large')
    let args: unknown
    try {
      args = text === '' ? [] : ((JSON.parse(text) as { args?: unknown } | null)?.args ?? [])
    } catch {
      return refuse(400, 'invalid_json', 'The request body is not JSON')
    }
    if (!Array.isArray(args))
      return refuse(400, 'invalid_arguments', 'Expected a body of the form { "args": [...] }')
    if (args.some(carriesRequestOptions))
      return refuse(
        400,
        'invalid_arguments',
        'Arguments may not carry request options (signal, timeout, retries, headers)',
      )
    const call: ProxyCall = { name, ...parsed, args }
    let verdict: AuthorizeResult
    try {
      verdict = await authorize(request, call)
    } catch (error) {
      return internalError(error, call, onError)
    }
    if (verdict === 'unauthenticated')
      return refuse(401, 'unauthenticated', 'Sign in to use the management API')
    if (verdict !== true) return refuse(403, 'forbidden', 'You may not make this call')
    let client: Management
    try {
      client = typeof management === 'function' ? await management(request) : management
    } catch (error) {
      // A failed token fetch is an Auth0Error worth showing; anything else is the app's own bug.
      return isAuth0Error(error)
        ? errorResponse(error, call, onError)
        : internalError(error, call, onError)
    }
    const target = lookup(client, parsed.accessor, parsed.method)
    if (target === undefined)
      return internalError(
        new TypeError(`${name} is not a method of the management client`),
        call,
        onError,
      )
    try {
      // JSON has no undefined: a null argument stands for one that was left out.
      const data: unknown = await target.fn.apply(
        target.target,
        args.map((a: unknown) => (a === null ? undefined : a)),
      )
      return json(200, { data })
    } catch (error) {
      return errorResponse(error, call, onError)
    }
  }
}
