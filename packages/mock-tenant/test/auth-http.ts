// Helpers for the Authentication API tests: a tenant on 127.0.0.1 with a clock the test moves, plain-fetch calls
// that return status, headers and the parsed body, and DPoP proofs signed with jose.
import { randomUUID } from 'node:crypto'
import {
  SignJWT,
  base64url,
  calculateJwkThumbprint,
  decodeJwt,
  exportJWK,
  generateKeyPair,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose'
import { createHash } from 'node:crypto'
import {
  startMockTenant,
  type RunningMockTenant,
  type StartMockTenantOptions,
} from '../src/index.js'

export const PASSWORD_REALM = 'http://auth0.com/oauth/grant-type/password-realm'
export const SEEDED_USER_ID = 'auth0|65a000000000000000000000'
export const MOCK_API = 'https://api.mock.test/'

/** A clock the tenant reads; tests move it instead of sleeping. */
export class Clock {
  now = Date.parse('2025-06-02T09:00:00.000Z')
  readonly read = (): number => this.now
  tick(ms: number): void {
    this.now += ms
  }
}

export async function startTenant(
  options: Omit<StartMockTenantOptions, 'now'> = {},
): Promise<{ t: RunningMockTenant; clock: Clock }> {
  const clock = new Clock()
  const t = await startMockTenant({ port: 0, ...options, now: clock.read })
  return { t, clock }
}

export interface Reply {
  status: number
  headers: Headers
  /** The parsed JSON body, or the text. */
  body: Record<string, unknown> & { [key: string]: unknown }
  text: string
}

export interface SendOptions {
  json?: unknown
  form?: Record<string, string>
  headers?: Record<string, string>
}

/** One real HTTP request to the tenant; redirects are not followed. */
export async function send(
  t: Pick<RunningMockTenant, 'url'>,
  method: string,
  path: string,
  options: SendOptions = {},
): Promise<Reply> {
  const headers = new Headers(options.headers)
  let body: string | undefined
  if (options.json !== undefined) {
    headers.set('content-type', 'application/json')
    body = JSON.stringify(options.json)
  } else if (options.form !== undefined) {
    headers.set('content-type', 'application/x-www-form-urlencoded')
    body = new URLSearchParams(options.form).toString()
  }
  const response = await fetch(`${t.url}${path}`, {
    method,
    headers,
    redirect: 'manual',
    ...(body === undefined ? {} : { body }),
  })
  const text = await response.text()
  let parsed: unknown
  try {
    parsed = text === '' ? {} : JSON.parse(text)
  } catch {
    parsed = {}
  }
  return {
    status: response.status,
    headers: response.headers,
    body: parsed as Reply['body'],
    text,
  }
}

export const webClient = (t: RunningMockTenant) => ({
  client_id: t.clients.web.clientId,
  client_secret: t.clients.web.clientSecret,
})

/** The password-realm grant for the seeded user (or another), as JSON. */
export function passwordGrant(
  t: RunningMockTenant,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Reply> {
  return send(t, 'POST', '/oauth/token', {
    json: {
      ...webClient(t),
      grant_type: PASSWORD_REALM,
      username: t.user.username,
      password: t.user.password,
      realm: t.user.connection,
      ...extra,
    },
    headers,
  })
}

export const claims = (jwt: unknown): JWTPayload => decodeJwt(String(jwt))

export type DPoPAlg = 'ES256' | 'RS256' | 'PS256' | 'EdDSA'

/** A DPoP key pair with its public JWK and RFC 7638 thumbprint. */
export interface DPoPKey {
  alg: DPoPAlg
  privateKey: CryptoKey
  jwk: JWK
  jkt: string
}

export async function dpopKey(alg: DPoPAlg = 'ES256'): Promise<DPoPKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true })
  const jwk = await exportJWK(publicKey)
  return { alg, privateKey, jwk, jkt: await calculateJwkThumbprint(jwk, 'sha256') }
}

export const ath = (accessToken: string) =>
  createHash('sha256').update(accessToken).digest('base64url')

export interface ProofOptions {
  method?: string
  /** Full URL; the tenant's URL plus `path` by default. */
  htu?: string
  path?: string
  accessToken?: string
  nonce?: string
  iat?: number
  jti?: string
  /** Header members merged over the proof's own. */
  header?: Record<string, unknown>
  /** Claims merged over the proof's own; `undefined` removes one. */
  claims?: Record<string, unknown>
}

/** A DPoP proof (RFC 9449 §4.2) signed with the key, for a request to the tenant. */
export function proof(
  t: Pick<RunningMockTenant, 'url'>,
  clock: Clock,
  key: DPoPKey,
  options: ProofOptions = {},
): Promise<string> {
  const payload: Record<string, unknown> = {
    jti: options.jti ?? randomUUID(),
    htm: options.method ?? 'POST',
    htu: options.htu ?? `${t.url}${options.path ?? '/oauth/token'}`,
    iat: options.iat ?? Math.floor(clock.now / 1000),
    ...(options.accessToken === undefined ? {} : { ath: ath(options.accessToken) }),
    ...(options.nonce === undefined ? {} : { nonce: options.nonce }),
    ...options.claims,
  }
  for (const [k, v] of Object.entries(payload)) if (v === undefined) delete payload[k]
  return new SignJWT(payload)
    .setProtectedHeader({ alg: key.alg, typ: 'dpop+jwt', jwk: key.jwk, ...options.header })
    .sign(key.privateKey)
}

/** A JWS with the given header, payload and signature bytes (none by default, as `alg: none` has). */
export function rawJws(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  signature = '',
) {
  const part = (v: unknown) => base64url.encode(JSON.stringify(v))
  return `${part(header)}.${part(payload)}.${signature}`
}

/** The client-credentials grant for the m2m client, with extra headers (a DPoP proof). */
export function clientCredentials(
  t: RunningMockTenant,
  headers: Record<string, string> = {},
  audience = t.managementAudience,
): Promise<Reply> {
  return send(t, 'POST', '/oauth/token', {
    json: {
      grant_type: 'client_credentials',
      client_id: t.clients.m2m.clientId,
      client_secret: t.clients.m2m.clientSecret,
      audience,
    },
    headers,
  })
}
