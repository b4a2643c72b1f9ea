import { describe, expect, it } from 'vitest'
import { MockTenantOptionsError } from './options.js'
import { startMockTenant } from './server.js'
import { createMockTenant, type MockTenantOptions } from './tenant.js'

/** core's `isOptionsError`, restated: mock-tenant may not import core, but must pass its guard. */
const passesCoreGuard = (e: unknown) =>
  typeof e === 'object' &&
  e !== null &&
  (e as Record<symbol, unknown>)[Symbol.for('auth0-ts.OptionsError')] === true

function thrown(f: () => unknown): MockTenantOptionsError {
  try {
    f()
  } catch (e) {
    if (e instanceof MockTenantOptionsError) return e
    throw e
  }
  throw new Error('did not throw')
}

describe('mock tenant options', () => {
  it('lists every problem at once, by path, in the shape of core OptionsError', () => {
    const e = thrown(() =>
      createMockTenant({
        baseUrl: 'ftp://x/y',
        rateLimit: { burst: 0, perSecond: Number.POSITIVE_INFINITY },
        now: 5,
        seed: { users: 0, logs: 1.5, extra: 1 },
        redirectUris: ['ok', 7],
        port: 1,
      } as unknown as MockTenantOptions),
    )
    expect(e.problems).toEqual([
      'baseUrl: expected an http(s) origin without a path, query or hash',
      `rateLimit.burst: expected an integer from 1 to ${Number.MAX_SAFE_INTEGER}`,
      'rateLimit.perSecond: expected a finite number > 0',
      'now: expected a function',
      'seed.users: expected an integer from 1 to 100000',
      'seed.logs: expected an integer from 0 to 100000',
      'seed.extra: unknown option',
      'redirectUris: expected an array of strings',
      'port: unknown option',
    ])
    expect(e).toBeInstanceOf(TypeError)
    expect(e.name).toBe('OptionsError')
    expect(e.code).toBe('invalid_options')
    expect(e.where).toBe('mock tenant options')
    expect(e.message).toBe(`Invalid mock tenant options:\n  - ${e.problems.join('\n  - ')}`)
    expect(Object.isFrozen(e.problems)).toBe(true)
    expect(passesCoreGuard(e)).toBe(true)
    expect(Object.getOwnPropertyDescriptor(e, Symbol.for('auth0-ts.OptionsError'))).toMatchObject({
      enumerable: false,
    })
    expect(JSON.parse(JSON.stringify(e))).not.toHaveProperty('auth0-ts.OptionsError')
  })

  it.each<[unknown, string[]]>([
    ['nope', ['(root): expected an object']],
    [
      { baseUrl: 'https://t.test/path' },
      ['baseUrl: expected an http(s) origin without a path, query or hash'],
    ],
    [
      { baseUrl: 'not a url' },
      ['baseUrl: expected an http(s) origin without a path, query or hash'],
    ],
    [{ rateLimit: 'fast' }, ['rateLimit: expected an object { burst, perSecond }']],
    [{ rateLimit: { burst: 1 } }, ['rateLimit.perSecond: expected a finite number > 0']],
    [{ seed: [] }, ['seed: expected an object { users, logs }']],
  ])('%j', (options, problems) => {
    expect(thrown(() => createMockTenant(options as MockTenantOptions)).problems).toEqual(problems)
  })

  it('accepts every documented option, undefined for a default, and null for no limit', () => {
    const t = createMockTenant({
      baseUrl: 'http://localhost:4010',
      rateLimit: null,
      now: () => 0,
      seed: { users: 1, logs: 0 },
      redirectUris: ['http://app.test/cb'],
    })
    expect(t.url).toBe('http://localhost:4010')
    expect(t.clients.web.redirectUris).toContain('http://app.test/cb')
    expect(
      createMockTenant({ seed: undefined, rateLimit: undefined } as unknown as MockTenantOptions)
        .rateLimit,
    ).toBeNull()
  })

  it('setRateLimit throws the same error', () => {
    const t = createMockTenant({ seed: { users: 1, logs: 0 } })
    const e = thrown(() => t.setRateLimit({ burst: 2.5, perSecond: -1 }))
    expect(e.where).toBe('rate limit')
    expect(e.problems).toEqual([
      `rateLimit.burst: expected an integer from 1 to ${Number.MAX_SAFE_INTEGER}`,
      'rateLimit.perSecond: expected a finite number > 0',
    ])
    expect(t.rateLimit).toBeNull()
  })

  it('startMockTenant rejects bad server options before binding anything', async () => {
    const e: unknown = await startMockTenant({
      port: -1,
      host: '',
      baseUrl: 'https://t.test',
      seed: { users: 0 },
    } as never).catch((error: unknown) => error)
    expect(e).toBeInstanceOf(MockTenantOptionsError)
    expect((e as MockTenantOptionsError).problems).toEqual([
      'seed.users: expected an integer from 1 to 100000',
      'port: expected an integer from 0 to 65535',
      'host: expected a host name or address',
      'baseUrl: unknown option',
    ])
  })
})
