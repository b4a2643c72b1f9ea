// node-auth0 v7's error classes, over our one family: every error the SDK raises stays an `Auth0Error`, and
// `instanceof ManagementError` (or `NotFoundError`, ...) holds for the ones node-auth0 would have raised, so a migrating
// user's catch blocks keep working. `instanceof` asks core's brand guard, which holds across bundles.
import { Auth0Error, isAuth0Error } from '@auth0-ts/core'
import type { RawResponse } from './api-promise.js'

/** What node-auth0's `ManagementError` constructor takes. */
export interface ManagementErrorInit {
  message?: string | undefined
  statusCode?: number | undefined
  body?: unknown
  rawResponse?: RawResponse | undefined
  cause?: unknown
  /** Our code to switch on. @default 'a0.sdk.internal.unknown' */
  errorCode?: string | undefined
}

/**
 * node-auth0 v7's `ManagementError`: `err instanceof ManagementError` is true for every `Auth0Error`, which carries
 * node-auth0's `statusCode`, `body` and `rawResponse` beside ours (`errorCode`, `content`, `headers`, `requestId`).
 *
 * @example
 * ```ts
 * try { await client.users.get(id) } catch (e) {
 *   if (e instanceof ManagementError && e.statusCode === 404) return undefined
 *   throw e
 * }
 * ```
 */
export class ManagementError extends Auth0Error {
  /** The HTTP status this class stands for; `undefined` for every error of the family. */
  static readonly status: number | undefined = undefined
  override name = 'ManagementError'
  readonly #raw: RawResponse | undefined

  /** Builds one as node-auth0 does, for tests and mocks. */
  constructor(init: ManagementErrorInit = {}) {
    const statusCode = init.statusCode ?? 0
    super({
      statusCode,
      errorCode: init.errorCode ?? 'a0.sdk.internal.unknown',
      message: init.message ?? `Request failed with status ${statusCode}`,
      content: init.body,
      cause: init.cause,
    })
    this.#raw = init.rawResponse
  }

  override get rawResponse(): RawResponse | undefined {
    return this.#raw ?? super.rawResponse
  }

  /** Whether an error of the family is one of this class's. */
  static matches(error: Auth0Error): boolean {
    return this.status === undefined || error.statusCode === this.status
  }

  /**
   * Makes `instanceof` accept any `Auth0Error` this class {@link ManagementError.matches | matches} (for
   * `ManagementError`, every one; for a per-status class, its status), across bundles and copies of the package, not
   * only the errors this class built.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isAuth0Error(value) && this.matches(value)
  }
}

/** One of node-auth0's per-status classes: built with `(body?, rawResponse?)`, matched by status. */
export interface StatusErrorClass {
  new (body?: unknown, rawResponse?: RawResponse): ManagementError
  /** The HTTP status it stands for. */
  readonly status: number
}

function statusError(status: number, name: string): StatusErrorClass {
  return class extends ManagementError {
    static override readonly status = status
    override name = name
    constructor(body?: unknown, rawResponse?: RawResponse) {
      super({ message: name, statusCode: status, body, rawResponse })
    }
  }
}

/** HTTP 400, as node-auth0's `BadRequestError`. */
export const BadRequestError = /* @__PURE__ */ statusError(400, 'BadRequestError')
/** HTTP 401, as node-auth0's `UnauthorizedError`. */
export const UnauthorizedError = /* @__PURE__ */ statusError(401, 'UnauthorizedError')
/** HTTP 402, as node-auth0's `PaymentRequiredError`. */
export const PaymentRequiredError = /* @__PURE__ */ statusError(402, 'PaymentRequiredError')
/** HTTP 403, as node-auth0's `ForbiddenError`. */
export const ForbiddenError = /* @__PURE__ */ statusError(403, 'ForbiddenError')
/** HTTP 404, as node-auth0's `NotFoundError`. */
export const NotFoundError = /* @__PURE__ */ statusError(404, 'NotFoundError')
/** HTTP 409, as node-auth0's `ConflictError`. */
export const ConflictError = /* @__PURE__ */ statusError(409, 'ConflictError')
/** HTTP 410, as node-auth0's `GoneError`. */
export const GoneError = /* @__PURE__ */ statusError(410, 'GoneError')
/** HTTP 412, as node-auth0's `PreconditionFailedError`. */
export const PreconditionFailedError = /* @__PURE__ */ statusError(412, 'PreconditionFailedError')
/** HTTP 413, as node-auth0's `ContentTooLargeError`. */
export const ContentTooLargeError = /* @__PURE__ */ statusError(413, 'ContentTooLargeError')
/** HTTP 422, as node-auth0's `UnprocessableEntityError`. */
export const UnprocessableEntityError = /* @__PURE__ */ statusError(422, 'UnprocessableEntityError')
/** HTTP 429 (our `RateLimitError`), as node-auth0's `TooManyRequestsError`. */
export const TooManyRequestsError = /* @__PURE__ */ statusError(429, 'TooManyRequestsError')
/** HTTP 500, as node-auth0's `InternalServerError`. */
export const InternalServerError = /* @__PURE__ */ statusError(500, 'InternalServerError')
/** HTTP 503, as node-auth0's `ServiceUnavailableError`. */
export const ServiceUnavailableError = /* @__PURE__ */ statusError(503, 'ServiceUnavailableError')
/** HTTP 504, as node-auth0's `GatewayTimeoutError`. */
export const GatewayTimeoutError = /* @__PURE__ */ statusError(504, 'GatewayTimeoutError')

/** node-auth0's `ManagementTimeoutError`: `instanceof` holds for our `TimeoutError`. */
export class ManagementTimeoutError extends ManagementError {
  override name = 'ManagementTimeoutError'
  constructor(message = 'Timeout', options: { cause?: unknown } = {}) {
    super({ message, cause: options.cause, errorCode: 'timeout' })
  }

  static override matches(error: Auth0Error): boolean {
    return error.errorCode === 'timeout'
  }
}

// As types, node-auth0's per-status names are a ManagementError.
export type BadRequestError = ManagementError
export type UnauthorizedError = ManagementError
export type PaymentRequiredError = ManagementError
export type ForbiddenError = ManagementError
export type NotFoundError = ManagementError
export type ConflictError = ManagementError
export type GoneError = ManagementError
export type PreconditionFailedError = ManagementError
export type ContentTooLargeError = ManagementError
export type UnprocessableEntityError = ManagementError
export type TooManyRequestsError = ManagementError
export type InternalServerError = ManagementError
export type ServiceUnavailableError = ManagementError
export type GatewayTimeoutError = ManagementError
