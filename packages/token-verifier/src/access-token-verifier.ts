import { OptionsError } from '@auth0-ts/core'
import {
  arrayOf,
  boolean,
  checkOptions,
  fn,
  isRecord,
  nonEmptyString,
  nonNegative,
  oneOf,
  oneOrMany,
  optionProblems,
  positive,
  url,
  type Rule,
} from '@auth0-ts/core/internal'
import { ASYMMETRIC_ALGORITHMS, type AsymmetricAlgorithm } from './algorithms.js'
import type { CryptoBackend } from './backend.js'
import { Claims } from './claims.js'
import { show } from './errors.js'
import { decodeJwt } from './jwt.js'
import {
  DEFAULT_MAX_TOKEN_LENGTH,
  JwksSignatureVerifier,
  SignatureVerifier,
} from './signature-verifier.js'
import { stripUndefined } from './token-verifier.js'

/** Options of {@link AccessTokenVerifier}: `jwksUrl` or `signatureVerifier`, not both. */
export interface AccessTokenVerifierOptions {
  /** The expected `iss`, usually `https://{domain}/`. */
  issuer: string
  /** The API identifier expected in `aud`, or several (any one matches). */
  audience: string | readonly string[]
  /** The tenant's JWKS URL, usually `https://{domain}/.well-known/jwks.json`. */
  jwksUrl?: string
  /** A signature verifier to share (its algorithms apply); instead of `jwksUrl`. */
  signatureVerifier?: SignatureVerifier
  /** The algorithms accepted with `jwksUrl`. @default ['RS256'] */
  algorithms?: readonly AsymmetricAlgorithm[]
  /** Require an RFC 9068 token: `typ` `at+jwt` and the `sub`, `client_id`, `iat` and `jti` claims. @default false */
  requireAtJwt?: boolean
  /** Clock skew accepted on `exp` and `nbf`, in seconds. @default 60 */
  leeway?: number
  /** The longest token accepted, in characters, checked before anything is parsed. @default 65536 */
  maxTokenLength?: number
  /** JWKS cache lifetime in seconds, with `jwksUrl`. @default 600 */
  cacheTtl?: number
  /** Least time between two refetches caused by an unknown `kid`, in seconds, with `jwksUrl`. @default 30 */
  cooldown?: number
  /** Bound on one JWKS fetch in milliseconds, with `jwksUrl`. @default 5000 */
  timeout?: number
  /** The `fetch` used for the JWKS. @default globalThis.fetch */
  fetch?: typeof fetch
  /** Clock in epoch milliseconds, for tests and the JWKS cache. @default Date.now */
  now?: () => number
}

/** Per-call checks of {@link AccessTokenVerifier.verify}. */
export interface AccessTokenVerifyOptions {
  /** Scopes that must all be in the space-separated `scope` claim. */
  requiredScopes?: string | readonly string[]
  /** Permissions that must all be in the `permissions` claim (Auth0 RBAC). */
  requiredPermissions?: string | readonly string[]
}

/** The claims of a verified access token (RFC 9068). Times are in epoch seconds (NumericDate), not milliseconds. */
export interface AccessTokenClaims {
  /** The issuer, `https://{domain}/`. */
  iss: string
  /** The API identifier, or several (the tenant's `/userinfo` too, for a token with `openid`). */
  aud: string | string[]
  /** When the token expires, in epoch seconds. */
  exp: number
  /** The user's id, or `{clientId}@clients` for a client-credentials token. */
  sub?: string
  /** When the token was issued, in epoch seconds. */
  iat?: number
  /** The token is not valid before this time, in epoch seconds. */
  nbf?: number
  /** The granted scopes, space-separated. */
  scope?: string
  /** The granted permissions (Auth0 RBAC). */
  permissions?: string[]
  /** The client the token was issued to (RFC 9068). */
  client_id?: string
  /** The client the token was issued to (Auth0's name for it). */
  azp?: string
  /** The token's unique ID. */
  jti?: string
  /** The confirmation: `jkt` is the RFC 7638 thumbprint of the DPoP key a sender-constrained token is bound to. */
  cnf?: { jkt?: string; [member: string]: unknown }
  [claim: string]: unknown
}

const instanceOfSignatureVerifier: Rule = (v) =>
  v instanceof SignatureVerifier ? undefined : 'an instance of SignatureVerifier'
const JWKS_ONLY = ['algorithms', 'cacheTtl', 'cooldown', 'timeout', 'fetch'] as const
const rules = {
  issuer: nonEmptyString,
  audience: oneOrMany(nonEmptyString),
  jwksUrl: url,
  signatureVerifier: instanceOfSignatureVerifier,
  algorithms: arrayOf(oneOf(ASYMMETRIC_ALGORITHMS)),
  requireAtJwt: boolean,
  leeway: nonNegative,
  maxTokenLength: positive,
  cacheTtl: nonNegative,
  cooldown: nonNegative,
  timeout: positive,
  fetch: fn,
  now: fn,
}
const verifyRules = {
  requiredScopes: oneOrMany(nonEmptyString),
  requiredPermissions: oneOrMany(nonEmptyString),
}
const NO_OPTIONS: AccessTokenVerifyOptions = Object.freeze({})
const AT_JWT = /^(application\/)?at\+jwt$/i
const list = (value: string | readonly string[] | undefined): readonly string[] =>
  value === undefined ? [] : typeof value === 'string' ? [value] : value

/** The access-token verifier's implementation; each entry point binds it to its crypto backend. */
export class BearerTokenVerifier<K> {
  readonly #signatureVerifier: SignatureVerifier
  readonly #options: Readonly<
    Required<
      Pick<
        AccessTokenVerifierOptions,
        'issuer' | 'requireAtJwt' | 'leeway' | 'maxTokenLength' | 'now'
      >
    >
  >
  readonly #audiences: readonly string[]

  constructor(options: AccessTokenVerifierOptions, backend: CryptoBackend<K>) {
    const problems = optionProblems(options, rules, { required: ['issuer', 'audience'] })
    if (isRecord(options)) {
      const { jwksUrl, signatureVerifier } = options
      if (jwksUrl === undefined && signatureVerifier === undefined)
        problems.push('jwksUrl: is required (or signatureVerifier)')
      if (jwksUrl !== undefined && signatureVerifier !== undefined)
        problems.push('signatureVerifier: expected only one of jwksUrl and signatureVerifier')
      if (signatureVerifier !== undefined)
        for (const key of JWKS_ONLY)
          if (options[key] !== undefined) problems.push(`${key}: only applies with jwksUrl`)
    }
    if (problems.length > 0) throw new OptionsError('AccessTokenVerifier options', problems)
    const { jwksUrl, signatureVerifier } = options
    const now = options.now ?? Date.now
    this.#signatureVerifier =
      signatureVerifier ??
      new JwksSignatureVerifier(
        jwksUrl as string,
        stripUndefined({
          algorithm: options.algorithms ?? 'RS256',
          cacheTtl: options.cacheTtl,
          cooldown: options.cooldown,
          timeout: options.timeout,
          fetch: options.fetch,
          now,
        }),
        backend,
      )
    this.#audiences = Object.freeze(list(options.audience).slice())
    this.#options = Object.freeze({
      issuer: options.issuer,
      requireAtJwt: options.requireAtJwt ?? false,
      leeway: options.leeway ?? 60,
      maxTokenLength: options.maxTokenLength ?? DEFAULT_MAX_TOKEN_LENGTH,
      now,
    })
  }

  /**
   * Verifies a bearer access token (RFC 9068) and returns its claims.
   *
   * @throws TokenValidationError with the `code` of the first check that failed
   * @throws JwksFetchError when the key set cannot be fetched: an outage, not an invalid token
   * @throws OptionsError when `options` is invalid
   */
  async verify(
    accessToken: string,
    options: AccessTokenVerifyOptions = NO_OPTIONS,
  ): Promise<AccessTokenClaims> {
    if (options !== NO_OPTIONS)
      checkOptions('AccessTokenVerifier.verify options', options, verifyRules)
    const { issuer, requireAtJwt, leeway, maxTokenLength, now } = this.#options
    const jwt = decodeJwt(accessToken, maxTokenLength, 'access token')
    const claims = new Claims(jwt.payload, 'access token')
    const typ = jwt.header.typ
    if (requireAtJwt && !(typeof typ === 'string' && AT_JWT.test(typ))) {
      claims.fail(
        'typ_invalid',
        `The access token type (typ) header must be "at+jwt", found "${show(typ)}"`,
      )
    }
    await this.#signatureVerifier.verifyDecoded(jwt)

    claims.equal('iss', 'Issuer', issuer)
    claims.audience(this.#audiences)
    claims.times(now() / 1000, leeway)
    const required = requireAtJwt ? ' (RFC 9068)' : ''
    if (requireAtJwt || jwt.payload.iat !== undefined) claims.number('iat', 'Issued At')
    if (requireAtJwt || jwt.payload.sub !== undefined) claims.subject()
    if (requireAtJwt)
      for (const claim of ['client_id', 'jti'])
        claims.string(claim, claim === 'jti' ? 'JWT ID' : 'Client ID', 'claim_missing', required)

    const scopes = list(options.requiredScopes)
    if (scopes.length > 0) {
      const scope = jwt.payload.scope
      const granted = new Set(typeof scope === 'string' ? scope.split(' ') : [])
      const missing = scopes.filter((s) => !granted.has(s))
      if (missing.length > 0)
        claims.fail(
          'scope_insufficient',
          `Insufficient scope in {token}; missing "${show(missing.join(' '))}"`,
        )
    }
    const permissions = list(options.requiredPermissions)
    if (permissions.length > 0) {
      const granted = jwt.payload.permissions
      const missing = permissions.filter((p) => !(Array.isArray(granted) && granted.includes(p)))
      if (missing.length > 0)
        claims.fail(
          'permissions_insufficient',
          `Insufficient permissions in {token}; missing "${show(missing.join(' '))}"`,
        )
    }
    return jwt.payload as AccessTokenClaims
  }
}
