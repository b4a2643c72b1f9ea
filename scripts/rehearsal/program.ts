// auth0-python's examples (https://github.com/auth0/auth0-python/blob/master/EXAMPLES.md), written against the
// published packages as a user installs them: compiled with `tsc --strict` in a folder outside the repository, then
// run with node against a mock tenant started from the same install. scripts/release-rehearse.mjs copies this file
// there; only the packages' public entry points are imported.
//
// Prints one line per check (`ok <name>` or `FAIL <name>: <why>`), then `{"passed":N,"failed":N}` as the last line.
import { createPrivateKey } from 'node:crypto'
import { createRequire } from 'node:module'
import { GetToken, Users as AuthenticationUsers } from '@auth0-ts/authentication'
import {
  Auth0,
  Auth0Error,
  Connections,
  RateLimitError,
  TimeoutError,
  Users,
  isAuth0Error,
} from '@auth0-ts/management'
// eslint-disable-next-line no-restricted-imports -- a user's program, outside the packages' layers
import { startMockTenant, type RunningMockTenant } from '@auth0-ts/mock-tenant'
import {
  AsymmetricSignatureVerifier,
  TokenValidationError,
  TokenVerifier,
} from '@auth0-ts/token-verifier'

class CheckFailed extends Error {}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailed(message)
}

/** Resolves to the rejection of `promise`, or fails the check when it resolves. */
async function rejection(promise: Promise<unknown>, what: string): Promise<unknown> {
  try {
    await promise
  } catch (e) {
    return e
  }
  throw new CheckFailed(`${what}: expected an error, but it resolved`)
}

const describe = (e: unknown): string =>
  e instanceof CheckFailed
    ? e.message
    : e instanceof Error
      ? `${e.name}: ${e.message.split('\n')[0]}`
      : String(e)

/** One request as the server saw it: what the checks assert before they assert the result. */
interface SentRequest {
  method: string
  url: URL
  headers: Headers
  body: string
}

/** A fetch that records what it sends: the one transport the clients of a check share. */
function recordingFetch(): typeof fetch & { sent: SentRequest[] } {
  const sent: SentRequest[] = []
  const recording = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init)
    sent.push({
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body: request.body === null ? '' : await request.clone().text(),
    })
    return fetch(request)
  }
  return Object.assign(recording, { sent })
}

/** The fields of a form or JSON body. */
function fields(request: SentRequest): URLSearchParams {
  if (request.headers.get('content-type')?.startsWith('application/json'))
    return new URLSearchParams(Object.entries(JSON.parse(request.body) as Record<string, string>))
  return new URLSearchParams(request.body)
}

/** The decoded `Auth0-Client` telemetry header: which package sent the request, and which version. */
function telemetry(request: SentRequest | undefined): { name?: string; version?: string } {
  const header = request?.headers.get('auth0-client')
  assert(header, 'the request carried no Auth0-Client header')
  return JSON.parse(atob(header)) as { name?: string; version?: string }
}

const require = createRequire(import.meta.url)
const installedVersion = (name: string): string =>
  (require(`${name}/package.json`) as { version: string }).version

interface Context {
  tenant: RunningMockTenant
  domain: string
  idToken?: string
  accessToken?: string
  managementToken?: string
  connectionId?: string
}

const checks: [name: string, run: (ctx: Context) => Promise<void>][] = [
  [
    'ID token validation: TokenVerifier with an AsymmetricSignatureVerifier on the JWKS URL',
    async (ctx) => {
      const { web } = ctx.tenant.clients
      const { user } = ctx.tenant
      // After authenticating (here a password-realm login of the seeded user)
      const authResult = await new GetToken(ctx.domain, web.clientId, {
        clientSecret: web.clientSecret,
        protocol: 'http',
      }).login(user.username, user.password, {
        realm: user.connection,
        scope: 'openid profile email',
      })
      const idToken = authResult.id_token
      assert(typeof idToken === 'string', 'the login returned no id_token')

      const jwksUrl = `http://${ctx.domain}/.well-known/jwks.json`
      const issuer = `http://${ctx.domain}/`
      const sv = new AsymmetricSignatureVerifier(jwksUrl)
      const tv = new TokenVerifier({ signatureVerifier: sv, issuer, audience: web.clientId })
      const claims = await tv.verify(idToken)
      assert(claims.iss === issuer, `iss is ${claims.iss}`)
      assert(claims.aud === web.clientId, `aud is ${String(claims.aud)}`)
      assert(
        typeof claims.sub === 'string' && claims.sub.startsWith('auth0|'),
        `sub is ${claims.sub}`,
      )

      const [header, payload, signature] = idToken.split('.')
      const forged = `${header}.${payload}.${signature?.startsWith('A') ? 'B' : 'A'}${signature?.slice(1)}`
      const err = await rejection(tv.verify(forged), 'a token with a changed signature')
      assert(
        err instanceof TokenValidationError,
        `expected TokenValidationError, got ${describe(err)}`,
      )
      ctx.idToken = idToken
      ctx.accessToken = authResult.access_token
    },
  ],
  [
    'private_key_jwt: GetToken with an RSA private key (PKCS#1, as in the example) gets a client-credentials token',
    async (ctx) => {
      const { m2mJwt } = ctx.tenant.clients
      const privateKey = createPrivateKey(m2mJwt.privateKeyPem)
        .export({ type: 'pkcs1', format: 'pem' })
        .toString()
      assert(privateKey.startsWith('-----BEGIN RSA PRIVATE KEY-----'), 'not a PKCS#1 key')
      const transport = recordingFetch()
      const getToken = new GetToken(ctx.domain, m2mJwt.clientId, {
        clientAssertionSigningKey: privateKey,
        protocol: 'http',
        fetch: transport,
      })
      const token = await getToken.clientCredentials(ctx.tenant.managementAudience)

      const [request] = transport.sent
      assert(
        request?.method === 'POST' && request.url.pathname === '/oauth/token',
        'no POST /oauth/token',
      )
      const body = fields(request)
      assert(
        body.get('grant_type') === 'client_credentials',
        `grant_type is ${body.get('grant_type')}`,
      )
      assert(
        body.get('client_assertion_type') ===
          'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        'the request carried no client assertion',
      )
      assert(!body.has('client_secret'), 'the request carried a client_secret')
      assert(token.access_token.split('.').length === 3, 'the access token is not a JWT')
      assert(token.expires_in > 0, `expires_in is ${token.expires_in}`)
      ctx.managementToken = token.access_token
    },
  ],
  [
    'connections: all(), update(id, { name }), then get(id) shows the new name',
    async (ctx) => {
      assert(ctx.managementToken, 'no management token (the private_key_jwt check failed)')
      const auth0 = new Auth0(ctx.domain, ctx.managementToken, { protocol: 'http' })
      const connections = await auth0.connections.all()
      assert(Array.isArray(connections), 'connections.all() did not resolve to a list')
      const amazon = connections.find((c) => c.name === 'Amazon-Connection')
      assert(amazon?.id, 'no Amazon-Connection in connections.all()')
      assert(amazon.strategy === 'amazon', `its strategy is ${amazon.strategy}`)

      await auth0.connections.update(amazon.id, { name: 'MyNewName' })
      const modified = await auth0.connections.get(amazon.id)
      assert(modified.name === 'MyNewName', `get() returned the name ${modified.name}`)
      assert(modified.strategy === 'amazon', `get() returned the strategy ${modified.strategy}`)
      ctx.connectionId = amazon.id
    },
  ],
  [
    'error handling: an Auth0Error with statusCode, errorCode and message',
    async (ctx) => {
      assert(ctx.managementToken, 'no management token')
      const auth0 = new Auth0(ctx.domain, ctx.managementToken, { protocol: 'http' })
      const err = await rejection(
        auth0.connections.get('con_doesNotExist'),
        'an unknown connection',
      )
      assert(
        err instanceof Auth0Error && isAuth0Error(err),
        `expected Auth0Error, got ${describe(err)}`,
      )
      assert(err.statusCode === 404, `statusCode is ${err.statusCode}`)
      assert(typeof err.errorCode === 'string' && err.errorCode !== '', 'no errorCode')
      assert(
        err.message !== '' && !err.message.includes('[object Object]'),
        `message is ${err.message}`,
      )
    },
  ],
  [
    'error handling: a RateLimitError with resetAt (epoch seconds), limit and remaining',
    async (ctx) => {
      assert(ctx.managementToken && ctx.connectionId, 'no management token or connection')
      const auth0 = new Auth0(ctx.domain, ctx.managementToken, {
        protocol: 'http',
        restOptions: { retries: 0 },
      })
      ctx.tenant.setRateLimit({ burst: 1, perSecond: 0.01 })
      let err: unknown
      try {
        for (let i = 0; i < 3 && err === undefined; i++)
          err = await auth0.connections.get(ctx.connectionId).then(
            () => undefined,
            (e: unknown) => e,
          )
      } finally {
        ctx.tenant.setRateLimit(null)
      }
      assert(err instanceof RateLimitError, `expected RateLimitError, got ${describe(err)}`)
      const now = Date.now() / 1000
      assert(err.statusCode === 429, `statusCode is ${err.statusCode}`)
      assert(
        Number.isInteger(err.resetAt) && err.resetAt > now - 1 && err.resetAt < now + 3600,
        `resetAt ${err.resetAt} is not a near epoch second`,
      )
      assert(err.remaining === 0, `remaining is ${err.remaining}`)
      assert(err.limit === 1, `limit is ${err.limit}`)
    },
  ],
  [
    'error handling: timeouts are in milliseconds (a TimeoutError after 300 ms)',
    async (ctx) => {
      assert(ctx.managementToken, 'no management token')
      // a server that never answers: the request waits until the client aborts it
      const silent: typeof fetch = (_input, init) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))
        })
      const auth0 = new Auth0(ctx.domain, ctx.managementToken, {
        protocol: 'http',
        fetch: silent,
        restOptions: { timeout: 300, retries: 0 },
      })
      const started = Date.now()
      const err = await rejection(auth0.connections.all(), 'a request to a silent server')
      const took = Date.now() - started
      assert(err instanceof TimeoutError, `expected TimeoutError, got ${describe(err)}`)
      assert(took >= 250 && took < 5000, `it took ${took} ms`)
    },
  ],
  [
    'asynchronous: one transport shared by several managers and the Authentication API, calls in parallel',
    async (ctx) => {
      assert(ctx.managementToken && ctx.accessToken && ctx.connectionId, 'an earlier check failed')
      const transport = recordingFetch()
      const options = { protocol: 'http', fetch: transport } as const
      const users = new Users(ctx.domain, ctx.managementToken, options)
      const connections = new Connections(ctx.domain, ctx.managementToken, options)
      const authUsers = new AuthenticationUsers(ctx.domain, options)
      const [page, connection, userinfo] = await Promise.all([
        users.list({ perPage: 5 }),
        connections.get(ctx.connectionId),
        authUsers.userinfo(ctx.accessToken),
      ])
      const paths = transport.sent.map((r) => `${r.method} ${r.url.pathname}`).sort()
      assert(
        paths.join(',') ===
          'GET /api/v2/connections/' + ctx.connectionId + ',GET /api/v2/users,GET /userinfo',
        `the shared fetch sent ${paths.join(', ')}`,
      )
      assert(connection.id === ctx.connectionId, `connections.get() returned ${connection.id}`)
      assert(typeof userinfo.sub === 'string', 'userinfo has no sub')
      assert(page !== undefined, 'users.list() resolved to nothing')

      let walked = 0
      for await (const user of users.list({ perPage: 50 })) if (user.user_id) walked++
      assert(walked === 120, `for await walked ${walked} users, the tenant has 120`)
    },
  ],
  [
    'telemetry: each request names the published package and its version',
    async (ctx) => {
      assert(ctx.managementToken, 'no management token')
      const transport = recordingFetch()
      await new Auth0(ctx.domain, ctx.managementToken, {
        protocol: 'http',
        fetch: transport,
      }).stats.activeUsers()
      await new GetToken(ctx.domain, ctx.tenant.clients.m2m.clientId, {
        clientSecret: ctx.tenant.clients.m2m.clientSecret,
        protocol: 'http',
        fetch: transport,
      }).clientCredentials(ctx.tenant.managementAudience)
      for (const [request, name] of [
        [transport.sent[0], '@auth0-ts/management'],
        [transport.sent[1], '@auth0-ts/authentication'],
      ] as const) {
        const sent = telemetry(request)
        assert(sent.name === name, `Auth0-Client names ${sent.name}, not ${name}`)
        assert(
          sent.version === installedVersion(name),
          `Auth0-Client says ${name}@${sent.version}, the installed one is ${installedVersion(name)}`,
        )
      }
    },
  ],
]

const tenant = await startMockTenant({ port: 0 })
let passed = 0
let failed = 0
try {
  assert(new URL(tenant.url).hostname === '127.0.0.1', `the tenant listens on ${tenant.url}`)
  const ctx: Context = { tenant, domain: tenant.domain }
  for (const [name, run] of checks) {
    try {
      await run(ctx)
      passed++
      console.log(`ok   ${name}`)
    } catch (e) {
      failed++
      console.log(`FAIL ${name}: ${describe(e)}`)
    }
  }
} finally {
  await tenant.close()
}
console.log(JSON.stringify({ passed, failed }))
process.exitCode = failed === 0 ? 0 : 1
