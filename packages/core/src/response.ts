// How a response body is read (capped while reading) and how a 2xx body is parsed, by the spec's `responseType`.
import { Auth0Error, htmlSummary, isHtml, responseFields } from './errors.js'
import { describeRequest, queryValues, redactText, redactValue, safeUrl } from './redact.js'

export { headersToRecord } from './errors.js'

/**
 * What a 2xx must carry, and how it is read:
 * - `auto`: JSON by content type, other bodies as text, an empty body as `undefined` (lenient);
 * - `json`: a JSON value; an empty or non-JSON body is an `invalid_response` error;
 * - `json-or-empty`: a JSON value, or `undefined` for an empty body (a 200 or a 204);
 * - `empty`: nothing: resolves to `undefined`, whatever the body (the call succeeded; a stray body is not an error);
 * - `object`: a JSON object (token responses);
 * - `text`: the body as text.
 */
export type ResponseBodyType = 'auto' | 'json' | 'json-or-empty' | 'empty' | 'object' | 'text'

/** What a successful call needs to read its body, and to describe it in an error. */
export interface SuccessContext {
  responseType: ResponseBodyType | undefined
  method: string
  url: string
  secrets: readonly string[]
  /** The request's query: its values are kept out of the error too. */
  query?: Readonly<Record<string, unknown>> | undefined
}

/**
 * Reads a response body as text, stopping once it passes `max` bytes: resolves to `undefined` then, and cancels the
 * rest. A declared `Content-Length` over the cap is refused before reading; an uncompressed body within it is read at
 * once, since the length bounds it.
 */
export function readText(response: Response, max: number): Promise<string | undefined> {
  const length = response.headers.get('content-length')
  const encoding = response.headers.get('content-encoding')
  if (length !== null && /^\d+$/.test(length) && (encoding === null || encoding === 'identity')) {
    // not an async function: the platform's own promise is returned as it is, without extra turns of the event loop
    if (Number(length) <= max) return response.text()
    void response.body?.cancel().catch(() => {})
    return Promise.resolve(undefined)
  }
  const body = response.body
  return body ? readCapped(body, max) : Promise.resolve('')
}

async function readCapped(
  body: ReadableStream<Uint8Array>,
  max: number,
): Promise<string | undefined> {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let size = 0
  let text = ''
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return text + decoder.decode()
    size += value.byteLength
    if (size > max) {
      void reader.cancel().catch(() => {})
      return undefined
    }
    text += decoder.decode(value, { stream: true })
  }
}

/** A byte count as people read it: `10 MiB (10485760 bytes)`. */
export function describeBytes(bytes: number): string {
  const mib = bytes / 1_048_576
  const kib = bytes / 1024
  if (Number.isInteger(mib)) return `${mib} MiB (${bytes} bytes)`
  if (Number.isInteger(kib)) return `${kib} KiB (${bytes} bytes)`
  return `${bytes} bytes`
}

/**
 * Reads a 2xx body by its {@link ResponseBodyType}.
 *
 * @throws Auth0Error `invalid_response` for a body that claims JSON but does not parse, an empty body where a value is
 *   required, or a body that is not the JSON (object) asked for
 */
export function parseSuccess(response: Response, text: string, ctx: SuccessContext): unknown {
  const type = ctx.responseType
  if (type === 'text') return text
  if (type === 'empty') return undefined
  const wantsObject = type === 'object'
  const strict = wantsObject || type === 'json' || type === 'json-or-empty'
  const expected = wantsObject ? 'a JSON object' : 'a JSON value'
  // Whitespace alone is an empty body too: "does not parse" would send a reader looking for a syntax error.
  if (text === '' || !/\S/.test(text)) {
    if (wantsObject || type === 'json')
      throw invalidResponse(response, text, ctx, `an empty body where ${expected} was expected`)
    return undefined
  }
  const contentType = response.headers.get('content-type') ?? ''
  const claimsJson = /[/+]json\b/i.test(contentType)
  if (!claimsJson && contentType !== '' && !strict) return text
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (e) {
    if (claimsJson)
      throw invalidResponse(response, text, ctx, 'a body that claims JSON but does not parse', e)
    if (strict)
      throw invalidResponse(
        response,
        text,
        ctx,
        `${describeText(text, contentType)} where ${expected} was expected`,
        e,
      )
    return text
  }
  if (wantsObject && (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)))
    throw invalidResponse(
      response,
      parsed,
      ctx,
      `a JSON ${Array.isArray(parsed) ? 'array' : parsed === null ? 'null' : typeof parsed} where ${expected} was expected`,
    )
  return parsed
}

function describeText(text: string, contentType: string): string {
  if (!isHtml(text, contentType)) return 'a text body'
  const summary = htmlSummary(text)
  return summary ? `an HTML page (${JSON.stringify(summary)})` : 'an HTML page'
}

function invalidResponse(
  response: Response,
  body: unknown,
  ctx: SuccessContext,
  problem: string,
  cause?: unknown,
): Auth0Error {
  const secrets = [...ctx.secrets, ...queryValues(ctx.query)]
  const text = typeof body === 'string'
  return new Auth0Error({
    ...responseFields(response, ctx.method, redactText(safeUrl(ctx.url), secrets)),
    errorCode: 'invalid_response',
    message: redactText(
      `${describeRequest(ctx.method, ctx.url)} returned ${response.status} with ${problem}`,
      secrets,
    ),
    content:
      body === '' || (text && !/\S/.test(body))
        ? undefined
        : redactValue(text ? body.slice(0, 2000) : body, secrets),
    cause,
  })
}
