import { describe, expectTypeOf, it } from 'vitest'
import type {
  AbortError,
  CallEvent,
  FailureEvent,
  OutcomeEvent,
  RequestHooks,
  RequestSpec,
  ResponseBodyType,
  RestClientOptions,
  RetryEvent,
  TimeoutError,
  CachedToken,
  ClientCredentialsProviderOptions,
  createClientCredentialsProvider,
  RequestOptions,
  RestClient,
  SendResult,
  TokenContext,
  TokenFunction,
  TokenProvider,
  TokenSource,
} from './index.js'

describe('public types', () => {
  it('makes a token provider a token source that takes the call context and can be invalidated', () => {
    expectTypeOf<
      ReturnType<typeof createClientCredentialsProvider>
    >().toEqualTypeOf<TokenProvider>()
    expectTypeOf<TokenProvider>().toExtend<TokenSource>()
    expectTypeOf<TokenProvider>().toExtend<TokenFunction>()
    expectTypeOf<TokenProvider>().parameters.toEqualTypeOf<[context?: TokenContext]>()
    expectTypeOf<TokenProvider['invalidate']>().toEqualTypeOf<() => Promise<void>>()
    expectTypeOf<TokenProvider['getTokenResponse']>().returns.toEqualTypeOf<Promise<CachedToken>>()
  })

  it('requires the credentials and the audience, and takes nothing secret but the secret', () => {
    expectTypeOf<{
      domain: 'tenant.auth0.com'
      clientId: 'id'
      clientSecret: 'secret'
      audience: 'https://tenant.auth0.com/api/v2/'
    }>().toExtend<ClientCredentialsProviderOptions>()
    expectTypeOf<{
      domain: 'tenant.auth0.com'
      clientId: 'id'
    }>().not.toExtend<ClientCredentialsProviderOptions>()
  })

  it('types send() as the body with its response, and request() as the body', () => {
    expectTypeOf<RestClient['send']>().returns.toEqualTypeOf<Promise<SendResult<unknown>>>()
    expectTypeOf<SendResult<{ id: string }>>().toEqualTypeOf<{
      data: { id: string }
      response: Response
    }>()
    expectTypeOf<RestClient['request']>().returns.toEqualTypeOf<Promise<unknown>>()
    expectTypeOf<RestClient['send']>().parameter(1).toEqualTypeOf<RequestOptions | undefined>()
  })

  it('types the transport options of issue 15: deadlines, caps, hooks and debug', () => {
    expectTypeOf<RequestOptions['deadline']>().toEqualTypeOf<number | undefined>()
    expectTypeOf<RestClientOptions['maxResponseSize']>().toEqualTypeOf<number | undefined>()
    expectTypeOf<RestClientOptions['debug']>().toEqualTypeOf<
      boolean | ((line: string) => void) | undefined
    >()
    expectTypeOf<RequestSpec['responseType']>().toEqualTypeOf<ResponseBodyType | undefined>()
    expectTypeOf<'json'>().toExtend<ResponseBodyType>()
    expectTypeOf<'value'>().not.toExtend<ResponseBodyType>()
    expectTypeOf<TimeoutError['bound']>().toEqualTypeOf<'timeout' | 'deadline' | 'signal'>()
    expectTypeOf<AbortError>().toHaveProperty('errorCode')
  })

  it('gives hooks plain events with no token, body or error object', () => {
    expectTypeOf<Parameters<NonNullable<RequestHooks['onRequest']>>[0]>().toEqualTypeOf<CallEvent>()
    expectTypeOf<
      Parameters<NonNullable<RequestHooks['onResponse']>>[0]
    >().toEqualTypeOf<OutcomeEvent>()
    expectTypeOf<Parameters<NonNullable<RequestHooks['onRetry']>>[0]>().toEqualTypeOf<RetryEvent>()
    expectTypeOf<
      Parameters<NonNullable<RequestHooks['onError']>>[0]
    >().toEqualTypeOf<FailureEvent>()
    expectTypeOf<FailureEvent>().not.toHaveProperty('error')
    expectTypeOf<OutcomeEvent>().not.toHaveProperty('body')
    expectTypeOf<RetryEvent['waitMs']>().toEqualTypeOf<number>()
  })
})
