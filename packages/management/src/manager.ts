import {
  ListPromise,
  OptionsError,
  RestClient,
  type FileContent,
  type HttpMethod,
  type MultipartValue,
  type QueryValue,
  type RequestOptions,
  type RequestSpec,
  type RestClientOptions,
  type TokenSource,
  type RateLimiter,
} from '@auth0-ts/core'
import {
  baseUrlProblems,
  boolean,
  fn,
  isRecord,
  oneOf,
  optionProblems,
  positive,
  restOptionsProblems,
  rule,
  withMethods,
  type Rules,
} from '@auth0-ts/core/internal'

/** Options of a resource manager built alone, such as `new Users(domain, token, options)`. */
export interface ManagerOptions {
  /** Send the `Auth0-Client` telemetry header. Ignored when `restOptions` is given, as in auth0-python. @default true */
  telemetry?: boolean
  /** Bound on each attempt, in ms. Ignored when `restOptions` is given, as in auth0-python. @default 5000 */
  timeout?: number
  /** `'http'` reaches a local tenant such as the emulator. @default 'https' */
  protocol?: 'https' | 'http'
  /** Transport options: `{ telemetry, timeout, retries, maxRetryDelay }`. */
  restOptions?: RestClientOptions
  /** A custom fetch: shared connections, proxies, tests. @default globalThis.fetch */
  fetch?: typeof fetch
  /**
   * Decides when requests may be sent: share one between clients, or a fleet-wide one such as
   * `createRedisRateLimiter` from `@auth0-ts/redis`. `false` disables pacing. @default an in-process limiter
   */
  rateLimiter?: RateLimiter | false
}

const AUTH0_RULES: Rules = {
  protocol: oneOf(['https', 'http']),
  fetch: fn,
  rateLimiter: rule(
    '{ acquire, update } or false',
    (v) => v === false || withMethods('acquire', 'update')(v) === undefined,
  ),
}
const MANAGER_RULES: Rules = { ...AUTH0_RULES, telemetry: boolean, timeout: positive }
const token = rule(
  'a non-empty string or a function that returns one',
  (v) => typeof v === 'function' || (typeof v === 'string' && v !== ''),
)

/**
 * Validates options once and builds the transport every method of a manager (or of `Auth0`) goes through, with core's
 * rule helper: this is all the validation a bundle of one manager needs.
 *
 * @throws OptionsError listing every problem of the domain, token and options
 */
export function createRestClient(
  domain: string,
  tokenSource: TokenSource,
  options: ManagerOptions | undefined,
  where: string,
  auth0 = false,
): RestClient {
  const o: Readonly<Record<string, unknown>> = isRecord(options) ? options : {}
  const tokenProblem = token(tokenSource)
  const problems = [
    ...optionProblems(options ?? undefined, auth0 ? AUTH0_RULES : MANAGER_RULES, {
      known: ['restOptions'],
    }),
    ...(tokenProblem === undefined ? [] : [`token: expected ${tokenProblem}`]),
    ...restOptionsProblems(o['restOptions']),
    // the protocol's own problem is listed above
    ...baseUrlProblems(domain),
  ]
  if (problems.length > 0) throw new OptionsError(where, problems)
  const mo = o as ManagerOptions
  const restOptions: RestClientOptions = mo.restOptions ?? {
    ...(mo.telemetry === undefined ? {} : { telemetry: mo.telemetry }),
    ...(mo.timeout === undefined ? {} : { timeout: mo.timeout }),
  }
  return new RestClient({
    baseUrl: `${mo.protocol ?? 'https'}://${domain}/api/v2`,
    token: tokenSource,
    options: restOptions,
    client: { name: __PKG_NAME__, version: __PKG_VERSION__ },
    fetch: mo.fetch,
    rateLimiter: mo.rateLimiter,
  })
}

/**
 * Where a value goes on the wire: `{name}` a path parameter, `?name` a query parameter, `?*` every key of an object
 * into the query, `.name` a body field (a multipart field for multipart endpoints), `.` the whole JSON body, and
 * `@name` a multipart file part.
 */
export type Target = `{${string}}` | `?${string}` | `.${string}` | `@${string}`

/** A target, or a target with the value sent when the option is left out (auth0-python's default). */
export type OptionTarget = Target | readonly [Target, QueryValue]

/** Maps every key of an options type to its target, so a declaration cannot forget one. */
export type OptionTargets<O> = { readonly [K in keyof O]-?: OptionTarget }

/** A declared endpoint: the parameters beyond the path's own, and where each goes. */
export interface Endpoint<O> {
  /** Positional parameters after the path's, in order. A path parameter listed here is also sent there. */
  readonly args?: Readonly<Record<string, Target>>
  /** The options object: each key and its target. */
  readonly options?: OptionTargets<O>
  /** A JSON body always sent (fields from the call are added to it). */
  readonly body?: Readonly<Record<string, unknown>>
  /** Send the body fields as `multipart/form-data`. */
  readonly multipart?: true
}

/** A declared list endpoint: an {@link Endpoint} that also says where its items are. */
export interface ListEndpoint<O> extends Endpoint<O> {
  /** The body key that holds the items (`users`, `logs`, ...). */
  readonly items: string
  /** The result window the server will not page past, given the wire query (1000 for user and log search). */
  readonly window?: (query: Readonly<Record<string, QueryValue>>) => number | undefined
  /** The item field that is the next checkpoint when the body has no `next` (logs: `log_id`). */
  readonly checkpoint?: string
}

/** `METHOD /path`, the path relative to `/api/v2`. */
export type Route = `${HttpMethod} /${string}`

/** Whether the options object may be left out: only when every key is optional. */
type OptionsArg<O> =
  Partial<O> extends O
    ? [options?: O, requestOptions?: RequestOptions]
    : [options: O, requestOptions?: RequestOptions]

/** The signature a declaration gives a method: positional `A`, then options `O` (when any), then `RequestOptions`. */
export type Method<A extends unknown[], O, R> = [O] extends [void]
  ? (...args: [...A, requestOptions?: RequestOptions]) => R
  : (...args: [...A, ...OptionsArg<O>]) => R

type Step = readonly [kind: string, wire: string, from: number | string, fallback: unknown]

interface Compiled {
  readonly method: HttpMethod
  readonly path: string
  readonly names: readonly string[]
  readonly arity: number
  readonly hasOptions: boolean
  readonly steps: readonly Step[]
  readonly body: Readonly<Record<string, unknown>> | undefined
  readonly multipart: boolean
}

function compile(route: Route, decl: Endpoint<unknown>): Compiled {
  const space = route.indexOf(' ')
  const path = route.slice(space + 1)
  const options = (decl.options ?? {}) as Readonly<Record<string, OptionTarget>>
  const fromOptions = new Set(Object.values(options).map((t) => (typeof t === 'string' ? t : t[0])))
  const names = [...path.matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1] as string)
    .filter((n) => !fromOptions.has(`{${n}}`))
  const steps: Step[] = names.map((n, i) => ['{', n, i, undefined] as const)
  for (const [name, target] of Object.entries(decl.args ?? {})) {
    let index = names.indexOf(name)
    if (index === -1) index = names.push(name) - 1
    steps.push([...parseTarget(target), index, undefined])
  }
  const arity = names.length
  // `?*` first, so the declared query parameters win over extra ones (auth0-python updates extra_params).
  const optionSteps = Object.entries(options).map(([key, t]): Step => {
    const [target, fallback] = typeof t === 'string' ? [t, undefined] : t
    return [...parseTarget(target), key, fallback]
  })
  steps.push(...optionSteps.filter((s) => s[1] === '*'), ...optionSteps.filter((s) => s[1] !== '*'))
  return {
    method: route.slice(0, space) as HttpMethod,
    path,
    names,
    arity,
    hasOptions: decl.options !== undefined,
    steps,
    body: decl.body,
    multipart: decl.multipart === true,
  }
}

function parseTarget(target: Target): [kind: string, wire: string] {
  const kind = target[0] as string
  return [kind, kind === '{' ? target.slice(1, -1) : target.slice(1)]
}

function fileName(file: FileContent, field: string): string {
  const name =
    typeof Blob !== 'undefined' && file instanceof Blob
      ? (file as Blob & { name?: unknown }).name
      : undefined
  return typeof name === 'string' && name !== '' ? name : field
}

/** Turns one call's arguments into a request, by the compiled declaration. */
function build(c: Compiled, call: readonly unknown[]): RequestSpec {
  const options = (c.hasOptions ? call[c.arity] : undefined) as
    Readonly<Record<string, unknown>> | undefined
  if (options !== undefined && options !== null && typeof options !== 'object')
    throw new TypeError('options: expected an object')
  const params: Record<string, string | number> = {}
  let query: Record<string, QueryValue> | undefined
  let body: unknown = c.body === undefined ? undefined : { ...c.body }
  for (const [kind, wire, from, fallback] of c.steps) {
    let value: unknown
    if (typeof from === 'number') {
      value = call[from]
      if (value === undefined || value === null)
        throw new TypeError(`${c.names[from] as string} is required`)
    } else {
      value = options?.[from] ?? fallback
      if (value === undefined || value === null) continue
    }
    if (kind === '{') params[wire] = value as string
    else if (kind === '?') {
      query ??= {}
      if (wire === '*')
        for (const [k, v] of Object.entries(value as object)) query[k] = v as QueryValue
      else query[wire] = value as QueryValue
    } else if (kind === '.' && wire === '') body = value
    else {
      const fields = (body ??= {}) as Record<string, unknown>
      fields[wire] =
        kind === '@'
          ? { file: value as FileContent, filename: fileName(value as FileContent, wire) }
          : value
    }
  }
  const spec: RequestSpec = { method: c.method, path: c.path, params, query }
  if (body !== undefined) {
    if (c.multipart) spec.multipart = body as Record<string, MultipartValue>
    else spec.json = body
  }
  return spec
}

function requestOptionsOf(c: Compiled, call: readonly unknown[]): RequestOptions | undefined {
  return call[c.hasOptions ? c.arity + 1 : c.arity] as RequestOptions | undefined
}

/**
 * The base of every resource manager: one {@link RestClient}, and the helpers that turn a declaration into a method.
 * Build one alone with `(domain, token, options)`, or pass an existing `RestClient` whose base URL ends in `/api/v2`
 * (such as `auth0.rest`) to share its transport and rate limiter, as `Auth0` does.
 *
 * @example
 * ```ts
 * const users = new Users('tenant.auth0.com', token)
 * const roles = new Roles(new Auth0('tenant.auth0.com', token).rest)
 * ```
 */
export abstract class Manager {
  /** The transport every method of this manager goes through. */
  protected readonly rest: RestClient

  /**
   * @throws OptionsError listing every problem, for a bad domain, token or option
   */
  constructor(domain: string | RestClient, token?: TokenSource, options?: ManagerOptions) {
    this.rest =
      domain instanceof RestClient
        ? domain
        : createRestClient(domain, token as TokenSource, options, 'options')
  }

  /** Declares a method that sends one request and resolves to the parsed body. */
  protected endpoint<A extends unknown[], O = void, R = unknown>(
    route: Route,
    decl: Endpoint<O> = {},
  ): Method<A, O, Promise<R>> {
    const c = compile(route, decl as Endpoint<unknown>)
    const rest = this.rest
    const method = async (...call: unknown[]): Promise<R> =>
      rest.request<R>(build(c, call), requestOptionsOf(c, call))
    return method as Method<A, O, Promise<R>>
  }

  /**
   * Declares a list method: it returns a {@link ListPromise} at once and sends nothing until awaited (the declared
   * request, as is) or iterated (page by page).
   */
  protected listEndpoint<A extends unknown[], O, P, T>(
    route: Route,
    decl: ListEndpoint<O>,
  ): Method<A, O, ListPromise<P, T>> {
    const c = compile(route, decl as ListEndpoint<unknown>)
    const rest = this.rest
    const { items, window, checkpoint } = decl
    const method = (...call: unknown[]): ListPromise<P, T> => {
      let spec: RequestSpec | undefined
      const specOf = (): RequestSpec => (spec ??= build(c, call))
      const ro = requestOptionsOf(c, call)
      let query: Readonly<Record<string, QueryValue>> = {}
      try {
        query = specOf().query ?? {}
      } catch {
        // a bad call rejects when awaited or iterated, through fetchFirst/fetchPage
      }
      return new ListPromise<P, T>({
        fetchFirst: async () => rest.request<P>(specOf(), ro),
        fetchPage: async (paging) => {
          const s = specOf()
          const base = { ...s.query }
          // checkpoint paging takes no page, per_page or totals
          if ('take' in paging)
            for (const k of ['page', 'per_page', 'include_totals', 'from']) delete base[k]
          return rest.request({ ...s, query: { ...base, ...paging } }, ro)
        },
        query,
        itemsKey: items,
        maxResults: window?.(query),
        nextCheckpoint:
          checkpoint === undefined ? undefined : (list) => lastField(list, checkpoint),
      })
    }
    return method as Method<A, O, ListPromise<P, T>>
  }
}

function lastField(list: readonly unknown[], field: string): string | undefined {
  const last = list[list.length - 1]
  const v = last && typeof last === 'object' ? (last as Record<string, unknown>)[field] : undefined
  return typeof v === 'string' && v !== '' ? v : undefined
}
