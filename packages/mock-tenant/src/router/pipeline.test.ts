import { describe, expect, it } from 'vitest'
import { apiError, json } from '../http.js'
import type { VerifyResult } from '../keys.js'
import { TokenBucket } from '../rate-limit.js'
import {
  RouteTable,
  addOperations,
  addRoutes,
  bearer,
  cors,
  pipeline,
  rateLimit,
  routing,
  type ApiAuth,
  type Route,
  type RouteRequest,
} from './index.js'

const TOKENS: Record<string, VerifyResult> = {
  reader: { ok: true, payload: { sub: 'reader@clients', scope: 'read:things' } },
  writer: { ok: true, payload: { sub: 'writer@clients', scope: 'update:things_metadata' } },
  old: { ok: false, reason: 'expired' },
}
const verify = (token: string): Promise<VerifyResult> =>
  Promise.resolve(TOKENS[token] ?? { ok: false, reason: 'invalid' })

function serve(routes: Route[], options: { bucket?: TokenBucket; generated?: boolean } = {}) {
  const bucket = options.bucket ?? new TokenBucket(() => 0)
  const table = new RouteTable<Route>()
  addRoutes(table, routes)
  if (options.generated)
    addOperations(
      table,
      '/api',
      [
        { method: 'GET', path: '/things', scopes: ['read:things'] },
        {
          method: 'PATCH',
          path: '/things/{thing_id}',
          scopes: ['update:things', 'update:things_metadata'],
        },
        { method: 'GET', path: '/things/{thing_id}', scopes: ['read:things'] },
      ],
      (op) => (req) =>
        json({ generated: `${op.method} ${op.path}`, params: req.params, sub: req.auth.sub }),
    )
  return pipeline([cors(bucket), rateLimit(bucket), routing(table), bearer(verify)])
}

const call = (
  handle: (r: Request) => Promise<Response>,
  method: string,
  path: string,
  init: RequestInit & { token?: string } = {},
) => {
  const headers = new Headers(init.headers)
  if (init.token !== undefined) headers.set('authorization', `Bearer ${init.token}`)
  return handle(new Request(`https://t.test${path}`, { ...init, method, headers }))
}

describe('the pipeline', () => {
  it('puts the step headers on every response: success, thrown error, unexpected failure', async () => {
    const handle = serve([
      { method: 'GET', path: '/ok', handle: () => json({ ok: true }) },
      {
        method: 'GET',
        path: '/gone',
        handle: () => {
          throw apiError(410, 'Gone', 'gone')
        },
      },
      {
        method: 'GET',
        path: '/broken',
        handle: () => {
          throw new Error('secret detail at x.ts:1')
        },
      },
    ])
    const ok = await call(handle, 'GET', '/ok')
    const gone = await call(handle, 'GET', '/gone')
    const broken = await call(handle, 'GET', '/broken')
    expect([ok.status, gone.status, broken.status]).toEqual([200, 410, 500])
    for (const r of [ok, gone, broken]) {
      expect(r.headers.get('access-control-allow-origin')).toBe('*')
      expect(r.headers.get('x-ratelimit-limit')).toBe('1000')
      expect(r.headers.get('x-auth0-requestid')).toMatch(/^[0-9a-f-]{36}$/)
    }
    expect(await gone.json()).toMatchObject({ statusCode: 410, errorCode: 'gone' })
    const text = await broken.text()
    expect(JSON.parse(text)).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Internal error',
      errorCode: 'internal_error',
    })
    expect(text).not.toMatch(/secret|x\.ts/)
  })

  it('answers a preflight without spending a token, and a 429 with CORS headers', async () => {
    const clock = { now: 0 }
    const bucket = new TokenBucket(() => clock.now)
    bucket.set({ burst: 1, perSecond: 1 })
    const handle = serve([{ method: 'GET', path: '/ok', handle: () => json({}) }], { bucket })
    const preflight = await call(handle, 'OPTIONS', '/ok')
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('x-ratelimit-remaining')).toBe('1')
    expect((await call(handle, 'GET', '/ok')).status).toBe(200)
    const limited = await call(handle, 'GET', '/ok')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('access-control-expose-headers')).toContain('retry-after')
    expect(limited.headers.get('retry-after')).toBe('1')
  })
})

describe('the bearer step', () => {
  const handle = serve(
    [
      {
        method: 'GET',
        path: '/api/things/{id}/owner',
        bearer: { allOf: ['read:things', 'read:users'] },
        handle: (req: RouteRequest<ApiAuth>) => json({ sub: req.auth.sub }),
      },
      {
        method: 'GET',
        path: '/api/things/{id}',
        bearer: { allOf: ['read:things'] },
        handle: (req: RouteRequest<ApiAuth>) =>
          json({ hand: true, id: req.params['id'], scopes: [...req.auth.scopes] }),
      },
    ],
    { generated: true },
  )

  it('401 without a token, with an invalid one, with an expired one', async () => {
    for (const [token, message] of [
      [undefined, 'Missing authentication'],
      ['forged', 'Invalid token'],
      ['old', 'Expired token received for JSON Web Token validation'],
    ] as const) {
      const r = await call(handle, 'GET', '/api/things', token === undefined ? {} : { token })
      expect(r.status).toBe(401)
      expect(await r.json()).toMatchObject({
        statusCode: 401,
        message,
        attributes: { error: message },
      })
    }
  })

  it('checks the token before reading the body', async () => {
    const body = new ReadableStream({ start: (c) => c.error(new Error('never read')) })
    const r = await call(handle, 'PATCH', '/api/things/1', { body, duplex: 'half' } as RequestInit)
    expect(r.status).toBe(401)
  })

  it('403 naming the scopes: all of them for a hand-written route, any one for a generated one', async () => {
    const all = await call(handle, 'GET', '/api/things/1/owner', { token: 'reader' })
    expect(all.status).toBe(403)
    expect(await all.json()).toMatchObject({
      errorCode: 'insufficient_scope',
      message: 'Insufficient scope, expected all of: read:users',
    })
    const any = await call(handle, 'PATCH', '/api/things/1', { token: 'reader' })
    expect(await any.json()).toMatchObject({
      statusCode: 403,
      message: 'Insufficient scope, expected any of: update:things,update:things_metadata',
    })
    const one = await call(handle, 'PATCH', '/api/things/a%20b', { token: 'writer' })
    expect(one.status).toBe(200)
    expect(await one.json()).toEqual({
      generated: 'PATCH /things/{thing_id}',
      params: { thing_id: 'a b' },
      sub: 'writer@clients',
    })
  })

  it('serves the hand-written route where a generated operation has the same path', async () => {
    const r = await call(handle, 'GET', '/api/things/t1', { token: 'reader' })
    expect(await r.json()).toEqual({ hand: true, id: 't1', scopes: ['read:things'] })
    const list = await call(handle, 'GET', '/api/things', { token: 'reader' })
    expect(await list.json()).toMatchObject({ generated: 'GET /things' })
  })
})
