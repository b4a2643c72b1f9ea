// The smoke checks, shared by every runtime. Web APIs only (fetch, URL, atob/btoa, TextEncoder): no `node:` import,
// no Node global, so the same module runs in Node, Bun, Deno, workerd and Chromium. Each check makes real SDK calls
// against the local smoke server (smoke/server.mjs), which fronts the mock tenant.
//
// `sdk` is `{ core, authentication, tokenVerifier, management }`: the packages as the runtime imported them (ESM
// or CJS), so class identity (`instanceof`) is checked as a user would meet it.

const MARKER = () => Math.random().toString(36).slice(2, 10)

class CheckFailed extends Error {}

function assert(condition, message) {
  if (!condition) throw new CheckFailed(message)
}

/** Awaits a promise that must reject with an instance of `type`; returns the error. */
async function rejects(promise, type, what) {
  try {
    await promise
  } catch (e) {
    assert(e instanceof type, `${what}: expected ${type.name}, got ${describe(e)}`)
    return e
  }
  throw new CheckFailed(`${what}: expected ${type.name}, but it resolved`)
}

function describe(e) {
  if (e instanceof CheckFailed) return e.message
  if (e instanceof Error) {
    const status =
      typeof e.statusCode === 'number'
        ? ` (HTTP ${e.statusCode}${e.errorCode ? ` ${e.errorCode}` : ''})`
        : ''
    return `${e.name}${status}: ${e.message.split('\n').slice(0, 3).join(' | ')}`
  }
  return String(e)
}

const b64urlDecode = (s) =>
  atob(
    s
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(s.length / 4) * 4, '='),
  )
const b64urlEncode = (s) => btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')

/** The runtime's name, when the entry gives none. */
export function detectRuntime() {
  const g = globalThis
  if (g.Deno?.version) return `deno-${g.Deno.version.deno}`
  if (g.Bun?.version) return `bun-${g.Bun.version}`
  if (g.navigator?.userAgent === 'Cloudflare-Workers') return 'workerd'
  if (g.process?.versions?.node) return `node-${g.process.versions.node}`
  return g.navigator?.userAgent ?? 'unknown'
}

/** What the checks share: the tenant's description and the clients built from it, once per run. */
async function context(base, sdk, runtime) {
  const admin = async (method, path, body) => {
    const res = await fetch(new URL(path, base), {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    assert(res.ok, `smoke server ${method} ${path}: HTTP ${res.status}`)
    return res.json()
  }
  const config = await admin('GET', '/__smoke/config')
  const domain = new URL(base).host
  const { m2m, web } = config.clients
  const tag = `${runtime.replace(/[^a-zA-Z0-9]+/g, '-')}-${MARKER()}`
  const ctx = {
    sdk,
    base,
    runtime,
    tag,
    admin,
    config,
    domain,
    jwksUrl: new URL('/.well-known/jwks.json', base).href,
    /** How often a raw request line (`METHOD /raw/path`) reached the server. */
    seen: async (line) =>
      (await admin('GET', `/__smoke/seen?path=${encodeURIComponent(line)}`)).count,
    provider: sdk.authentication.createTokenProvider({
      domain,
      clientId: m2m.clientId,
      clientSecret: m2m.clientSecret,
      audience: config.managementAudience,
      protocol: 'http',
    }),
    m2m: new sdk.authentication.GetToken(domain, m2m.clientId, {
      clientSecret: m2m.clientSecret,
      protocol: 'http',
    }),
    web: new sdk.authentication.GetToken(domain, web.clientId, {
      clientSecret: web.clientSecret,
      protocol: 'http',
    }),
  }
  ctx.management = new sdk.management.Auth0(domain, ctx.provider, { protocol: 'http' })
  return ctx
}

async function idToken(ctx) {
  const { user, clients } = ctx.config
  ctx.login ??= ctx.web.login(user.username, user.password, {
    realm: user.connection,
    scope: 'openid profile email',
  })
  const res = await ctx.login
  assert(typeof res.id_token === 'string', 'the password-realm login returned no id_token')
  return { token: res.id_token, audience: clients.web.clientId }
}

async function databaseConnection(ctx) {
  const body = await ctx.management.connections.all()
  const list = Array.isArray(body) ? body : body?.connections
  assert(Array.isArray(list) && list.length > 0, 'connections.all() returned no connections')
  const db = list.find((c) => c.strategy === 'auth0')
  assert(
    db && typeof db.id === 'string',
    'connections.all() has no database (strategy auth0) connection',
  )
  return db
}

/** The checks, in order. Each name is what a failure line reports. */
export const CHECKS = [
  [
    'client credentials through the cached token provider',
    async (ctx) => {
      const [a, b] = await Promise.all([ctx.provider(), ctx.provider()])
      const c = await ctx.provider.getToken()
      assert(
        typeof a === 'string' && a.split('.').length === 3,
        'the provider did not return a JWT access token',
      )
      assert(a === b && b === c, 'the provider returned different tokens for the same audience')
      assert(
        ctx.provider.stats.fetches === 1,
        `expected 1 token request, the provider sent ${ctx.provider.stats.fetches}`,
      )
    },
  ],
  [
    'TokenVerifier accepts an RS256 ID token via the JWKS URL',
    async (ctx) => {
      const { TokenVerifier, AsymmetricSignatureVerifier } = ctx.sdk.tokenVerifier
      const { token, audience } = await idToken(ctx)
      const verifier = new TokenVerifier({
        signatureVerifier: new AsymmetricSignatureVerifier(ctx.jwksUrl),
        issuer: ctx.config.issuer,
        audience,
      })
      const claims = await verifier.verify(token)
      assert(claims.iss === ctx.config.issuer, `iss is ${claims.iss}`)
      assert(
        typeof claims.sub === 'string' && claims.sub.includes('|'),
        `unexpected sub ${claims.sub}`,
      )
      ctx.userId = claims.sub
    },
  ],
  [
    'AccessTokenVerifier checks scopes',
    async (ctx) => {
      const { AccessTokenVerifier, TokenValidationError } = ctx.sdk.tokenVerifier
      const audience = ctx.config.apiAudience
      const { access_token: token } = await ctx.m2m.clientCredentials(audience)
      const verifier = new AccessTokenVerifier({
        issuer: ctx.config.issuer,
        audience,
        jwksUrl: ctx.jwksUrl,
      })
      const claims = await verifier.verify(token, { requiredScopes: 'read:messages' })
      assert(
        String(claims.scope).split(' ').includes('read:messages'),
        `scope claim is ${claims.scope}`,
      )
      await rejects(
        verifier.verify(token, { requiredScopes: ['read:messages', 'smoke:missing'] }),
        TokenValidationError,
        'a missing scope',
      )
    },
  ],
  [
    'a tampered token is rejected with TokenValidationError',
    async (ctx) => {
      const { TokenVerifier, AsymmetricSignatureVerifier, TokenValidationError } =
        ctx.sdk.tokenVerifier
      const { token, audience } = await idToken(ctx)
      const verifier = new TokenVerifier({
        signatureVerifier: new AsymmetricSignatureVerifier(ctx.jwksUrl),
        issuer: ctx.config.issuer,
        audience,
      })
      const [header, payload, signature] = token.split('.')
      const claims = JSON.parse(b64urlDecode(payload))
      const forgedPayload = b64urlEncode(JSON.stringify({ ...claims, sub: 'auth0|someone-else' }))
      await rejects(
        verifier.verify(`${header}.${forgedPayload}.${signature}`),
        TokenValidationError,
        'a changed payload',
      )
      const mid = Math.floor(signature.length / 2)
      const flipped =
        signature.slice(0, mid) + (signature[mid] === 'A' ? 'B' : 'A') + signature.slice(mid + 1)
      await rejects(
        verifier.verify(`${header}.${payload}.${flipped}`),
        TokenValidationError,
        'a changed signature',
      )
    },
  ],
  [
    'DPoP round trip: proof, bound token, bound call verified by verifyRequest (ES256, PS256, EdDSA)',
    async (ctx) => {
      const { GetToken, dpopFetch, dpopThumbprint, generateDPoPKeyPair } = ctx.sdk.authentication
      const { AccessTokenVerifier, TokenValidationError } = ctx.sdk.tokenVerifier
      const { m2m } = ctx.config.clients
      const audience = ctx.config.apiAudience
      const verifier = new AccessTokenVerifier({
        issuer: ctx.config.issuer,
        audience,
        jwksUrl: ctx.jwksUrl,
      })
      // the call to "your own API": the smoke server answers with the headers, method and URL it received
      const echo = new URL('/__smoke/echo?page=2', ctx.base).href
      let bound
      for (const alg of ['ES256', 'PS256', 'EdDSA']) {
        const keyPair = await generateDPoPKeyPair(alg)
        const client = new GetToken(ctx.domain, m2m.clientId, {
          clientSecret: m2m.clientSecret,
          protocol: 'http',
          dpop: keyPair,
        })
        const tokens = await client.clientCredentials(audience)
        assert(tokens.token_type === 'DPoP', `${alg}: token_type is ${tokens.token_type}`)
        const jkt = await dpopThumbprint(keyPair)
        const cnf = JSON.parse(b64urlDecode(tokens.access_token.split('.')[1])).cnf
        assert(cnf?.jkt === jkt, `${alg}: the token's cnf.jkt is not the key's thumbprint`)
        const res = await dpopFetch(keyPair, { token: tokens.access_token })(echo)
        assert(res.ok, `${alg}: the bound call answered HTTP ${res.status}`)
        const seen = await res.json()
        assert(
          seen.authorization === `DPoP ${tokens.access_token}` && typeof seen.dpop === 'string',
          `${alg}: the bound call did not carry DPoP <token> and a proof`,
        )
        const request = {
          authorization: seen.authorization,
          dpop: seen.dpop,
          method: seen.method,
          url: seen.url,
        }
        const claims = await verifier.verifyRequest(request, { requiredScopes: 'read:messages' })
        assert(
          claims.cnf?.jkt === jkt,
          `${alg}: verifyRequest returned cnf ${JSON.stringify(claims.cnf)}`,
        )
        bound ??= { request, token: tokens.access_token }
      }
      // the same proof again is a replay; the bound token as Bearer, or without its proof, is refused
      const refusals = [
        [bound.request, 'dpop_jti_replayed'],
        [
          { ...bound.request, authorization: `Bearer ${bound.token}` },
          'dpop_bound_token_as_bearer',
        ],
        [{ ...bound.request, dpop: undefined }, 'dpop_proof_missing'],
      ]
      for (const [request, code] of refusals) {
        const err = await rejects(verifier.verifyRequest(request), TokenValidationError, code)
        assert(err.code === code, `expected ${code}, got ${err.code}`)
      }
      const { status, headers } = verifier.challenge(
        await verifier.verifyRequest(bound.request).catch((e) => e),
      )
      assert(
        status === 401 &&
          /^DPoP algs="[^"]*ES256[^"]*", error="invalid_dpop_proof"/.test(
            headers['www-authenticate'],
          ),
        `the challenge is ${status} ${headers['www-authenticate']}`,
      )
    },
  ],
  [
    'authorization code + PKCE: authorize URL, code exchange, nonce',
    async (ctx) => {
      const { buildAuthorizeUrl } = ctx.sdk.authentication
      const { TokenVerifier, AsymmetricSignatureVerifier } = ctx.sdk.tokenVerifier
      const { user, clients } = ctx.config
      const redirectUri = new URL('/__smoke/callback', ctx.base).href
      // the emulator logs in without a page when the credentials come with the request
      const params = { username: user.username, password: user.password }
      const authorize = await buildAuthorizeUrl({
        domain: ctx.domain,
        clientId: clients.web.clientId,
        redirectUri,
        connection: user.connection,
        protocol: 'http',
        params,
      })
      const url = new URL(authorize.url)
      assert(url.searchParams.get('code_challenge_method') === 'S256', 'no S256 code challenge')
      const callback = await (await fetch(url)).json()
      assert(
        typeof callback.code === 'string',
        `no code in the callback: ${callback.error_description ?? callback.error}`,
      )
      assert(callback.state === authorize.state, 'the callback state differs')
      const tokens = await ctx.web.authorizationCodePkce(
        authorize.codeVerifier,
        callback.code,
        redirectUri,
      )
      const verifier = new TokenVerifier({
        signatureVerifier: new AsymmetricSignatureVerifier(ctx.jwksUrl),
        issuer: ctx.config.issuer,
        audience: clients.web.clientId,
      })
      const claims = await verifier.verify(tokens.id_token, { nonce: authorize.nonce })
      assert(claims.nonce === authorize.nonce, 'the ID token nonce differs')
    },
  ],
  [
    'management connections.all(), update() and get()',
    async (ctx) => {
      const db = await databaseConnection(ctx)
      const displayName = `smoke ${ctx.tag}`
      const updated = await ctx.management.connections.update(db.id, { display_name: displayName })
      assert(
        updated.id === db.id && updated.display_name === displayName,
        'update() did not return the updated connection',
      )
      const got = await ctx.management.connections.get(db.id)
      assert(got.display_name === displayName, `get() returned display_name ${got.display_name}`)
    },
  ],
  [
    'path ids are percent-encoded (update/get of an id with | / ? # %)',
    async (ctx) => {
      const { isAuth0Error } = ctx.sdk.core
      const odd = `con_smoke|${ctx.tag}/a?b#c%d`
      const path = `/api/v2/connections/${encodeURIComponent(odd)}`
      const calls = [
        ['GET', () => ctx.management.connections.get(odd)],
        ['PATCH', () => ctx.management.connections.update(odd, { display_name: 'never' })],
      ]
      for (const [method, call] of calls) {
        const err = await call().then(
          () => undefined,
          (e) => e,
        )
        assert(
          isAuth0Error(err) && err.statusCode === 404,
          `${method} of an unknown odd id: expected a 404 Auth0Error, got ${err ? describe(err) : 'a result'}`,
        )
        assert(
          (await ctx.seen(`${method} ${path}`)) === 1,
          `the server never saw ${method} ${path}`,
        )
      }
      // and a real round trip through an id with '|': the user the ID token was for
      const userId = ctx.userId ?? `auth0|${'65a0'.padEnd(24, '0')}`
      const user = await ctx.management.users.get(userId)
      assert(user.user_id === userId, `users.get() returned ${user.user_id}`)
      assert(
        (await ctx.seen(`GET /api/v2/users/${encodeURIComponent(userId)}`)) >= 1,
        'users.get() did not encode the |',
      )
    },
  ],
  [
    'a 429 surfaces as RateLimitError with resetAt',
    async (ctx) => {
      const { RateLimitError, Auth0 } = ctx.sdk.management
      const db = await databaseConnection(ctx)
      const noRetry = new Auth0(ctx.domain, await ctx.provider(), {
        protocol: 'http',
        restOptions: { retries: 0 },
      })
      await ctx.admin('PUT', '/__smoke/rate-limit', { burst: 1, perSecond: 0.01 })
      let err
      try {
        for (let i = 0; i < 3 && err === undefined; i++)
          err = await noRetry.connections.get(db.id).then(
            () => undefined,
            (e) => e,
          )
      } finally {
        await ctx.admin('DELETE', '/__smoke/rate-limit')
      }
      assert(
        err instanceof RateLimitError,
        `expected RateLimitError, got ${err ? describe(err) : 'no error in 3 calls'}`,
      )
      const now = Date.now() / 1000
      assert(err.statusCode === 429, `statusCode is ${err.statusCode}`)
      assert(
        Number.isInteger(err.resetAt) && err.resetAt > now && err.resetAt < now + 3600,
        `resetAt ${err.resetAt} is not a near-future epoch second`,
      )
    },
  ],
  [
    'paging through users.list() with for await',
    async (ctx) => {
      const first = await ctx.management.users.list({ perPage: 50 })
      const total = first?.total
      assert(
        typeof total === 'number' && total > 50,
        `the first page reports total ${total}; need more than one page`,
      )
      const ids = new Set()
      for await (const user of ctx.management.users.list({ perPage: 50 })) ids.add(user.user_id)
      assert(
        ids.size === total,
        `for await yielded ${ids.size} distinct users, the tenant has ${total}`,
      )
    },
  ],
]

/**
 * Runs every check against the smoke server at `base`. Never throws: a check that fails becomes a `FAIL` line naming
 * the runtime and the check.
 * @returns `{ passed, failed, lines, results }`
 */
export async function runChecks(base, sdk, log = () => {}, runtime = detectRuntime()) {
  const results = []
  let ctx
  try {
    ctx = await context(base, sdk, runtime)
  } catch (e) {
    ctx = e
  }
  for (const [name, check] of CHECKS) {
    const t0 = Date.now()
    let error
    try {
      if (ctx instanceof Error) throw new CheckFailed(`setup failed: ${describe(ctx)}`)
      await check(ctx)
    } catch (e) {
      error = describe(e)
    }
    results.push({
      name,
      ok: error === undefined,
      ms: Date.now() - t0,
      ...(error === undefined ? {} : { error }),
    })
  }
  return summarize(runtime, results, log)
}

/** Adds a result computed outside {@link runChecks} (the worker's and the page's own guards). */
export function summarize(runtime, results, log = () => {}) {
  const lines = results.map((r) =>
    r.ok ? `ok   ${runtime} > ${r.name} (${r.ms} ms)` : `FAIL ${runtime} > ${r.name}: ${r.error}`,
  )
  for (const line of lines) log(line)
  const passed = results.filter((r) => r.ok).length
  return { passed, failed: results.length - passed, lines, results }
}

/** The check every edge entry adds: no Node global is visible, so the run proves the packages need none. */
export function noNodeGlobals() {
  const present = ['process', 'Buffer', 'global', 'require', 'setImmediate'].filter(
    (name) => typeof globalThis[name] !== 'undefined',
  )
  return {
    name: 'no Node globals are visible here',
    ok: present.length === 0,
    ms: 0,
    ...(present.length === 0 ? {} : { error: `found ${present.join(', ')}` }),
  }
}

/** The closing line of one runtime, which smoke/run-all.sh sums. */
export const summaryLine = (label, { passed, failed }) =>
  `${label}: ${passed} passed, ${failed} failed`
