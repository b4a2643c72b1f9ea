import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { parseOptions, resolveBaseUrl, resolveRestClientOptions } from './options.js'

describe('resolveRestClientOptions', () => {
  it('fills Python defaults', () => {
    expect(resolveRestClientOptions(undefined)).toEqual({
      telemetry: true,
      timeout: 5000,
      retries: 3,
      maxRetryDelay: 10_000,
    })
  })

  it.each([
    [-5, 0],
    [11, 10],
    [100, 10],
    [2.7, 2],
  ])('clamps retries %s to %s', (input, expected) => {
    expect(resolveRestClientOptions({ retries: input }).retries).toBe(expected)
  })

  it('freezes the result', () => {
    expect(Object.isFrozen(resolveRestClientOptions({}))).toBe(true)
  })

  it('lists every problem in one TypeError', () => {
    const bad = {
      timeout: -1,
      telemetry: 'yes',
      retries: Number.NaN,
      maxRetryDelay: Infinity,
      extra: 1,
    }
    expect(() => resolveRestClientOptions(bad as never)).toThrow(TypeError)
    try {
      resolveRestClientOptions(bad as never)
    } catch (e) {
      const m = (e as Error).message
      expect(m).toContain('timeout: must be > 0')
      expect(m).toContain('telemetry: expected boolean')
      expect(m).toContain('retries:')
      expect(m).toContain('maxRetryDelay:')
      expect(m).toContain("unknown option 'extra'")
    }
  })
})

describe('parseOptions', () => {
  it('returns frozen parsed data', () => {
    const r = parseOptions(z.object({ a: z.string() }), { a: 'x' }, 'thing')
    expect(r).toEqual({ a: 'x' })
    expect(Object.isFrozen(r)).toBe(true)
  })
})

describe('resolveBaseUrl', () => {
  it.each([
    ['tenant.auth0.com', 'https', 'https://tenant.auth0.com'],
    ['127.0.0.1:4010', 'http', 'http://127.0.0.1:4010'],
    ['[::1]:8080', 'http', 'http://[::1]:8080'],
  ])('%s over %s', (domain, protocol, url) => {
    expect(resolveBaseUrl(domain, protocol)).toBe(url)
  })

  it.each(['https://tenant.auth0.com', 'tenant.auth0.com/path', 'user:pw@host', '', ' ', 'a b'])(
    'rejects %j',
    (domain) => {
      expect(() => resolveBaseUrl(domain)).toThrow(TypeError)
    },
  )

  it('rejects an unknown protocol', () => {
    expect(() => resolveBaseUrl('t.example.com', 'ftp')).toThrow(/protocol/)
  })
})
