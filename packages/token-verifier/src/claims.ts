import { renderAlike, show, TokenValidationError, type TokenValidationErrorCode } from './errors.js'
import type { JsonObject, TokenLabel } from './jwt.js'

/** The claim checks shared by ID and access tokens, with auth0-python's messages. */
export class Claims {
  readonly #payload: JsonObject
  readonly #label: TokenLabel

  constructor(payload: JsonObject, label: TokenLabel) {
    this.#payload = payload
    this.#label = label
  }

  fail(code: TokenValidationErrorCode, message: string): never {
    throw new TokenValidationError(code, message.replace('{token}', `the ${this.#label}`))
  }

  /** The claim as a string; fails with `<claim>_missing` (or `code`) when absent or not a string. */
  string(
    claim: string,
    title: string,
    code: TokenValidationErrorCode = `${claim}_missing` as TokenValidationErrorCode,
    when = '',
  ): string {
    const value = this.#payload[claim]
    if (typeof value !== 'string')
      this.fail(code, `${title} (${claim}) claim must be a string present in {token}${when}`)
    return value
  }

  /** `sub` as a non-empty string; fails with `sub_missing` otherwise (auth0-python accepts an empty one). */
  subject(): string {
    const sub = this.string('sub', 'Subject')
    if (sub === '')
      this.fail('sub_missing', 'Subject (sub) claim must be a non-empty string in {token}')
    return sub
  }

  /** The claim as a finite number; fails with `<claim>_missing` when absent, not a number, or not finite. */
  number(claim: string, title: string, when = ''): number {
    const value = this.#payload[claim]
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.fail(
        `${claim}_missing` as TokenValidationErrorCode,
        typeof value === 'number'
          ? `${title} (${claim}) claim must be a finite number in {token}${when}`
          : `${title} (${claim}) claim must be a number present in {token}${when}`,
      )
    }
    return value
  }

  /** A string claim that must equal `expected`. */
  equal(claim: string, title: string, expected: string, actual = this.string(claim, title)): void {
    if (actual !== expected) {
      const escape = renderAlike(expected, actual)
      this.fail(
        `${claim}_mismatch` as TokenValidationErrorCode,
        `${title} (${claim}) claim mismatch in {token}; expected "${show(expected, escape)}", found "${show(actual, escape)}"`,
      )
    }
  }

  /** `aud` is a string or an array of strings that contains one of `audiences`; returns it. */
  audience(audiences: readonly string[]): string | readonly string[] {
    const aud = this.#payload.aud
    const isList = Array.isArray(aud) && aud.every((a) => typeof a === 'string')
    if (typeof aud !== 'string' && !isList) {
      this.fail(
        'aud_missing',
        'Audience (aud) claim must be a string or array of strings present in {token}',
      )
    }
    if (typeof aud === 'string' ? audiences.includes(aud) : aud.some((a) => audiences.includes(a)))
      return aud as string | readonly string[]
    const found = (typeof aud === 'string' ? [aud] : aud) as readonly string[]
    const escape = audiences.some((e) => found.some((a) => renderAlike(e, a)))
    const expected = audiences.map((a) => show(a, escape)).join('" or "')
    return this.fail(
      'aud_mismatch',
      typeof aud === 'string'
        ? `Audience (aud) claim mismatch in {token}; expected "${expected}" but found "${show(aud, escape)}"`
        : `Audience (aud) claim mismatch in {token}; expected "${expected}" but was not one of "${show(found.join(', '), escape)}"`,
    )
  }

  /** `exp` is present and not past; `nbf`, when present, is not in the future; both with `leeway` seconds. */
  times(now: number, leeway: number): void {
    const expiresAt = this.number('exp', 'Expiration Time') + leeway
    if (now > expiresAt) {
      this.fail(
        'exp_expired',
        `Expiration Time (exp) claim error in {token}; current time (${now}) is after expiration time (${expiresAt})`,
      )
    }
    const nbf = this.#payload.nbf
    if (nbf === undefined) return
    if (typeof nbf !== 'number')
      this.fail('nbf_invalid', 'Not Before (nbf) claim must be a number in {token}')
    if (!Number.isFinite(nbf))
      this.fail('nbf_invalid', 'Not Before (nbf) claim must be a finite number in {token}')
    if (now < nbf - leeway) {
      this.fail(
        'nbf_future',
        `Not Before (nbf) claim error in {token}; current time (${now}) is before the not-before time (${nbf - leeway})`,
      )
    }
  }
}
