import {
  ListPromise,
  OptionsError,
  RestClient,
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
  optionProblems,
  positive,
  protocol,
  rateLimiter,
  restOptionsProblems,
  tokenSource as tokenRule,
  type Rules,
} from '@auth0-ts/core/internal'
import type {
  ItemOf,
  OperationSpec,
  RequestKind,
  RequestOf,
  ResponseOf,
  Upload,
} from './operation.js'
import type { Body } from './types.js'
import { operationRequest } from './operation-request.js'

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

const AUTH0_RULES: Rules = { protocol, fetch: fn, rateLimiter }
const MANAGER_RULES: Rules = { ...AUTH0_RULES, telemetry: boolean, timeout: positive }

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
  const tokenProblem = tokenRule(tokenSource)
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
 * Where one argument of an auth0-python method goes on the wire. Each kind reads without a legend:
 *
 * - `{ query: 'include_fields', default: true }`: a query parameter, with auth0-python's default when left out;
 * - `{ body: 'roles' }`: one field of the body (a form field of a multipart request), with an optional default;
 * - `{ body: true }`: the whole JSON body;
 * - `{ file: 'users' }`: the file part of a multipart request, named after a `File`'s name or else the field;
 * - `{ extra: true }`: an object whose keys are spread into the query (the declared parameters win);
 * - `{ path: 'name' }`: a path parameter given in the options object (`getOrganizationByName`).
 */
export type Target =
  | { readonly query: string; readonly default?: QueryValue }
  | { readonly body: string; readonly default?: string | number | boolean }
  | { readonly body: true }
  | { readonly file: string }
  | { readonly extra: true }
  | { readonly path: string }

/** Maps every key of an options type to its target, so a declaration cannot forget one. */
export type OptionTargets<O> = { readonly [K in keyof O]-?: Target }

/**
 * How an auth0-python method maps its arguments onto an operation's request. The operation's path parameters are
 * the first positional arguments, in path order (unless the options give them, as `{ path }` targets).
 */
export interface Declaration<O> {
  /** The positional arguments after the path parameters, in order, and where each goes. */
  readonly args?: readonly Target[]
  /** The options object: each key and where it goes. */
  readonly options?: OptionTargets<O>
  /** The request kind auth0-python sends where the definition declares none (a body, or query parameters). */
  readonly request?: RequestKind
  /** Path parameters auth0-python also sends as body fields of the same name (`rotate_secret` sends `{ id }`). */
  readonly pathInBody?: readonly string[]
}

/** A list's declaration: a {@link Declaration} with what iterating it needs beyond the operation's `list`. */
export interface ListDeclaration<O> extends Declaration<O> {
  /** The body key of the items, where the definition declares no list. @default the operation's `list.items` */
  readonly items?: string
  /** The result window the server will not page past, given the wire query (1000 for user and log search). */
  readonly window?: (query: Readonly<Record<string, QueryValue>>) => number | undefined
  /** The item field that is the next checkpoint when the body has no `next` (logs: `log_id`). */
  readonly checkpoint?: string
}

/** A list whose `includeTotals` option, when it has one, defaults to `D` (auth0-python's default). */
type TotalsDeclaration<O, D extends boolean> = ListDeclaration<O> & {
  readonly options?: {
    readonly [K in keyof O]-?: K extends 'includeTotals'
      ? { readonly query: 'include_totals'; readonly default: D }
      : Target
  }
}

/**
 * A body argument: the operation's request body as the definition types it, and open to other keys, as auth0-python's
 * `dict` is (its connections example renames a connection, which the definition's update body does not list); an
 * array body may be readonly.
 */
export type BodyOf<Op> =
  RequestOf<Op> extends readonly unknown[] ? Readonly<RequestOf<Op>> : RequestOf<Op> & Body

/**
 * The trailing arguments of a method that takes options: the options object, which may be left out only when every
 * key is optional, then per-call `RequestOptions`.
 */
export type OptionsArg<O> =
  Partial<O> extends O
    ? [options?: O, requestOptions?: RequestOptions]
    : [options: O, requestOptions?: RequestOptions]

/** The signature a declaration gives a method: positional `A`, then options `O` (when any), then `RequestOptions`. */
export type Method<A extends unknown[], O, R> = [O] extends [void]
  ? (...args: [...A, requestOptions?: RequestOptions]) => R
  : (...args: [...A, ...OptionsArg<O>]) => R

/** What a list resolves to when its request asks for totals: the definition's page object (or its only shape). */
export type WithTotals<R> = [Exclude<R, readonly unknown[]>] extends [never]
  ? R
  : Exclude<R, readonly unknown[]>
/** What a list resolves to when its request asks for no totals: the definition's bare array (or its only shape). */
export type WithoutTotals<R> = [Extract<R, readonly unknown[]>] extends [never]
  ? R
  : Extract<R, readonly unknown[]>
/** The type of one item of a list operation (of its array response, where the definition declares no list). */
export type ListItem<Op> = [ItemOf<Op>] extends [never]
  ? ResponseOf<Op> extends readonly (infer I)[]
    ? I
    : never
  : ItemOf<Op>

type ListArgs<A extends unknown[], O> = [...A, options?: O, requestOptions?: RequestOptions]
/** The arguments of a call that names `includeTotals` itself. */
type AskedArgs<A extends unknown[], O> = [...A, options: O, requestOptions?: RequestOptions]

/**
 * A list method whose awaited type follows the request it sends. `Totals` is whether auth0-python's default sends
 * `include_totals=true`. A request with totals (that default, or `{ includeTotals: true }`) resolves to the page object
 * of the operation's definition; any other to its bare array (`T[]`); an `includeTotals` known only at run time to
 * either. A method without the option has one signature.
 */
export type ListMethod<
  A extends unknown[],
  O,
  Op,
  Totals extends boolean,
> = 'includeTotals' extends keyof O
  ? Totals extends true
    ? {
        (
          ...args: AskedArgs<A, O & { includeTotals: false }>
        ): ListPromise<WithoutTotals<ResponseOf<Op>>, ListItem<Op>>
        (
          ...args: ListArgs<A, O & { includeTotals?: true }>
        ): ListPromise<WithTotals<ResponseOf<Op>>, ListItem<Op>>
        (...args: ListArgs<A, O>): ListPromise<ResponseOf<Op>, ListItem<Op>>
      }
    : {
        (
          ...args: AskedArgs<A, O & { includeTotals: true }>
        ): ListPromise<WithTotals<ResponseOf<Op>>, ListItem<Op>>
        (
          ...args: ListArgs<A, O & { includeTotals?: false }>
        ): ListPromise<WithoutTotals<ResponseOf<Op>>, ListItem<Op>>
        (...args: ListArgs<A, O>): ListPromise<ResponseOf<Op>, ListItem<Op>>
      }
  : (...args: ListArgs<A, O>) => ListPromise<WithoutTotals<ResponseOf<Op>>, ListItem<Op>>

/** Where a value goes, once a {@link Target} is compiled: the kind a `switch` checks exhaustively. */
type Kind = 'path' | 'query' | 'field' | 'body' | 'file' | 'extra'

/**
 * One value of a call: where it comes from (a positional index or an options key), auth0-python's default, its kind,
 * and its key (the wire name, or the index of a path parameter).
 */
type Step = readonly [from: number | string, fallback: unknown, kind: Kind, key: string | number]

interface Compiled {
  readonly op: OperationSpec
  /** The number of path parameters (all of them, in path order). */
  readonly pathCount: number
  /** The number of positional arguments before the options. */
  readonly arity: number
  readonly hasOptions: boolean
  readonly steps: readonly Step[]
}

function kindOf(target: Target, pathNames: readonly string[]): [Kind, string | number] {
  if ('query' in target) return ['query', target.query]
  if ('body' in target) return target.body === true ? ['body', 'body'] : ['field', target.body]
  if ('file' in target) return ['file', target.file]
  if ('extra' in target) return ['extra', '']
  if ('path' in target) return ['path', pathNames.indexOf(target.path)]
  return target satisfies never
}

function compile(op: OperationSpec, decl: Declaration<unknown>): Compiled {
  const pathNames = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string)
  const options = Object.entries((decl.options ?? {}) as Readonly<Record<string, Target>>)
  const fromOptions = options.flatMap(([, t]) => ('path' in t ? [t.path] : []))
  const positional = pathNames.filter((n) => !fromOptions.includes(n))
  const steps: Step[] = positional.map((n, i) => [i, undefined, 'path', pathNames.indexOf(n)])
  for (const name of decl.pathInBody ?? [])
    steps.push([positional.indexOf(name), undefined, 'field', name])
  let arity = positional.length
  for (const target of decl.args ?? [])
    steps.push([arity++, undefined, ...kindOf(target, pathNames)])
  const optionSteps = options.map(([key, target]): Step => [
    key,
    'default' in target ? target.default : undefined,
    ...kindOf(target, pathNames),
  ])
  // `extra` first, so that the declared query parameters win over extra ones (auth0-python updates extra_params).
  steps.push(
    ...optionSteps.filter((s) => s[2] === 'extra'),
    ...optionSteps.filter((s) => s[2] !== 'extra'),
  )
  return {
    op: decl.request === undefined ? op : { ...op, request: decl.request },
    pathCount: pathNames.length,
    arity,
    hasOptions: decl.options !== undefined,
    steps,
  }
}

/**
 * Whether an optional value counts as not given: auth0-python leaves out an empty string, list or object (`fields=[]`,
 * `strategy=''`). `false` and `0` are values.
 */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true
  if (typeof value !== 'object') return false
  return (
    (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype) &&
    Object.keys(value).length === 0
  )
}

/** Turns one call's arguments into a request, by the compiled declaration, through {@link operationRequest}. */
function build(c: Compiled, call: readonly unknown[]): RequestSpec {
  const options = (c.hasOptions ? call[c.arity] : undefined) as
    Readonly<Record<string, unknown>> | undefined
  if (options !== undefined && options !== null && typeof options !== 'object')
    throw new TypeError('options: expected an object')
  const path: unknown[] = Array.from({ length: c.pathCount })
  let query: Record<string, unknown> | undefined
  let body: unknown
  for (const [from, fallback, kind, key] of c.steps) {
    let value: unknown
    if (typeof from === 'number') {
      value = call[from]
      // path parameters are checked by operationRequest
      if ((value === undefined || value === null) && kind !== 'path')
        throw new TypeError(`${key} is required`)
    } else {
      value = options?.[from]
      if (isEmpty(value)) value = fallback
      if (value === undefined || value === null) continue
    }
    switch (kind) {
      case 'path':
        path[key as number] = value
        break
      case 'query':
        ;(query ??= {})[key] = value
        break
      case 'extra':
        query = { ...query, ...(value as object) }
        break
      case 'body':
        body = value
        break
      case 'field':
        ;((body ??= {}) as Record<string, unknown>)[key] = value
        break
      case 'file':
        // operationRequest sends a Blob or bytes as a file part (named after a File's name, or else the field), and
        // text only when wrapped as `{ file }`
        ;((body ??= {}) as Record<string, unknown>)[key] =
          typeof value === 'string' ? ({ file: value } satisfies Upload) : value
        break
      default:
        kind satisfies never
    }
  }
  const spec = operationRequest(c.op, path, c.op.request === 'query' ? query : body, {
    queryArrays: 'comma',
  })
  // What a 2xx must carry: the value the method is typed to return, so that an empty 2xx is `invalid_response` rather
  // than `undefined`. A 204 operation stays lenient (typed `void`, it still resolves to whatever body comes, as the
  // wire contract records).
  if (c.op.response !== 'none')
    spec.responseType = c.op.response === 'optional' ? 'json-or-empty' : 'json'
  return spec
}

function requestOptionsOf(c: Compiled, call: readonly unknown[]): RequestOptions | undefined {
  return call[c.hasOptions ? c.arity + 1 : c.arity] as RequestOptions | undefined
}

/**
 * The base of every resource manager: one {@link RestClient}, and the helpers that turn a generated operation and
 * auth0-python's argument mapping into a method. Build one alone with `(domain, token, options)`, or pass an existing
 * `RestClient` whose base URL ends in `/api/v2` (such as `auth0.rest`) to share its transport and rate limiter, as
 * `Auth0` does.
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

  /**
   * Declares a method that sends the operation `Op` and resolves to its parsed body, typed by the operation (`void`
   * where the API answers 204). `A` is auth0-python's positional parameters (the path's first), `O` its options.
   */
  protected endpoint<Op extends OperationSpec, A extends unknown[], O = void>(
    op: Op,
    decl: Declaration<O> = {},
  ): Method<A, O, Promise<ResponseOf<Op>>> {
    const c = compile(op, decl as Declaration<unknown>)
    const rest = this.rest
    const method = async (...call: unknown[]): Promise<unknown> =>
      rest.request(build(c, call), requestOptionsOf(c, call))
    return method as Method<A, O, Promise<ResponseOf<Op>>>
  }

  /**
   * Declares a list method whose request sends no totals unless asked (`{ includeTotals: true }`): awaiting it gives
   * the bare array. It returns a {@link ListPromise} at once and sends nothing until awaited (the declared request,
   * as is) or iterated (page by page).
   */
  protected listEndpoint<Op extends OperationSpec, A extends unknown[], O>(
    op: Op,
    decl: TotalsDeclaration<O, false>,
  ): ListMethod<A, O, Op, false> {
    return this.#list(op, decl) as ListMethod<A, O, Op, false>
  }

  /**
   * Declares a list method whose request sends `include_totals=true` unless told otherwise (auth0-python's default):
   * awaiting it gives the page object.
   */
  protected totalsListEndpoint<Op extends OperationSpec, A extends unknown[], O>(
    op: Op,
    decl: TotalsDeclaration<O, true>,
  ): ListMethod<A, O, Op, true> {
    return this.#list(op, decl) as ListMethod<A, O, Op, true>
  }

  #list(op: OperationSpec, decl: ListDeclaration<unknown>) {
    const c = compile(op, decl)
    const rest = this.rest
    const { window, checkpoint } = decl
    const items = decl.items ?? op.list?.items ?? ''
    return (...call: unknown[]): ListPromise<unknown, unknown> => {
      let spec: RequestSpec | undefined
      const specOf = (): RequestSpec => (spec ??= build(c, call))
      const ro = requestOptionsOf(c, call)
      let query: Readonly<Record<string, QueryValue>> = {}
      try {
        query = specOf().query ?? {}
      } catch {
        // a bad call rejects when awaited or iterated, through fetchFirst/fetchPage
      }
      return new ListPromise<unknown, unknown>({
        fetchFirst: async () => rest.request(specOf(), ro),
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
  }
}

function lastField(list: readonly unknown[], field: string): string | undefined {
  const last = list[list.length - 1]
  const v = last && typeof last === 'object' ? (last as Record<string, unknown>)[field] : undefined
  return typeof v === 'string' && v !== '' ? v : undefined
}
