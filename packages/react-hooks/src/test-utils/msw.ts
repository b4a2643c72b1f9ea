import { setupServer, type SetupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, vi } from 'vitest'

/** An msw server for this test file that errors on unhandled requests; `reset` runs after each test (RTL's cleanup). */
export function setupMsw(reset: () => void = () => {}): SetupServer {
  const server = setupServer()
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => {
    reset()
    vi.useRealTimers()
    server.resetHandlers()
  })
  afterAll(() => server.close())
  return server
}
