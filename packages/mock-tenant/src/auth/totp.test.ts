import { describe, expect, it } from 'vitest'
import { base32, checkTotp, fromBase32, hotp, newTotpSecret, totp } from './totp.js'

// RFC 6238 Appendix B (SHA-1): the shared secret is the ASCII string "12345678901234567890".
const RFC_SECRET = base32(Buffer.from('12345678901234567890'))

describe('TOTP', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('RFC 6238 at %i s: %s', (seconds, expected) => {
    expect(hotp(Buffer.from('12345678901234567890'), Math.floor(seconds / 30), 8)).toBe(expected)
    expect(totp(RFC_SECRET, seconds * 1000)).toBe(expected.slice(2))
  })

  it('accepts the step before and after, not two steps away', () => {
    const at = 1111111109_000
    const code = totp(RFC_SECRET, at)
    expect(checkTotp(RFC_SECRET, code, at + 30_000)).toBe(true)
    expect(checkTotp(RFC_SECRET, code, at - 30_000)).toBe(true)
    expect(checkTotp(RFC_SECRET, code, at + 60_000)).toBe(false)
  })

  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('base32 of %j is %s (RFC 4648 §10, unpadded) and back', (text, encoded) => {
    expect(base32(Buffer.from(text))).toBe(encoded)
    expect(fromBase32(encoded).toString()).toBe(text)
  })

  it('makes 160-bit secrets and refuses what is not base32', () => {
    expect(newTotpSecret()).toMatch(/^[A-Z2-7]{32}$/)
    expect(() => fromBase32('not base32!')).toThrow(TypeError)
  })
})
