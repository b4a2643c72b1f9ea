import type * as declaredBackend from '#crypto-backend'
import { describe, expectTypeOf, it } from 'vitest'
import type * as nodeBackend from './backend.node.js'
import type * as webBackend from './backend.web.js'
import {
  AccessTokenVerifier,
  AsymmetricSignatureVerifier,
  isTokenValidationError,
  OptionsError,
  SymmetricSignatureVerifier,
  TokenVerifier,
  type JwksFetchError,
  type AccessTokenClaims,
  type AddressClaim,
  type IdTokenClaims,
  type StandardClaims,
  type TokenValidationErrorCode,
} from './index.js'
import type * as core from '@auth0-ts/core'

describe('public types', () => {
  it('verify resolves to typed claims', () => {
    const tv = new TokenVerifier({
      signatureVerifier: new AsymmetricSignatureVerifier('https://x/jwks.json'),
      issuer: 'i',
      audience: 'a',
    })
    expectTypeOf(tv.verify('t')).resolves.toEqualTypeOf<IdTokenClaims>()
    expectTypeOf<IdTokenClaims['exp']>().toEqualTypeOf<number>()
    const atv = new AccessTokenVerifier({
      issuer: 'i',
      audience: ['a'],
      jwksUrl: 'https://x/jwks.json',
    })
    expectTypeOf(
      atv.verify('t', { requiredScopes: ['read'] }),
    ).resolves.toEqualTypeOf<AccessTokenClaims>()
  })

  it('types the OpenID Connect standard claims of an ID token and keeps other claims open', () => {
    expectTypeOf<IdTokenClaims['email']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<IdTokenClaims['email_verified']>().toEqualTypeOf<boolean | undefined>()
    expectTypeOf<IdTokenClaims['name']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<IdTokenClaims['picture']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<IdTokenClaims['updated_at']>().toEqualTypeOf<string | number | undefined>()
    expectTypeOf<IdTokenClaims['amr']>().toEqualTypeOf<string[] | undefined>()
    expectTypeOf<NonNullable<IdTokenClaims['address']>>().toEqualTypeOf<AddressClaim>()
    expectTypeOf<IdTokenClaims['https://example.com/roles']>().toEqualTypeOf<unknown>()
    expectTypeOf<AccessTokenClaims['cnf']>().toEqualTypeOf<
      { jkt?: string; [member: string]: unknown } | undefined
    >()
    // @ts-expect-error email_verified is a boolean, not a string
    const claims: Pick<IdTokenClaims, 'email_verified'> = { email_verified: 'true' }
    void claims
  })

  it("extends core's StandardClaims: the standard claims are typed once, in core", () => {
    expectTypeOf<IdTokenClaims>().toExtend<StandardClaims>()
    expectTypeOf<StandardClaims>().toEqualTypeOf<core.StandardClaims>()
    expectTypeOf<AddressClaim>().toEqualTypeOf<core.AddressClaim>()
    expectTypeOf<IdTokenClaims['sub']>().toEqualTypeOf<string>()
    expectTypeOf<IdTokenClaims['given_name']>().toEqualTypeOf<StandardClaims['given_name']>()
    expectTypeOf<IdTokenClaims['phone_number_verified']>().toEqualTypeOf<boolean | undefined>()
    expectTypeOf<IdTokenClaims['address']>().toEqualTypeOf<StandardClaims['address']>()
    // the token's own claims stay required numbers in epoch seconds
    expectTypeOf<IdTokenClaims['iat']>().toEqualTypeOf<number>()
    expectTypeOf<IdTokenClaims['auth_time']>().toEqualTypeOf<number | undefined>()
  })

  it('narrows errors and exposes the code union', () => {
    const e: unknown = new Error()
    if (isTokenValidationError(e)) expectTypeOf(e.code).toEqualTypeOf<TokenValidationErrorCode>()
    expectTypeOf<JwksFetchError['code']>().toEqualTypeOf<'jwks_fetch_failed' | 'jwks_invalid'>()
    expectTypeOf<'exp_expired'>().toExtend<TokenValidationErrorCode>()
  })

  it('refuses unknown algorithms and HMAC algorithms on the JWKS verifier at compile time', () => {
    // @ts-expect-error HS256 is not an asymmetric algorithm
    new AsymmetricSignatureVerifier('https://x/jwks.json', { algorithm: 'HS256' })
    // @ts-expect-error alg none does not exist
    new SymmetricSignatureVerifier('secret', { algorithm: 'none' })
  })

  it('exports classes that can be extended and narrowed with instanceof', () => {
    class Logged extends AccessTokenVerifier {}
    expectTypeOf(
      new Logged({ issuer: 'i', audience: 'a', jwksUrl: 'https://x/j' }),
    ).toExtend<AccessTokenVerifier>()
    const e: unknown = new Error()
    if (e instanceof OptionsError) expectTypeOf(e.problems).toEqualTypeOf<readonly string[]>()
  })

  it('binds both crypto back-ends to the #crypto-backend declaration the index is checked against', () => {
    expectTypeOf<typeof nodeBackend>().toExtend<typeof declaredBackend>()
    expectTypeOf<typeof webBackend>().toExtend<typeof declaredBackend>()
    expectTypeOf<keyof typeof nodeBackend>().toEqualTypeOf<keyof typeof webBackend>()
  })
})
