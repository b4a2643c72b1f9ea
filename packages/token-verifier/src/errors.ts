const BRAND = Symbol.for('auth0-ts.TokenValidationError')

/** Every check's stable code, in the order the checks run. */
export const TOKEN_VALIDATION_ERROR_CODES = [
  'token_missing',
  'token_too_large',
  'token_malformed',
  'alg_mismatch',
  'crit_unsupported',
  'typ_invalid',
  'jwks_fetch_failed',
  'jwks_invalid',
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
] as const

/** The code of a {@link TokenValidationError}: one per check, stable across releases. */
export type TokenValidationErrorCode = (typeof TOKEN_VALIDATION_ERROR_CODES)[number]

/** The codes a {@link JwksFetchError} can carry. */
export type JwksFetchErrorCode = Extract<
  TokenValidationErrorCode,
  'jwks_fetch_failed' | 'jwks_invalid'
>

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

  constructor(code: TokenValidationErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
    Object.defineProperty(this, BRAND, { value: true, enumerable: false })
  }

  /** A log-safe summary (the message never contains the token). */
  toJSON(): { name: string; code: TokenValidationErrorCode; message: string } {
    return { name: this.name, code: this.code, message: this.message }
  }
}

/**
 * The JSON Web Key Set could not be fetched (network error, timeout, HTTP error) or was malformed. The
 * underlying error, if any, is in `cause`.
 */
export class JwksFetchError extends TokenValidationError {
  override name = 'JwksFetchError'
  declare readonly code: JwksFetchErrorCode
  /** The JWKS URL that failed. */
  readonly url: string

  constructor(
    code: JwksFetchErrorCode,
    url: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options)
    this.url = url
  }
}

/** True for any {@link TokenValidationError}, across bundles and entry points. */
export function isTokenValidationError(e: unknown): e is TokenValidationError {
  return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[BRAND] === true
}

/** True for a {@link JwksFetchError}. */
export function isJwksFetchError(e: unknown): e is JwksFetchError {
  return isTokenValidationError(e) && (e.code === 'jwks_fetch_failed' || e.code === 'jwks_invalid')
}

/** A value quoted for an error message: control characters removed, at most 100 characters. */
export function show(value: unknown): string {
  const text = typeof value === 'string' ? value : (safeJson(value) ?? String(typeof value))
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '')
  return clean.length > 100 ? `${clean.slice(0, 100)}…` : clean
}

function safeJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value)
  } catch {
    return undefined
  }
}
