// The Errors page: each error class of the SDK, triggered for real against a real socket.
import { createServer, type Server } from 'node:http'
import { Auth0 } from '@auth0-ts/management'
import type { TokenVerifier } from '@auth0-ts/token-verifier'
import type { ErrorDemoResponse, ErrorKind } from '../shared/api.js'
import { errorView, type Secrets } from './secrets.js'
import type { Tenant } from './tenant.js'

export interface ErrorDeps {
  tenant: Tenant
  management: Auth0
  token: () => Promise<string>
  /** A verifier for another application's tokens: the user's ID token is not meant for it. */
  otherAppVerifier: TokenVerifier
  secrets: Secrets
  /** An ID token to verify with the wrong audience: the session's, or a fresh one of the demo user. */
  idToken: () => Promise<string | undefined>
}

/** A local upstream that answers slowly (for TimeoutError) or with 429 (RateLimitError on a real tenant). */
export async function startStubUpstream(): Promise<{ domain: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/api/v2/limited')) {
      const reset = Math.ceil(Date.now() / 1000) + 30
      res.writeHead(429, {
        'content-type': 'application/json',
        'retry-after': '30',
        'x-ratelimit-limit': '10',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(reset),
      })
      res.end(
        JSON.stringify({
          statusCode: 429,
          error: 'Too Many Requests',
          message: 'Global limit has been reached',
          errorCode: 'too_many_requests',
        }),
      )
      return
    }
    const timer = setTimeout(
      () => res.writeHead(200, { 'content-type': 'application/json' }).end('[]'),
      3000,
    )
    res.on('close', () => clearTimeout(timer))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  return {
    domain: `127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** A port on 127.0.0.1 that nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  return typeof address === 'object' && address !== null ? address.port : 1
}

type Demo = (deps: ErrorDeps, stubDomain: string) => { call: string; run: () => Promise<unknown> }

// A placeholder token for the local stubs: a real credential is never sent to them.
const STUB_TOKEN = 'playground-stub-token'

const DEMOS: Record<ErrorKind, Demo> = {
  auth0: ({ management }) => ({
    call: "await auth0.users.get('auth0|no-such-user')",
    run: () => management.users.get('auth0|no-such-user'),
  }),
  'rate-limit': ({ tenant, token }, stubDomain) => {
    const limiter = tenant.rateLimit
    if (limiter === undefined) {
      const stub = new Auth0(stubDomain, STUB_TOKEN, {
        protocol: 'http',
        restOptions: { retries: 0 },
      })
      return {
        call: "await stub.users.get('limited') // a local stub that answers 429: the real tenant is not flooded",
        run: () => stub.users.get('limited'),
      }
    }
    // Two clients, as two processes sharing one tenant: each paces itself, neither knows what the other spent.
    const other = new Auth0(tenant.domain, token, { protocol: tenant.protocol })
    const auth0 = new Auth0(tenant.domain, token, {
      protocol: tenant.protocol,
      restOptions: { retries: 0 },
    })
    return {
      call: 'tenant.setRateLimit({ burst: 1, perSecond: 0.2 })\nawait otherProcess.connections.all() // takes the only request left\nawait auth0.connections.all() // 429, and retries: 0',
      run: async () => {
        await token() // have a token first, so the one request the bucket allows is a management call
        const before = limiter.get()
        limiter.set({ burst: 1, perSecond: 0.2 })
        try {
          await other.connections.all()
          await auth0.connections.all()
        } finally {
          limiter.set(before)
        }
      },
    }
  },
  timeout: (_, stubDomain) => {
    const slow = new Auth0(stubDomain, STUB_TOKEN, {
      protocol: 'http',
      restOptions: { timeout: 250, retries: 0 },
    })
    return {
      call: "const slow = new Auth0(slowDomain, token, { protocol: 'http', restOptions: { timeout: 250 } })\nawait slow.users.list() // the server takes 3 s",
      run: () => slow.users.list(),
    }
  },
  network: () => ({
    call: "const down = new Auth0('127.0.0.1:<closed port>', token, { protocol: 'http', restOptions: { retries: 0 } })\nawait down.connections.all()",
    run: async () => {
      const down = new Auth0(`127.0.0.1:${await closedPort()}`, STUB_TOKEN, {
        protocol: 'http',
        restOptions: { retries: 0 },
      })
      return down.connections.all()
    },
  }),
  'token-validation': ({ otherAppVerifier, idToken, tenant }) => ({
    call: `const tv = new TokenVerifier({ signatureVerifier, issuer: '${tenant.issuer}', audience: 'another-application' })\nawait tv.verify(idToken)`,
    run: async () => {
      const token = (await idToken()) ?? 'not-a-jwt'
      return otherAppVerifier.verify(token)
    },
  }),
}

export async function runErrorDemo(
  kind: ErrorKind,
  deps: ErrorDeps,
  stubDomain: string,
): Promise<ErrorDemoResponse> {
  const demo = DEMOS[kind](deps, stubDomain)
  const started = Date.now()
  let error: unknown
  try {
    await demo.run()
  } catch (e) {
    error = e
  }
  return {
    kind,
    call: demo.call,
    error: error === undefined ? null : errorView(error, deps.secrets),
    elapsedMs: Date.now() - started,
  }
}
