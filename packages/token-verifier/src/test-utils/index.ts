// Test fixtures: keys generated per run, a signer independent of the code under test (node:crypto), a frozen
// clock, and an msw JWKS endpoint that counts its requests.
import { constants, KeyObject, sign, createHash, createHmac } from 'node:crypto'
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { ASYMMETRIC_ALGORITHMS, type Algorithm, type AsymmetricAlgorithm } from '../algorithms.js'
import * as nodeEntry from '../index.js'

// The one index, loaded a second time bound to the Web Crypto back-end (see vitest.config.ts). A variable
// specifier, because the query is a test-only module id that the compiler cannot resolve.
const WEB_ENTRY: string = '../index.js?backend=web'
const webEntry = (await import(WEB_ENTRY)) as typeof nodeEntry

/** The index on both back-ends: every behavioural suite runs against each, so both are held to the same checks. */
export const ENTRIES = [
  ['web', webEntry],
  ['node', nodeEntry],
] as const

const NOW_MS = 1_700_000_000_000
export const NOW = NOW_MS / 1000
export const ISSUER = 'https://tenant.example.com/'
export const CLIENT_ID = 'CID'
export const JWKS_URL = 'https://tenant.example.com/.well-known/jwks.json'
export const SECRET = 'CSECRET-0123456789-0123456789-0123456789'

/** A mutable clock in epoch ms, frozen unless a test moves it. */
export function makeClock(ms = NOW_MS): { ms: number; now: () => number } {
  const clock = { ms, now: () => clock.ms }
  return clock
}

export interface TestKey {
  alg: AsymmetricAlgorithm
  kid: string
  privateKey: KeyObject
  jwk: JWK
}

let kidCounter = 0
export async function makeKey(
  alg: AsymmetricAlgorithm,
  kid = `kid-${alg}-${++kidCounter}`,
): Promise<TestKey> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true })
  return {
    alg,
    kid,
    privateKey: KeyObject.from(privateKey),
    jwk: { ...(await exportJWK(publicKey)), kid, use: 'sig' },
  }
}

/** One key per asymmetric algorithm, generated once per test file. */
export async function makeKeys(): Promise<Record<AsymmetricAlgorithm, TestKey>> {
  const entries = await Promise.all(
    ASYMMETRIC_ALGORITHMS.map(async (alg) => [alg, await makeKey(alg)] as const),
  )
  return Object.fromEntries(entries) as Record<AsymmetricAlgorithm, TestKey>
}

export const b64url = (value: string | Uint8Array): string =>
  Buffer.from(value).toString('base64url')
export const encodeJson = (value: unknown): string => b64url(JSON.stringify(value))

const HASH: Record<string, string> = { '256': 'sha256', '384': 'sha384', '512': 'sha512' }

/** Signs `data` for `alg` with node:crypto, independently of the backends under test. */
function signBytes(alg: Algorithm, key: KeyObject | string, data: string): Buffer {
  const hash = HASH[alg.slice(2)] ?? 'sha512'
  if (alg.startsWith('HS'))
    return createHmac(hash, key as string)
      .update(data)
      .digest()
  const privateKey = key as KeyObject
  if (alg === 'EdDSA') return sign(null, Buffer.from(data), privateKey)
  if (alg.startsWith('PS')) {
    return sign(hash, Buffer.from(data), {
      key: privateKey,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: Number(alg.slice(2)) / 8,
    })
  }
  if (alg.startsWith('ES'))
    return sign(hash, Buffer.from(data), { key: privateKey, dsaEncoding: 'ieee-p1363' })
  return sign(hash, Buffer.from(data), privateKey)
}

/** The claims of a valid ID token at {@link NOW}. */
export function idClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    iss: ISSUER,
    sub: 'auth0|user1',
    aud: CLIENT_ID,
    iat: NOW - 10,
    exp: NOW + 3600,
    ...overrides,
  }
}

/** A compact JWS with any header and payload; `undefined` values are dropped. */
export function signToken(
  key: TestKey | { alg: Algorithm; secret: string },
  payload: Record<string, unknown> = idClaims(),
  header: Record<string, unknown> = {},
): string {
  const fullHeader = JSON.parse(
    JSON.stringify({
      alg: key.alg,
      typ: 'JWT',
      ...('kid' in key ? { kid: key.kid } : {}),
      ...header,
    }),
  ) as Record<string, unknown>
  const input = `${encodeJson(fullHeader)}.${encodeJson(JSON.parse(JSON.stringify(payload)))}`
  const signature = signBytes(key.alg, 'secret' in key ? key.secret : key.privateKey, input)
  return `${input}.${b64url(signature)}`
}

/** The public members of a test key's JWK: what a DPoP proof's `jwk` header carries. */
export function publicMembers(key: TestKey): JWK {
  const { kty, crv, n, e, x, y } = key.jwk
  return JSON.parse(JSON.stringify({ kty, crv, n, e, x, y })) as JWK
}

/** The RFC 7638 thumbprint of a test key, by jose (independent of the code under test). */
export const thumbprintOf = (key: TestKey): Promise<string> =>
  calculateJwkThumbprint(publicMembers(key), 'sha256')

/** The base64url SHA-256 of an access token: a proof's `ath`, by node:crypto. */
export const athOf = (token: string): string =>
  createHash('sha256').update(token).digest('base64url')

/**
 * A DPoP proof signed with node:crypto: header `typ` `dpop+jwt`, `alg` and the key's public `jwk` (overridable; an
 * `undefined` value drops a member), and the given claims.
 */
export function signProof(
  key: TestKey,
  claims: Record<string, unknown>,
  header: Record<string, unknown> = {},
): string {
  const fullHeader = JSON.parse(
    JSON.stringify({ typ: 'dpop+jwt', alg: key.alg, jwk: publicMembers(key), ...header }),
  ) as Record<string, unknown>
  const input = `${encodeJson(fullHeader)}.${encodeJson(JSON.parse(JSON.stringify(claims)))}`
  return `${input}.${b64url(signBytes(key.alg, key.privateKey, input))}`
}

/**
 * A compact JWS whose payload is the given JSON text, verbatim: for values `JSON.stringify` cannot write, such as
 * `1e400` (which parses to `Infinity`).
 */
export function signRawToken(key: TestKey, payloadJson: string): string {
  const input = `${encodeJson({ alg: key.alg, typ: 'JWT', kid: key.kid })}.${b64url(payloadJson)}`
  return `${input}.${b64url(signBytes(key.alg, key.privateKey, input))}`
}

/** An msw server for {@link JWKS_URL}; `jwks.body` is what it serves and `jwks.requests` counts its hits. */
export function useJwksServer(): {
  body: unknown
  status: number
  requests: number
  reset(body: unknown): void
} {
  const jwks = {
    body: { keys: [] } as unknown,
    status: 200,
    requests: 0,
    reset(body: unknown) {
      jwks.body = body
      jwks.status = 200
      jwks.requests = 0
    },
  }
  const server = setupServer(
    http.get(JWKS_URL, ({ request }) => {
      jwks.requests++
      if (request.headers.get('accept') !== 'application/json')
        return new HttpResponse('bad accept', { status: 406 })
      return typeof jwks.body === 'string'
        ? new HttpResponse(jwks.body, { status: jwks.status })
        : HttpResponse.json(jwks.body as Record<string, unknown>, { status: jwks.status })
    }),
  )
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
  return jwks
}

/** The rejection of `promise`, which must reject. */
export async function rejection(
  promise: Promise<unknown>,
): Promise<Error & { code?: string; cause?: unknown }> {
  try {
    await promise
  } catch (e) {
    return e as Error & { code?: string }
  }
  throw new Error('expected a rejection')
}

/** The error `fn` throws, which it must. */
export function thrown(fn: () => unknown): Error & { code?: string; problems?: readonly string[] } {
  try {
    fn()
  } catch (e) {
    return e as Error & { code?: string; problems?: readonly string[] }
  }
  throw new Error('expected a throw')
}
