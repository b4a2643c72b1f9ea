// Shared msw setup for this package's tests: one server per file, unhandled requests fail the test.
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'

export const DOMAIN = 'tenant.example.com'
export const BASE = `https://${DOMAIN}`

/** Starts an msw server for the current test file and returns it. */
export function useServer(): ReturnType<typeof setupServer> {
  const server = setupServer()
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
  return server
}

/** The body of a request as an object: JSON, or form fields. */
export async function bodyOf(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text()
  if (request.headers.get('content-type')?.includes('json'))
    return JSON.parse(text) as Record<string, unknown>
  return Object.fromEntries(new URLSearchParams(text))
}

/** A token response as Auth0 sends it. */
export function tokenResponse(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    access_token: 'access-token-value',
    token_type: 'Bearer',
    expires_in: 86400,
    scope: 'read:things',
    ...overrides,
  }
}
