import { show, TokenValidationError } from './errors.js'

/** A JSON object decoded from a token segment. */
export type JsonObject = Record<string, unknown>

/** A compact JWS after every structural check, before any key is looked up. */
export interface DecodedJwt {
  readonly header: JsonObject
  readonly payload: JsonObject
  readonly alg: string
  readonly kid: string | undefined
  /** The ASCII bytes of `header.payload`, which the signature covers. */
  readonly signingInput: Uint8Array<ArrayBuffer>
  readonly signature: Uint8Array<ArrayBuffer>
}

/** What the token is called in messages: "ID token" or "access token". */
export type TokenLabel = 'ID token' | 'access token'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const SEXTETS = new Int8Array(128).fill(-1)
for (let i = 0; i < ALPHABET.length; i++) SEXTETS[ALPHABET.charCodeAt(i)] = i
const sextet = (text: string, i: number): number => {
  const code = text.charCodeAt(i)
  return code < 128 ? (SEXTETS[code] as number) : -1
}
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
const ascii = new TextEncoder()
// Header parameters that change how the token is processed; we implement none of them, so their presence is refused.
const UNSUPPORTED_HEADERS = ['b64', 'zip', 'enc'] as const

/**
 * Decodes canonical, unpadded base64url: no `=`, no whitespace, no `+`/`/`, and zero trailing bits, so each
 * byte string has exactly one accepted encoding. Returns undefined for anything else (the empty string included).
 */
export function decodeBase64url(text: string): Uint8Array<ArrayBuffer> | undefined {
  const length = text.length
  const rest = length % 4
  if (length === 0 || rest === 1) return undefined
  const bytes = new Uint8Array((length * 3) >> 2)
  const full = length - rest
  let o = 0
  for (let i = 0; i < full; i += 4) {
    const a = sextet(text, i)
    const b = sextet(text, i + 1)
    const c = sextet(text, i + 2)
    const d = sextet(text, i + 3)
    if ((a | b | c | d) < 0) return undefined
    bytes[o++] = (a << 2) | (b >> 4)
    bytes[o++] = ((b & 0x0f) << 4) | (c >> 2)
    bytes[o++] = ((c & 0x03) << 6) | d
  }
  if (rest !== 0) {
    const a = sextet(text, full)
    const b = sextet(text, full + 1)
    const c = rest === 3 ? sextet(text, full + 2) : 0
    // Non-zero unused bits would give a second spelling of the same bytes.
    if ((a | b | c) < 0 || (rest === 2 ? b & 0x0f : c & 0x03) !== 0) return undefined
    bytes[o++] = (a << 2) | (b >> 4)
    if (rest === 3) bytes[o] = ((b & 0x0f) << 4) | (c >> 2)
  }
  return bytes
}

export function decodeJsonObject(segment: string): JsonObject | undefined {
  const bytes = decodeBase64url(segment)
  if (bytes === undefined) return undefined
  try {
    const value: unknown = JSON.parse(utf8.decode(bytes))
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as JsonObject)
      : undefined
  } catch {
    return undefined
  }
}

const malformed = (why: string): TokenValidationError =>
  new TokenValidationError('token_malformed', `token could not be decoded: ${why}.`)

/**
 * Runs every structural check on a compact JWS: presence, size (before anything is parsed), three strict
 * base64url segments, JSON object header and payload, a string `alg`, no `crit` and a string `kid` if any.
 *
 * @throws TokenValidationError with `token_missing`, `token_too_large`, `token_malformed` or `crit_unsupported`
 */
export function decodeJwt(token: unknown, maxTokenLength: number, label: TokenLabel): DecodedJwt {
  if (typeof token !== 'string' || token.length === 0) {
    throw new TokenValidationError(
      'token_missing',
      `${label === 'ID token' ? 'ID token' : 'Access token'} is required but missing.`,
    )
  }
  if (token.length > maxTokenLength) {
    throw new TokenValidationError(
      'token_too_large',
      `The ${label} is ${token.length} characters long; the limit is ${maxTokenLength}.`,
    )
  }
  const first = token.indexOf('.')
  const second = token.indexOf('.', first + 1)
  if (first < 0 || second < 0 || token.indexOf('.', second + 1) >= 0)
    throw malformed('a compact JWS has exactly three segments')
  const header = decodeJsonObject(token.slice(0, first))
  if (header === undefined) throw malformed('the header is not a base64url-encoded JSON object')
  const { alg, kid, crit } = header
  if (typeof alg !== 'string') throw malformed('the header has no "alg"')
  if (crit !== undefined) {
    throw new TokenValidationError(
      'crit_unsupported',
      `The ${label} has critical header parameters that are not supported: ${show(crit)}.`,
    )
  }
  if (kid !== undefined && typeof kid !== 'string')
    throw malformed('the "kid" header is not a string')
  for (const name of UNSUPPORTED_HEADERS)
    if (name in header) throw malformed(`the "${name}" header is not supported`)
  const payload = decodeJsonObject(token.slice(first + 1, second))
  if (payload === undefined) throw malformed('the payload is not a base64url-encoded JSON object')
  // An empty signature is well-formed (alg "none"); the verifier refuses it by its algorithm and length.
  const signatureText = token.slice(second + 1)
  const signature = signatureText === '' ? new Uint8Array(0) : decodeBase64url(signatureText)
  if (signature === undefined) throw malformed('the signature is not base64url-encoded')
  return {
    header,
    payload,
    alg,
    kid,
    signingInput: ascii.encode(token.slice(0, second)),
    signature,
  }
}
