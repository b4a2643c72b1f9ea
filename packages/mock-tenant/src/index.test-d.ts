import type { HttpHandler } from 'msw'
import { describe, expectTypeOf, it } from 'vitest'
import {
  createMockTenant,
  MANAGEMENT_OPERATIONS,
  MANAGEMENT_SHAPES,
  startMockTenant,
  type BodyCheck,
  type ManagementOperation,
  type QueryCheck,
  type ResponseSpec,
  type ScopeInference,
  type Shape,
  type ShapeRef,
  type MockTenant,
  type MockTenantInfo,
  type MockTenantOptionsError,
  type RunningMockTenant,
} from './index.js'
import { createMockTenant as createMswTenant, mswHandlers, type MswMockTenant } from './msw.js'

describe('public types', () => {
  it('startMockTenant resolves to a running tenant with the documented fields', () => {
    expectTypeOf(startMockTenant).returns.resolves.toEqualTypeOf<RunningMockTenant>()
    expectTypeOf<RunningMockTenant['close']>().returns.toEqualTypeOf<Promise<void>>()
    expectTypeOf<RunningMockTenant['clients']['m2mJwt']>().toEqualTypeOf<{
      clientId: string
      privateKeyPem: string
    }>()
    expectTypeOf<
      RunningMockTenant['user']['connection']
    >().toEqualTypeOf<'Username-Password-Authentication'>()
    expectTypeOf<RunningMockTenant['managementToken']>().returns.toEqualTypeOf<Promise<string>>()
  })

  it('info holds the fields themselves', () => {
    expectTypeOf<MockTenant['info']>().toEqualTypeOf<MockTenantInfo>()
    expectTypeOf<MockTenantInfo['url']>().toEqualTypeOf<string>()
    expectTypeOf<MockTenantInfo['clients']>().toEqualTypeOf<MockTenant['clients']>()
    expectTypeOf<MockTenantInfo>().not.toHaveProperty('mockTenant')
  })

  it('the main entry has no msw types; the msw entry adds handlers', () => {
    expectTypeOf(createMockTenant).returns.toEqualTypeOf<MockTenant>()
    expectTypeOf<MockTenant>().not.toHaveProperty('handlers')
    expectTypeOf<RunningMockTenant>().not.toHaveProperty('handlers')
    expectTypeOf(createMswTenant).returns.toEqualTypeOf<MswMockTenant>()
    expectTypeOf<MswMockTenant['handlers']>().toEqualTypeOf<HttpHandler[]>()
    expectTypeOf(mswHandlers).toBeCallableWith({} as RunningMockTenant)
  })

  it('takes only known options', () => {
    expectTypeOf(createMockTenant).toBeCallableWith({
      baseUrl: 'https://x.test',
      rateLimit: { burst: 1, perSecond: 1 },
      now: () => 0,
    })
    // @ts-expect-error port belongs to startMockTenant
    createMockTenant({ port: 1 })
    // @ts-expect-error a server is named after its port
    void startMockTenant({ baseUrl: 'https://x.test' })
    // @ts-expect-error a rate limit needs both fields
    void startMockTenant({ rateLimit: { burst: 1 } })
  })

  it('a bad option is a TypeError with the shape of core OptionsError', () => {
    expectTypeOf<MockTenantOptionsError>().toExtend<TypeError>()
    expectTypeOf<MockTenantOptionsError['code']>().toEqualTypeOf<'invalid_options'>()
    expectTypeOf<MockTenantOptionsError['problems']>().toEqualTypeOf<readonly string[]>()
    expectTypeOf<MockTenantOptionsError['where']>().toEqualTypeOf<string>()
  })

  it('exports the types of the operation table, so a lookup is typed to the end', () => {
    const op = MANAGEMENT_OPERATIONS[0]
    expectTypeOf(op).toEqualTypeOf<ManagementOperation | undefined>()
    expectTypeOf<ManagementOperation['body']>().toEqualTypeOf<BodyCheck | undefined>()
    expectTypeOf<ManagementOperation['query']>().toEqualTypeOf<
      Readonly<Record<string, QueryCheck>> | undefined
    >()
    expectTypeOf<ManagementOperation['response']>().toEqualTypeOf<ResponseSpec>()
    expectTypeOf<ManagementOperation['scopesInferred']>().toEqualTypeOf<
      ScopeInference | undefined
    >()
    expectTypeOf<ResponseSpec['item']>().toEqualTypeOf<ShapeRef | undefined>()
    expectTypeOf(MANAGEMENT_SHAPES).toEqualTypeOf<Readonly<Record<string, Shape>>>()
  })
})
