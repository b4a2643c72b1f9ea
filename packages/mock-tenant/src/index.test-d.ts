import type { HttpHandler } from 'msw'
import { describe, expectTypeOf, it } from 'vitest'
import {
  createMockTenant,
  startMockTenant,
  type MockTenant,
  type RunningMockTenant,
} from './index.js'

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

  it('createMockTenant gives msw handlers and takes only known options', () => {
    expectTypeOf(createMockTenant).returns.toEqualTypeOf<MockTenant>()
    expectTypeOf<MockTenant['handlers']>().toEqualTypeOf<HttpHandler[]>()
    expectTypeOf(createMockTenant).toBeCallableWith({
      baseUrl: 'https://x.test',
      rateLimit: { burst: 1, perSecond: 1 },
      now: () => 0,
    })
    // @ts-expect-error port belongs to startMockTenant
    createMockTenant({ port: 1 })
    // @ts-expect-error a rate limit needs both fields
    void startMockTenant({ rateLimit: { burst: 1 } })
  })
})
