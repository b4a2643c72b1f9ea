// DPoP (RFC 9449) against the tenant emulator over real HTTP: a bound token with cnf.jkt, a nonce round, /userinfo
// with a DPoP token and proof, and a bound token refused as Bearer.
import { createHash } from 'node:crypto'
import type { RunningMockTenant } from '@auth0-ts/mock-tenant'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  Auth0Error,
  GetToken,
  Users,
  dpopFetch,
  dpopThumbprint,
  generateDPoPKeyPair,
} from '../src/index.js'
import {
  MOCK_API,
  SEEDED_USER_ID,
  claims,
  proofOf,
  recorder,
  startTenant,
  type Clock,
} from './emulator.js'

let t: RunningMockTenant
let clock: Clock
let keyPair: CryptoKeyPair
let jkt: string
beforeAll(async () => {
  ;({ t, clock } = await startTenant())
  keyPair = await generateDPoPKeyPair()
  jkt = await dpopThumbprint(keyPair)
})
beforeEach(() => t.reset())
afterAll(() => t.close())

function clients(client: 'm2m' | 'web') {
  const wire = recorder()
  const credentials = t.clients[client]
  const transport = { protocol: 'http' as const, fetch: wire.fetch, now: clock.read, dpop: keyPair }
  return {
    wire,
    getToken: new GetToken(t.domain, credentials.clientId, {
      clientSecret: credentials.clientSecret,
      ...transport,
    }),
    users: new Users(t.domain, transport),
  }
}

const ath = (token: string) => createHash('sha256').update(token).digest('base64url')

/** A DPoP-bound user access token of the seeded user. */
async function boundUserToken(): Promise<string> {
  const tokens = await clients('web').getToken.login(t.user.username, t.user.password, {
    realm: t.user.connection,
    scope: 'openid profile email',
  })
  expect(tokens.token_type).toBe('DPoP')
  return tokens.access_token
}

describe('a DPoP-bound token', () => {
  it('is issued with token_type DPoP and cnf.jkt, the thumbprint of the proof key', async () => {
    const { wire, getToken } = clients('m2m')
    const tokens = await getToken.clientCredentials(MOCK_API)
    const { header, payload } = proofOf(wire.sent[0])
    expect(wire.sent[0]).toMatchObject({ method: 'POST', path: '/oauth/token', status: 200 })
    expect(header).toMatchObject({
      typ: 'dpop+jwt',
      alg: 'ES256',
      jwk: { kty: 'EC', crv: 'P-256' },
    })
    expect(header.jwk).not.toHaveProperty('d')
    expect(payload).toMatchObject({
      htm: 'POST',
      htu: `${t.url}/oauth/token`,
      iat: Math.floor(clock.now / 1000),
      jti: expect.any(String),
    })
    expect(payload).not.toHaveProperty('nonce')
    expect(tokens.token_type).toBe('DPoP')
    expect(claims(tokens.access_token)).toMatchObject({ aud: MOCK_API, cnf: { jkt } })
  })

  it('takes one nonce round: use_dpop_nonce, then the same request with the nonce', async () => {
    t.authentication.configure({ dpopNonce: true })
    const { wire, getToken } = clients('m2m')
    const tokens = await getToken.clientCredentials(MOCK_API)
    expect(wire.sent.map((s) => s.status)).toEqual([400, 200])
    const [first, second] = wire.sent.map((s) => proofOf(s).payload)
    expect(first).not.toHaveProperty('nonce')
    expect(second).toMatchObject({ nonce: t.authentication.dpopNonce })
    expect(second?.jti).not.toBe(first?.jti)
    expect(wire.sent[1]?.body).toEqual(wire.sent[0]?.body)
    expect(claims(tokens.access_token)['cnf']).toEqual({ jkt })
    // the nonce is remembered: the next request sends it at once
    await getToken.clientCredentials(t.managementAudience)
    expect(wire.sent.slice(2).map((s) => s.status)).toEqual([200])
    expect(proofOf(wire.sent[2]).payload['nonce']).toBe(t.authentication.dpopNonce)
  })

  it('reads /userinfo as DPoP with an ath proof, after a nonce round there too', async () => {
    const accessToken = await boundUserToken()
    t.authentication.configure({ dpopNonce: true })
    const { wire, users } = clients('web')
    const profile = await users.userinfo(accessToken)
    expect(wire.sent.map((s) => [s.method, s.path, s.status])).toEqual([
      ['GET', '/userinfo', 401],
      ['GET', '/userinfo', 200],
    ])
    expect(wire.sent[1]?.headers['authorization']).toBe(`DPoP ${accessToken}`)
    const { payload } = proofOf(wire.sent[1])
    expect(payload).toMatchObject({
      htm: 'GET',
      htu: `${t.url}/userinfo`,
      ath: ath(accessToken),
      nonce: t.authentication.dpopNonce,
    })
    expect(profile).toMatchObject({ sub: SEEDED_USER_ID, email: t.user.username })
  })

  it('calls a resource with dpopFetch: DPoP token, proof with ath', async () => {
    const accessToken = await boundUserToken()
    const wire = recorder()
    const api = dpopFetch(keyPair, { token: accessToken, fetch: wire.fetch, now: clock.read })
    const response = await api(`${t.url}/userinfo?fields=ignored`)
    expect(response.status).toBe(200)
    expect(wire.sent[0]?.headers['authorization']).toBe(`DPoP ${accessToken}`)
    expect(proofOf(wire.sent[0]).payload).toMatchObject({
      htm: 'GET',
      htu: `${t.url}/userinfo`,
      ath: ath(accessToken),
    })
    expect(await response.json()).toMatchObject({ sub: SEEDED_USER_ID })
  })

  it('is refused as Bearer: by /userinfo and by the Management API (401 naming the reason)', async () => {
    const accessToken = await boundUserToken()
    const wire = recorder()
    const plain = new Users(t.domain, { protocol: 'http', fetch: wire.fetch })
    const error = await plain.userinfo(accessToken).catch((e: unknown) => e)
    expect(wire.sent[0]).toMatchObject({
      headers: { authorization: `Bearer ${accessToken}` },
      status: 401,
    })
    expect(wire.sent[0]?.headers).not.toHaveProperty('dpop')
    expect(error).toBeInstanceOf(Auth0Error)
    expect((error as Auth0Error).statusCode).toBe(401)
    expect((error as Auth0Error).headers['www-authenticate']).toContain(
      'DPoP-bound access token sent with the Bearer scheme',
    )
    expect(JSON.stringify(error)).not.toContain(accessToken)

    const management = await clients('m2m').getToken.clientCredentials(t.managementAudience)
    const roles = await fetch(`${t.url}/api/v2/roles`, {
      headers: { authorization: `Bearer ${management.access_token}` },
    })
    expect(roles.status).toBe(401)
    expect(roles.headers.get('www-authenticate')).toContain('DPoP-bound')
    expect(await roles.json()).toMatchObject({
      statusCode: 401,
      message: 'DPoP-bound access token sent with the Bearer scheme',
    })
  })
})
