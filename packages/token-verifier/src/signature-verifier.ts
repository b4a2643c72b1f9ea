import { OptionsError } from '@auth0-ts/core'
import {
  fn,
  nonNegative,
  oneOf,
  oneOrMany,
  optionProblems,
  positive,
  url,
} from '@auth0-ts/core/internal'
import {
  ASYMMETRIC_ALGORITHMS,
  isAsymmetricAlgorithm,
  isSymmetricAlgorithm,
  signatureLengthFits,
  SYMMETRIC_ALGORITHMS,
  type Algorithm,
  type AsymmetricAlgorithm,
  type SymmetricAlgorithm,
} from './algorithms.js'
import type { CryptoBackend } from './backend.js'
import { show, TokenValidationError } from './errors.js'
import { JwksCache } from './jwks.js'
import { decodeJwt, type DecodedJwt, type JsonObject } from './jwt.js'

/** The default cap on a token's length, in characters, checked before anything is parsed. */
export const DEFAULT_MAX_TOKEN_LENGTH = 64 * 1024

/**
 * Checks a token's algorithm and signature. Use {@link AsymmetricSignatureVerifier} (JWKS, RS256 and friends) or
 * {@link SymmetricSignatureVerifier} (client secret, HS256); pass it to a `TokenVerifier`.
 */
export abstract class SignatureVerifier {
  /** The algorithms accepted in a token's `alg` header. */
  abstract readonly algorithms: readonly Algorithm[]

  /**
   * Checks a decoded token's algorithm and signature. Used by `TokenVerifier` and `AccessTokenVerifier`.
   *
   * @internal
   */
  abstract verifyDecoded(jwt: DecodedJwt): Promise<void>

  /**
   * Verifies a token's structure, algorithm and signature only (no claim is checked) and returns its payload.
   *
   * @throws TokenValidationError when the token is malformed, uses another algorithm or its signature is invalid
   */
  async verifySignature(token: string): Promise<JsonObject> {
    const jwt = decodeJwt(token, DEFAULT_MAX_TOKEN_LENGTH, 'ID token')
    await this.verifyDecoded(jwt)
    return jwt.payload
  }
}

/** The shared path: algorithm and signature length (no I/O), then the key, then the signature. */
abstract class BackedSignatureVerifier<A extends Algorithm, K> extends SignatureVerifier {
  readonly algorithms: readonly A[]
  readonly #backend: CryptoBackend<K>

  constructor(algorithms: readonly A[], backend: CryptoBackend<K>) {
    super()
    this.algorithms = Object.freeze([...algorithms])
    this.#backend = backend
  }

  protected abstract key(jwt: DecodedJwt, alg: A): Promise<K>

  async verifyDecoded(jwt: DecodedJwt): Promise<void> {
    const alg = jwt.alg as A
    if (!this.algorithms.includes(alg)) {
      throw new TokenValidationError(
        'alg_mismatch',
        `Signature algorithm of "${show(jwt.alg)}" is not supported. Expected the token to be signed with "${this.algorithms.join('" or "')}"`,
      )
    }
    if (!signatureLengthFits(alg, jwt.signature.length)) throw invalidSignature()
    inFlight++
    let valid: boolean
    try {
      const key = await this.key(jwt, alg)
      try {
        valid = await this.#backend.verify(alg, key, jwt.signature, jwt.signingInput, inFlight > 1)
      } catch {
        valid = false
      }
    } finally {
      inFlight--
    }
    if (!valid) throw invalidSignature()
  }
}

/**
 * Signature checks under way in this process, across every verifier: the load that tells a back-end whether to
 * check on the calling thread (one at a time, the fastest) or to hand the check off (many at once).
 */
let inFlight = 0

const invalidSignature = (): TokenValidationError =>
  new TokenValidationError('signature_invalid', 'Invalid token signature.')

/** Options of {@link AsymmetricSignatureVerifier}. */
export interface AsymmetricSignatureVerifierOptions {
  /** The expected signing algorithm, or several during a key-type migration. @default 'RS256' */
  algorithm?: AsymmetricAlgorithm | readonly AsymmetricAlgorithm[]
  /** How long a fetched key set is used before it is fetched again, in seconds. @default 600 */
  cacheTtl?: number
  /** The least time between two refetches caused by an unknown `kid`, in seconds. @default 30 */
  cooldown?: number
  /** The bound on one JWKS fetch, in milliseconds. @default 5000 */
  timeout?: number
  /** The `fetch` used for the JWKS. @default globalThis.fetch */
  fetch?: typeof fetch
  /** Clock in epoch milliseconds, for tests. @default Date.now */
  now?: () => number
}

const asymmetricRules = {
  algorithm: oneOrMany(oneOf(ASYMMETRIC_ALGORITHMS)),
  cacheTtl: nonNegative,
  cooldown: nonNegative,
  timeout: positive,
  fetch: fn,
  now: fn,
}

const asArray = <T>(value: T | readonly T[]): readonly T[] =>
  Array.isArray(value) ? value : [value as T]

/** The asymmetric verifier's implementation; each entry point binds it to its crypto backend. */
export class JwksSignatureVerifier<K> extends BackedSignatureVerifier<AsymmetricAlgorithm, K> {
  readonly #jwks: JwksCache<K>

  constructor(
    jwksUrl: string,
    options: AsymmetricSignatureVerifierOptions,
    backend: CryptoBackend<K>,
  ) {
    const problems = [
      ...optionProblems({ jwksUrl }, { jwksUrl: url }, { required: ['jwksUrl'] }),
      ...optionProblems(options, asymmetricRules),
    ]
    if (problems.length > 0) throw new OptionsError('AsymmetricSignatureVerifier options', problems)
    const algorithms = asArray(options.algorithm ?? 'RS256')
    super(algorithms.filter(isAsymmetricAlgorithm), backend)
    this.#jwks = new JwksCache(
      jwksUrl,
      {
        cacheTtl: (options.cacheTtl ?? 600) * 1000,
        cooldown: (options.cooldown ?? 30) * 1000,
        timeout: options.timeout ?? 5000,
        fetch: options.fetch,
        now: options.now ?? Date.now,
      },
      backend,
    )
  }

  protected key(jwt: DecodedJwt, alg: AsymmetricAlgorithm): Promise<K> {
    return this.#jwks.getKey(jwt.kid, alg)
  }
}

/** Options of {@link SymmetricSignatureVerifier}. */
export interface SymmetricSignatureVerifierOptions {
  /** The expected HMAC algorithm. @default 'HS256' */
  algorithm?: SymmetricAlgorithm
}

/** The symmetric verifier's implementation; each entry point binds it to its crypto backend. */
export class SecretSignatureVerifier<K> extends BackedSignatureVerifier<SymmetricAlgorithm, K> {
  readonly #secret: Uint8Array<ArrayBuffer>
  readonly #backend: CryptoBackend<K>
  #key: Promise<K> | undefined

  constructor(
    clientSecret: string | Uint8Array,
    options: SymmetricSignatureVerifierOptions,
    backend: CryptoBackend<K>,
  ) {
    const secretOk =
      (typeof clientSecret === 'string' || clientSecret instanceof Uint8Array) &&
      clientSecret.length > 0
    const problems = [
      ...(secretOk ? [] : ['clientSecret: expected a non-empty string or Uint8Array']),
      ...optionProblems(options, { algorithm: oneOf(SYMMETRIC_ALGORITHMS) }),
    ]
    if (problems.length > 0) throw new OptionsError('SymmetricSignatureVerifier options', problems)
    const algorithm = options.algorithm ?? 'HS256'
    super([algorithm].filter(isSymmetricAlgorithm), backend)
    this.#secret =
      typeof clientSecret === 'string'
        ? new TextEncoder().encode(clientSecret)
        : new Uint8Array(clientSecret)
    this.#backend = backend
  }

  protected key(_jwt: DecodedJwt, alg: SymmetricAlgorithm): Promise<K> {
    this.#key ??= this.#backend.importSecret(this.#secret, alg)
    return this.#key
  }
}
