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

const BAD_PAYLOAD = () => apiError(400, 'Invalid request payload JSON format', 'invalid_body')

/**
 * Reads a request body: any JSON value, a form (`application/x-www-form-urlencoded`) or the parts of a
 * `multipart/form-data` body as an object (a file part by its file name); an empty body is `undefined`.
 *
 * @throws HttpError 400 `invalid_body` when the body cannot be read
 */
export async function readPayload(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? ''
  if (/multipart\/form-data/i.test(type)) {
    const form = await request.formData().catch(() => {
      throw BAD_PAYLOAD()
    })
    const out: Json = {}
    form.forEach((value, key) => {
      out[key] = typeof value === 'string' ? value : value.name
    })
    return out
  }
  const raw = await request.text()
  if (raw.trim() === '') return undefined
  if (/application\/x-www-form-urlencoded/i.test(type))
    return Object.fromEntries(new URLSearchParams(raw))
  try {
    return JSON.parse(raw) as unknown
  } catch {
    throw BAD_PAYLOAD()
  }
}

/** A string field of a body, or undefined. */
export function str(body: Json, key: string): string | undefined {
  const v = body[key]
  return typeof v === 'string' && v !== '' ? v : undefined
}

export function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}
