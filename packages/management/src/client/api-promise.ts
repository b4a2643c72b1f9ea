/**
 * The response without its body, as node-auth0 v7 gives it (`rawResponse`): status and headers, rate-limit headers
 * included.
 */
export interface RawResponse {
  readonly headers: Headers
  readonly redirected: boolean
  readonly status: number
  readonly statusText: string
  readonly type: ResponseType
  /** The request's URL. */
  readonly url: string
}

/** A result with the response it came from, as `.withRawResponse()` resolves. */
export interface WithRawResponse<T> {
  readonly data: T
  readonly rawResponse: RawResponse
}

/** A fetch `Response` as a {@link RawResponse}; `url` is the one requested, as core sent it. */
export function toRawResponse(response: Response, url: string): RawResponse {
  const { headers, redirected, status, statusText, type } = response
  return { headers, redirected, status, statusText, type, url }
}

/**
 * What every `ManagementClient` method returns: a promise of the parsed result that also gives the response it came
 * from, as node-auth0 v7's `HttpResponsePromise` does. The request is sent at once; awaiting it and
 * `.withRawResponse()` share that one request.
 *
 * @example
 * ```ts
 * const user = await client.users.get(id)
 * const { data, rawResponse } = await client.users.get(id).withRawResponse()
 * console.log(rawResponse.status, rawResponse.headers.get('x-ratelimit-remaining'))
 * ```
 */
export class ApiPromise<T> extends Promise<T> {
  // `then` on an ApiPromise returns a plain Promise: subclasses are not built by the engine.
  static override get [Symbol.species](): PromiseConstructor {
    return Promise
  }

  readonly #raw: Promise<WithRawResponse<T>>
  readonly #settle: readonly [(value: unknown) => void, (reason: unknown) => void]
  #linked = false

  /** Wraps a promise of `{ data, rawResponse }`. */
  constructor(raw: Promise<WithRawResponse<T>>) {
    let settle!: readonly [(value: unknown) => void, (reason: unknown) => void]
    super((resolve, reject) => {
      settle = [resolve as (value: unknown) => void, reject]
    })
    this.#raw = raw
    this.#settle = settle
  }

  // Linked on first use, so that a caller who only uses withRawResponse() leaves no unhandled rejection behind.
  override then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    if (!this.#linked) {
      this.#linked = true
      this.#raw.then((r) => this.#settle[0](r.data), this.#settle[1])
    }
    return super.then(onfulfilled, onrejected)
  }

  /** The result together with the response: `{ data, rawResponse }`. */
  withRawResponse(): Promise<WithRawResponse<T>> {
    return this.#raw
  }
}
