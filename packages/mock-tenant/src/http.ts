// Fetch-API building blocks shared by every route: responses, Auth0-shaped errors, body parsing.

/** A JSON object as it travels on the wire. */
export type Json = Record<string, unknown>

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
}

/** An error a route throws on purpose; the dispatcher turns it into its response. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`)
  }
}

/** The Management API error shape: `{statusCode, error, message, errorCode}`. */
export function apiError(
  status: number,
  message: string,
  errorCode?: string,
  extra: Json = {},
): HttpError {
  const body: Json = {
    statusCode: status,
    error: STATUS_TEXT[status] ?? 'Error',
    message,
    ...extra,
  }
  if (errorCode !== undefined) body['errorCode'] = errorCode
  return new HttpError(status, body)
}

/** The OAuth error shape of the Authentication API: `{error, error_description}`. */
export function oauthError(status: number, error: string, description: string): HttpError {
  return new HttpError(status, { error, error_description: description })
}

export const notFound = (message: string, errorCode: string) => apiError(404, message, errorCode)
export const badBody = (message: string) =>
  apiError(400, `Payload validation error: '${message}'.`, 'invalid_body')
export const badQuery = (message: string) =>
  apiError(400, `Query validation error: '${message}'.`, 'invalid_query_string')
export const conflict = (message: string, errorCode = 'conflict') =>
  apiError(409, message, errorCode)

const JSON_TYPE = 'application/json; charset=utf-8'

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': JSON_TYPE, ...headers },
  })
}

export function text(
  body: string,
  status = 200,
  contentType = 'text/plain; charset=utf-8',
): Response {
  return new Response(body, { status, headers: { 'content-type': contentType } })
}

export function empty(status = 204): Response {
  return new Response(null, { status })
}

export function redirect(location: string): Response {
  return new Response(null, { status: 302, headers: { location } })
}

/** Reads a JSON or form-urlencoded body into an object; an empty body is `{}`. */
export async function readBody(request: Request): Promise<Json> {
  const raw = await request.text()
  if (raw.trim() === '') return {}
  const type = request.headers.get('content-type') ?? ''
  if (/application\/x-www-form-urlencoded/i.test(type))
    return Object.fromEntries(new URLSearchParams(raw))
  try {
    const parsed: unknown = JSON.parse(raw)
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Json
  } catch {
    /* reported below */
  }
  throw apiError(400, 'Invalid request payload JSON format', 'invalid_body')
}

/** A string field of a body, or undefined. */
export function str(body: Json, key: string): string | undefined {
  const v = body[key]
  return typeof v === 'string' && v !== '' ? v : undefined
}

export function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}
