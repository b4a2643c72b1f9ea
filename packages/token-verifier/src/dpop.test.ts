// DPoP on the resource server (RFC 9449): AccessTokenVerifier.verifyRequest with a bound token and its proof, every
// hostile proof refused with its own code (and nothing cryptographic run on a structurally bad one), replays, server
// nonces and the WWW-Authenticate challenge; all of it on both crypto back-ends. The RFC's own worked examples are in
// dpop-rfc.test.ts.
import { generateKeyPairSync } from 'node:crypto'
import { createMemoryReplayStore } from '@auth0-ts/core'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ASYMMETRIC_ALGORITHMS, type AsymmetricAlgorithm } from './algorithms.js'
import {
  ENTRIES,
  ISSUER,
  JWKS_URL,
  NOW,
  athOf,
  b64url,
  encodeJson,
  makeClock,
  makeKeys,
  publicMembers,
  rejection,
  signProof,
  signToken,
  thrown,
  thumbprintOf,
  useJwksServer,
  type TestKey,
} from './test-utils/index.js'

const API = 'https://api.example.com/'
const URL_ = 'https://api.example.com/orders/42'
const jwks = useJwksServer()
let keys: Record<AsymmetricAlgorithm, TestKey>
let tenant: TestKey
let client: TestKey
let other: TestKey
beforeAll(async () => {
  keys = await makeKeys() // the proof keys, one per algorithm
  const more = await makeKeys()
  tenant = more.RS256 // signs the access tokens; the only key in the JWKS
  other = more.ES256 // a client key the tokens are not bound to
  client = keys.ES256
})
afterEach(() => vi.restoreAllMocks())

/** The claims of an access token bound to `key` (cnf.jkt), at NOW. */
async function boundClaims(key: TestKey | undefined, overrides: Record<string, unknown> = {}) {
  return {
    iss: ISSUER,
    sub: 'auth0|user1',
    aud: API,
    iat: NOW - 10,
    exp: NOW + 3600,
    scope: 'read:orders',
    ...(key && { cnf: { jkt: await thumbprintOf(key) } }),
    ...overrides,
  }
}

let jtiCounter = 0
/** A proof for GET URL_ by `key`, bound to `token` (ath), with any claim or header overridden. */
function proofFor(
  key: TestKey,
  token: string | undefined,
  claims: Record<string, unknown> = {},
  header: Record<string, unknown> = {},
): string {
  return signProof(
    key,
    {
      jti: `jti-${++jtiCounter}-${Math.random().toString(36).slice(2)}`,
      htm: 'GET',
      htu: URL_,
      iat: NOW,
      ...(token !== undefined && { ath: athOf(token) }),
      ...claims,
    },
    header,
  )
}

describe.each(ENTRIES)('AccessTokenVerifier.verifyRequest with DPoP (%s entry)', (_name, entry) => {
  const { AccessTokenVerifier, TokenValidationError, isTokenValidationError, OptionsError } = entry
  type Options = ConstructorParameters<typeof AccessTokenVerifier>[0]
  const clock = makeClock()
  const make = (options: Partial<Options> = {}) => {
    jwks.reset({ keys: [tenant.jwk] })
    clock.ms = NOW * 1000
    return new AccessTokenVerifier({
      issuer: ISSUER,
      audience: API,
      jwksUrl: JWKS_URL,
      now: clock.now,
      ...options,
    })
  }
  const boundToken = async (key: TestKey = client, overrides: Record<string, unknown> = {}) =>
    signToken(tenant, await boundClaims(key, overrides), { typ: 'at+jwt' })
  /** A valid request: a token bound to `key`, and a proof by `key` for GET URL_. */
  const request = async (key: TestKey = client) => {
    const token = await boundToken(key)
    return {
      token,
      request: {
        authorization: `DPoP ${token}`,
        dpop: proofFor(key, token),
        method: 'GET',
        url: URL_,
      },
    }
  }

  it.each(ASYMMETRIC_ALGORITHMS)(
    'verifies a bound token with its %s proof and returns the claims',
    async (alg) => {
      const atv = make()
      const { request: req } = await request(keys[alg])
      await expect(atv.verifyRequest(req, { requiredScopes: 'read:orders' })).resolves.toEqual(
        await boundClaims(keys[alg]),
      )
      expect(jwks.requests).toBe(1)
    },
  )

  it('normalises the request URI: scheme and host case, default port, query and fragment ignored', async () => {
    const atv = make()
    const token = await boundToken()
    const proof = (htu: string) => proofFor(client, token, { htu })
    const cases: [string, string][] = [
      ['https://API.example.com/orders/42', 'HTTPS://api.EXAMPLE.com:443/orders/42?page=2#top'],
      ['https://api.example.com:443/orders/42', URL_],
      ['https://api.example.com/orders/%34%32', URL_], // unreserved escapes decoded
      ['https://api.example.com/orders/./42', URL_],
      ['http://localhost:8080/a%2fb', 'http://LOCALHOST:8080/a%2Fb'],
    ]
    for (const [htu, url] of cases)
      await expect(
        atv.verifyRequest({ authorization: `DPoP ${token}`, dpop: proof(htu), method: 'get', url }),
      ).resolves.toMatchObject({ sub: 'auth0|user1' })
  })

  it('accepts the Bearer scheme for an unbound token, and refuses a bound token presented as Bearer', async () => {
    const atv = make()
    const plain = signToken(tenant, await boundClaims(undefined))
    await expect(
      atv.verifyRequest({ authorization: `Bearer ${plain}`, method: 'GET', url: URL_ }),
    ).resolves.toMatchObject({ sub: 'auth0|user1' })
    const bound = await boundToken()
    for (const attempt of [
      atv.verifyRequest({ authorization: `Bearer ${bound}`, method: 'GET', url: URL_ }),
      // a proof alongside does not make the Bearer scheme acceptable
      atv.verifyRequest({
        authorization: `bearer ${bound}`,
        dpop: proofFor(client, bound),
        method: 'GET',
        url: URL_,
      }),
      atv.verify(bound),
    ]) {
      const error = await rejection(attempt)
      expect(error).toBeInstanceOf(TokenValidationError)
      expect(error).toMatchObject({
        code: 'dpop_bound_token_as_bearer',
        errorCode: 'invalid_token',
      })
    }
    expect(jwks.requests).toBe(1) // refused before any key lookup
  })

  it('with dpop.required, refuses the Bearer scheme', async () => {
    const atv = make({ dpop: { required: true } })
    const plain = signToken(tenant, await boundClaims(undefined))
    const error = await rejection(
      atv.verifyRequest({ authorization: `Bearer ${plain}`, method: 'GET', url: URL_ }),
    )
    expect(error).toMatchObject({ code: 'dpop_required', errorCode: undefined })
    expect(atv.challenge(error as InstanceType<typeof TokenValidationError>)).toEqual({
      status: 401,
      headers: {
        'www-authenticate': `DPoP algs="${ASYMMETRIC_ALGORITHMS.join(' ')}"`,
      },
    })
  })

  type Case = [
    title: string,
    build: (ctx: {
      token: string
      request: Record<string, unknown>
    }) => Promise<Record<string, unknown>> | Record<string, unknown>,
    code: string,
    errorCode: string | undefined,
    structural?: 'structural',
  ]
  // The header is a function: the keys exist only once the tests run.
  const proofWith =
    (claims: Record<string, unknown>, header: () => Record<string, unknown> = () => ({})) =>
    ({ token, request: req }: { token: string; request: Record<string, unknown> }) => ({
      ...req,
      dpop: proofFor(client, token, claims, header()),
    })
  const rawProof =
    (proof: string | string[] | ((token: string) => string)) =>
    ({ token, request: req }: { token: string; request: Record<string, unknown> }) => ({
      ...req,
      dpop: typeof proof === 'function' ? proof(token) : proof,
    })
  const segments = (token: string) => proofFor(client, token).split('.') as [string, string, string]
  const cases: Case[] = [
    [
      'no Authorization header',
      ({ request: r }) => ({ ...r, authorization: undefined }),
      'token_missing',
      undefined,
      'structural',
    ],
    [
      'another scheme',
      ({ token, request: r }) => ({ ...r, authorization: `Basic ${token}` }),
      'authorization_invalid',
      'invalid_request',
      'structural',
    ],
    [
      'two tokens in one Authorization header',
      ({ token, request: r }) => ({ ...r, authorization: `DPoP ${token}, DPoP ${token}` }),
      'authorization_invalid',
      'invalid_request',
      'structural',
    ],
    [
      'an oversize Authorization header',
      ({ request: r }) => ({ ...r, authorization: `DPoP ${'a'.repeat(70_000)}` }),
      'token_too_large',
      'invalid_token',
      'structural',
    ],
    [
      'a malformed access token',
      ({ request: r }) => ({ ...r, authorization: 'DPoP a.b' }),
      'token_malformed',
      'invalid_token',
      'structural',
    ],
    [
      'no DPoP header with the DPoP scheme',
      ({ request: r }) => ({ ...r, dpop: undefined }),
      'dpop_proof_missing',
      'invalid_dpop_proof',
      'structural',
    ],
    [
      'two DPoP headers',
      ({ token, request: r }) => ({ ...r, dpop: [proofFor(client, token), r.dpop] }),
      'dpop_proof_multiple',
      'invalid_dpop_proof',
      'structural',
    ],
    [
      'two DPoP headers joined by fetch or Node',
      ({ token, request: r }) => ({ ...r, dpop: `${String(r.dpop)}, ${proofFor(client, token)}` }),
      'dpop_proof_multiple',
      'invalid_dpop_proof',
      'structural',
    ],
    [
      'an oversize proof',
      proofWith({ pad: 'x'.repeat(9000) }),
      'dpop_proof_too_large',
      'invalid_dpop_proof',
      'structural',
    ],
    [
      'two segments',
      rawProof((t) => segments(t).slice(0, 2).join('.')),
      'dpop_proof_malformed',
      'invalid_dpop_proof',
      'structural',
    ],
    [
      'malformed base64url',
      rawProof((t) => `${segments(t)[0]}!.${segments(t)[1]}.${segments(t)[2]}`),
      'dpop_proof_malformed',
      'invalid_dpop_proof',
      'structural',
    ],
    [
      'padded base64url',
      rawProof((t) => `${segments(t)[0]}=.${segments(t)[1]}.${segments(t)[2]}`),
      'dpop_proof_malformed',
      'invalid_dpop_proof',
      'structural',
    ],
    [
      'malformed JSON',
      rawProof((t) => `${b64url('{"typ":"dpop+jwt",')}.${segments(t)[1]}.${segments(t)[2]}`),
      'dpop_proof_malformed',
      'invalid_dpop_proof',
      'structural',
    ],
    [
      'a JSON array payload',
      rawProof((t) => `${segments(t)[0]}.${encodeJson([1])}.${segments(t)[2]}`),
      'dpop_proof_malformed',
      'invalid_dpop_proof',
      'structural',
    ],
    [
      'the wrong typ',
      proofWith({}, () => ({ typ: 'JWT' })),
      'dpop_typ_invalid',
      'invalid_dpop_proof',
      'structural',
    ],
    [
      'no typ',
      proofWith({}, () => ({ typ: undefined })),
      'dpop_typ_invalid',
      'invalid_dpop_proof',
      'structural',
    ],
    [
      'alg none',
      rawProof(
        (t) =>
          `${encodeJson({ typ: 'dpop+jwt', alg: 'none', jwk: publicMembers(client) })}.${segments(t)[1]}.`,
      ),
      'dpop_alg_invalid',
      'invalid_dpop_proof',
      'structural',
    ],
    [
      'an HMAC proof with a symmetric jwk',
      rawProof((t) =>
        signToken(
          { alg: 'HS256', secret: 'a-shared-secret-a-shared-secret' },
          { jti: 'j', htm: 'GET', htu: URL_, iat: NOW, ath: athOf(t) },
          { typ: 'dpop+jwt', jwk: { kty: 'oct', k: b64url('a-shared-secret-a-shared-secret') } },
        ),
      ),
      'dpop_alg_invalid',
      'invalid_dpop_proof',
      'structural',
    ],
    [
      'a private jwk',
      proofWith({}, () => ({ jwk: { ...publicMembers(client), d: 'c2VjcmV0' } })),
      'dpop_jwk_invalid',
      'invalid_dpop_proof',
      'structural',
    ],
    [
      'no jwk',
      proofWith({}, () => ({ jwk: undefined })),
      'dpop_jwk_invalid',
      'invalid_dpop_proof',
      'structural',
    ],
    [
      'a jwk of another key type than alg',
      proofWith({}, () => ({ alg: 'RS256' })),
      'dpop_jwk_invalid',
      'invalid_dpop_proof',
      'structural',
    ],
    [
      'a 1024-bit RSA jwk',
      proofWith({}, () => ({
        alg: 'RS256',
        jwk: generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({
          format: 'jwk',
        }),
      })),
      'dpop_jwk_invalid',
      'invalid_dpop_proof',
      'structural',
    ],
    [
      'crit',
      proofWith({}, () => ({ crit: ['exp'] })),
      'dpop_proof_malformed',
      'invalid_dpop_proof',
      'structural',
    ],
    [
      'no jti',
      proofWith({ jti: undefined }),
      'dpop_proof_malformed',
      'invalid_dpop_proof',
      'structural',
    ],
    [
      'an iat that is not a number',
      proofWith({ iat: String(NOW) }),
      'dpop_proof_malformed',
      'invalid_dpop_proof',
      'structural',
    ],
    [
      'a truncated signature',
      rawProof((t) => {
        const [head, body, signature] = proofFor(client, t).split('.') as [string, string, string]
        return `${head}.${body}.${b64url(Buffer.from(signature, 'base64url').subarray(0, 48))}`
      }),
      'dpop_signature_invalid',
      'invalid_dpop_proof',
      'structural',
    ],
    [
      'a signature by another key',
      proofWith({}, () => ({ jwk: publicMembers(other) })),
      'dpop_signature_invalid',
      'invalid_dpop_proof',
    ],
    [
      'a tampered payload',
      rawProof(
        (t) =>
          `${segments(t)[0]}.${encodeJson({ jti: 'x', htm: 'GET', htu: URL_, iat: NOW, ath: athOf(t) })}.${segments(t)[2]}`,
      ),
      'dpop_signature_invalid',
      'invalid_dpop_proof',
    ],
    ['another method', proofWith({ htm: 'POST' }), 'dpop_htm_mismatch', 'invalid_dpop_proof'],
    [
      'htu with a query',
      proofWith({ htu: `${URL_}?page=2` }),
      'dpop_htu_mismatch',
      'invalid_dpop_proof',
    ],
    [
      'htu with a fragment',
      proofWith({ htu: `${URL_}#top` }),
      'dpop_htu_mismatch',
      'invalid_dpop_proof',
    ],
    [
      'a different host',
      proofWith({ htu: 'https://evil.example.com/orders/42' }),
      'dpop_htu_mismatch',
      'invalid_dpop_proof',
    ],
    [
      'a different port',
      proofWith({ htu: 'https://api.example.com:8443/orders/42' }),
      'dpop_htu_mismatch',
      'invalid_dpop_proof',
    ],
    [
      'a different path',
      proofWith({ htu: 'https://api.example.com/orders/43' }),
      'dpop_htu_mismatch',
      'invalid_dpop_proof',
    ],
    [
      'plain http for an https request',
      proofWith({ htu: 'http://api.example.com/orders/42' }),
      'dpop_htu_mismatch',
      'invalid_dpop_proof',
    ],
    ['a stale iat', proofWith({ iat: NOW - 300 - 31 }), 'dpop_iat_invalid', 'invalid_dpop_proof'],
    [
      'an iat in the future',
      proofWith({ iat: NOW + 31 }),
      'dpop_iat_invalid',
      'invalid_dpop_proof',
    ],
    ['no ath', proofWith({ ath: undefined }), 'dpop_ath_mismatch', 'invalid_dpop_proof'],
    [
      'a wrong ath',
      proofWith({ ath: athOf('another-token') }),
      'dpop_ath_mismatch',
      'invalid_dpop_proof',
    ],
    [
      'a token bound to another key (wrong jkt)',
      async ({ request: r }) => {
        const token = await boundToken(other)
        return { ...r, authorization: `DPoP ${token}`, dpop: proofFor(client, token) }
      },
      'dpop_jkt_mismatch',
      'invalid_token',
    ],
    [
      'an unbound token with the DPoP scheme',
      async ({ request: r }) => {
        const token = signToken(tenant, await boundClaims(undefined))
        return { ...r, authorization: `DPoP ${token}`, dpop: proofFor(client, token) }
      },
      'dpop_token_not_bound',
      'invalid_token',
    ],
    [
      'an expired token with a good proof',
      async ({ request: r }) => {
        const token = await boundToken(client, { exp: NOW - 61 })
        return { ...r, authorization: `DPoP ${token}`, dpop: proofFor(client, token) }
      },
      'exp_expired',
      'invalid_token',
    ],
  ]

  it.each(cases)('refuses %s with its code', async (_title, build, code, errorCode, structural) => {
    const atv = make()
    const { token, request: req } = await request()
    const hostile = await build({ token, request: req })
    const importKey = vi.spyOn(crypto.subtle, 'importKey')
    const error = await rejection(atv.verifyRequest(hostile as never))
    expect(error).toBeInstanceOf(TokenValidationError)
    expect(error.code).toBe(code)
    expect((error as { errorCode?: string }).errorCode).toBe(errorCode)
    expect(error.message).not.toContain(token)
    if (structural) {
      // no key imported for the proof or the token, no JWKS fetched: junk costs no crypto
      expect(importKey).not.toHaveBeenCalled()
      expect(jwks.requests).toBe(0)
    }
  })

  it('refuses a replayed proof, and records a proof only once every other check has passed', async () => {
    const atv = make()
    const { token, request: req } = await request()
    await expect(atv.verifyRequest(req)).resolves.toBeDefined()
    const replay = await rejection(atv.verifyRequest(req))
    expect(replay).toMatchObject({ code: 'dpop_jti_replayed', errorCode: 'invalid_dpop_proof' })
    // a proof refused for its scopes does not use up its jti
    const fresh = { ...req, dpop: proofFor(client, token, { jti: 'kept-for-later' }) }
    expect(
      await rejection(atv.verifyRequest(fresh, { requiredScopes: 'write:orders' })),
    ).toMatchObject({ code: 'scope_insufficient', errorCode: 'insufficient_scope' })
    await expect(atv.verifyRequest(fresh)).resolves.toBeDefined()
    // the same jti from another key is another proof
    const otherToken = await boundToken(other)
    await expect(
      atv.verifyRequest({
        ...req,
        authorization: `DPoP ${otherToken}`,
        dpop: proofFor(other, otherToken, { jti: 'kept-for-later' }),
      }),
    ).resolves.toBeDefined()
  })

  it('keeps each jti for the proof lifetime, in epoch ms, in the replay store it is given', async () => {
    const seen = vi.fn(async (_key: string, _expiresAt: number) => false)
    const atv = make({ dpop: { replayStore: { seen }, maxAge: 120, leeway: 5 } })
    const token = await boundToken()
    const dpop = proofFor(client, token, { jti: 'abc', iat: NOW - 3 })
    await atv.verifyRequest({ authorization: `DPoP ${token}`, dpop, method: 'GET', url: URL_ })
    expect(seen).toHaveBeenCalledWith(
      `dpop:${await thumbprintOf(client)}:abc`,
      (NOW - 3 + 120 + 2 * 5 + 1) * 1000,
    )
    seen.mockResolvedValueOnce(true)
    expect(
      await rejection(
        atv.verifyRequest({
          authorization: `DPoP ${token}`,
          dpop: proofFor(client, token),
          method: 'GET',
          url: URL_,
        }),
      ),
    ).toMatchObject({ code: 'dpop_jti_replayed' })
  })

  it('accepts a proof for its maxAge plus leeway, and its jti again only once the store forgot it', async () => {
    const replayStore = createMemoryReplayStore({ now: clock.now })
    const atv = make({ dpop: { replayStore, maxAge: 60, leeway: 0 } })
    const { request: req } = await request()
    await expect(atv.verifyRequest(req)).resolves.toBeDefined()
    clock.ms = (NOW + 60) * 1000 // the last moment the proof is acceptable: still remembered
    expect(await rejection(atv.verifyRequest(req))).toMatchObject({ code: 'dpop_jti_replayed' })
    clock.ms = (NOW + 60) * 1000 + 1
    expect(await rejection(atv.verifyRequest(req))).toMatchObject({ code: 'dpop_iat_invalid' })
  })

  it('requires a current server nonce with dpop.nonces, and answers use_dpop_nonce with a fresh one', async () => {
    const nonces = entry.createDPoPNonces({
      secret: 'a-secret-of-16-bytes-or-more',
      now: clock.now,
    })
    const atv = make({ dpop: { nonces } })
    const token = await boundToken()
    const send = (claims: Record<string, unknown>) =>
      atv.verifyRequest({
        authorization: `DPoP ${token}`,
        dpop: proofFor(client, token, claims),
        method: 'GET',
        url: URL_,
      })
    const missing = await rejection(send({}))
    expect(missing).toMatchObject({ code: 'dpop_nonce_required', errorCode: 'use_dpop_nonce' })
    const nonce = (missing as { dpopNonce?: string }).dpopNonce as string
    expect(nonce).toMatch(/^[\x21\x23-\x5b\x5d-\x7e]+$/) // RFC 9449 §8.1 NQCHAR
    const challenge = atv.challenge(missing as InstanceType<typeof TokenValidationError>)
    expect(challenge.status).toBe(401)
    expect(challenge.headers['dpop-nonce']).toBe(nonce)
    expect(challenge.headers['www-authenticate']).toMatch(
      /^DPoP algs="[^"]+", error="use_dpop_nonce", error_description="[^"]+", Bearer$/,
    )
    await expect(send({ nonce })).resolves.toBeDefined()
    // another secret's nonce, a forged one, and an expired one are not current
    const foreign = await entry
      .createDPoPNonces({ secret: 'another-secret-of-16-bytes', now: clock.now })
      .issue()
    for (const bad of [foreign, `${nonce.slice(0, -2)}AA`, 'not-a-nonce', 42]) {
      const error = await rejection(send({ nonce: bad }))
      expect(error).toMatchObject({ code: 'dpop_nonce_required' })
      expect((error as { dpopNonce?: string }).dpopNonce).toMatch(/^\w+\.[\w-]{43}$/)
    }
    clock.ms = (NOW + 301) * 1000
    const late = proofFor(client, token, { nonce, iat: NOW + 301 })
    expect(
      await rejection(
        atv.verifyRequest({ authorization: `DPoP ${token}`, dpop: late, method: 'GET', url: URL_ }),
      ),
    ).toMatchObject({ code: 'dpop_nonce_required' })
  })

  it('builds the WWW-Authenticate challenge on the scheme the request used, with a safe description', async () => {
    const atv = make({ dpop: { algorithms: ['ES256', 'PS256'] } })
    const { token, request: req } = await request()
    const onDpop = await rejection(atv.verifyRequest({ ...req, dpop: undefined }))
    expect(atv.challenge(onDpop as InstanceType<typeof TokenValidationError>)).toEqual({
      status: 401,
      headers: {
        'www-authenticate':
          'DPoP algs="ES256 PS256", error="invalid_dpop_proof", error_description="The request has no DPoP proof (DPoP header).", Bearer',
      },
    })
    const onBearer = await rejection(
      atv.verifyRequest({ authorization: `Bearer ${token}`, method: 'GET', url: URL_ }),
    )
    expect(
      atv.challenge(onBearer as InstanceType<typeof TokenValidationError>).headers[
        'www-authenticate'
      ],
    ).toBe(
      `DPoP algs="ES256 PS256", Bearer error="invalid_token", error_description="The access token is bound to a DPoP key (cnf.jkt): it must be sent with the DPoP scheme and a proof."`,
    )
    expect(atv.challenge()).toEqual({
      status: 401,
      headers: { 'www-authenticate': 'DPoP algs="ES256 PS256", Bearer' },
    })
    const scope = await rejection(atv.verifyRequest(req, { requiredScopes: 'admin' }))
    expect(atv.challenge(scope as InstanceType<typeof TokenValidationError>).status).toBe(403)
    const bad = await rejection(atv.verifyRequest({ ...req, authorization: 'Basic x' }))
    expect(atv.challenge(bad as InstanceType<typeof TokenValidationError>).status).toBe(400)
    // a quoted value a client controls cannot break out of the header (quotes, CR/LF, non-ASCII)
    const evil = await rejection(
      atv.verifyRequest({ ...req, dpop: proofFor(client, token, { htm: 'G"\r\nX-Evil: 1é' }) }),
    )
    const header = atv.challenge(evil as InstanceType<typeof TokenValidationError>).headers[
      'www-authenticate'
    ]
    expect(header).toMatch(/^[\x20-\x7e]+$/)
    expect(header.match(/"/g)).toHaveLength(6)
  })

  it('ends every seeded hostile proof in a TokenValidationError, never a crash', async () => {
    let seed = 7
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      return seed / 0x7fffffff
    }
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
    const odd: unknown[] = [null, true, 0, -1, 1e308, '', 'x', [], {}, ['a'], { kty: 'EC' }, 'none']
    const atv = make()
    const token = await boundToken()
    const inputs: unknown[] = []
    for (let i = 0; i < 300; i++) {
      const claims: Record<string, unknown> = {}
      const header: Record<string, unknown> = {}
      for (const name of ['jti', 'htm', 'htu', 'iat', 'ath', 'nonce'])
        if (random() < 0.15) claims[name] = pick(odd)
      for (const name of ['typ', 'alg', 'jwk', 'crit', 'kid'])
        if (random() < 0.1) header[name] = pick(odd)
      let proof = proofFor(pick(Object.values(keys)), token, claims, header)
      if (random() < 0.3) {
        const at = Math.floor(random() * proof.length)
        proof = proof.slice(0, at) + pick([...'.=-_A!, é']) + proof.slice(at + 1)
      }
      inputs.push(random() < 0.05 ? pick(odd) : proof)
    }
    const outcomes = await Promise.allSettled(
      inputs.map((dpop) =>
        atv.verifyRequest({
          authorization: `DPoP ${token}`,
          dpop: dpop as string,
          method: 'GET',
          url: URL_,
        }),
      ),
    )
    const crashes = outcomes.flatMap((o, i) =>
      o.status === 'rejected' && !isTokenValidationError(o.reason) ? [[inputs[i], o.reason]] : [],
    )
    expect(crashes).toEqual([])
  })

  it('validates its DPoP options and each request, listing every problem', async () => {
    const error = thrown(() =>
      make({
        dpop: {
          algorithms: ['HS256' as never],
          maxAge: 0,
          replayStore: {} as never,
          nonces: { issue: () => 'n' } as never,
          extra: 1,
        } as never,
      }),
    )
    expect(error).toBeInstanceOf(OptionsError)
    expect(error.problems).toEqual([
      'dpop.extra: unknown option',
      'dpop.algorithms: expected a non-empty array of asymmetric algorithms',
      'dpop.maxAge: expected a finite number > 0',
      'dpop.replayStore: expected an object with a function seen',
      'dpop.nonces: expected an object with functions issue, check',
    ])
    const atv = make()
    const bad = await rejection(
      atv.verifyRequest({ authorization: 'DPoP x', method: '', url: '/orders' } as never),
    )
    expect(bad).toBeInstanceOf(OptionsError)
    expect((bad as { problems?: string[] }).problems).toEqual([
      'method: expected an HTTP method',
      'url: expected an absolute http(s) URL',
    ])
  })
})
