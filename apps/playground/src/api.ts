// The page's calls to its own server. The server answers JSON; a failed call carries `{ error: ErrorView }`.
import type { ErrorView } from '../shared/api.js'

class ApiError extends Error {
  readonly view: ErrorView
  constructor(view: ErrorView) {
    super(view.message)
    this.view = view
  }
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const data = (await response.json()) as T & { error?: ErrorView }
  if (!response.ok && data.error) throw new ApiError(data.error)
  return data
}

export const getJson = <T>(path: string) => call<T>('GET', path)
export const postJson = <T>(path: string, body: unknown = {}) => call<T>('POST', path, body)

/** An error of any kind, as the page shows it. */
export function toView(error: unknown): ErrorView {
  if (error instanceof ApiError) return error.view
  if (error instanceof Error) {
    // The react-hooks client's errors (Auth0Error and its family, rebuilt from the proxy's envelope).
    const e = error as Error &
      Partial<Record<'statusCode' | 'errorCode' | 'requestId' | 'resetAt' | 'retryAfter', unknown>>
    const view: ErrorView = { name: e.name, message: e.message, is: {} }
    if (typeof e.statusCode === 'number') view.statusCode = e.statusCode
    if (typeof e.errorCode === 'string') view.errorCode = e.errorCode
    if (typeof e.requestId === 'string') view.requestId = e.requestId
    if (typeof e.resetAt === 'number') view.resetAt = e.resetAt
    if (typeof e.retryAfter === 'number') view.retryAfter = e.retryAfter
    return view
  }
  return { name: 'Error', message: String(error), is: {} }
}
