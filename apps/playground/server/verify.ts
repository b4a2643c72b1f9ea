// ID-token verification with token-verifier, reported as the list of checks it runs, in its order: the ones
// before the failing check passed, the failing one failed, the rest never ran.
import {
  isJwksFetchError,
  isTokenValidationError,
  type JwksFetchErrorCode,
  type TokenValidationErrorCode,
  type TokenVerifier,
} from '@auth0-ts/token-verifier'
import type { CheckResult, VerifyResponse } from '../shared/api.js'
import { errorView, type Secrets } from './secrets.js'

type Claims = Record<string, unknown>

interface Check {
  id: string
  label: string
  /** The codes that fail this check; the key server's outages (`JwksFetchError`) fail the key check. */
  codes: readonly (TokenValidationErrorCode | JwksFetchErrorCode)[]
  detail: (claims: Claims, expected: Expected) => string
  /** Only run in some cases (a nonce was sent, `aud` has several values). */
  applies?: (claims: Claims, expected: Expected) => boolean
}

interface Expected {
  issuer: string
  audience: string
  nonce: string | undefined
}

const show = (v: unknown) =>
  v === undefined ? '(missing)' : typeof v === 'string' ? v : JSON.stringify(v)
const time = (v: unknown) =>
  typeof v === 'number' ? `${v} (${new Date(v * 1000).toISOString()})` : show(v)

const CHECKS: readonly Check[] = [
  {
    id: 'format',
    label: 'Well-formed JWT (three base64url parts, JSON header and payload)',
    codes: ['token_missing', 'token_too_large', 'token_malformed'],
    detail: () => 'header.payload.signature',
  },
  {
    id: 'alg',
    label: 'Algorithm is RS256',
    codes: ['alg_mismatch', 'crit_unsupported', 'typ_invalid'],
    detail: () => 'expected RS256',
  },
  {
    id: 'key',
    label: 'Signing key found in the JWKS',
    codes: ['jwks_fetch_failed', 'jwks_invalid', 'key_not_found', 'key_invalid'],
    detail: () => '/.well-known/jwks.json',
  },
  {
    id: 'signature',
    label: 'Signature is valid',
    codes: ['signature_invalid'],
    detail: () => 'RSASSA-PKCS1-v1_5 SHA-256 over header.payload',
  },
  {
    id: 'iss',
    label: 'Issuer (iss) is the tenant',
    codes: ['iss_missing', 'iss_mismatch'],
    detail: (c, e) => `${show(c['iss'])}, expected ${e.issuer}`,
  },
  {
    id: 'sub',
    label: 'Subject (sub) is present',
    codes: ['sub_missing'],
    detail: (c) => show(c['sub']),
  },
  {
    id: 'aud',
    label: 'Audience (aud) is this application',
    codes: ['aud_missing', 'aud_mismatch'],
    detail: (c, e) => `${show(c['aud'])}, expected ${e.audience}`,
  },
  {
    id: 'exp',
    label: 'Not expired (exp), not used before nbf',
    codes: ['exp_missing', 'exp_expired', 'nbf_invalid', 'nbf_future'],
    detail: (c) => `exp ${time(c['exp'])}`,
  },
  {
    id: 'iat',
    label: 'Issued at (iat) is present',
    codes: ['iat_missing'],
    detail: (c) => time(c['iat']),
  },
  {
    id: 'nonce',
    label: 'Nonce matches the one sent to /authorize',
    codes: ['nonce_missing', 'nonce_mismatch'],
    detail: (c, e) => `${show(c['nonce'])}, expected ${show(e.nonce)}`,
    applies: (_, e) => e.nonce !== undefined,
  },
  {
    id: 'azp',
    label: 'Authorized party (azp) is this application',
    codes: ['azp_missing', 'azp_mismatch'],
    detail: (c) => show(c['azp']),
    applies: (c) => Array.isArray(c['aud']) && c['aud'].length > 1,
  },
]

/** The payload of a JWT, without verifying anything; `{}` when it cannot be read. For display only. */
export function decodePayload(token: string): Claims {
  try {
    const part = token.split('.')[1] ?? ''
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'))
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Claims)
      : {}
  } catch {
    return {}
  }
}

/** Verifies `idToken` and reports every check. */
export async function verifyWithChecks(
  verifier: TokenVerifier,
  idToken: string,
  expected: Expected,
  secrets: Secrets,
): Promise<VerifyResponse> {
  const claims = decodePayload(idToken)
  let failedCode: string | undefined
  let response: Omit<VerifyResponse, 'checks'> = { valid: true }
  try {
    await verifier.verify(idToken, expected.nonce === undefined ? {} : { nonce: expected.nonce })
  } catch (error) {
    if (isTokenValidationError(error) || isJwksFetchError(error)) failedCode = error.code
    response = { valid: false, error: errorView(error, secrets) }
  }
  let failedAt =
    failedCode === undefined
      ? -1
      : CHECKS.findIndex((c) => (c.codes as readonly string[]).includes(failedCode))
  // An error that is no check's (a bad option) still means nothing after the start can be trusted.
  if (!response.valid && failedAt === -1) failedAt = 0
  const checks: CheckResult[] = CHECKS.map((check, i) => ({
    id: check.id,
    label: check.label,
    status:
      check.applies?.(claims, expected) === false
        ? 'skipped'
        : failedAt === -1 || i < failedAt
          ? 'pass'
          : i === failedAt
            ? 'fail'
            : 'skipped',
    detail:
      check.applies?.(claims, expected) === false
        ? 'not applicable'
        : failedAt !== -1 && i > failedAt
          ? 'not run'
          : check.detail(claims, expected),
  }))
  return { ...response, checks }
}
