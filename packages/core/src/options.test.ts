import { describe, expect, it } from 'vitest'
import { isOptionsError } from './options-error.js'
import {
  baseUrlProblems,
  resolveBaseUrl,
  resolveRestClientOptions,
  restOptionsProblems,
} from './options.js'

describe('resolveRestClientOptions', () => {
  it('fills Python defaults', () => {
    expect(resolveRestClientOptions(undefined)).toEqual({
      telemetry: true,
      timeout: 5000,
      retries: 3,
      maxRetryDelay: 10_000,
      maxResponseSize: 10 * 1024 * 1024,
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
      expect(m).toContain('timeout: expected a finite number > 0')
      expect(m).toContain('telemetry: expected a boolean')
      expect(m).toContain('retries:')
      expect(m).toContain('maxRetryDelay:')
      expect(m).toContain('extra: unknown option')
    }
  })
})

describe('restOptionsProblems', () => {
  it('lists problems by path under a prefix, for a client to combine with its own', () => {
    expect(restOptionsProblems({ timeout: 0, colour: 'red' })).toEqual([
      'restOptions.colour: unknown option',
      'restOptions.timeout: expected a finite number > 0',
    ])
    expect(restOptionsProblems('fast')).toEqual(['restOptions: expected an object'])
    expect(restOptionsProblems(undefined)).toEqual([])
  })

  it('throws one OptionsError from resolveRestClientOptions', () => {
    let error: unknown
    try {
      resolveRestClientOptions({ retries: Number.NaN })
    } catch (e) {
      error = e
    }
    expect(isOptionsError(error)).toBe(true)
    expect((error as Error).message).toBe(
      'Invalid restOptions:\n  - retries: expected a finite number',
    )
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

  it('returns the problems of a domain and protocol together, for callers to combine', () => {
    expect(baseUrlProblems('https://t.example.com', 'ftp')).toEqual([
      'domain: expected a host name with an optional port, such as "tenant.auth0.com" (got "https://t.example.com")',
      'protocol: expected one of "https", "http"',
    ])
    expect(baseUrlProblems('t.example.com')).toEqual([])
  })
})
