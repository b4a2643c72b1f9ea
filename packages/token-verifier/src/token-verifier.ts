import {
  checkOptions,
  fn,
  nonEmptyString,
  nonNegative,
  positive,
  type Rule,
} from '@auth0-ts/core/internal'
import type { StandardClaims } from '@auth0-ts/core'
import { Claims } from './claims.js'
import { decodeJwt } from './jwt.js'
import { DEFAULT_MAX_TOKEN_LENGTH, SignatureVerifier } from './signature-verifier.js'

/** Options of {@link TokenVerifier}. */
export interface TokenVerifierOptions {
  /** Checks the algorithm and signature: an `AsymmetricSignatureVerifier` or a `SymmetricSignatureVerifier`. */
  signatureVerifier: SignatureVerifier
  /** The expected `iss`, usually `https://{domain}/`. */
  issuer: string
  /** The expected `aud`: the application's client ID. */
  audience: string
  /** Clock skew accepted on `exp`, `nbf` and `auth_time`, in seconds. @default 60 */
  leeway?: number
  /** The longest token accepted, in characters, checked before anything is parsed. @default 65536 */
  maxTokenLength?: number
  /** Clock in epoch milliseconds, for tests. @default Date.now */
  now?: () => number
}

/** Per-call checks of {@link TokenVerifier.verify}. */
export interface IdTokenVerifyOptions {
  /** The `nonce` sent in the authorization request; the token must carry the same. */
  nonce?: string
  /** The `max_age` sent in the authorization request, in seconds; `auth_time` must be recent enough. */
  maxAge?: number
  /** The organization logged in to: an ID (`org_…`, matched against `org_id`) or a name (matched against `org_name`, lower-cased). */
  organization?: string
}

/**
 * The claims of a verified ID token: the ones this verifier checks, core's {@link StandardClaims} (OpenID Connect
 * Core §5.1; which are present depends on the scopes granted), and any other claim (namespaced custom claims) as
 * `unknown`. Times are in epoch seconds (NumericDate), not milliseconds.
 */
export interface IdTokenClaims extends StandardClaims {
  /** The issuer, `https://{domain}/`. */
  iss: string
  /** The client ID (or several, with `azp` naming this client). */
  aud: string | string[]
  /** When the token expires, in epoch seconds. */
  exp: number
  /** When the token was issued, in epoch seconds. */
  iat: number
  /** The token is not valid before this time, in epoch seconds. */
  nbf?: number
  /** The `nonce` of the authorization request. */
  nonce?: string
  /** The authorized party: the client the token was issued to. */
  azp?: string
  /** When the user last authenticated, in epoch seconds. */
  auth_time?: number
  /** The organization ID (`org_…`) the user logged in to. */
  org_id?: string
  /** The organization name the user logged in to, lower-cased. */
  org_name?: string
  /** The authentication context class reference. */
  acr?: string
  /** The authentication methods used, such as `pwd` or `mfa`. */
  amr?: string[]
  /** The session ID. */
  sid?: string
  /** The left half of the access token's hash, base64url (hybrid and implicit flows). */
  at_hash?: string
  /** The left half of the authorization code's hash, base64url (hybrid flow). */
  c_hash?: string
  [claim: string]: unknown
}

const signatureVerifier: Rule = (v) =>
  v instanceof SignatureVerifier ? undefined : 'an instance of SignatureVerifier'
const NO_OPTIONS: IdTokenVerifyOptions = Object.freeze({})
const verifyRules = { nonce: nonEmptyString, maxAge: nonNegative, organization: nonEmptyString }

/**
 * Verifies OpenID Connect ID tokens as auth0-python does, plus `nbf`, algorithm confusion, strict encoding,
 * `crit`, and a size cap. Reuse one instance: its signature verifier caches the key set.
 *
 * @example
 * ```ts
 * const sv = new AsymmetricSignatureVerifier('https://my.auth0.com/.well-known/jwks.json')
 * const tv = new TokenVerifier({ signatureVerifier: sv, issuer: 'https://my.auth0.com/', audience: clientId })
 * const claims = await tv.verify(idToken, { nonce })
 * ```
 */
export class TokenVerifier {
  readonly #options: Readonly<Required<TokenVerifierOptions>>

  /** @throws OptionsError listing every invalid option */
  constructor(options: TokenVerifierOptions) {
    checkOptions(
      'TokenVerifier options',
      options,
      {
        signatureVerifier,
        issuer: nonEmptyString,
        audience: nonEmptyString,
        leeway: nonNegative,
        maxTokenLength: positive,
        now: fn,
      },
      { required: ['signatureVerifier', 'issuer', 'audience'] },
    )
    this.#options = Object.freeze({
      leeway: 60,
      maxTokenLength: DEFAULT_MAX_TOKEN_LENGTH,
      now: Date.now,
      ...stripUndefined(options),
    })
  }

  /**
   * Verifies an ID token's structure, algorithm, signature and claims, and returns its claims.
   *
   * @throws TokenValidationError with the `code` of the first check that failed
   * @throws JwksFetchError when the key set cannot be fetched: an outage, not an invalid token
   * @throws OptionsError when `options` is invalid
   */
  async verify(
    idToken: string,
    options: IdTokenVerifyOptions = NO_OPTIONS,
  ): Promise<IdTokenClaims> {
    if (options !== NO_OPTIONS) checkOptions('TokenVerifier.verify options', options, verifyRules)
    const { signatureVerifier, issuer, audience, leeway, maxTokenLength, now } = this.#options
    const jwt = decodeJwt(idToken, maxTokenLength, 'ID token')
    await signatureVerifier.verifyDecoded(jwt)

    const claims = new Claims(jwt.payload, 'ID token')
    const nowSeconds = now() / 1000
    claims.equal('iss', 'Issuer', issuer)
    claims.subject()
    const aud = claims.audience([audience])
    claims.times(nowSeconds, leeway)
    claims.number('iat', 'Issued At')
    if (options.nonce !== undefined) claims.equal('nonce', 'Nonce', options.nonce)
    const { organization, maxAge } = options
    if (organization !== undefined) {
      if (organization.startsWith('org_')) claims.equal('org_id', 'Organization', organization)
      else claims.equal('org_name', 'Organization', organization.toLowerCase())
    }
    // OIDC Core 3.1.3.7: azp, when present, names this client, even with one audience (auth0-python only checks it
    // with several, where it is required).
    const several = Array.isArray(aud) && aud.length > 1
    if (several || jwt.payload.azp !== undefined) {
      const when = several ? ' when Audience (aud) claim has multiple values' : ''
      claims.equal(
        'azp',
        'Authorized Party',
        audience,
        claims.string('azp', 'Authorized Party', 'azp_missing', when),
      )
    }
    if (maxAge !== undefined) {
      const authTime = claims.number(
        'auth_time',
        'Authentication Time',
        ' when Max Age (max_age) is specified',
      )
      const validUntil = authTime + maxAge + leeway
      if (nowSeconds > validUntil) {
        claims.fail(
          'auth_time_expired',
          `Authentication Time (auth_time) claim in {token} indicates that too much time has passed since the last end-user authentication. Current time (${nowSeconds}) is after last auth at (${validUntil})`,
        )
      }
    }
    return jwt.payload as IdTokenClaims
  }
}

/** Drops keys whose value is `undefined`, so defaults apply under `exactOptionalPropertyTypes`. */
export function stripUndefined<T extends object>(
  value: T,
): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>
  }
}
