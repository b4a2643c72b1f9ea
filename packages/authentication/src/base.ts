import {
  OptionsError,
  RestClient,
  type FormValue,
  type RequestOptions,
  type RequestSpec,
  type RestClientOptions,
} from '@auth0-ts/core'
import {
  baseUrlProblems,
  boolean,
  defaultSleep,
  fn,
  nonEmptyString,
  oneOf,
  optionProblems,
  positive,
  protocol,
  restOptionsProblems,
  type Rule,
  type Rules,
} from '@auth0-ts/core/internal'
import {
  CLIENT_ASSERTION_ALGS,
  CLIENT_ASSERTION_TYPE,
  createAssertionSigner,
  signingKeyProblems,
  type AssertionSigner,
  type ClientAssertionSigningAlg,
} from './client-assertion.js'
import { dpopKeyProblem } from './dpop-key.js'
import type { FetchFunction } from './dpop-api.js'

/** Transport options of every authentication client. */
export interface TransportOptions {
  /** Send the `Auth0-Client` telemetry header; overrides `restOptions.telemetry`. @default true */
  telemetry?: boolean | undefined
  /** Bound on each attempt, headers and body both, in milliseconds; overrides `restOptions.timeout`. @default 5000 */
  timeout?: number | undefined
  /** `http` reaches a local tenant such as the emulator. @default 'https' */
  protocol?: 'https' | 'http' | undefined
  /**
   * Transport options: `{ telemetry, timeout, retries, maxRetryDelay, deadline }`, durations in milliseconds. A 429 is
   * retried `retries` times. @default { retries: 3 }
   */
  restOptions?: RestClientOptions | undefined
  /** A custom fetch: shared connections, proxies, tests. @default globalThis.fetch */
  fetch?: typeof fetch | undefined
  /** Clock in epoch milliseconds, for tests (rate limits, assertion and DPoP `iat`). @default Date.now */
  now?: (() => number) | undefined
  /** Sleep of `ms` milliseconds between retries, for tests. @default a timer */
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined
  /**
   * A DPoP key pair (RFC 9449; see `generateDPoPKeyPair`): every request then carries a fresh proof, tokens come back
   * bound to the key (`token_type: 'DPoP'`), and a `use_dpop_nonce` answer is retried once with the server's nonce.
   * @default none (bearer tokens)
   */
  dpop?: CryptoKeyPair | undefined
}

/** Options of the authentication clients that act for an application (all but `Users`). */
export interface AuthenticationOptions extends TransportOptions {
  /** The application's client secret, sent as `client_secret` where the API takes client authentication. */
  clientSecret?: string | undefined
  /** A PEM private key (PKCS#8, or PKCS#1 RSA) or a private `CryptoKey`: sends a private_key_jwt assertion instead of the secret. */
  clientAssertionSigningKey?: string | CryptoKey | undefined
  /** The algorithm of the client assertion. @default 'RS256' */
  clientAssertionSigningAlg?: ClientAssertionSigningAlg | undefined
}

/** The token response of a grant, as Auth0 sends it. */
export interface TokenResponse {
  access_token: string
  /** `Bearer`, or `DPoP` for a token bound to the `dpop` key. */
  token_type: string
  /** Lifetime of the access token, in seconds. */
  expires_in: number
  scope?: string
  id_token?: string
  refresh_token?: string
  [key: string]: unknown
}

/** A JSON object response, as Auth0 sends it. */
export type JsonObject = Record<string, unknown>

/** One Authentication API call, declared. */
export interface Call {
  /** @default 'POST' */
  method?: 'GET' | 'POST' | 'DELETE'
  path: string
  params?: Record<string, string>
  /** The JSON body, or the form fields with `form`; `undefined` values are left out. */
  body?: Record<string, unknown>
  form?: boolean
  /** Add `client_id` and the client authentication to the body. */
  clientAuth?: boolean
  /** Values that must never appear in an error (passwords, codes, tokens). */
  secrets?: readonly (string | null | undefined)[]
  headers?: Record<string, string | undefined>
  /** `object`: a 2xx body must be a JSON object (token responses); `text`: the body is returned as text. */
  expect?: 'object' | 'text'
  /** The method, such as `GetToken.clientCredentials`, for the error that lists bad `args`. */
  name?: string
  /** Required arguments, by name: each must be a non-empty string (or array of them), checked before anything is sent. */
  args?: Readonly<Record<string, unknown>>
}

const TRANSPORT: Rules = {
  telemetry: boolean,
  timeout: positive,
  protocol,
  fetch: fn,
  now: fn,
  sleep: fn,
  dpop: dpopKeyProblem,
}

/** A required argument: a non-empty string, or a non-empty array of them. */
const requiredArg: Rule = (v) =>
  Array.isArray(v)
    ? v.length > 0 && v.every((x) => nonEmptyString(x) === undefined)
      ? undefined
      : 'a non-empty array of non-empty strings'
    : nonEmptyString(v)

/** The DPoP key pair of each client built with `dpop`, for the token provider's cache key. Never exported. */
export const dpopKeys = /* @__PURE__ */ new WeakMap<AuthenticationApi, CryptoKeyPair>()

const AUTHENTICATION: Rules = {
  ...TRANSPORT,
  clientSecret: nonEmptyString,
  clientAssertionSigningAlg: oneOf(CLIENT_ASSERTION_ALGS),
}

/** Every problem of the domain and the options, by path (`restOptions.*` for the transport's own). */
function optionsProblems(domain: unknown, options: unknown, withClientAuth: boolean): string[] {
  const o: Partial<Record<string, unknown>> =
    typeof options === 'object' && options !== null ? options : {}
  const key = o['clientAssertionSigningKey']
  return [
    ...optionProblems(options, withClientAuth ? AUTHENTICATION : TRANSPORT, {
      known: withClientAuth ? ['restOptions', 'clientAssertionSigningKey'] : ['restOptions'],
    }),
    ...restOptionsProblems(o['restOptions']),
    ...(withClientAuth && key !== undefined ? signingKeyProblems(key) : []),
    // the protocol's own problem is listed above
    ...baseUrlProblems(domain),
  ]
}

/**
 * The request path of every Authentication API client: validated options, one core `RestClient`, and the check
 * that token responses are JSON objects.
 */
export abstract class AuthenticationApi {
  /** The tenant domain, such as `tenant.auth0.com`. */
  readonly domain: string
  /** `https`, or `http` for a local tenant. */
  readonly protocol: 'https' | 'http'
  protected readonly rest: RestClient
  protected readonly now: () => number
  /** Sleep of `ms` milliseconds, injected for tests. */
  protected readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  /** Whether requests carry DPoP proofs (the `dpop` option). */
  protected readonly dpop: boolean
  /** Secrets of the client itself, for redaction of errors raised here. */
  protected readonly clientSecrets: readonly string[]

  protected constructor(
    domain: string,
    options: AuthenticationOptions,
    where: string,
    withClientAuth: boolean,
  ) {
    const problems = optionsProblems(domain, options, withClientAuth)
    if (problems.length > 0) throw new OptionsError(where, problems)
    const o = options ?? {}
    this.protocol = o.protocol ?? 'https'
    const baseUrl = `${this.protocol}://${domain}`
    this.domain = domain
    this.now = o.now ?? Date.now
    this.sleep = o.sleep ?? defaultSleep
    this.dpop = o.dpop !== undefined
    if (o.dpop) dpopKeys.set(this, o.dpop)
    const key = o.clientAssertionSigningKey
    this.clientSecrets = [o.clientSecret, typeof key === 'string' ? key : undefined].filter(
      (s): s is string => !!s,
    )
    this.rest = new RestClient({
      baseUrl,
      client: { name: __PKG_NAME__, version: __PKG_VERSION__ },
      options: {
        ...o.restOptions,
        ...(o.timeout !== undefined && { timeout: o.timeout }),
        ...(o.telemetry !== undefined && { telemetry: o.telemetry }),
      },
      fetch: o.dpop ? lazyDPoP(o.fetch, o.dpop, this.now) : o.fetch,
      now: this.now,
      sleep: o.sleep,
      secrets: this.clientSecrets,
    })
  }

  /** Adds client authentication to a body; the base adds none. */
  protected authenticate(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    return Promise.resolve(body)
  }

  /**
   * Sends one declared call and returns the parsed response.
   *
   * @throws OptionsError before sending, when a required argument is missing or empty
   */
  protected async call<T>(call: Call, requestOptions?: RequestOptions): Promise<T> {
    if (call.args) {
      const required = Object.keys(call.args)
      const rules = Object.fromEntries(required.map((k) => [k, requiredArg]))
      const problems = optionProblems(call.args, rules, { required })
      if (problems.length > 0) throw new OptionsError(`${call.name ?? 'call'} arguments`, problems)
    }
    const body = call.body && call.clientAuth ? await this.authenticate(call.body) : call.body
    const secrets = [...(call.secrets ?? []), body?.['client_assertion']].filter(
      (s): s is string => typeof s === 'string' && s !== '',
    )
    const spec: RequestSpec = {
      method: call.method ?? 'POST',
      path: call.path,
      secrets,
      responseType: call.expect ?? 'auto',
      headers: call.headers,
    }
    if (call.params) spec.params = call.params
    if (body && call.form) spec.form = body as Record<string, FormValue>
    else if (body) spec.json = body
    return this.rest.request<T>(spec, requestOptions)
  }
}

/**
 * The base of the clients that act for an application: `client_id` in every body, and client authentication
 * (`client_secret`, or a private_key_jwt `client_assertion`) where the API takes it.
 */
export abstract class AuthenticationBase extends AuthenticationApi {
  /** The application's client id. */
  readonly clientId: string
  readonly #clientSecret: string | undefined
  readonly #signer: AssertionSigner | undefined

  /**
   * @throws OptionsError for a bad domain, client id or option, listing every problem
   */
  constructor(domain: string, clientId: string, options: AuthenticationOptions = {}) {
    if (typeof clientId !== 'string' || clientId === '')
      throw new OptionsError(`${new.target.name} arguments`, [
        'clientId: expected a non-empty string',
      ])
    super(domain, options, `${new.target.name} options`, true)
    this.clientId = clientId
    this.#clientSecret = options.clientSecret
    const key = options.clientAssertionSigningKey
    this.#signer = key
      ? createAssertionSigner(key, options.clientAssertionSigningAlg ?? 'RS256', this.now)
      : undefined
  }

  /** With both a signing key and a secret, only the assertion is sent (as in auth0-python). */
  protected override async authenticate(
    body: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    if (this.#signer) {
      const assertion = await this.#signer.sign(this.clientId, `${this.protocol}://${this.domain}/`)
      return { ...body, client_assertion: assertion, client_assertion_type: CLIENT_ASSERTION_TYPE }
    }
    return this.#clientSecret ? { ...body, client_secret: this.#clientSecret } : body
  }

  /** POSTs a body that starts with `client_id`. */
  protected post<T>(
    path: string,
    body: Record<string, unknown>,
    call: Omit<Call, 'path' | 'body'>,
    requestOptions?: RequestOptions,
  ): Promise<T> {
    return this.call<T>(
      { ...call, path, body: { client_id: this.clientId, ...body } },
      requestOptions,
    )
  }

  /** POSTs a grant to `path` (default `/oauth/token`) and returns the token response, which must be a JSON object. */
  protected grant(
    body: Record<string, unknown>,
    call: Omit<Call, 'path' | 'body' | 'expect'> & { path?: string },
    requestOptions?: RequestOptions,
  ): Promise<TokenResponse> {
    return this.post<TokenResponse>(
      call.path ?? '/oauth/token',
      body,
      { ...call, expect: 'object' },
      requestOptions,
    )
  }
}

/** A fetch that adds DPoP proofs; the DPoP module is loaded with the first request. */
function lazyDPoP(
  base: FetchFunction | undefined,
  keyPair: CryptoKeyPair,
  now: () => number,
): typeof fetch {
  let send: Promise<FetchFunction> | undefined
  const fetchDPoP: FetchFunction = async (input, init) => {
    send ??= import('./dpop.js').then(({ withDPoP, DPoPNonces }) =>
      withDPoP(base ?? ((i, n) => globalThis.fetch(i, n)), keyPair, new DPoPNonces(), now),
    )
    return (await send)(input, init)
  }
  return fetchDPoP as typeof fetch
}

/**
 * auth0-python's rule for an optional value it sends only when truthy: an empty string, object or array is left out,
 * as `undefined` is. Required values never go through it.
 */
export function unlessEmpty<T>(value: T): T | undefined {
  if (value === '' || value === null) return undefined
  if (Array.isArray(value)) return value.length > 0 ? value : undefined
  if (typeof value === 'object' && Object.keys(value as object).length === 0) return undefined
  return value
}
