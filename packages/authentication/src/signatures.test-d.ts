import type * as core from '@auth0-ts/core'
import type { RequestOptions, TokenSource } from '@auth0-ts/core'
import { describe, expectTypeOf, it } from 'vitest'
import type {
  BackChannelLogin,
  CachedToken,
  ClientCredentialsOptions,
  createTokenProvider,
  Delegated,
  DelegatedOptions,
  Enterprise,
  GetToken,
  LoginOptions,
  Passwordless,
  TokenCache,
  TokenResponse,
  Users,
  UserInfo,
  AddressClaim,
  StandardClaims,
  Mfa,
  MfaChallenge,
  MfaChallengeOptions,
  MfaOobOptions,
  MfaAuthenticator,
  DeviceAuthorization,
  DeviceCodeResponse,
  GlobalTokenRevocation,
  ClientRegistration,
  buildLogoutUrl,
  createDPoPProof,
  dpopFetch,
  FetchFunction,
} from './index.js'

describe('public signatures', () => {
  it('puts required parameters first, then one options object, then RequestOptions', () => {
    expectTypeOf<Parameters<GetToken['login']>>().toEqualTypeOf<
      [string, string, LoginOptions?, RequestOptions?]
    >()
    expectTypeOf<Parameters<GetToken['clientCredentials']>>().toEqualTypeOf<
      [string, ClientCredentialsOptions?, RequestOptions?]
    >()
    expectTypeOf<Parameters<GetToken['passwordlessLogin']>>().toEqualTypeOf<
      [string, string, string, string, string, RequestOptions?]
    >()
    expectTypeOf<Parameters<Passwordless['sms']>>().toEqualTypeOf<[string, RequestOptions?]>()
    expectTypeOf<Parameters<Delegated['getToken']>>().toEqualTypeOf<
      [string, string, string, DelegatedOptions?, RequestOptions?]
    >()
    expectTypeOf<Parameters<Enterprise['samlMetadata']>>().toEqualTypeOf<[RequestOptions?]>()
    expectTypeOf<ReturnType<GetToken['login']>>().toEqualTypeOf<Promise<TokenResponse>>()
    expectTypeOf<ReturnType<Users['userinfo']>>().toEqualTypeOf<Promise<UserInfo>>()
    expectTypeOf<ReturnType<Enterprise['wsfedMetadata']>>().toEqualTypeOf<Promise<string>>()
  })

  it('takes Python kwargs as extra keys of the options object', () => {
    expectTypeOf<{ requestedExpiry: 3; extra_field: 'x' }>().toExtend<
      NonNullable<Parameters<BackChannelLogin['backChannelLogin']>[3]>
    >()
  })

  it('makes the token provider a core token source, with the TokenCache shape other packages implement', () => {
    expectTypeOf<ReturnType<typeof createTokenProvider>>().toExtend<TokenSource>()
    expectTypeOf<ReturnType<typeof createTokenProvider>>().toExtend<() => Promise<string>>()
    expectTypeOf<TokenCache['get']>().toEqualTypeOf<
      (key: string) => Promise<CachedToken | undefined>
    >()
    expectTypeOf<TokenCache['set']>().toEqualTypeOf<
      (key: string, token: CachedToken) => Promise<void>
    >()
    expectTypeOf<CachedToken>().toEqualTypeOf<{
      accessToken: string
      expiresAt: number
      tokenType?: string
      scope?: string
    }>()
  })

  it("re-exports core's token contracts and provider, not copies", () => {
    expectTypeOf<TokenCache>().toEqualTypeOf<core.TokenCache>()
    expectTypeOf<CachedToken>().toEqualTypeOf<core.CachedToken>()
    expectTypeOf<ReturnType<typeof createTokenProvider>>().toExtend<core.TokenProvider>()
    expectTypeOf<
      ReturnType<ReturnType<typeof createTokenProvider>['forAudience']>
    >().toEqualTypeOf<core.TokenProvider>()
    expectTypeOf<ReturnType<typeof createTokenProvider>>().toExtend<core.TokenFunction>()
  })

  it('types the OIDC standard claims of userinfo, and keeps other claims open', () => {
    expectTypeOf<UserInfo['sub']>().toEqualTypeOf<string>()
    expectTypeOf<UserInfo['email']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<UserInfo['email_verified']>().toEqualTypeOf<boolean | undefined>()
    expectTypeOf<UserInfo['name']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<UserInfo['picture']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<UserInfo['updated_at']>().toEqualTypeOf<string | number | undefined>()
    expectTypeOf<NonNullable<UserInfo['address']>['country']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<UserInfo['https://example.com/roles']>().toEqualTypeOf<unknown>()
  })

  it("extends core's StandardClaims, the same claims IdTokenClaims has", () => {
    expectTypeOf<UserInfo>().toExtend<core.StandardClaims>()
    expectTypeOf<UserInfo['given_name']>().toEqualTypeOf<core.StandardClaims['given_name']>()
    expectTypeOf<UserInfo['phone_number']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<NonNullable<UserInfo['address']>>().toEqualTypeOf<core.AddressClaim>()
    expectTypeOf<AddressClaim>().toEqualTypeOf<core.AddressClaim>()
    expectTypeOf<StandardClaims>().toEqualTypeOf<core.StandardClaims>()
    // @ts-expect-error email_verified is a boolean, not a string
    const info: Pick<UserInfo, 'email_verified'> = { email_verified: 'true' }
    void info
  })

  it('declares the new operations as the others: required first, then options, then RequestOptions', () => {
    expectTypeOf<Parameters<Mfa['challenge']>>().toEqualTypeOf<
      [string, MfaChallengeOptions?, RequestOptions?]
    >()
    expectTypeOf<ReturnType<Mfa['challenge']>>().toEqualTypeOf<Promise<MfaChallenge>>()
    expectTypeOf<ReturnType<Mfa['listAuthenticators']>>().toEqualTypeOf<
      Promise<MfaAuthenticator[]>
    >()
    expectTypeOf<ReturnType<Mfa['deleteAuthenticator']>>().toEqualTypeOf<Promise<void>>()
    expectTypeOf<Parameters<GetToken['mfaOob']>>().toEqualTypeOf<
      [string, string, MfaOobOptions?, RequestOptions?]
    >()
    expectTypeOf<ReturnType<DeviceAuthorization['deviceCode']>>().toEqualTypeOf<
      Promise<DeviceCodeResponse>
    >()
    expectTypeOf<ReturnType<GlobalTokenRevocation['revoke']>>().toEqualTypeOf<Promise<void>>()
    expectTypeOf<Parameters<ClientRegistration['register']>[0]>().toEqualTypeOf<readonly string[]>()
    expectTypeOf<ReturnType<typeof buildLogoutUrl>>().toEqualTypeOf<string>()
    expectTypeOf<ReturnType<typeof createDPoPProof>>().toEqualTypeOf<Promise<string>>()
    expectTypeOf<ReturnType<typeof dpopFetch>>().toEqualTypeOf<FetchFunction>()
    expectTypeOf<FetchFunction>().toExtend<typeof fetch>()
  })
})
