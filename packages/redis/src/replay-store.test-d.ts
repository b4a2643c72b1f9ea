import type { ReplayStore as CoreReplayStore } from '@auth0-ts/core'
import { describe, expectTypeOf, it } from 'vitest'
import { createRedisReplayStore, type RedisReplayStore, type ReplayStore } from './index.js'

describe('the replay store contract', () => {
  it('is core’s, and the Redis store implements it', () => {
    expectTypeOf<ReplayStore>().toEqualTypeOf<CoreReplayStore>()
    expectTypeOf<RedisReplayStore>().toExtend<CoreReplayStore>()
    expectTypeOf(createRedisReplayStore).returns.toEqualTypeOf<RedisReplayStore>()
    expectTypeOf<RedisReplayStore['seen']>().toEqualTypeOf<
      (key: string, expiresAt: number) => Promise<boolean>
    >()
  })
})
