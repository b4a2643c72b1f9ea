import { GetToken } from '@auth0-ts/authentication'
import { createMockTenant } from '@auth0-ts/mock-tenant'
import { AsymmetricSignatureVerifier, TokenVerifier } from '@auth0-ts/token-verifier'
import { describe, expect, it } from 'vitest'
import { Secrets } from './secrets.js'
import { verifyWithChecks } from './verify.js'

const tenant = createMockTenant()
const signatureVerifier = new AsymmetricSignatureVerifier(`${tenant.issuer}.well-known/jwks.json`, {
  fetch: tenant.fetch,
})
const verifier = new TokenVerifier({
  signatureVerifier,
  issuer: tenant.issuer,
  audience: tenant.clients.web.clientId,
})
const expected = { issuer: tenant.issuer, audience: tenant.clients.web.clientId, nonce: undefined }
const secrets = new Secrets(undefined, [])

async function idToken(): Promise<string> {
  const web = new GetToken(tenant.domain, tenant.clients.web.clientId, {
    clientSecret: tenant.clients.web.clientSecret,
    fetch: tenant.fetch,
  })
  const r = await web.login(tenant.user.username, tenant.user.password, {
    realm: tenant.user.connection,
    scope: 'openid',
  })
  return r.id_token ?? ''
}

const statuses = (r: { checks: { id: string; status: string }[] }) =>
  Object.fromEntries(r.checks.map((c) => [c.id, c.status]))

describe('verifyWithChecks', () => {
  it('passes every check that applies to a fresh ID token, and skips the nonce when none was sent', async () => {
    const r = await verifyWithChecks(verifier, await idToken(), expected, secrets)
    expect(r.valid).toBe(true)
    expect(statuses(r)).toEqual({
      format: 'pass',
      alg: 'pass',
      key: 'pass',
      signature: 'pass',
      iss: 'pass',
      sub: 'pass',
      aud: 'pass',
      exp: 'pass',
      iat: 'pass',
      nonce: 'skipped',
      azp: 'skipped',
    })
  })

  it('fails the signature of a token with one changed character, and runs nothing after it', async () => {
    const [h, p, s = ''] = (await idToken()).split('.')
    const i = Math.floor(s.length / 2)
    const tampered = `${h}.${p}.${s.slice(0, i)}${s[i] === 'A' ? 'B' : 'A'}${s.slice(i + 1)}`
    const r = await verifyWithChecks(verifier, tampered, expected, secrets)
    expect(r.valid).toBe(false)
    expect(r.error).toMatchObject({ name: 'TokenValidationError', code: 'signature_invalid' })
    expect(statuses(r)).toMatchObject({
      key: 'pass',
      signature: 'fail',
      iss: 'skipped',
      exp: 'skipped',
    })
    expect(r.checks.find((c) => c.id === 'iss')?.detail).toBe('not run')
  })

  it('fails the nonce check when the token lacks the nonce sent to /authorize', async () => {
    const r = await verifyWithChecks(
      verifier,
      await idToken(),
      { ...expected, nonce: 'n-0S6_WzA2Mj' },
      secrets,
    )
    expect(r.error?.code).toBe('nonce_missing')
    expect(statuses(r)).toMatchObject({ iat: 'pass', nonce: 'fail' })
  })

  it('fails the format check of something that is not a JWT', async () => {
    const r = await verifyWithChecks(verifier, 'not-a-jwt', expected, secrets)
    expect(r.error?.code).toBe('token_malformed')
    expect(statuses(r)).toMatchObject({ format: 'fail', signature: 'skipped' })
  })
})
