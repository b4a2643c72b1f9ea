// The playground's server: the only place that holds credentials. Every route is a fetch handler.
import { randomUUID } from 'node:crypto'
import {
  buildAuthorizeUrl,
  createTokenProvider,
  GetToken,
  type TokenResponse,
} from '@auth0-ts/authentication'
import { Auth0 } from '@auth0-ts/management'
import { createManagementProxy } from '@auth0-ts/react-hooks/server'
import { AsymmetricSignatureVerifier, TokenVerifier } from '@auth0-ts/token-verifier'
import {
  ERROR_KINDS,
  type ErrorKind,
  type M2mResponse,
  type PlaygroundConfig,
  type RateLimitResponse,
  type SessionResponse,
  type SessionTokens,
} from '../shared/api.js'
import { BulkJobs, validateBulk } from './bulk.js'
import { runErrorDemo } from './errors.js'
import { json, readJson, type Handler } from './http.js'
import { errorView, type Secrets } from './secrets.js'
import type { Tenant } from './tenant.js'
import { decodePayload, verifyWithChecks } from './verify.js'

interface Session {
  pending?: { codeVerifier: string; state: string; nonce: string }
  tokens?: SessionTokens
  /** The nonce the ID token must carry (authorization-code flow only). */
  nonce?: string
  error?: SessionResponse['error']
}

const COOKIE = 'playground_sid'
const MAX_SESSIONS = 1000

export interface AppOptions {
  tenant: Tenant
  secrets: Secrets
  /** `http://127.0.0.1:PORT` */
  origin: string
  stubDomain: string
  staticFiles: Handler
}

export function createApp({
  tenant,
  secrets,
  origin,
  stubDomain,
  staticFiles,
}: AppOptions): Handler {
  const callbackUrl = `${origin}/callback`
  const protocol = tenant.protocol

  // M2M: one cached client-credentials token for every management call this server makes.
  const provider = createTokenProvider({
    domain: tenant.domain,
    clientId: tenant.m2m.clientId,
    ...tenant.m2m.auth,
    protocol,
    audience: tenant.managementAudience,
  })
  const token = async () => {
    const t = await provider.getToken()
    secrets.add(t)
    return t
  }
  const management = new Auth0(tenant.domain, token, { protocol })
  const webClient = new GetToken(tenant.domain, tenant.web.clientId, {
    ...tenant.web.auth,
    protocol,
  })
  const signatureVerifier = new AsymmetricSignatureVerifier(`${tenant.issuer}.well-known/jwks.json`)
  const verifier = new TokenVerifier({
    signatureVerifier,
    issuer: tenant.issuer,
    audience: tenant.web.clientId,
  })
  const otherAppVerifier = new TokenVerifier({
    signatureVerifier,
    issuer: tenant.issuer,
    audience: 'another-application',
  })
  const bulk = new BulkJobs({ tenant, management, token, secrets })

  // Only this page may call the server: another site open in the same browser, or a DNS name rebound to
  // 127.0.0.1, must not be able to drive it (it can rename connections and update users).
  const port = new URL(origin).port
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  const isOwnPage = (request: Request) => {
    if (!hosts.has(request.headers.get('host') ?? '')) return false
    const from = request.headers.get('origin')
    return from === null || hosts.has(from.replace(/^http:\/\//, ''))
  }

  // The browser's management calls: only these, through react-hooks' proxy. The token stays here.
  const proxy = createManagementProxy({
    management,
    allow: ['connections.all', 'connections.get', 'connections.update', 'users.list'],
    // A real admin UI checks its own session here; the playground has one local user.
    authorize: (request) => (isOwnPage(request) ? true : 'forbidden'),
    onError: (error) => console.error('management proxy:', secrets.scrub(String(error))),
  })

  const sessions = new Map<string, Session>()
  const sessionOf = (request: Request): { id: string; session: Session; isNew: boolean } => {
    const id = /(?:^|;\s*)playground_sid=([\w-]+)/.exec(request.headers.get('cookie') ?? '')?.[1]
    const existing = id === undefined ? undefined : sessions.get(id)
    if (id !== undefined && existing) return { id, session: existing, isNew: false }
    const fresh = randomUUID()
    sessions.set(fresh, {})
    if (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value as string)
    return { id: fresh, session: sessions.get(fresh) as Session, isNew: true }
  }
  const cookieHeader = (id: string) => ({
    'set-cookie': `${COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax`,
  })

  const toSessionTokens = (flow: SessionTokens['flow'], r: TokenResponse): SessionTokens => ({
    flow,
    idToken: r.id_token ?? '',
    accessToken: r.access_token,
    tokenType: r.token_type,
    expiresIn: r.expires_in,
    ...(r.scope === undefined ? {} : { scope: r.scope }),
    claims: decodePayload(r.id_token ?? ''),
  })

  const config: PlaygroundConfig = {
    mode: tenant.mode,
    domain: tenant.domain,
    issuer: tenant.issuer,
    clientId: tenant.web.clientId,
    realm: tenant.realm,
    ...(tenant.demoUser ? { demoUser: tenant.demoUser } : {}),
    canSetRateLimit: tenant.rateLimit !== undefined,
  }

  type Route = (
    request: Request,
    ctx: { session: Session; params: string[] },
  ) => Promise<Response> | Response
  const routes: [method: string, path: RegExp, route: Route][] = [
    ['GET', /^\/api\/config$/, () => json(config)],
    [
      'GET',
      /^\/api\/session$/,
      (_, { session }) =>
        json({
          tokens: session.tokens ?? null,
          ...(session.error ? { error: session.error } : {}),
        } satisfies SessionResponse),
    ],
    [
      'POST',
      /^\/api\/logout$/,
      (_, { session }) => {
        for (const key of Object.keys(session)) delete session[key as keyof Session]
        return json({ ok: true })
      },
    ],
    [
      'GET',
      /^\/login$/,
      async (_, { session }) => {
        const { url, codeVerifier, state, nonce } = await buildAuthorizeUrl({
          domain: tenant.domain,
          clientId: tenant.web.clientId,
          redirectUri: callbackUrl,
          protocol,
          scope: 'openid profile email',
        })
        session.pending = { codeVerifier, state, nonce }
        return new Response(null, { status: 302, headers: { location: url } })
      },
    ],
    [
      'GET',
      /^\/callback$/,
      async (request, { session }) => {
        const query = new URL(request.url).searchParams
        const pending = session.pending
        delete session.pending
        delete session.error
        const back = new Response(null, { status: 302, headers: { location: '/#/sign-in' } })
        const fail = (message: string, errorCode: string) => {
          session.error = { name: 'Auth0Error', message, errorCode, is: {} }
          return back
        }
        if (query.get('error'))
          return fail(
            query.get('error_description') ?? 'The login failed',
            query.get('error') ?? 'error',
          )
        if (!pending || query.get('state') !== pending.state)
          return fail(
            'The state does not match this session: start the sign-in again',
            'state_mismatch',
          )
        try {
          const response = await webClient.authorizationCodePkce(
            pending.codeVerifier,
            query.get('code') ?? '',
            callbackUrl,
          )
          session.tokens = toSessionTokens('authorization-code-pkce', response)
          session.nonce = pending.nonce
        } catch (error) {
          session.error = errorView(error, secrets)
        }
        return back
      },
    ],
    [
      'POST',
      /^\/api\/login$/,
      async (request, { session }) => {
        const body = (await readJson(request)) as
          { username?: unknown; password?: unknown } | undefined
        if (typeof body?.username !== 'string' || typeof body.password !== 'string')
          return json(
            { error: { name: 'TypeError', message: 'username and password are required', is: {} } },
            400,
          )
        try {
          const response = await webClient.login(body.username, body.password, {
            realm: tenant.realm,
            scope: 'openid profile email',
          })
          session.tokens = toSessionTokens('password-realm', response)
          delete session.nonce
          delete session.error
          return json({ tokens: session.tokens } satisfies SessionResponse)
        } catch (error) {
          return json(
            { tokens: null, error: errorView(error, secrets) } satisfies SessionResponse,
            401,
          )
        }
      },
    ],
    [
      'POST',
      /^\/api\/verify$/,
      async (request, { session }) => {
        const body = (await readJson(request)) as { idToken?: unknown } | undefined
        const idToken = typeof body?.idToken === 'string' ? body.idToken : ''
        const expected = {
          issuer: tenant.issuer,
          audience: tenant.web.clientId,
          nonce: session.nonce,
        }
        return json(await verifyWithChecks(verifier, idToken, expected, secrets))
      },
    ],
    [
      'GET',
      /^\/api\/m2m$/,
      async () => {
        const hitsBefore = provider.stats.hits
        try {
          const cached = await provider.getTokenResponse()
          secrets.add(cached.accessToken)
          const stats = provider.stats
          const claims = decodePayload(cached.accessToken)
          const num = (v: unknown) => (typeof v === 'number' ? v : null)
          const body: M2mResponse = {
            fromCache: stats.hits > hitsBefore,
            stats: { ...stats, expiresAt: stats.expiresAt ?? null },
            token: {
              tokenType: cached.tokenType ?? null,
              expiresAt: cached.expiresAt,
              audience: tenant.managementAudience,
              scopes: (cached.scope ?? (typeof claims['scope'] === 'string' ? claims['scope'] : ''))
                .split(' ')
                .filter(Boolean),
              issuer: typeof claims['iss'] === 'string' ? claims['iss'] : null,
              subject: typeof claims['sub'] === 'string' ? claims['sub'] : null,
              issuedAt: num(claims['iat']),
              length: cached.accessToken.length,
            },
            clientId: tenant.m2m.clientId,
            clientAuthentication:
              'clientSecret' in tenant.m2m.auth ? 'client_secret' : 'private_key_jwt',
            cacheKey: provider.cacheKey,
            now: Date.now(),
          }
          return json(body)
        } catch (error) {
          return json({ error: errorView(error, secrets) }, 502)
        }
      },
    ],
    [
      'POST',
      /^\/api\/rate-limit$/,
      async (request) => {
        if (!tenant.rateLimit)
          return json(
            {
              error: {
                name: 'Error',
                message: 'Only the mock tenant has a settable rate limit',
                is: {},
              },
            },
            409,
          )
        const body = (await readJson(request)) as
          { burst?: unknown; perSecond?: unknown } | null | undefined
        const setting =
          body === null || body === undefined
            ? null
            : { burst: Number(body.burst), perSecond: Number(body.perSecond) }
        try {
          tenant.rateLimit.set(setting)
        } catch (error) {
          return json(
            {
              error: {
                name: 'TypeError',
                message: error instanceof Error ? error.message : 'invalid',
                is: {},
              },
            },
            400,
          )
        }
        return json({ rateLimit: tenant.rateLimit.get() } satisfies RateLimitResponse)
      },
    ],
    [
      'GET',
      /^\/api\/rate-limit$/,
      () => json({ rateLimit: tenant.rateLimit?.get() ?? null } satisfies RateLimitResponse),
    ],
    [
      'POST',
      /^\/api\/reset$/,
      () => {
        if (!tenant.reset)
          return json(
            { error: { name: 'Error', message: 'Only the mock tenant can be reset', is: {} } },
            409,
          )
        tenant.reset()
        return json({ rateLimit: tenant.rateLimit?.get() ?? null } satisfies RateLimitResponse)
      },
    ],
    [
      'POST',
      /^\/api\/bulk$/,
      async (request) => {
        const parsed = validateBulk(await readJson(request))
        if (typeof parsed === 'string')
          return json({ error: { name: 'TypeError', message: parsed, is: {} } }, 400)
        return json(bulk.start(parsed))
      },
    ],
    [
      'GET',
      /^\/api\/bulk\/([\w-]+)$/,
      (_, { params }) => {
        const job = bulk.get(params[0] ?? '')
        return job
          ? json(job)
          : json({ error: { name: 'Error', message: 'No such job', is: {} } }, 404)
      },
    ],
    [
      'POST',
      /^\/api\/errors\/([\w-]+)$/,
      async (_, { session, params }) => {
        const kind = params[0] as ErrorKind
        if (!ERROR_KINDS.includes(kind))
          return json({ error: { name: 'Error', message: 'Unknown error kind', is: {} } }, 404)
        const idToken = async () => {
          if (session.tokens?.idToken) return session.tokens.idToken
          if (!tenant.demoUser) return undefined
          const r = await webClient.login(tenant.demoUser.username, tenant.demoUser.password, {
            realm: tenant.realm,
            scope: 'openid',
          })
          return r.id_token
        }
        return json(
          await runErrorDemo(
            kind,
            { tenant, management, token, otherAppVerifier, secrets, idToken },
            stubDomain,
          ),
        )
      },
    ],
  ]

  return async (request) => {
    const url = new URL(request.url)
    if (!isOwnPage(request))
      return json(
        { error: { name: 'Error', message: 'Open the playground at its own address', is: {} } },
        403,
      )
    // JSON only: a cross-site form cannot send it without a CORS preflight, which this server never grants.
    if (
      request.method === 'POST' &&
      !/^application\/json\b/i.test(request.headers.get('content-type') ?? '')
    )
      return json({ error: { name: 'Error', message: 'Send JSON', is: {} } }, 415)
    if (url.pathname.startsWith('/api/management/')) return proxy(request)
    for (const [method, pattern, route] of routes) {
      const match = pattern.exec(url.pathname)
      if (!match || request.method !== method) continue
      const { id, session, isNew } = sessionOf(request)
      const response = await route(request, { session, params: match.slice(1) })
      if (isNew)
        for (const [k, v] of Object.entries(cookieHeader(id))) response.headers.append(k, v)
      return response
    }
    if (url.pathname.startsWith('/api/'))
      return json({ error: { name: 'Error', message: 'Not found', is: {} } }, 404)
    return staticFiles(request)
  }
}
