import { describe, expect, it } from 'vitest'
import { isOptionsError } from './options-error.js'
import { createMemoryReplayStore } from './replay-store.js'

const T0 = 1_700_000_000_000 // epoch ms

/** A store on a clock that moves only when a test moves it. */
function store(maxEntries?: number) {
  const clock = { now: T0 }
  const replay = createMemoryReplayStore({
    now: () => clock.now,
    ...(maxEntries === undefined ? {} : { maxEntries }),
  })
  return { clock, replay }
}

describe('createMemoryReplayStore', () => {
  it('records a key once and reports every later use as a replay until it expires', async () => {
    const { clock, replay } = store()
    expect(await replay.seen('a', T0 + 1000)).toBe(false)
    expect(await replay.seen('a', T0 + 1000)).toBe(true)
    expect(await replay.seen('a', T0 + 5000)).toBe(true) // a later expiry does not reset it
    expect(await replay.seen('b', T0 + 1000)).toBe(false)
    clock.now = T0 + 999
    expect(await replay.seen('a', T0 + 2000)).toBe(true)
    clock.now = T0 + 1000 // expiresAt is exclusive: forgotten at that millisecond
    expect(await replay.seen('a', T0 + 2000)).toBe(false)
    expect(await replay.seen('a', T0 + 2000)).toBe(true)
  })

  it('answers concurrent calls with one key false exactly once', async () => {
    const { replay } = store()
    const answers = await Promise.all(Array.from({ length: 20 }, () => replay.seen('k', T0 + 10)))
    expect(answers.filter((a) => !a)).toHaveLength(1)
  })

  it('does not record a key whose expiry is already past', async () => {
    const { replay } = store()
    expect(await replay.seen('late', T0)).toBe(false)
    expect(await replay.seen('late', T0 - 1)).toBe(false)
    expect(await replay.seen('late', T0 + 1)).toBe(false)
    expect(await replay.seen('late', T0 + 1)).toBe(true)
  })

  it('holds at most maxEntries keys, forgetting expired ones first and then the oldest', async () => {
    const { clock, replay } = store(3)
    await replay.seen('short', T0 + 10)
    await replay.seen('long-1', T0 + 1000)
    await replay.seen('long-2', T0 + 1000)
    clock.now = T0 + 10
    await replay.seen('long-3', T0 + 1000) // 'short' has expired: it makes room
    expect(await replay.seen('long-1', T0 + 1000)).toBe(true)
    expect(await replay.seen('long-2', T0 + 1000)).toBe(true)
    expect(await replay.seen('long-3', T0 + 1000)).toBe(true)
    await replay.seen('long-4', T0 + 1000) // full of live keys: the oldest, long-1, goes
    expect(await replay.seen('long-2', T0 + 1000)).toBe(true)
    expect(await replay.seen('long-3', T0 + 1000)).toBe(true)
    expect(await replay.seen('long-4', T0 + 1000)).toBe(true)
    expect(await replay.seen('long-1', T0 + 1000)).toBe(false)
  })

  it('stays bounded under a flood of distinct keys', async () => {
    const { replay } = store(100)
    for (let i = 0; i < 10_000; i++) await replay.seen(`flood-${i}`, T0 + 60_000)
    // the last 100 are remembered, the one before them is not
    expect(await replay.seen('flood-9999', T0 + 60_000)).toBe(true)
    expect(await replay.seen('flood-9901', T0 + 60_000)).toBe(true)
    expect(await replay.seen('flood-9899', T0 + 60_000)).toBe(false)
  })

  it('rejects bad arguments and lists every bad option', async () => {
    const { replay } = store()
    await expect(replay.seen(1 as unknown as string, T0)).rejects.toBeInstanceOf(TypeError)
    await expect(replay.seen('k', Number.NaN)).rejects.toBeInstanceOf(TypeError)
    let error: unknown
    try {
      createMemoryReplayStore({ maxEntries: 0.5, now: 'clock' as unknown as () => number })
    } catch (e) {
      error = e
    }
    expect(isOptionsError(error) && error.problems).toEqual([
      `maxEntries: expected an integer from 1 to ${Number.MAX_SAFE_INTEGER}`,
      'now: expected a function',
    ])
  })
})
