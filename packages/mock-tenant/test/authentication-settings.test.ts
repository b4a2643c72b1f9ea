// The `authentication` options and `tenant.authentication.configure()`: checked like every other option.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MockTenantOptionsError, createMockTenant, type RunningMockTenant } from '../src/index.js'
import { send, startTenant } from './auth-http.js'

describe('authentication options', () => {
  it('lists every problem by path in one MockTenantOptionsError', () => {
    const error = (() => {
      try {
        createMockTenant({
          authentication: {
            mfa: 'sometimes',
            dpopNonce: 'yes',
            tokenExchange: [{ subjectTokenType: '' }],
            globalTokenRevocation: {
              db: {
                issuer: 'https://idp.test/',
                keys: [{ kty: 'RSA', n: 'x', e: 'AQAB', d: 'secret' }],
              },
            },
            allowedLogoutUrls: ['javascript:alert(1)'],
            extra: true,
          },
        } as never)
      } catch (e) {
        return e
      }
      return undefined
    })()
    expect(error).toBeInstanceOf(MockTenantOptionsError)
    const problems = [...(error as MockTenantOptionsError).problems].sort()
    expect(problems).toEqual(
      [
        'authentication.allowedLogoutUrls.0: expected an http(s) URL',
        'authentication.dpopNonce: expected a boolean',
        'authentication.extra: unknown option',
        'authentication.globalTokenRevocation.db.keys.0: expected a public JWK (no private members)',
        "authentication.mfa: expected 'enrolled', 'always' or 'never'",
        'authentication.tokenExchange.0.subjectTokenType: expected a non-empty string',
      ].sort(),
    )
    expect(String(error)).not.toContain('secret')
  })

  it('configure() checks the same way and changes nothing on a problem', () => {
    const tenant = createMockTenant()
    expect(tenant.authentication.settings).toEqual({
      mfa: 'enrolled',
      dynamicRegistration: true,
      dpopNonce: false,
      tokenExchange: [],
      globalTokenRevocation: {},
      allowedLogoutUrls: [],
    })
    expect(() => tenant.authentication.configure({ mfa: 'x' } as never)).toThrow(
      expect.objectContaining({
        problems: ["authentication.mfa: expected 'enrolled', 'always' or 'never'"],
      }),
    )
    expect(tenant.authentication.settings.mfa).toBe('enrolled')
    tenant.authentication.configure({ mfa: 'always', dpopNonce: true })
    expect(tenant.authentication.settings).toMatchObject({
      mfa: 'always',
      dpopNonce: true,
      dynamicRegistration: true,
    })
    expect(Object.isFrozen(tenant.authentication.settings)).toBe(true)
  })

  it('throws for hooks given what the tenant does not know', () => {
    const tenant = createMockTenant()
    expect(() => tenant.authentication.enrollMfa('nobody@example.com', { type: 'otp' })).toThrow(
      /Unknown user/,
    )
    expect(() => tenant.authentication.sessions('nobody')).toThrow(/Unknown user/)
    expect(() => tenant.authentication.bindingCode('nope')).toThrow(/Unknown oob_code/)
  })
})

describe('discovery', () => {
  let t: RunningMockTenant
  beforeAll(async () => {
    ;({ t } = await startTenant())
  })
  afterAll(() => t.close())

  it('names the new endpoints, grants, DPoP algorithms and claims', async () => {
    const r = await send(t, 'GET', '/.well-known/openid-configuration')
    expect(r.body).toMatchObject({
      device_authorization_endpoint: `${t.issuer}oauth/device/code`,
      end_session_endpoint: `${t.issuer}oidc/logout`,
      registration_endpoint: `${t.issuer}oidc/register`,
      dpop_signing_alg_values_supported: ['ES256', 'RS256', 'PS256', 'EdDSA'],
      grant_types_supported: expect.arrayContaining([
        'http://auth0.com/oauth/grant-type/mfa-otp',
        'http://auth0.com/oauth/grant-type/mfa-oob',
        'http://auth0.com/oauth/grant-type/mfa-recovery-code',
        'urn:ietf:params:oauth:grant-type:device_code',
        'urn:ietf:params:oauth:grant-type:token-exchange',
      ]),
      claims_supported: expect.arrayContaining(['org_name', 'amr', 'acr', 'sid']),
    })
  })
})
