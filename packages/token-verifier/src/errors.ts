const BRAND = Symbol.for('auth0-ts.TokenValidationError')
const JWKS_BRAND = Symbol.for('auth0-ts.JwksFetchError')

/**
 * Every check's stable code, in the order the checks run: `verify` runs the token checks; `verifyRequest` first reads
 * the `Authorization` header, then the DPoP proof (up to `dpop_ath_mismatch`), then the token, then the binding, the
 * nonce and the replay check.
 */
export const TOKEN_VALIDATION_ERROR_CODES = [
  'token_missing',
  'authorization_invalid',
  'dpop_required',
  'token_too_large',
  'token_malformed',
  'dpop_bound_token_as_bearer',
  'dpop_proof_missing',
  'dpop_proof_multiple',
  'dpop_proof_too_large',
  'dpop_proof_malformed',
  'dpop_typ_invalid',
  'dpop_alg_invalid',
  'dpop_jwk_invalid',
  'dpop_signature_invalid',
  'dpop_htm_mismatch',
  'dpop_htu_mismatch',
  'dpop_iat_invalid',
  'dpop_ath_mismatch',
  'alg_mismatch',
  'crit_unsupported',
  'typ_invalid',
  'key_not_found',
  'key_invalid',
  'signature_invalid',
  'iss_missing',
  'iss_mismatch',
  'sub_missing',
  'aud_missing',
  'aud_mismatch',
  'exp_missing',
  'exp_expired',
  'iat_missing',
  'nbf_invalid',
  'nbf_future',
  'nonce_missing',
  'nonce_mismatch',
  'org_id_missing',
  'org_id_mismatch',
  'org_name_missing',
  'org_name_mismatch',
  'azp_missing',
  'azp_mismatch',
  'auth_time_missing',
  'auth_time_expired',
  'claim_missing',
  'scope_insufficient',
  'permissions_insufficient',
  'dpop_token_not_bound',
  'dpop_jkt_mismatch',
  'dpop_nonce_required',
  'dpop_jti_replayed',
] as const

/** The code of a {@link TokenValidationError}: one per check, stable across releases. */
export type TokenValidationErrorCode = (typeof TOKEN_VALIDATION_ERROR_CODES)[number]

/**
 * The OAuth `error` a resource server answers a failed check with, in its `WWW-Authenticate` challenge: RFC 6750
 * §3.1 (`invalid_request`, `invalid_token`, `insufficient_scope`) and RFC 9449 §7.1 and §9 (`invalid_dpop_proof`,
 * `use_dpop_nonce`).
 */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_token'
  | 'insufficient_scope'
  | 'invalid_dpop_proof'
  | 'use_dpop_nonce'

const oauthErrorOf = (code: TokenValidationErrorCode): OAuthErrorCode | undefined => {
  // No credentials (or none of a scheme the API accepts): RFC 6750 §3.1 says to answer with no error code.
  if (code === 'token_missing' || code === 'dpop_required') return undefined
  if (code === 'authorization_invalid') return 'invalid_request'
  if (code === 'scope_insufficient' || code === 'permissions_insufficient')
    return 'insufficient_scope'
  if (code === 'dpop_nonce_required') return 'use_dpop_nonce'
  // The proof itself is wrong; a token that is not bound, or bound to another key, is a token problem (RFC 9449 §7.1).
  if (
    code.startsWith('dpop_') &&
    code !== 'dpop_bound_token_as_bearer' &&
    code !== 'dpop_token_not_bound' &&
    code !== 'dpop_jkt_mismatch'
  )
    return 'invalid_dpop_proof'
  return 'invalid_token'
}

/** The codes a {@link JwksFetchError} can carry: the fetch failed, or the key set was malformed. */
export type JwksFetchErrorCode = 'jwks_fetch_failed' | 'jwks_invalid'

/**
 * A token failed verification: it must not be trusted. `code` says which check failed.
 *
 * @example
 * ```ts
 * try { await tv.verify(idToken) } catch (e) {
 *   if (isTokenValidationError(e) && e.code === 'exp_expired') return redirectToLogin()
 *   throw e
 * }
 * ```
 */
export class TokenValidationError extends Error {
  override name = 'TokenValidationError'
  /** Which check failed. */
  readonly code: TokenValidationErrorCode
  /** The server nonce to send in a `DPoP-Nonce` header: set with `dpop_nonce_required` (`use_dpop_nonce`). */
  declare readonly dpopNonce?: string

  constructor(
    code: TokenValidationErrorCode,
    message: string,
    options?: { cause?: unknown; dpopNonce?: string },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    if (options?.dpopNonce !== undefined) this.dpopNonce = options.dpopNonce
    Object.defineProperty(this, BRAND, { value: true, enumerable: false })
  }

  /**
   * The OAuth `error` to answer with (RFC 6750, RFC 9449): `invalid_token`, `insufficient_scope`,
   * `invalid_dpop_proof`, `use_dpop_nonce` or `invalid_request`; `undefined` when the request carried no credentials
   * the API accepts, which RFC 6750 §3.1 answers with no error code.
   */
  get errorCode(): OAuthErrorCode | undefined {
    return oauthErrorOf(this.code)
  }

  /** A log-safe summary (the message never contains the token). */
  toJSON(): {
    name: string
    code: TokenValidationErrorCode
    errorCode: OAuthErrorCode | undefined
    message: string
  } {
    return { name: this.name, code: this.code, errorCode: this.errorCode, message: this.message }
  }
}

/**
 * The JSON Web Key Set could not be fetched (network error, timeout, HTTP error) or was malformed: an outage of the
 * key server, which says nothing about the token. It is not a {@link TokenValidationError}; answer it with 503, not
 * 401. The underlying error, if any, is in `cause`.
 *
 * @example
 * ```ts
 * try { claims = await atv.verify(token) } catch (e) {
 *   if (isJwksFetchError(e)) return new Response(null, { status: 503, headers: { 'retry-after': '30' } })
 *   if (isTokenValidationError(e)) return new Response(null, { status: 401 })
 *   throw e
 * }
 * ```
 */
export class JwksFetchError extends Error {
  override name = 'JwksFetchError'
  /** `jwks_fetch_failed` (network error, timeout, HTTP error) or `jwks_invalid` (a malformed key set). */
  readonly code: JwksFetchErrorCode
  /** The JWKS URL that failed, without credentials or query. */
  readonly url: string

  constructor(
    code: JwksFetchErrorCode,
    url: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.code = code
    this.url = url
    Object.defineProperty(this, JWKS_BRAND, { value: true, enumerable: false })
  }

  /** A log-safe summary. */
  toJSON(): { name: string; code: JwksFetchErrorCode; message: string; url: string } {
    return { name: this.name, code: this.code, message: this.message, url: this.url }
  }
}

/** True for any {@link TokenValidationError}, across bundles and entry points: the token must not be trusted. */
export function isTokenValidationError(e: unknown): e is TokenValidationError {
  return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[BRAND] === true
}

/** True for a {@link JwksFetchError}, across bundles and entry points: the key server is out, not the token bad. */
export function isJwksFetchError(e: unknown): e is JwksFetchError {
  return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[JWKS_BRAND] === true
}

/**
 * A value quoted for an error message: control characters removed, at most 100 characters. With `escape`, every
 * character outside printable ASCII is written as a `\\u` escape instead (see {@link renderAlike}).
 */
export function show(value: unknown, escape = false): string {
  const text = typeof value === 'string' ? value : (safeJson(value) ?? String(typeof value))
  const clean = escape
    ? text.replace(/[^\x20-\x7e]/gu, escapeChar)
    : // eslint-disable-next-line no-control-regex
      text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '')
  return clean.length > 100 ? `${clean.slice(0, 100)}…` : clean
}

const escapeChar = (char: string): string => {
  const code = char.codePointAt(0) ?? 0
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`
}

// Cyrillic and Greek letters drawn like Latin ones. Compatibility forms (fullwidth, math letters) and accents are
// handled by NFKD.
const LOOK_ALIKES: ReadonlyMap<string, string> = new Map(
  (
    [
      ['аеорсухіјѕԁԛԝһӏ', 'aeopcyxijsdqwhl'],
      ['АВЕКМНОРСТХІЈЅУ', 'ABEKMHOPCTXIJSY'],
      ['ΑΒΕΖΗΙΚΜΝΟΡΤΥΧοινρ', 'ABEZHIKMNOPTYXoivp'],
    ] as const
  ).flatMap(([from, to]) => [...from].map((char, i): [string, string] => [char, to.charAt(i)])),
)

function skeleton(text: string): string {
  let out = ''
  for (const char of text.normalize('NFKD'))
    if (!/[\p{M}\p{Cf}]/u.test(char)) out += LOOK_ALIKES.get(char) ?? char
  return out
}

/**
 * True when two different strings may look the same on screen: canonically equivalent (NFC against NFD), or equal
 * once accents, invisible format characters and Cyrillic or Greek look-alikes are set aside. A mismatch message then
 * escapes both, so the difference can be seen.
 */
export function renderAlike(a: string, b: string): boolean {
  return a !== b && skeleton(a) === skeleton(b)
}

function safeJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value)
  } catch {
    return undefined
  }
}
