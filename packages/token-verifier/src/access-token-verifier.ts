import { createMemoryReplayStore, OptionsError } from '@auth0-ts/core'
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
  rule,
  url,
  withMethods,
  type Rule,
} from '@auth0-ts/core/internal'
import { ASYMMETRIC_ALGORITHMS, type AsymmetricAlgorithm } from './algorithms.js'
import type { CryptoBackend } from './backend.js'
import { Claims } from './claims.js'
import {
  accessTokenHash,
  challengeFor,
  checkProofClaims,
  decodeProof,
  DPOP_ALGORITHMS,
  jwkThumbprint,
  normalizeUri,
  verifyProofSignature,
  type Challenge,
  type DPoPOptions,
  type DPoPSettings,
} from './dpop.js'
import { isTokenValidationError, show, TokenValidationError } from './errors.js'
import { decodeJwt, type DecodedJwt } from './jwt.js'
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
  /** How `verifyRequest` treats DPoP (RFC 9449): algorithms, proof lifetime, replay store, nonces. @default {} */
  dpop?: DPoPOptions
}

/** The parts of an HTTP request that {@link AccessTokenVerifier.verifyRequest} checks. */
export interface ResourceRequest {
  /** The `Authorization` header: `DPoP <token>` or `Bearer <token>`. */
  authorization: string | null | undefined
  /**
   * The `DPoP` header: a string (Node's `req.headers.dpop`, fetch's `headers.get('dpop')`; repeated headers arrive
   * joined with commas, and are refused), or every value (`headers.getAll`, `req.headersDistinct.dpop`).
   */
  dpop?: string | readonly string[] | null | undefined
  /** The request method, such as `GET`. */
  method: string
  /** The full URL the client called: its scheme, host and port as the client saw them (behind a proxy too). */
  url: string | URL
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
const DPOP_RULES = {
  required: boolean,
  algorithms: rule(
    'a non-empty array of asymmetric algorithms',
    (v) =>
      Array.isArray(v) && v.length > 0 && arrayOf(oneOf(ASYMMETRIC_ALGORITHMS))(v) === undefined,
  ),
  maxAge: positive,
  leeway: nonNegative,
  replayStore: withMethods('seen'),
  nonces: withMethods('issue', 'check'),
  maxProofLength: positive,
}
const requestRules = {
  authorization: rule('a string, null or undefined', (v) => v === null || typeof v === 'string'),
  method: rule(
    'an HTTP method',
    (v) => typeof v === 'string' && /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(v),
  ),
  url: rule(
    'an absolute http(s) URL',
    (v) => (typeof v === 'string' || v instanceof URL) && normalizeUri(v) !== undefined,
  ),
}
// RFC 6750 §2.1's b64token, the syntax of both schemes' credentials.
const AUTHORIZATION = /^([A-Za-z]+) +([A-Za-z0-9\-._~+/]+=*)$/
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
  readonly #backend: CryptoBackend<K>
  readonly #options: Readonly<
    Required<
      Pick<
        AccessTokenVerifierOptions,
        'issuer' | 'requireAtJwt' | 'leeway' | 'maxTokenLength' | 'now'
      >
    >
  >
  readonly #audiences: readonly string[]
  readonly #dpop: DPoPSettings
  /** The scheme each refusal of `verifyRequest` answered, so that `challenge` puts the error on it. */
  readonly #schemes = new WeakMap<TokenValidationError, 'Bearer' | 'DPoP'>()

  constructor(options: AccessTokenVerifierOptions, backend: CryptoBackend<K>) {
    const problems = optionProblems(options, rules, {
      required: ['issuer', 'audience'],
      known: ['dpop'],
    })
    if (isRecord(options)) {
      const { jwksUrl, signatureVerifier } = options
      if (jwksUrl === undefined && signatureVerifier === undefined)
        problems.push('jwksUrl: is required (or signatureVerifier)')
      if (jwksUrl !== undefined && signatureVerifier !== undefined)
        problems.push('signatureVerifier: expected only one of jwksUrl and signatureVerifier')
      if (signatureVerifier !== undefined)
        for (const key of JWKS_ONLY)
          if (options[key] !== undefined) problems.push(`${key}: only applies with jwksUrl`)
      problems.push(...optionProblems(options.dpop, DPOP_RULES, { prefix: 'dpop.' }))
    }
    if (problems.length > 0) throw new OptionsError('AccessTokenVerifier options', problems)
    const { jwksUrl, signatureVerifier } = options
    const now = options.now ?? Date.now
    this.#backend = backend
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
    const dpop = options.dpop ?? {}
    this.#dpop = Object.freeze({
      required: dpop.required ?? false,
      algorithms: Object.freeze([...(dpop.algorithms ?? DPOP_ALGORITHMS)]),
      maxAge: dpop.maxAge ?? 300,
      leeway: dpop.leeway ?? 30,
      replayStore: dpop.replayStore ?? createMemoryReplayStore({ now }),
      nonces: dpop.nonces,
      maxProofLength: dpop.maxProofLength ?? 8192,
    })
  }

  /**
   * Verifies a bearer access token (RFC 9068) and returns its claims. A DPoP-bound token (`cnf.jkt`) is refused: it
   * is only valid with its proof, through {@link verifyRequest}.
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
    const jwt = decodeJwt(accessToken, this.#options.maxTokenLength, 'access token')
    refuseBound(jwt)
    return this.#verifyToken(jwt, options)
  }

  /**
   * Verifies the access token of an HTTP request, with its DPoP proof when it uses the `DPoP` scheme (RFC 9449), and
   * returns the token's claims. `Bearer` is accepted too (unless `dpop.required`), but not for a DPoP-bound token.
   * The proof checks of RFC 9449 §4.3 and §7.1 run in order: one `DPoP` header, its size, a compact JWS, `typ`
   * `dpop+jwt`, an allowed asymmetric `alg`, a public `jwk` with no private member, every claim's type (no crypto
   * until here), the signature by that `jwk`, `htm`, `htu` (normalised, no query or fragment), `iat` within
   * `dpop.maxAge` and `dpop.leeway`, and `ath`; then the token itself (signature and claims); then `cnf.jkt` against
   * the key's RFC 7638 thumbprint and the server nonce (with `dpop.nonces`). The proof's `jti` is recorded in the
   * replay store last, once everything else has passed, so that only proofs that would be accepted take room in it:
   * a replay is refused with `dpop_jti_replayed`.
   *
   * @throws TokenValidationError with the `code` of the first check that failed, and its `errorCode`; answer it with
   *   {@link challenge}
   * @throws JwksFetchError when the key set cannot be fetched: an outage, not an invalid token
   * @throws OptionsError when `request` or `options` is invalid (a bug in the caller, not a bad request)
   */
  async verifyRequest(
    request: ResourceRequest,
    options: AccessTokenVerifyOptions = NO_OPTIONS,
  ): Promise<AccessTokenClaims> {
    // `dpop` is the client's to send: whatever arrives there is judged as a proof, never as a caller's mistake.
    checkOptions('AccessTokenVerifier.verifyRequest request', request, requestRules, {
      required: ['method', 'url'],
      known: ['dpop'],
    })
    if (options !== NO_OPTIONS)
      checkOptions('AccessTokenVerifier.verifyRequest options', options, verifyRules)
    let scheme: 'Bearer' | 'DPoP' | undefined
    try {
      const authorization = request.authorization ?? ''
      // The scheme, a space and the token: anything longer is refused before it is parsed.
      const limit = this.#options.maxTokenLength + 16
      if (authorization.length > limit)
        throw new TokenValidationError(
          'token_too_large',
          `The Authorization header is ${authorization.length} characters long; the limit is ${limit}.`,
        )
      const match = AUTHORIZATION.exec(authorization.trim())
      const named = match?.[1]?.toLowerCase()
      scheme = named === 'dpop' ? 'DPoP' : named === 'bearer' ? 'Bearer' : undefined
      if (authorization.trim() === '')
        throw new TokenValidationError('token_missing', 'Access token is required but missing.')
      if (match === null || scheme === undefined)
        throw new TokenValidationError(
          'authorization_invalid',
          'The Authorization header must be "DPoP <access token>" or "Bearer <access token>".',
        )
      const token = match[2] as string
      if (scheme === 'Bearer') {
        if (this.#dpop.required)
          throw new TokenValidationError(
            'dpop_required',
            'This API accepts DPoP-bound access tokens only (the DPoP scheme, with a proof).',
          )
        const jwt = decodeJwt(token, this.#options.maxTokenLength, 'access token')
        refuseBound(jwt)
        return await this.#verifyToken(jwt, options)
      }
      return await this.#verifyBound(token, request, options)
    } catch (error) {
      if (isTokenValidationError(error) && scheme !== undefined) this.#schemes.set(error, scheme)
      throw error
    }
  }

  async #verifyBound(
    token: string,
    request: ResourceRequest,
    options: AccessTokenVerifyOptions,
  ): Promise<AccessTokenClaims> {
    const settings = this.#dpop
    const backend = this.#backend
    // Every structural check of the token and the proof first: junk costs no crypto and no key lookup.
    const jwt = decodeJwt(token, this.#options.maxTokenLength, 'access token')
    const proof = decodeProof(request.dpop, settings)
    await verifyProofSignature(proof, backend)
    const now = this.#options.now() / 1000
    checkProofClaims(
      proof,
      { method: request.method.toUpperCase(), uri: normalizeUri(request.url) as string, now },
      settings,
    )
    if (proof.ath !== (await accessTokenHash(token, backend)))
      throw new TokenValidationError(
        'dpop_ath_mismatch',
        proof.ath === undefined
          ? 'The DPoP proof has no access token hash (ath).'
          : 'The DPoP proof access token hash (ath) does not match the access token.',
      )
    const claims = await this.#verifyToken(jwt, options)
    const { cnf } = claims
    const jkt: unknown = isRecord(cnf) ? cnf['jkt'] : undefined
    if (typeof jkt !== 'string')
      throw new TokenValidationError(
        'dpop_token_not_bound',
        'The access token is not bound to a DPoP key (no cnf.jkt): send it with the Bearer scheme.',
      )
    if (jkt !== (await jwkThumbprint(proof.jwk, backend)))
      throw new TokenValidationError(
        'dpop_jkt_mismatch',
        'Invalid DPoP key binding: the access token is bound to another key (cnf.jkt).',
      )
    const { nonces } = settings
    if (nonces !== undefined) {
      const { nonce } = proof
      if (typeof nonce !== 'string' || !(await nonces.check(nonce)))
        throw new TokenValidationError(
          'dpop_nonce_required',
          nonce === undefined
            ? 'The DPoP proof must carry the server nonce (DPoP-Nonce).'
            : 'The DPoP proof nonce is not current: use the new one (DPoP-Nonce).',
          { dpopNonce: await nonces.issue() },
        )
    }
    // Kept past the last second the proof could be accepted; one more leeway covers clock differences between the
    // processes that share the store.
    const expiresAt = (proof.iat + settings.maxAge + 2 * settings.leeway + 1) * 1000
    if (await settings.replayStore.seen(`dpop:${jkt}:${proof.jti}`, expiresAt))
      throw new TokenValidationError(
        'dpop_jti_replayed',
        `The DPoP proof "${show(proof.jti)}" was used already (jti replay).`,
      )
    return claims
  }

  /**
   * The refusal to send for a failed {@link verifyRequest} (or no credentials at all): the status, and the
   * `WWW-Authenticate` header (RFC 6750 §3, RFC 9449 §7.1), `DPoP algs="…"` with the error on the scheme the request
   * used, and `Bearer` unless `dpop.required`; with `use_dpop_nonce`, a fresh `DPoP-Nonce` header too.
   *
   * @example
   * ```ts
   * const { status, headers } = atv.challenge(error)
   * return new Response(null, { status, headers })
   * ```
   */
  challenge(error?: TokenValidationError): Challenge {
    return challengeFor(
      error,
      error === undefined ? undefined : (this.#schemes.get(error) ?? 'Bearer'),
      this.#dpop,
    )
  }

  async #verifyToken(
    jwt: DecodedJwt,
    options: AccessTokenVerifyOptions,
  ): Promise<AccessTokenClaims> {
    const { issuer, requireAtJwt, leeway, now } = this.#options
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

/** A bearer request (or `verify`) must not carry a token bound to a DPoP key: it is valid only with its proof. */
function refuseBound(jwt: DecodedJwt): void {
  const { cnf } = jwt.payload
  if (isRecord(cnf) && cnf['jkt'] !== undefined)
    throw new TokenValidationError(
      'dpop_bound_token_as_bearer',
      'The access token is bound to a DPoP key (cnf.jkt): it must be sent with the DPoP scheme and a proof.',
    )
}
