import type { CachedToken as CoreCachedToken, TokenCache as CoreTokenCache } from '@auth0-ts/core'
import { describe, expectTypeOf, it } from 'vitest'
import type { CachedToken, RedisTokenCache, TokenCache } from './index.js'
import { createRedisTokenCache } from './index.js'

describe('the token cache contract', () => {
  it('is core’s, defined once: the names this package exports are core’s types', () => {
    expectTypeOf<TokenCache>().toEqualTypeOf<CoreTokenCache>()
    expectTypeOf<CachedToken>().toEqualTypeOf<CoreCachedToken>()
  })

  it('implements it, with the optional delete and lock present', () => {
    expectTypeOf<RedisTokenCache>().toExtend<CoreTokenCache>()
    expectTypeOf(createRedisTokenCache).returns.toEqualTypeOf<RedisTokenCache>()
    expectTypeOf<RedisTokenCache['delete']>().toEqualTypeOf<(key: string) => Promise<void>>()
    expectTypeOf<RedisTokenCache['lock']>().not.toBeUndefined()
  })
})
