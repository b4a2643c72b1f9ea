// The worked examples of RFC 9449 (and RFC 7638's thumbprint example), transcribed from the RFCs, checked by the
// proof checks of dpop.ts under the RFC's own clock, on both crypto back-ends. The RFC signs its examples with a key
// whose private half it does not publish, and its access token is opaque (not a JWT), so the examples are checked
// here, a layer below verifyRequest: every proof check (structure, signature, htm, htu, iat), `ath` and the key's
// `jkt`. verifyRequest runs the same functions (dpop.test.ts).
import { createMemoryReplayStore } from '@auth0-ts/core'
import { describe, expect, it } from 'vitest'
import { ASYMMETRIC_ALGORITHMS, type PublicJwk } from './algorithms.js'
import type { CryptoBackend } from './backend.js'
import { cryptoBackend as nodeBackend } from './backend.node.js'
import { cryptoBackend as webBackend } from './backend.web.js'
import {
  accessTokenHash,
  checkProofClaims,
  decodeProof,
  jwkThumbprint,
  normalizeUri,
  verifyProofSignature,
  type DPoPSettings,
} from './dpop.js'
import { rejection } from './test-utils/index.js'

/** RFC 9449 §4.1 (and the token request of §5): a proof for POST https://server.example.com/token. */
const TOKEN_REQUEST_PROOF =
  'eyJ0eXAiOiJkcG9wK2p3dCIsImFsZyI6IkVTMjU2IiwiandrIjp7Imt0eSI6IkVDIiwieCI6Imw4dEZyaHgtMzR0VjNoUklDUkRZOXpDa0RscEJoRjQyVVFVZldWQVdCRnMiLCJ5IjoiOVZFNGpmX09rX282NHpiVFRsY3VOSmFqSG10NnY5VERWclUwQ2R2R1JEQSIsImNydiI6IlAtMjU2In19' +
  '.eyJqdGkiOiItQndDM0VTYzZhY2MybFRjIiwiaHRtIjoiUE9TVCIsImh0dSI6Imh0dHBzOi8vc2VydmVyLmV4YW1wbGUuY29tL3Rva2VuIiwiaWF0IjoxNTYyMjYyNjE2fQ' +
  '.2-GxA6T8lP4vfrg8v-FdWP0A0zdrj8igiMLvqRMUvwnQg4PtFLbdLXiOSsX0x7NVY-FNyJK70nfbV37xRZT3Lg'
/** RFC 9449 §7.1: a proof for GET https://resource.example.org/protectedresource, with `ath`. */
const RESOURCE_PROOF =
  'eyJ0eXAiOiJkcG9wK2p3dCIsImFsZyI6IkVTMjU2IiwiandrIjp7Imt0eSI6IkVDIiwieCI6Imw4dEZyaHgtMzR0VjNoUklDUkRZOXpDa0RscEJoRjQyVVFVZldWQVdCRnMiLCJ5IjoiOVZFNGpmX09rX282NHpiVFRsY3VOSmFqSG10NnY5VERWclUwQ2R2R1JEQSIsImNydiI6IlAtMjU2In19' +
  '.eyJqdGkiOiJlMWozVl9iS2ljOC1MQUVCIiwiaHRtIjoiR0VUIiwiaHR1IjoiaHR0cHM6Ly9yZXNvdXJjZS5leGFtcGxlLm9yZy9wcm90ZWN0ZWRyZXNvdXJjZSIsImlhdCI6MTU2MjI2MjYxOCwiYXRoIjoiZlVIeU8ycjJaM0RaNTNFc05yV0JiMHhXWG9hTnk1OUlpS0NBcWtzbVFFbyJ9' +
  '.2oW9RP35yRqzhrtNP86L-Ey71EOptxRimPPToA1plemAgR6pxHF8y6-yqyVnmcw6Fy1dqd-jfxSYoMxhAJpLjA'
/** RFC 9449 §7.1: the access token the resource request carries (`Authorization: DPoP …`). */
const RESOURCE_ACCESS_TOKEN = 'Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU'
/** RFC 9449 §4.1: the public key both proofs carry. */
const RFC_9449_JWK = {
  kty: 'EC',
  crv: 'P-256',
  x: 'l8tFrhx-34tV3hRICRDY9zCkDlpBhF42UQUfWVAWBFs',
  y: '9VE4jf_Ok_o64zbTTlcuNJajHmt6v9TDVrU0CdvGRDA',
} as const
/** RFC 9449 §6.1: the `cnf.jkt` of a token bound to that key. */
const RFC_9449_JKT = '0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I'
/** RFC 7638 §3.1: an RSA key and its thumbprint. */
const RFC_7638_JWK: PublicJwk = {
  kty: 'RSA',
  n:
    '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn6' +
    '4tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n9' +
    '1CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
  e: 'AQAB',
}
const RFC_7638_THUMBPRINT = 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs'

const settings: DPoPSettings = {
  required: false,
  algorithms: ASYMMETRIC_ALGORITHMS,
  maxAge: 300,
  leeway: 30,
  replayStore: createMemoryReplayStore(),
  nonces: undefined,
  maxProofLength: 8192,
}
const BACKENDS = [
  ['web', webBackend],
  ['node', nodeBackend],
] as [string, CryptoBackend][]

describe.each(BACKENDS)("RFC 9449's worked examples (%s back-end)", (_name, backend) => {
  it('§4.1: the token request proof verifies at its iat, for POST https://server.example.com/token', async () => {
    const proof = decodeProof(TOKEN_REQUEST_PROOF, settings)
    expect(proof).toMatchObject({
      alg: 'ES256',
      jwk: RFC_9449_JWK,
      jti: '-BwC3ESc6acc2lTc',
      htm: 'POST',
      htu: 'https://server.example.com/token',
      iat: 1562262616,
      ath: undefined,
    })
    await verifyProofSignature(proof, backend)
    const target = {
      method: 'POST',
      uri: normalizeUri('https://server.example.com/token') as string,
      now: 1562262616,
    }
    expect(() => checkProofClaims(proof, target, settings)).not.toThrow()
    // §6.1: a token issued for this proof is bound to the key's thumbprint
    expect(await jwkThumbprint(proof.jwk, backend)).toBe(RFC_9449_JKT)
  })

  it('§7.1: the resource request proof verifies at its iat, with ath the hash of the access token', async () => {
    const proof = decodeProof(RESOURCE_PROOF, settings)
    expect(proof).toMatchObject({
      jti: 'e1j3V_bKic8-LAEB',
      htm: 'GET',
      htu: 'https://resource.example.org/protectedresource',
      iat: 1562262618,
    })
    await verifyProofSignature(proof, backend)
    const uri = normalizeUri('https://resource.example.org/protectedresource') as string
    const target = { method: 'GET', uri, now: 1562262618 }
    expect(() => checkProofClaims(proof, target, settings)).not.toThrow()
    expect(proof.ath).toBe('fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo')
    expect(await accessTokenHash(RESOURCE_ACCESS_TOKEN, backend)).toBe(proof.ath)
    expect(await jwkThumbprint(proof.jwk, backend)).toBe(RFC_9449_JKT)
  })

  it('the same proofs are refused for another request, past their lifetime, or altered', async () => {
    const proof = decodeProof(RESOURCE_PROOF, settings)
    const uri = normalizeUri('https://resource.example.org/protectedresource') as string
    const check = (target: { method: string; uri: string; now: number }) => {
      try {
        checkProofClaims(proof, target, settings)
        return 'accepted'
      } catch (e) {
        return (e as { code: string }).code
      }
    }
    expect(check({ method: 'POST', uri, now: 1562262618 })).toBe('dpop_htm_mismatch')
    expect(check({ method: 'GET', uri: `${uri}2`, now: 1562262618 })).toBe('dpop_htu_mismatch')
    expect(check({ method: 'GET', uri, now: 1562262618 + 330 })).toBe('accepted')
    expect(check({ method: 'GET', uri, now: 1562262618 + 331 })).toBe('dpop_iat_invalid')
    expect(check({ method: 'GET', uri, now: 1562262618 - 31 })).toBe('dpop_iat_invalid')
    expect(await accessTokenHash(`${RESOURCE_ACCESS_TOKEN}x`, backend)).not.toBe(proof.ath)
    // one claim changed (GET for POST) in the signed payload: the RFC's signature no longer holds
    const [head, body, signature] = TOKEN_REQUEST_PROOF.split('.') as [string, string, string]
    const altered = Buffer.from(
      Buffer.from(body, 'base64url').toString().replace('POST', 'GET!'),
    ).toString('base64url')
    const forged = decodeProof(`${head}.${altered}.${signature}`, settings)
    expect(await rejection(verifyProofSignature(forged, backend))).toMatchObject({
      code: 'dpop_signature_invalid',
    })
  })

  it("RFC 7638 §3.1: the RSA example key's thumbprint", async () => {
    expect(await jwkThumbprint(RFC_7638_JWK, backend)).toBe(RFC_7638_THUMBPRINT)
  })
})
