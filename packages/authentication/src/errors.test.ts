import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { BASE, DOMAIN, tokenResponse, useServer } from './test-utils/msw.js'
import {
  Auth0Error,
  Database,
  Delegated,
  Enterprise,
  GetToken,
  isAuth0Error,
  isRateLimitError,
  PushedAuthorizationRequests,
  RateLimitError,
  Social,
  Users,
} from './index.js'

const server = useServer()
const getToken = () => new GetToken(DOMAIN, 'CID', { clientSecret: 'client-secret-value' })

async function failure(promise: Promise<unknown>): Promise<Auth0Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  if (!isAuth0Error(error)) throw new Error(`expected an Auth0Error, got ${String(error)}`)
  return error
}

function answer(response: () => Response) {
  server.use(http.post(`${BASE}/oauth/token`, response))
}

describe('error bodies', () => {
  it.each([
    {
      kind: 'OAuth error',
      response: () =>
        HttpResponse.json(
          { error: 'invalid_grant', error_description: 'Wrong email or password.' },
          { status: 403 },
        ),
      status: 403,
      code: 'invalid_grant',
      message: 'Wrong email or password.',
    },
    {
      kind: 'management-style error',
      response: () =>
        HttpResponse.json(
          {
            statusCode: 400,
            error: 'Bad Request',
            message: 'Payload validation error',
            errorCode: 'invalid_body',
          },
          { status: 400 },
        ),
      status: 400,
      code: 'invalid_body',
      message: 'Payload validation error',
    },
    {
      kind: 'HTML page',
      response: () =>
        new HttpResponse('<html><body><h1>502 Bad Gateway</h1></body></html>', {
          status: 502,
          headers: { 'content-type': 'text/html' },
        }),
      status: 502,
      code: 'a0.sdk.internal.unknown',
      message: '502 Bad Gateway',
    },
    {
      kind: 'plain text',
      response: () => HttpResponse.text('Service Unavailable', { status: 503 }),
      status: 503,
      code: 'a0.sdk.internal.unknown',
      message: 'Service Unavailable',
    },
    {
      kind: 'empty body',
      response: () => new HttpResponse(null, { status: 500 }),
      status: 500,
      code: 'a0.sdk.internal.unknown',
      message: 'Request failed with status 500',
    },
    {
      kind: 'JSON that is not an object',
      response: () => HttpResponse.json(['first problem', 'second problem'], { status: 400 }),
      status: 400,
      code: 'a0.sdk.internal.unknown',
      message: 'first problem; second problem',
    },
  ])('$kind → Auth0Error $code', async ({ response, status, code, message }) => {
    answer(response)
    const error = await failure(getToken().login('ana@example.com', 'pass-word-1', { realm: 'db' }))
    expect(error).toBeInstanceOf(Auth0Error)
    expect(error.statusCode).toBe(status)
    expect(error.errorCode).toBe(code)
    expect(error.message).toContain(message)
    expect(error.method).toBe('POST')
    expect(error.url).toBe(`${BASE}/oauth/token`)
  })

  it('mfa_required exposes mfaToken and keeps the body in content, but never in the message or JSON', async () => {
    const mfaToken = 'Fe26.2**mfa-token-value'
    answer(() =>
      HttpResponse.json(
        {
          error: 'mfa_required',
          error_description: 'Multifactor authentication required',
          mfa_token: mfaToken,
        },
        { status: 403 },
      ),
    )
    const error = await failure(getToken().login('ana@example.com', 'pass-word-1'))
    expect(error.errorCode).toBe('mfa_required')
    expect(error.mfaToken).toBe(mfaToken)
    expect(error.content).toEqual({
      error: 'mfa_required',
      error_description: 'Multifactor authentication required',
      mfa_token: mfaToken,
    })
    expect(String(error)).not.toContain(mfaToken)
    expect(JSON.stringify(error)).not.toContain(mfaToken)
  })

  it('keeps passwords, codes, refresh tokens and the client secret out of errors', async () => {
    server.use(
      http.post(`${BASE}/oauth/token`, async ({ request }) =>
        HttpResponse.json(
          { error: 'invalid_request', error_description: `echo ${await request.text()}` },
          { status: 400 },
        ),
      ),
    )
    const secrets = [
      'pass-word-1',
      'refresh-token-1',
      'auth-code-1',
      'verifier-'.padEnd(43, 'x'),
      'one-time-1',
      'subject-token-1',
      'client-secret-value',
    ]
    const client = getToken()
    const errors = await Promise.all([
      failure(client.login('ana@example.com', 'pass-word-1')),
      failure(client.refreshToken('refresh-token-1')),
      failure(client.authorizationCode('auth-code-1', 'https://app/cb')),
      failure(
        client.authorizationCodePkce('verifier-'.padEnd(43, 'x'), 'auth-code-1', 'https://app/cb'),
      ),
      failure(client.passwordlessLogin('ana@example.com', 'one-time-1', 'email', 'openid', 'api')),
      failure(client.accessTokenForConnection('type', 'subject-token-1', 'requested')),
    ])
    for (const error of errors) {
      expect(error.message).toContain('[REDACTED]')
      for (const text of [String(error), JSON.stringify(error), JSON.stringify(error.content)])
        for (const secret of secrets) expect(text).not.toContain(secret)
    }
  })
})

describe('token responses must be JSON objects', () => {
  it.each([
    {
      kind: 'an HTML page',
      response: () => HttpResponse.html('<html><body>Login</body></html>'),
      content: '<html><body>Login</body></html>',
    },
    {
      kind: 'an empty body',
      response: () => new HttpResponse(null, { status: 200 }),
      content: undefined,
    },
    { kind: 'a text body', response: () => HttpResponse.text('OK'), content: 'OK' },
    {
      kind: 'a JSON array',
      response: () => HttpResponse.json([tokenResponse()]),
      content: [tokenResponse({ access_token: '[REDACTED]' })],
    },
    { kind: 'a JSON null', response: () => HttpResponse.json(null), content: null },
  ])('$kind → Auth0Error invalid_response', async ({ kind, response, content }) => {
    answer(response)
    const error = await failure(getToken().clientCredentials('https://api.example.com/'))
    expect(error.errorCode).toBe('invalid_response')
    expect(error.statusCode).toBe(200)
    // core states the path (a URL's query may hold personal data), and may add a page's title after the kind
    expect(error.message).toMatch(
      new RegExp(
        `^POST (${BASE})?/oauth/token returned 200 with ${kind}( \\(.*\\))? where a JSON object was expected$`,
      ),
    )
    expect(error.content).toEqual(content)
  })

  it('applies to Social and Delegated grants and to PAR, with the real status', async () => {
    server.use(
      http.post(`${BASE}/oauth/access_token`, () => HttpResponse.text('created', { status: 201 })),
      http.post(`${BASE}/delegation`, () => HttpResponse.text('')),
      http.post(`${BASE}/oauth/par`, () => HttpResponse.json('request_uri')),
    )
    const social = await failure(new Social(DOMAIN, 'CID').login('idp-access-token', 'facebook'))
    expect([social.errorCode, social.statusCode]).toEqual(['invalid_response', 201])
    const delegated = await failure(
      new Delegated(DOMAIN, 'CID').getToken('t', 'app', 'g', { idToken: 'id-token-value' }),
    )
    expect(delegated.errorCode).toBe('invalid_response')
    const par = await failure(
      new PushedAuthorizationRequests(DOMAIN, 'CID').pushedAuthorizationRequest(
        'code',
        'https://app/cb',
      ),
    )
    expect(par.errorCode).toBe('invalid_response')
  })

  it('returns a JSON object token response as sent', async () => {
    const sent = tokenResponse({ id_token: 'id.token.value', custom_claim: { a: 1 } })
    answer(() => HttpResponse.json(sent))
    await expect(getToken().clientCredentials('https://api.example.com/')).resolves.toEqual(sent)
  })

  it('returns text and XML bodies as text where the API answers with them', async () => {
    const xml = '<?xml version="1.0"?><EntityDescriptor entityID="urn:tenant"/>'
    server.use(
      http.get(
        `${BASE}/samlp/metadata/CID`,
        () => new HttpResponse(xml, { headers: { 'content-type': 'application/xml' } }),
      ),
      http.get(
        `${BASE}/wsfed/FederationMetadata/2007-06/FederationMetadata.xml`,
        () => new HttpResponse(xml, { headers: { 'content-type': 'text/xml' } }),
      ),
      http.post(`${BASE}/dbconnections/change_password`, () =>
        HttpResponse.text("We've just sent you an email to reset your password."),
      ),
    )
    const enterprise = new Enterprise(DOMAIN, 'CID')
    await expect(enterprise.samlMetadata()).resolves.toBe(xml)
    await expect(enterprise.wsfedMetadata()).resolves.toBe(xml)
    await expect(new Database(DOMAIN, 'CID').changePassword('ana@example.com', 'db')).resolves.toBe(
      "We've just sent you an email to reset your password.",
    )
  })
})

describe('rate limits', () => {
  it('retries a 429 (core default of 3 retries), waiting as told, unlike auth0-python', async () => {
    let calls = 0
    answer(() =>
      ++calls < 3
        ? HttpResponse.json(
            { error: 'too_many_requests' },
            { status: 429, headers: { 'retry-after': '1' } },
          )
        : HttpResponse.json(tokenResponse()),
    )
    const sleep = vi.fn((_ms: number, _signal?: AbortSignal) => Promise.resolve())
    const client = new GetToken(DOMAIN, 'CID', { clientSecret: 'client-secret-value', sleep })
    await expect(client.clientCredentials('https://api.example.com/')).resolves.toEqual(
      tokenResponse(),
    )
    expect(calls).toBe(3)
    expect(sleep.mock.calls.filter(([ms]) => ms === 1000)).toHaveLength(2)
  })

  it('surfaces a RateLimitError with resetAt once retries are used up', async () => {
    const resetAt = 1_800_000_060
    let calls = 0
    answer(() => {
      calls++
      return HttpResponse.json(
        { error: 'too_many_requests', error_description: 'Global limit has been reached' },
        {
          status: 429,
          headers: {
            'x-ratelimit-limit': '10',
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset': String(resetAt),
          },
        },
      )
    })
    const client = new GetToken(DOMAIN, 'CID', {
      clientSecret: 'client-secret-value',
      restOptions: { retries: 0 },
      now: () => 1_800_000_000_000,
    })
    const error = await failure(client.clientCredentials('https://api.example.com/'))
    expect(calls).toBe(1)
    expect(error).toBeInstanceOf(RateLimitError)
    expect(
      isRateLimitError(error) && [error.resetAt, error.limit, error.remaining, error.retryAfter],
    ).toEqual([resetAt, 10, 0, -1])
    expect(error.message).toBe('Global limit has been reached')
  })
})

describe('construction', () => {
  it('lists every bad option by path, at once', () => {
    const bad = {
      timeout: -1,
      protocol: 'ftp',
      restOptions: { retries: 'many' },
      clientSecret: 3,
      colour: 'red',
    } as unknown as ConstructorParameters<typeof GetToken>[2]
    let message = ''
    try {
      new GetToken(DOMAIN, 'CID', bad)
    } catch (e) {
      expect(e).toBeInstanceOf(TypeError)
      message = (e as TypeError).message
    }
    expect(message).toMatch(/^Invalid GetToken options:/)
    for (const path of [
      'timeout',
      'protocol',
      'restOptions.retries',
      'clientSecret',
      'colour: unknown option',
    ])
      expect(message).toContain(path)
  })

  it('rejects a bad domain or client id, and client options on Users', () => {
    expect(() => new GetToken('https://tenant.example.com', 'CID')).toThrow(
      /domain: expected a host name/,
    )
    expect(() => new Database(DOMAIN, '')).toThrow(
      /Invalid Database arguments:\n {2}- clientId: expected a non-empty string/,
    )
    expect(() => new Users(DOMAIN, { clientSecret: 'x' } as never)).toThrow(
      /clientSecret: unknown option/,
    )
  })

  it('lets top-level telemetry override restOptions, and sends Auth0-Client by default', async () => {
    const seen: (string | null)[] = []
    server.use(
      http.get(`${BASE}/userinfo`, ({ request }) => {
        seen.push(request.headers.get('auth0-client'))
        return HttpResponse.json({ sub: 'auth0|1' })
      }),
    )
    await new Users(DOMAIN).userinfo('access-token-1')
    await new Users(DOMAIN, { telemetry: false, restOptions: { telemetry: true } }).userinfo(
      'access-token-1',
    )
    await new Users(DOMAIN, { telemetry: true, restOptions: { telemetry: false } }).userinfo(
      'access-token-1',
    )
    const decoded = JSON.parse(atob(seen[0] ?? '')) as { name: string }
    expect(decoded.name).toBe('@auth0-ts/authentication')
    expect(seen.slice(1).map((v) => v !== null)).toEqual([false, true])
  })

  it('bounds each attempt with the top-level timeout over restOptions.timeout', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      server.use(http.get(`${BASE}/userinfo`, () => new Promise<Response>(() => {})))
      const pending = failure(
        new Users(DOMAIN, { timeout: 50, restOptions: { timeout: 60_000, retries: 0 } }).userinfo(
          'access-token-1',
        ),
      )
      await vi.advanceTimersByTimeAsync(60)
      const error = await pending
      expect([error.name, error.errorCode]).toEqual(['TimeoutError', 'timeout'])
      expect(error.message).toMatch(new RegExp(`^GET (${BASE})?/userinfo timed out after 50 ms$`))
    } finally {
      vi.useRealTimers()
    }
  })
})
