// The cache plugged into @auth0-ts/authentication's real token provider.
import { createTokenProvider } from '@auth0-ts/authentication'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createRedisTokenCache } from '../src/index.js'
import { useRedisServer } from '../src/test-utils/redis.js'
import { startTenant, type Tenant } from './fleet/tenant.mjs'

const ctx = useRedisServer()
let tenant: Tenant
beforeAll(async () => {
  tenant = await startTenant({ tokenDelay: () => 150 })
})
afterAll(() => tenant?.close())

/** A provider with its own Redis connection, as one process of a fleet would have. */
const makeProvider = () =>
  createTokenProvider({
    domain: tenant.domain,
    clientId: 'client-id',
    clientSecret: 'client-secret',
    protocol: 'http',
    audience: 'https://tenant.example/api/v2/',
    cache: ctx.track(createRedisTokenCache({ url: ctx.server.url })),
  })

it('gives createTokenProvider one token for every provider sharing the Redis cache', async () => {
  const providers = [makeProvider(), makeProvider(), makeProvider()]
  const tokens = await Promise.all(providers.map((p) => p.getToken()))

  expect(tenant.stats.tokenRequests).toBe(1)
  expect(new Set(tokens)).toEqual(new Set(['test-access-token-1']))
  expect(providers.map((p) => p.stats.fetches).sort()).toEqual([0, 0, 1])
  const stored = JSON.parse(
    (await ctx.redis.get(`auth0-ts:token:${providers[0]?.cacheKey}`)) ?? '{}',
  )
  expect(stored).toMatchObject({ accessToken: 'test-access-token-1', tokenType: 'Bearer' })

  const late = makeProvider()
  expect(await late.getToken()).toBe('test-access-token-1')
  expect(late.stats).toMatchObject({ hits: 1, fetches: 0 })
})
