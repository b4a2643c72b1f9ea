// Every credential the server holds is registered here: error views are scrubbed of them, and in tests the list
// is written to a file so the e2e test can prove that no response to the page ever contains one.
import { writeFileSync } from 'node:fs'
import {
  isAuth0Error,
  isRateLimitError,
  isTimeoutError,
  isNetworkError,
  Auth0Error,
} from '@auth0-ts/core'
import { isJwksFetchError, isTokenValidationError } from '@auth0-ts/token-verifier'
import type { ErrorView } from '../shared/api.js'

export class Secrets {
  readonly #values = new Set<string>()
  readonly #file: string | undefined

  constructor(file: string | undefined, initial: readonly string[]) {
    this.#file = file
    for (const v of initial) this.add(v)
  }

  /** Registers a credential (a client secret, a PEM, an M2M token). */
  add(value: string): void {
    if (value.length < 8 || this.#values.has(value)) return
    this.#values.add(value)
    if (this.#file !== undefined)
      writeFileSync(this.#file, JSON.stringify([...this.#values]), { mode: 0o600 })
  }

  /** Replaces any registered credential in `text`. */
  scrub(text: string): string {
    let out = text
    for (const v of this.#values) if (out.includes(v)) out = out.split(v).join('[REDACTED]')
    return out
  }
}

/** What a user of the SDK sees of an error: class, code, message. Only known, safe fields are copied. */
export function errorView(error: unknown, secrets: Secrets): ErrorView {
  if (isAuth0Error(error)) {
    const view: ErrorView = {
      name: error.name,
      message: secrets.scrub(error.message),
      statusCode: error.statusCode,
      errorCode: error.errorCode,
      is: {
        'e instanceof Auth0Error': error instanceof Auth0Error,
        'isRateLimitError(e)': isRateLimitError(error),
        'isTimeoutError(e)': isTimeoutError(error),
        'isNetworkError(e)': isNetworkError(error),
      },
    }
    if (error.requestId !== undefined) view.requestId = error.requestId
    if (error.method !== undefined) view.method = error.method
    if (error.url !== undefined) view.url = secrets.scrub(error.url)
    if (isRateLimitError(error))
      Object.assign(view, {
        resetAt: error.resetAt,
        retryAfter: error.retryAfter,
        limit: error.limit,
        remaining: error.remaining,
      })
    if (isTimeoutError(error)) view.timeout = error.timeout
    return view
  }
  if (isTokenValidationError(error)) {
    return {
      name: error.name,
      message: secrets.scrub(error.message),
      code: error.code,
      is: { 'isTokenValidationError(e)': true, 'e instanceof Auth0Error': false },
    }
  }
  if (isJwksFetchError(error)) {
    return {
      name: error.name,
      message: secrets.scrub(error.message),
      code: error.code,
      is: { 'isJwksFetchError(e)': true, 'isTokenValidationError(e)': false },
    }
  }
  return { name: 'Error', message: 'Unexpected error (see the server log)', is: {} }
}
