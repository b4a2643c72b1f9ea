import { describe, expect, it } from 'vitest'
import { decodeBase64url, decodeJwt } from './jwt.js'

describe('decodeBase64url (strict)', () => {
  it.each([
    ['', undefined],
    ['QQ', [0x41]],
    ['QUI', [0x41, 0x42]],
    ['QUJD', [0x41, 0x42, 0x43]],
    ['-_8', [0xfb, 0xff]],
    ['QQ==', undefined],
    ['QR', undefined], // non-zero trailing bits: another spelling of "QQ"
    ['QUJ', undefined],
    ['Q', undefined], // length % 4 === 1
    ['+/8', undefined],
    ['QU I', undefined],
    ['QUI\n', undefined],
    ['QUé', undefined],
  ])('%j → %j', (text, bytes) => {
    const decoded = decodeBase64url(text)
    expect(decoded === undefined ? undefined : [...decoded]).toEqual(bytes)
  })

  it('round-trips every byte value', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i)
    expect(decodeBase64url(Buffer.from(all).toString('base64url'))).toEqual(all)
  })
})

describe('decodeJwt', () => {
  const seg = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  it('returns the header, payload, signing input and signature bytes', () => {
    const token = `${seg({ alg: 'RS256', kid: 'k' })}.${seg({ sub: 'u' })}.QUJD`
    const jwt = decodeJwt(token, 1000, 'ID token')
    expect(jwt).toMatchObject({
      alg: 'RS256',
      kid: 'k',
      header: { alg: 'RS256', kid: 'k' },
      payload: { sub: 'u' },
    })
    expect(new TextDecoder().decode(jwt.signingInput)).toBe(token.slice(0, token.lastIndexOf('.')))
    expect([...jwt.signature]).toEqual([0x41, 0x42, 0x43])
  })

  it('checks the length before parsing anything', () => {
    expect(() => decodeJwt('x'.repeat(11), 10, 'access token')).toThrow(
      'The access token is 11 characters long; the limit is 10.',
    )
  })

  it.each([
    [
      { alg: 'RS256', zip: 'DEF' },
      'token could not be decoded: the "zip" header is not supported.',
    ],
    [
      { alg: 'RS256', crit: ['b64'], b64: false },
      'The ID token has critical header parameters that are not supported: ["b64"].',
    ],
    [{ alg: 5 }, 'token could not be decoded: the header has no "alg".'],
  ])('refuses header %j', (header, message) => {
    expect(() => decodeJwt(`${seg(header)}.${seg({})}.QUJD`, 1000, 'ID token')).toThrow(message)
  })
})
