import { expectTypeOf, it } from 'vitest'
import {
  createMockTenant,
  type AuthenticationControls,
  type AuthenticationOptions,
  type AuthenticationSettings,
  type EnrolledMfa,
  type MfaEnrollment,
  type MockTenantOptions,
} from '../src/index.js'

it('types the authentication option and controls', () => {
  expectTypeOf<MockTenantOptions['authentication']>().toEqualTypeOf<
    AuthenticationOptions | undefined
  >()
  expectTypeOf(createMockTenant().authentication).toEqualTypeOf<AuthenticationControls>()
  expectTypeOf<AuthenticationSettings['mfa']>().toEqualTypeOf<'enrolled' | 'always' | 'never'>()
  expectTypeOf<AuthenticationControls['enrollMfa']>().parameter(1).toEqualTypeOf<MfaEnrollment>()
  expectTypeOf<AuthenticationControls['enrollMfa']>().returns.toEqualTypeOf<EnrolledMfa>()
  // an oob enrolment names its channel
  expectTypeOf<{
    type: 'oob'
    channel: 'sms'
    phoneNumber: string
  }>().toMatchTypeOf<MfaEnrollment>()
  expectTypeOf<{ type: 'oob' }>().not.toMatchTypeOf<MfaEnrollment>()
  const options: AuthenticationOptions = {
    tokenExchange: [{ subjectTokenType: 'urn:acme:t', resolveUser: async (token) => token }],
  }
  expectTypeOf(options.tokenExchange).toEqualTypeOf<AuthenticationOptions['tokenExchange']>()
})
