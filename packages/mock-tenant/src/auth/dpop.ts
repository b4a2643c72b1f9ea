// DPoP (RFC 9449) on the server side, with jose directly: the proof checks of §4.3, the server nonce of §8 and §9,
// and the binding of a token (`cnf.jkt`, the RFC 7638 thumbprint of the proof's key).
import { createHash } from 'node:crypto'
import {
  EmbeddedJWK,
  calculateJwkThumbprint,
  decodeProtectedHeader,
  jwtVerify,
  type JWK,
  type JWTPayload,
} from 'jose'
import type { TenantContext } from '../context.js'
import { HttpError, isObject } from '../http.js'
import { authStore, newNonce } from './store.js'

/** The proof algorithms accepted: asymmetric, as RFC 9449 requires. */
export const DPOP_ALGORITHMS = ['ES256', 'RS256', 'PS256', 'EdDSA']
const MAX_PROOF_LENGTH = 8192
const IAT_PAST_S = 300
const IAT_FUTURE_S = 60
const MAX_SEEN = 10_000
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k']
const COMPACT_JWS = /^[\w-]+\.[\w-]+\.[\w-]+$/

const KEY_FITS: Readonly<Record<string, (jwk: JWK) => boolean>> = {
  ES256: (k) => k.kty === 'EC' && k.crv === 'P-256',
  RS256: (k) => k.kty === 'RSA',
  PS256: (k) => k.kty === 'RSA',
  EdDSA: (k) => k.kty === 'OKP' && k.crv === 'Ed25519',
}

export type DPoPErrorCode = 'invalid_dpop_proof' | 'use_dpop_nonce'

/** The outcome of a proof: the thumbprint of its key, or why it is refused. */
export type ProofCheck =
  { ok: true; jkt: string } | { ok: false; error: DPoPErrorCode; description: string }

const refuse = (description: string, error: DPoPErrorCode = 'invalid_dpop_proof'): ProofCheck => ({
  ok: false,
  error,
  description,
})

/** The SHA-256 of an access token, base64url: a proof's `ath`. */
const accessTokenHash = (accessToken: string) =>
  createHash('sha256').update(accessToken).digest('base64url')

/** Whether `htu` names the request's URL: same scheme, host and path, and no query or fragment of its own. */
function sameTarget(htu: unknown, url: URL): boolean {
  if (typeof htu !== 'string' || /[?#]/.test(htu) || !URL.canParse(htu)) return false
  const target = new URL(htu)
  return (
    target.protocol === url.protocol && target.host === url.host && target.pathname === url.pathname
  )
}

/** The structural checks of the header, before any crypto. */
function headerProblem(proof: string): string | undefined {
  let header: ReturnType<typeof decodeProtectedHeader>
  try {
    header = decodeProtectedHeader(proof)
  } catch {
    return 'The DPoP proof header is not valid JSON'
  }
  if (header.typ !== 'dpop+jwt') return 'The DPoP proof typ must be dpop+jwt'
  const fits = typeof header.alg === 'string' ? KEY_FITS[header.alg] : undefined
  if (!fits || !Object.hasOwn(KEY_FITS, header.alg as string))
    return `The DPoP proof alg must be one of ${DPOP_ALGORITHMS.join(', ')}`
  const jwk = header.jwk
  if (!isObject(jwk)) return 'The DPoP proof has no jwk header'
  if (PRIVATE_MEMBERS.some((m) => Object.hasOwn(jwk, m)))
    return 'The DPoP proof jwk must be a public key'
  if (!fits(jwk)) return `The DPoP proof jwk does not fit alg ${String(header.alg)}`
  return undefined
}

/** A claim problem of a verified proof, in the order RFC 9449 §4.3 lists the checks. */
function claimProblem(
  ctx: TenantContext,
  payload: JWTPayload,
  method: string,
  url: URL,
  accessToken: string | undefined,
): ProofCheck | undefined {
  if (typeof payload.jti !== 'string' || payload.jti === '' || payload.jti.length > 256)
    return refuse('The DPoP proof has no jti')
  if (payload['htm'] !== method) return refuse('The DPoP proof htm does not match the method')
  if (!sameTarget(payload['htu'], url)) return refuse('The DPoP proof htu does not match the URL')
  const nowS = ctx.now() / 1000
  if (typeof payload.iat !== 'number') return refuse('The DPoP proof has no iat')
  if (payload.iat < nowS - IAT_PAST_S || payload.iat > nowS + IAT_FUTURE_S)
    return refuse('The DPoP proof iat is outside the acceptable window')
  const { settings, dpop } = authStore(ctx)
  if (settings.dpopNonce) {
    const nonce = payload['nonce']
    if (nonce !== dpop.nonce && (nonce === undefined || nonce !== dpop.previousNonce))
      return refuse(
        nonce === undefined
          ? 'Authorization server requires nonce in DPoP proof'
          : 'The DPoP proof nonce is stale',
        'use_dpop_nonce',
      )
  }
  if (accessToken !== undefined && payload['ath'] !== accessTokenHash(accessToken))
    return refuse('The DPoP proof ath does not match the access token')
  return undefined
}

/** Remembers a proof's jti until its iat leaves the window; false when it was seen before. */
function firstUse(ctx: TenantContext, jkt: string, jti: string, iat: number): boolean {
  const { seen } = authStore(ctx).dpop
  const key = `${jkt} ${jti}`
  const now = ctx.now()
  const known = seen.get(key)
  if (known !== undefined && known > now) return false
  if (seen.size >= MAX_SEEN) for (const [k, until] of seen) if (until <= now) seen.delete(k)
  seen.set(key, (iat + IAT_PAST_S + IAT_FUTURE_S) * 1000)
  return true
}

/**
 * Checks the request's DPoP proof (RFC 9449 §4.3), with `ath` against `accessToken` at a resource; `undefined` when
 * the request carries none. A hostile proof is refused, never a crash.
 */
export async function checkProof(
  ctx: TenantContext,
  request: Request,
  url: URL,
  accessToken?: string,
): Promise<ProofCheck | undefined> {
  const proof = request.headers.get('dpop')
  if (proof === null) return undefined
  // Several DPoP headers arrive joined with commas, which a compact JWS never contains.
  if (proof.includes(',')) return refuse('Exactly one DPoP header is allowed')
  if (proof.length > MAX_PROOF_LENGTH) return refuse('The DPoP proof is too large')
  if (!COMPACT_JWS.test(proof)) return refuse('The DPoP proof is not a compact JWS')
  const problem = headerProblem(proof)
  if (problem !== undefined) return refuse(problem)
  let payload: JWTPayload
  let jwk: JWK
  try {
    const verified = await jwtVerify(proof, EmbeddedJWK, {
      algorithms: DPOP_ALGORITHMS,
      typ: 'dpop+jwt',
      currentDate: new Date(ctx.now()),
    })
    payload = verified.payload
    jwk = verified.protectedHeader.jwk as JWK
  } catch {
    return refuse('The DPoP proof signature is invalid')
  }
  const claims = claimProblem(ctx, payload, request.method.toUpperCase(), url, accessToken)
  if (claims) return claims
  const jkt = await calculateJwkThumbprint(jwk, 'sha256')
  if (!firstUse(ctx, jkt, payload.jti as string, payload.iat as number))
    return refuse('The DPoP proof jti was already used')
  return { ok: true, jkt }
}

/** The `DPoP-Nonce` header every answer of a DPoP endpoint carries while nonces are required. */
export function nonceHeaders(ctx: TenantContext): Record<string, string> {
  const { settings, dpop } = authStore(ctx)
  return settings.dpopNonce ? { 'dpop-nonce': dpop.nonce } : {}
}

/** Starts a new server nonce; the one before stays good for proofs already on their way. */
export function rotateNonce(ctx: TenantContext): string {
  const { dpop } = authStore(ctx)
  dpop.previousNonce = dpop.nonce
  dpop.nonce = newNonce()
  return dpop.nonce
}

/** The thumbprint a token is bound to (`cnf.jkt`), or `undefined` for a bearer token. */
export function boundJkt(payload: JWTPayload): string | undefined {
  const cnf = payload['cnf']
  return isObject(cnf) && typeof cnf['jkt'] === 'string' ? cnf['jkt'] : undefined
}

/** A refused proof at the token endpoint: 400 with the RFC's error code. */
export function tokenEndpointError(check: Extract<ProofCheck, { ok: false }>): HttpError {
  return new HttpError(400, { error: check.error, error_description: check.description })
}

/** The `WWW-Authenticate` challenge of a resource that accepts DPoP, with the error and why. */
export function dpopChallenge(error: string, description: string): string {
  return `DPoP error="${error}", error_description="${description}", algs="${DPOP_ALGORITHMS.join(' ')}"`
}
