import { Auth0Error } from '@auth0-ts/core'
import type { OperationSpec } from '../operation.js'
import { toRawResponse, type WithRawResponse } from './api-promise.js'
import { specOf } from './call.js'
import type { Runtime } from './options.js'
import { resolveCall } from './request-options.js'

/**
 * The events of a server-sent event stream (`events.subscribe`), each event's `data` parsed as JSON. When the event
 * names its type and the data has none, `type` is added, as node-auth0 v7 does. It can be read once; leaving the
 * `for await` loop, or aborting the call's signal, closes the connection.
 *
 * @example
 * ```ts
 * const events = await client.events.subscribe({ event_type: 'user.created' }, { signal })
 * for await (const event of events) console.log(event.type)
 * ```
 */
export class EventStream<T> implements AsyncIterable<T> {
  readonly #body: ReadableStream<Uint8Array>
  readonly #signal: AbortSignal | undefined
  #used = false

  /** Built by the client over the response's body. */
  constructor(body: ReadableStream<Uint8Array>, signal?: AbortSignal) {
    this.#body = body
    this.#signal = signal
  }

  /**
   * Reads the events as they arrive.
   *
   * @throws TypeError when the stream was already read
   * @throws Auth0Error `invalid_response` for an event whose data is not JSON
   */
  async *[Symbol.asyncIterator](): AsyncIterator<T, void, undefined> {
    if (this.#used) throw new TypeError('an event stream can be read only once')
    this.#used = true
    const reader = this.#body.getReader()
    const signal = this.#signal
    const stop = (): void => void reader.cancel(signal?.reason).catch(() => {})
    if (signal?.aborted) stop()
    signal?.addEventListener('abort', stop, { once: true })
    const decoder = new TextDecoder()
    let buffer = ''
    let data: string[] = []
    let event = ''
    try {
      for (let done = false; !done;) {
        const chunk = await reader.read()
        done = chunk.done
        buffer += done ? decoder.decode() : decoder.decode(chunk.value, { stream: true })
        for (;;) {
          const end = /\r\n|\r|\n/.exec(buffer)
          // a final '\r' may be the first half of '\r\n': wait for the next chunk
          if (!done && (!end || (end[0] === '\r' && end.index === buffer.length - 1))) break
          // at the end, a last line without its line end counts, and its event is dispatched, as node-auth0 does
          if (!end && buffer === '') break
          const line = end ? buffer.slice(0, end.index) : buffer
          buffer = end ? buffer.slice(end.index + end[0].length) : ''
          if (line === '') {
            if (data.length > 0) yield parseEvent<T>(data.join('\n'), event)
            data = []
            event = ''
            continue
          }
          const colon = line.indexOf(':')
          if (colon === 0) continue
          const name = colon === -1 ? line : line.slice(0, colon)
          const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '')
          if (name === 'data') data.push(value)
          else if (name === 'event') event = value
        }
      }
      if (data.length > 0) yield parseEvent<T>(data.join('\n'), event)
    } finally {
      signal?.removeEventListener('abort', stop)
      await reader.cancel().catch(() => {})
    }
  }
}

function parseEvent<T>(data: string, event: string): T {
  let parsed: unknown
  try {
    parsed = JSON.parse(data)
  } catch (cause) {
    throw new Auth0Error({
      statusCode: 200,
      errorCode: 'invalid_response',
      message: `An event${event ? ` of type ${event}` : ''} carries data that is not JSON`,
      cause,
    })
  }
  if (event && typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
    if (!('type' in parsed)) parsed = { type: event, ...parsed }
  return parsed as T
}

const isEventStream = (response: Response): boolean =>
  /^text\/event-stream/i.test(response.headers.get('content-type') ?? '')

/**
 * Opens a server-sent event stream through core's one request path: its own transport over a fetch that, for a 2xx
 * `text/event-stream` response, keeps the body for the {@link EventStream} and hands core the same response without
 * it. Core still adds the token and telemetry, paces, retries a 429 before the stream opens, and turns an error
 * status into an `Auth0Error`; the per-attempt timeout bounds the wait for the response headers only.
 */
export async function openStream(
  rt: Runtime,
  op: OperationSpec,
  args: readonly unknown[],
  request: unknown,
  options: unknown,
): Promise<WithRawResponse<EventStream<unknown>>> {
  const call = await resolveCall(options, rt.headers)
  const spec = specOf(rt, op, args, request, call, true)
  let body: ReadableStream<Uint8Array> | undefined
  const transport = rt.transport(async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await rt.fetch(input, init)
    if (!response.ok || response.body === null || !isEventStream(response)) return response
    body = response.body
    const { status, statusText, headers } = response
    return new Response(null, { status, statusText, headers })
  })
  const { response } = await transport.send(spec, call.options)
  if (body === undefined)
    throw new Auth0Error({
      statusCode: response.status,
      errorCode: 'invalid_response',
      message: `${spec.method} ${spec.path} answered ${response.status} without an event stream`,
    })
  return {
    data: new EventStream(body, call.options.signal),
    rawResponse: toRawResponse(response, rt.rest.url(spec)),
  }
}
