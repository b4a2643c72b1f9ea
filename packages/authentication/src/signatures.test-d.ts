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
    expectTypeOf<ReturnType<typeof createTokenProvider>>().toEqualTypeOf<core.TokenProvider>()
    expectTypeOf<ReturnType<typeof createTokenProvider>>().toExtend<core.TokenFunction>()
  })
})
