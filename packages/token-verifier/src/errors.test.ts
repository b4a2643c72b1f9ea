import { describe, expect, it } from 'vitest'
import {
  renderAlike,
  show,
  TOKEN_VALIDATION_ERROR_CODES,
  TokenValidationError,
  type OAuthErrorCode,
  type TokenValidationErrorCode,
} from './errors.js'

describe('renderAlike', () => {
  it.each([
    ['NFC against NFD', 'caf\u00e9', 'cafe\u0301', true],
    ['a Cyrillic е', 'https://example.com/', 'https://\u0435xample.com/', true],
    ['a Greek Ο', 'OK', '\u039fK', true],
    ['a zero-width space', 'CID', 'C\u200bID', true],
    ['a fullwidth letter', 'abc', 'ab\uff43', true],
    ['an accent dropped', 'café', 'cafe', true],
    ['equal strings', 'same', 'same', false],
    ['visibly different', 'café', 'thé', false],
    ['case', 'Acme', 'acme', false],
  ])('%s: %s / %s → %s', (_title, a, b, alike) => {
    expect(renderAlike(a, b)).toBe(alike)
    expect(renderAlike(b, a)).toBe(alike)
  })
})

describe('show', () => {
  it('strips control characters and caps the length', () => {
    expect(show('a\u0000b\nc\u2028')).toBe('abc')
    expect(show('x'.repeat(120))).toBe(`${'x'.repeat(100)}…`)
    expect(show({ a: 1 })).toBe('{"a":1}')
  })

  it('escapes everything outside printable ASCII when asked, astral characters included', () => {
    expect(show('caf\u00e9\u200b\n\u{1f600}', true)).toBe('caf\\u00e9\\u200b\\u000a\\u{1f600}')
    expect(show('\u0435'.repeat(30), true)).toHaveLength(101)
  })
})

describe('TokenValidationError.errorCode', () => {
  it('gives every code the OAuth error a resource server answers with (RFC 6750 §3.1, RFC 9449 §7.1 and §9)', () => {
    const byError = new Map<OAuthErrorCode | undefined, TokenValidationErrorCode[]>()
    for (const code of TOKEN_VALIDATION_ERROR_CODES) {
      const errorCode = new TokenValidationError(code, 'm').errorCode
      byError.set(errorCode, [...(byError.get(errorCode) ?? []), code])
    }
    expect(byError.get(undefined)).toEqual(['token_missing', 'dpop_required'])
    expect(byError.get('invalid_request')).toEqual(['authorization_invalid'])
    expect(byError.get('insufficient_scope')).toEqual([
      'scope_insufficient',
      'permissions_insufficient',
    ])
    expect(byError.get('use_dpop_nonce')).toEqual(['dpop_nonce_required'])
    expect(byError.get('invalid_dpop_proof')).toEqual([
      'dpop_proof_missing',
      'dpop_proof_multiple',
      'dpop_proof_too_large',
      'dpop_proof_malformed',
      'dpop_typ_invalid',
      'dpop_alg_invalid',
      'dpop_jwk_invalid',
      'dpop_signature_invalid',
      'dpop_htm_mismatch',
      'dpop_htu_mismatch',
      'dpop_iat_invalid',
      'dpop_ath_mismatch',
      'dpop_jti_replayed',
    ])
    expect(byError.get('invalid_token')).toEqual(
      expect.arrayContaining([
        'token_malformed',
        'dpop_bound_token_as_bearer',
        'signature_invalid',
        'exp_expired',
        'dpop_token_not_bound',
        'dpop_jkt_mismatch',
      ]),
    )
  })

  it('carries the server nonce, and toJSON gives the code, errorCode and message', () => {
    const error = new TokenValidationError('dpop_nonce_required', 'use the nonce', {
      dpopNonce: 'n0nce',
    })
    expect(error.dpopNonce).toBe('n0nce')
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'TokenValidationError',
      code: 'dpop_nonce_required',
      errorCode: 'use_dpop_nonce',
      message: 'use the nonce',
    })
    expect(new TokenValidationError('exp_expired', 'm')).not.toHaveProperty('dpopNonce')
  })
})
