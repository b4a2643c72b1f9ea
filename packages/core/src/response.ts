// How a 2xx response body is read, by the spec's `responseType`.
import { Auth0Error } from './errors.js'
import { redactText, redactValue } from './redact.js'

/** Response headers as a plain object with lower-case names. */
export function headersToRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {}
  headers.forEach((value, key) => {
    out[key] = value
  })
  return out
}

/** What a successful call needs to read its body, and to describe it in an error. */
export interface SuccessContext {
  responseType: 'auto' | 'text' | 'object' | undefined
  method: string
  url: string
  secrets: readonly string[]
}

/**
 * Reads a 2xx body: `text` as it is; `auto` as JSON by content type (other bodies as text, empty as `undefined`);
 * `object` as a JSON object only.
 *
 * @throws Auth0Error `invalid_response` for a body that claims JSON but does not parse, or that is not the object
 *   `object` asked for
 */
export function parseSuccess(response: Response, text: string, ctx: SuccessContext): unknown {
  if (ctx.responseType === 'text') return text
  const contentType = response.headers.get('content-type') ?? ''
  const claimsJson = /[/+]json\b/i.test(contentType)
  const wantsObject = ctx.responseType === 'object'
  if (text === '' && !wantsObject) return undefined
  let parsed: unknown = text
  let problem: string | undefined
  let cause: unknown
  if (claimsJson || contentType === '' || wantsObject) {
    try {
      parsed = JSON.parse(text)
    } catch (e) {
      cause = e
      if (claimsJson) problem = 'a body that claims JSON but does not parse'
    }
  }
  if (
    problem === undefined &&
    wantsObject &&
    (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
  )
    problem = `${describeBodyKind(parsed, text, contentType)} where a JSON object was expected`
  if (problem === undefined) return parsed
  const safeUrl = redactText(ctx.url, ctx.secrets)
  throw new Auth0Error({
    statusCode: response.status,
    errorCode: 'invalid_response',
    message: `${ctx.method} ${safeUrl} returned ${response.status} with ${problem}`,
    content:
      text === ''
        ? undefined
        : redactValue(typeof parsed === 'string' ? text.slice(0, 2000) : parsed, ctx.secrets),
    headers: headersToRecord(response.headers),
    requestId:
      response.headers.get('x-auth0-requestid') ??
      response.headers.get('x-request-id') ??
      undefined,
    method: ctx.method,
    url: safeUrl,
    response,
    cause,
  })
}

function describeBodyKind(parsed: unknown, text: string, contentType: string): string {
  if (text === '') return 'an empty body'
  if (typeof parsed === 'string' && parsed === text)
    return /html/i.test(contentType) || /^\s*</.test(text) ? 'an HTML page' : 'a text body'
  return `a JSON ${Array.isArray(parsed) ? 'array' : parsed === null ? 'null' : typeof parsed}`
}
