import { describe, expectTypeOf, it } from 'vitest'
import type { AddressClaim, StandardClaims } from './index.js'

describe('StandardClaims', () => {
  it('types the OpenID Connect standard claims, with only sub required', () => {
    expectTypeOf<StandardClaims['sub']>().toEqualTypeOf<string>()
    expectTypeOf<StandardClaims['email']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<StandardClaims['email_verified']>().toEqualTypeOf<boolean | undefined>()
    expectTypeOf<StandardClaims['name']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<StandardClaims['picture']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<StandardClaims['phone_number_verified']>().toEqualTypeOf<boolean | undefined>()
    expectTypeOf<StandardClaims['address']>().toEqualTypeOf<AddressClaim | undefined>()
    expectTypeOf<{ sub: string }>().toExtend<StandardClaims>()
    expectTypeOf<{ email: string }>().not.toExtend<StandardClaims>()
  })

  it('types updated_at as Auth0 (an ISO string) and OpenID Connect (epoch seconds) send it', () => {
    expectTypeOf<StandardClaims['updated_at']>().toEqualTypeOf<string | number | undefined>()
    const auth0: StandardClaims = { sub: 'auth0|1', updated_at: '2026-01-31T09:30:00.000Z' }
    const oidc: StandardClaims = { sub: 'auth0|1', updated_at: 1_769_851_800 }
    // @ts-expect-error email_verified is a boolean, not the string 'true'
    const wrong: StandardClaims = { sub: 'auth0|1', email_verified: 'true' }
    void [auth0, oidc, wrong]
  })

  it('has no index signature: the extending types decide how other claims are typed', () => {
    // @ts-expect-error a custom claim is not a standard claim
    const custom: StandardClaims = { sub: 'auth0|1', 'https://example.com/roles': ['admin'] }
    void custom
  })
})
