// DPoP, client side (RFC 9449): proofs checked with jose, then on the wire through the clients, the token provider
// and dpopFetch.
import {
  calculateJwkThumbprint,
  decodeProtectedHeader,
  EmbeddedJWK,
  jwtVerify,
  type JWK,
} from 'jose'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { BASE, DOMAIN, tokenResponse, useServer } from './test-utils/msw.js'
import {
  createDPoPProof,
  createMemoryTokenCache,
  createTokenProvider,
  dpopFetch,
  dpopThumbprint,
  generateDPoPKeyPair,
  GetToken,
  isAuth0Error,
  isOptionsError,
  Mfa,
  Users,
  type CachedToken,
  type DPoPAlgorithm,
  type TokenCache,
} from './index.js'

const server = useServer()
const NOW = 1_800_000_000_000
const now = () => NOW
const API = 'https://api.example.com'

const keys = {
  ES256: await generateDPoPKeyPair('ES256'),
  RS256: await generateDPoPKeyPair('RS256'),
  PS256: await generateDPoPKeyPair('PS256'),
  EdDSA: await generateDPoPKeyPair('EdDSA'),
}

interface Verified {
  header: Record<string, unknown>
  payload: Record<string, unknown>
}

/** Verifies a proof as a server would (signature by its own `jwk`, `typ`, algorithm) and returns its parts. */
async function verifyProof(proof: string | null, alg: DPoPAlgorithm = 'ES256'): Promise<Verified> {
  expect(proof).toBeTypeOf('string')
  const { payload, protectedHeader } = await jwtVerify(proof!, EmbeddedJWK, {
    typ: 'dpop+jwt',
    algorithms: [alg],
    currentDate: new Date(NOW),
  })
  return {
    header: protectedHeader as Record<string, unknown>,
    payload: payload as Record<string, unknown>,
  }
}

const sha256 = async (text: string) =>
  Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))).toString(
    'base64url',
  )

describe('createDPoPProof', () => {
  it.each(['ES256', 'RS256', 'PS256', 'EdDSA'] as const)(
    '%s: the RFC 9449 §4.2 structure, signed by the public jwk it carries',
    async (alg) => {
      const proof = await createDPoPProof(keys[alg], {
        method: 'post',
        url: 'https://server.example.com/token?code=abc#frag',
        now,
      })
      const { header, payload } = await verifyProof(proof, alg)
      expect(Object.keys(header).sort()).toEqual(['alg', 'jwk', 'typ'])
      expect(header).toMatchObject({ typ: 'dpop+jwt', alg })
      const jwk = header['jwk'] as JWK
      expect(jwk).not.toHaveProperty('d')
      expect(Object.keys(jwk).sort()).toEqual(
        {
          ES256: ['crv', 'kty', 'x', 'y'],
          RS256: ['e', 'kty', 'n'],
          PS256: ['e', 'kty', 'n'],
          EdDSA: ['crv', 'kty', 'x'],
        }[alg],
      )
      expect(payload).toEqual({
        jti: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
        htm: 'POST',
        htu: 'https://server.example.com/token',
        iat: NOW / 1000,
      })
      expect(await dpopThumbprint(keys[alg])).toBe(await calculateJwkThumbprint(jwk, 'sha256'))
    },
  )

  it('adds ath (base64url SHA-256 of the access token) and nonce; the RFC 9449 §7.1 example gives its ath', async () => {
    const token = 'Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU'
    const proof = await createDPoPProof(keys.ES256, {
      method: 'GET',
      url: 'https://resource.example.org/protectedresource',
      accessToken: token,
      nonce: 'eyJ7S_zG.eyJH0-Z.HX4w-7v',
      now,
    })
    const { payload } = await verifyProof(proof)
    expect(payload).toMatchObject({
      htm: 'GET',
      htu: 'https://resource.example.org/protectedresource',
      ath: 'fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo',
      nonce: 'eyJ7S_zG.eyJH0-Z.HX4w-7v',
    })
  })

  it('uses a fresh random jti for every proof', async () => {
    const options = { method: 'GET', url: `${API}/a`, now }
    const jtis = new Set<unknown>()
    for (let i = 0; i < 20; i++)
      jtis.add((await verifyProof(await createDPoPProof(keys.ES256, options))).payload['jti'])
    expect(jtis.size).toBe(20)
  })

  it("dpopThumbprint gives RFC 9449's jkt for the RFC's example key", async () => {
    const publicKey = await crypto.subtle.importKey(
      'jwk',
      {
        kty: 'EC',
        crv: 'P-256',
        x: 'l8tFrhx-34tV3hRICRDY9zCkDlpBhF42UQUfWVAWBFs',
        y: '9VE4jf_Ok_o64zbTTlcuNJajHmt6v9TDVrU0CdvGRDA',
      },
      { name: 'ECDSA', namedCurve: 'P-256' },
      true,
      ['verify'],
    )
    const pair = { privateKey: keys.ES256.privateKey, publicKey }
    expect(await dpopThumbprint(pair)).toBe('0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I')
  })

  it('generates key pairs whose private key cannot be exported', async () => {
    const pair = await generateDPoPKeyPair()
    expect(pair.privateKey.extractable).toBe(false)
    await expect(crypto.subtle.exportKey('jwk', pair.privateKey)).rejects.toThrow()
  })

  it('refuses keys DPoP does not accept here, without describing the key', async () => {
    const p384 = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-384' }, false, [
      'sign',
      'verify',
    ])) as CryptoKeyPair
    const hmac = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
    const bad = [
      p384,
      { privateKey: hmac, publicKey: hmac },
      { privateKey: keys.ES256.privateKey },
      'key',
    ]
    for (const keyPair of bad) {
      const error = await createDPoPProof(keyPair as CryptoKeyPair, {
        method: 'GET',
        url: API,
      }).catch((e: unknown) => e)
      expect(isOptionsError(error) && error.problems[0]).toMatch(
        /^keyPair: expected a CryptoKeyPair of ES256, RS256, PS256, EdDSA/,
      )
    }
    const url = await createDPoPProof(keys.ES256, { method: 'GET', url: '/relative' }).catch(
      (e: unknown) => e,
    )
    expect(isOptionsError(url) && url.problems).toEqual(['url: expected an absolute URL'])
    const alg = await generateDPoPKeyPair('HS256' as DPoPAlgorithm).catch((e: unknown) => e)
    expect(isOptionsError(alg) && alg.problems).toEqual([
      'alg: expected one of ES256, RS256, PS256, EdDSA',
    ])
    expect(() => new GetToken(DOMAIN, 'CID', { dpop: p384 })).toThrow(
      /dpop: expected a CryptoKeyPair/,
    )
  })
})

interface TokenCall {
  proof: string | null
  authorization: string | null
  body: string
}

/** A token endpoint that answers each call with the next of `answers`, recording each call. */
function tokenEndpoint(answers: (() => Response)[] = []): TokenCall[] {
  const calls: TokenCall[] = []
  server.use(
    http.post(`${BASE}/oauth/token`, async ({ request }) => {
      calls.push({
        proof: request.headers.get('dpop'),
        authorization: request.headers.get('authorization'),
        body: await request.text(),
      })
      const answer = answers[calls.length - 1]
      return answer ? answer() : HttpResponse.json(tokenResponse({ token_type: 'DPoP' }))
    }),
  )
  return calls
}

const nonceError = (nonce: string) =>
  HttpResponse.json(
    {
      error: 'use_dpop_nonce',
      error_description: 'Authorization server requires nonce in DPoP proof',
    },
    { status: 400, headers: { 'dpop-nonce': nonce } },
  )

describe('token requests with the dpop option', () => {
  const client = (options: Record<string, unknown> = {}) =>
    new GetToken(DOMAIN, 'CID', {
      clientSecret: 'client-secret-value',
      dpop: keys.ES256,
      now,
      ...options,
    })

  it('send a fresh proof for the token endpoint, and return the bound token', async () => {
    const calls = tokenEndpoint()
    const getToken = client()
    const tokens = await getToken.clientCredentials('https://api.example.com/')
    await getToken.clientCredentials('https://api.example.com/')
    expect(tokens.token_type).toBe('DPoP')
    const [first, second] = await Promise.all(calls.map((c) => verifyProof(c.proof)))
    expect(first?.payload).toEqual({
      jti: expect.any(String),
      htm: 'POST',
      htu: `${BASE}/oauth/token`,
      iat: NOW / 1000,
    })
    expect(first?.payload['jti']).not.toBe(second?.payload['jti'])
    expect(calls[0]?.authorization).toBeNull()
    expect(JSON.parse(calls[0]!.body)).toMatchObject({
      audience: 'https://api.example.com/',
      client_secret: 'client-secret-value',
    })
  })

  it('answer use_dpop_nonce once with the nonce, and remember it for the origin', async () => {
    const calls = tokenEndpoint([() => nonceError('nonce-1')])
    const getToken = client()
    await expect(getToken.refreshToken('refresh-1')).resolves.toMatchObject({ token_type: 'DPoP' })
    await getToken.refreshToken('refresh-1')
    const proofs = await Promise.all(calls.map((c) => verifyProof(c.proof)))
    expect(proofs.map((p) => p.payload['nonce'])).toEqual([undefined, 'nonce-1', 'nonce-1'])
    // the body is sent again whole
    expect(calls.map((c) => JSON.parse(c.body)['refresh_token'])).toEqual([
      'refresh-1',
      'refresh-1',
      'refresh-1',
    ])
    expect(new Set(proofs.map((p) => p.payload['jti'])).size).toBe(3)
  })

  it('retries only once: a second challenge is the error', async () => {
    const calls = tokenEndpoint([() => nonceError('nonce-1'), () => nonceError('nonce-2')])
    const error = await client()
      .clientCredentials('https://api.example.com/')
      .catch((e: unknown) => e)
    expect(isAuth0Error(error) && [error.statusCode, error.errorCode]).toEqual([
      400,
      'use_dpop_nonce',
    ])
    expect(calls).toHaveLength(2)
  })

  it('does not retry a challenge whose nonce it already sent, nor a 400 of another kind', async () => {
    const calls = tokenEndpoint([
      () => nonceError('nonce-1'),
      () => HttpResponse.json(tokenResponse({ token_type: 'DPoP' })),
      () => nonceError('nonce-1'),
      () =>
        HttpResponse.json(
          { error: 'invalid_grant' },
          { status: 400, headers: { 'dpop-nonce': 'nonce-3' } },
        ),
    ])
    const getToken = client()
    await getToken.clientCredentials('a')
    expect(
      await getToken.clientCredentials('a').catch((e: unknown) => isAuth0Error(e) && e.errorCode),
    ).toBe('use_dpop_nonce')
    expect(
      await getToken.clientCredentials('a').catch((e: unknown) => isAuth0Error(e) && e.errorCode),
    ).toBe('invalid_grant')
    expect(calls).toHaveLength(4)
  })

  it('make a fresh proof for each retry of a 429', async () => {
    const calls = tokenEndpoint([
      () =>
        HttpResponse.json(
          { error: 'too_many_requests' },
          { status: 429, headers: { 'retry-after': '1' } },
        ),
    ])
    await client({ sleep: () => Promise.resolve() }).clientCredentials('a')
    const proofs = await Promise.all(calls.map((c) => verifyProof(c.proof)))
    expect(proofs).toHaveLength(2)
    expect(proofs[0]?.payload['jti']).not.toBe(proofs[1]?.payload['jti'])
  })

  it('send no proof with a bearer token (an MFA token is not bound)', async () => {
    let proof: string | null = 'unset'
    server.use(
      http.get(`${BASE}/mfa/authenticators`, ({ request }) => {
        proof = request.headers.get('dpop')
        return HttpResponse.json([])
      }),
    )
    await new Mfa(DOMAIN, 'CID', { dpop: keys.ES256 }).listAuthenticators('mfa-token')
    expect(proof).toBeNull()
  })

  it('send userinfo a bound token as DPoP, with ath', async () => {
    const seen: { authorization: string | null; proof: string | null }[] = []
    server.use(
      http.get(`${BASE}/userinfo`, ({ request }) => {
        seen.push({
          authorization: request.headers.get('authorization'),
          proof: request.headers.get('dpop'),
        })
        return HttpResponse.json({ sub: 'auth0|1', email: 'ana@example.com', email_verified: true })
      }),
    )
    const profile = await new Users(DOMAIN, { dpop: keys.ES256, now }).userinfo('bound-token-1')
    expect(seen[0]?.authorization).toBe('DPoP bound-token-1')
    const { payload } = await verifyProof(seen[0]!.proof)
    expect(payload).toMatchObject({
      htm: 'GET',
      htu: `${BASE}/userinfo`,
      ath: await sha256('bound-token-1'),
    })
    expect(profile.email_verified).toBe(true)
  })
})

describe('dpopFetch', () => {
  interface ApiCall {
    url: string
    method: string
    authorization: string | null
    proof: string | null
    body: string
  }
  function api(answers: (() => Response)[] = []): ApiCall[] {
    const calls: ApiCall[] = []
    server.use(
      http.all(`${API}/*`, async ({ request }) => {
        calls.push({
          url: request.url,
          method: request.method,
          authorization: request.headers.get('authorization'),
          proof: request.headers.get('dpop'),
          body: await request.text(),
        })
        const answer = answers[calls.length - 1]
        return answer ? answer() : HttpResponse.json({ ok: true })
      }),
    )
    return calls
  }
  const challenge = (nonce: string) =>
    new HttpResponse(null, {
      status: 401,
      headers: {
        'www-authenticate':
          'DPoP error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof"',
        'dpop-nonce': nonce,
      },
    })

  it('sends the token as DPoP with a proof carrying htm, htu without query, and ath', async () => {
    const calls = api()
    const call = dpopFetch(keys.ES256, { token: 'bound-token-1', now })
    const response = await call(`${API}/orders?page=2#top`, { method: 'POST', body: '{"n":1}' })
    expect(await response.json()).toEqual({ ok: true })
    expect(calls[0]).toMatchObject({
      method: 'POST',
      authorization: 'DPoP bound-token-1',
      body: '{"n":1}',
    })
    const { payload } = await verifyProof(calls[0]!.proof)
    expect(payload).toMatchObject({
      htm: 'POST',
      htu: `${API}/orders`,
      ath: await sha256('bound-token-1'),
    })
  })

  it('answers a use_dpop_nonce 401 once, with the body sent again, and keeps the nonce for that origin only', async () => {
    const calls = api([() => challenge('rs-nonce-1')])
    const other: (string | null)[] = []
    server.use(
      http.get('https://other.example.com/x', ({ request }) => {
        other.push(request.headers.get('dpop'))
        return HttpResponse.json({})
      }),
    )
    const call = dpopFetch(keys.ES256, { token: 'bound-token-1', now })
    const response = await call(`${API}/orders`, { method: 'PUT', body: 'payload-1' })
    expect(response.status).toBe(200)
    await call(`${API}/orders`)
    await call('https://other.example.com/x')
    const proofs = await Promise.all(calls.map((c) => verifyProof(c.proof)))
    expect(proofs.map((p) => p.payload['nonce'])).toEqual([undefined, 'rs-nonce-1', 'rs-nonce-1'])
    expect(calls.map((c) => c.body)).toEqual(['payload-1', 'payload-1', ''])
    expect((await verifyProof(other[0] ?? null)).payload['nonce']).toBeUndefined()
  })

  it('returns the second challenge as it is', async () => {
    const calls = api([() => challenge('n1'), () => challenge('n2')])
    const response = await dpopFetch(keys.ES256, { token: 't' })(`${API}/x`)
    expect(response.status).toBe(401)
    expect(calls).toHaveLength(2)
  })

  it('asks a token function (a provider) with the request signal, and checks its options', async () => {
    const calls = api()
    const signals: (AbortSignal | undefined)[] = []
    const token = (context?: { signal?: AbortSignal }) => {
      signals.push(context?.signal)
      return Promise.resolve('from-provider')
    }
    await dpopFetch(keys.ES256, { token })(`${API}/x`)
    expect(calls[0]?.authorization).toBe('DPoP from-provider')
    expect(signals[0]).toBeInstanceOf(AbortSignal)
    expect(() => dpopFetch({} as CryptoKeyPair, { token: '', fetch: 1 } as never)).toThrow(
      /Invalid dpopFetch options:\n {2}- keyPair: expected a CryptoKeyPair[\s\S]*- token: expected[\s\S]*- fetch: expected a function/,
    )
  })
})

describe('the token provider with DPoP', () => {
  it('hands out bound tokens that dpopFetch sends to the API', async () => {
    const calls = tokenEndpoint()
    const seen: (string | null)[] = []
    server.use(
      http.get(`${API}/orders`, ({ request }) => {
        seen.push(request.headers.get('authorization'))
        return HttpResponse.json([])
      }),
    )
    const token = createTokenProvider({
      domain: DOMAIN,
      clientId: 'CID',
      clientSecret: 'client-secret-value',
      dpop: keys.ES256,
      audience: `${API}/`,
      now,
    })
    const call = dpopFetch(keys.ES256, { token })
    await call(`${API}/orders`)
    await call(`${API}/orders`)
    expect(calls).toHaveLength(1)
    expect((await verifyProof(calls[0]!.proof)).payload['htu']).toBe(`${BASE}/oauth/token`)
    expect(seen).toEqual(['DPoP access-token-value', 'DPoP access-token-value'])
    await expect(token.getTokenResponse()).resolves.toMatchObject({ tokenType: 'DPoP' })
  })

  it("keeps a shared cache's tokens under the key's thumbprint", async () => {
    tokenEndpoint()
    const inner = createMemoryTokenCache()
    const keysSet: string[] = []
    const cache: TokenCache = {
      get: (k) => inner.get(k),
      set: (k, t: CachedToken) => {
        keysSet.push(k)
        return inner.set(k, t)
      },
    }
    const getToken = new GetToken(DOMAIN, 'CID', { clientSecret: 's', dpop: keys.ES256 })
    const token = createTokenProvider({ getToken, audience: `${API}/`, cache, now })
    await token()
    expect(keysSet).toEqual([`${token.cacheKey}:dpop:${await dpopThumbprint(keys.ES256)}`])
  })
})

describe('runtimes', () => {
  it('a proof made here has the header of a proof, decoded without the key', async () => {
    const proof = await createDPoPProof(keys.EdDSA, { method: 'GET', url: API })
    expect(decodeProtectedHeader(proof)).toMatchObject({
      typ: 'dpop+jwt',
      alg: 'EdDSA',
      jwk: { kty: 'OKP', crv: 'Ed25519' },
    })
  })
})
