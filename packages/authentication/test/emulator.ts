// Helpers for the integration tests against the tenant emulator over HTTP: one clock for the tenant and the SDK (so
// polling and proofs need no real waits), and a fetch that records every request as it goes on the wire.
import {
  startMockTenant,
  type RunningMockTenant,
  type StartMockTenantOptions,
} from '@auth0-ts/mock-tenant'
import { decodeJwt, decodeProtectedHeader, type JWTPayload } from 'jose'

export const MOCK_API = 'https://api.mock.test/'
export const SEEDED_USER_ID = 'auth0|65a000000000000000000000'

/** A clock the tenant and the SDK both read; tests move it instead of sleeping. */
export class Clock {
  now = Date.now()
  readonly read = (): number => this.now
  tick(ms: number): void {
    this.now += ms
  }
}

export async function startTenant(
  options: Omit<StartMockTenantOptions, 'now' | 'port'> = {},
): Promise<{ t: RunningMockTenant; clock: Clock }> {
  const clock = new Clock()
  const t = await startMockTenant({ port: 0, ...options, now: clock.read })
  return { t, clock }
}

/** A request as it went on the wire. */
export interface Sent {
  method: string
  path: string
  query: Record<string, string>
  headers: Record<string, string>
  /** The JSON body, or the form fields; `{}` without a body. */
  body: Record<string, unknown>
  /** The answer's status. */
  status: number
}

/** A fetch over the real one that records each request and the status of its answer. */
export function recorder(): { fetch: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = []
  const recording = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init)
    const text = await request.clone().text()
    const json = request.headers.get('content-type')?.includes('json') ?? false
    const url = new URL(request.url)
    const response = await fetch(request)
    sent.push({
      method: request.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(request.headers),
      body:
        text === ''
          ? {}
          : json
            ? (JSON.parse(text) as Record<string, unknown>)
            : Object.fromEntries(new URLSearchParams(text)),
      status: response.status,
    })
    return response
  }
  return { fetch: recording as typeof fetch, sent }
}

export const claims = (jwt: unknown): JWTPayload => decodeJwt(String(jwt))

/** The header and claims of a DPoP proof that was sent. */
export function proofOf(sent: Sent | undefined): {
  header: ReturnType<typeof decodeProtectedHeader>
  payload: JWTPayload
} {
  const proof = sent?.headers['dpop']
  if (proof === undefined) throw new Error('no DPoP proof was sent')
  return { header: decodeProtectedHeader(proof), payload: decodeJwt(proof) }
}
