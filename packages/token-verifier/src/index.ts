import { BearerTokenVerifier, type AccessTokenVerifierOptions } from './access-token-verifier.js'
import {
  JwksSignatureVerifier,
  SecretSignatureVerifier,
  type AsymmetricSignatureVerifierOptions,
  type SymmetricSignatureVerifierOptions,
} from './signature-verifier.js'
// `#crypto-backend` is the package's own import map entry (package.json "imports"): `node:crypto` under the `node`
// condition (Node, Bun, Deno), Web Crypto otherwise (browsers, workers, edge bundles). It is external in the build,
// so each installed copy picks its back-end where it runs.
import { cryptoBackend } from '#crypto-backend'

export type {
  AccessTokenVerifierOptions,
  AccessTokenVerifyOptions,
  AccessTokenClaims,
  ResourceRequest,
} from './access-token-verifier.js'
export {
  createDPoPNonces,
  type Challenge,
  type DPoPNonceSource,
  type DPoPNoncesOptions,
  type DPoPOptions,
} from './dpop.js'
export {
  ASYMMETRIC_ALGORITHMS,
  SYMMETRIC_ALGORITHMS,
  type Algorithm,
  type AsymmetricAlgorithm,
  type SymmetricAlgorithm,
} from './algorithms.js'
export {
  isJwksFetchError,
  isTokenValidationError,
  JwksFetchError,
  TOKEN_VALIDATION_ERROR_CODES,
  TokenValidationError,
  type JwksFetchErrorCode,
  type OAuthErrorCode,
  type TokenValidationErrorCode,
} from './errors.js'
export {
  DEFAULT_MAX_TOKEN_LENGTH,
  SignatureVerifier,
  type AsymmetricSignatureVerifierOptions,
  type SymmetricSignatureVerifierOptions,
} from './signature-verifier.js'
export {
  TokenVerifier,
  type IdTokenClaims,
  type IdTokenVerifyOptions,
  type TokenVerifierOptions,
} from './token-verifier.js'
export type { JsonObject } from './jwt.js'
export type { AddressClaim, StandardClaims } from '@auth0-ts/core'
export {
  OptionsError,
  isOptionsError,
  createMemoryReplayStore,
  type MemoryReplayStoreOptions,
  type ReplayStore,
} from '@auth0-ts/core'

/**
 * Verifies RS256 (or another asymmetric algorithm) signatures with the keys of a JWKS URL, cached for `cacheTtl`.
 * Keys are imported by jose; signatures are checked with `node:crypto` on Node, Bun and Deno, and with Web Crypto in
 * browsers and edge runtimes.
 *
 * @throws OptionsError when `jwksUrl` or an option is invalid
 * @example
 * ```ts
 * const sv = new AsymmetricSignatureVerifier('https://my.auth0.com/.well-known/jwks.json')
 * ```
 */
export class AsymmetricSignatureVerifier extends JwksSignatureVerifier<unknown> {
  constructor(jwksUrl: string, options: AsymmetricSignatureVerifierOptions = {}) {
    super(jwksUrl, options, cryptoBackend)
  }
}

/**
 * Verifies HS256 (or HS384, HS512) signatures with the application's client secret.
 *
 * @throws OptionsError when the secret or an option is invalid
 * @example
 * ```ts
 * const sv = new SymmetricSignatureVerifier(clientSecret, { algorithm: 'HS256' })
 * ```
 */
export class SymmetricSignatureVerifier extends SecretSignatureVerifier<unknown> {
  constructor(clientSecret: string | Uint8Array, options: SymmetricSignatureVerifierOptions = {}) {
    super(clientSecret, options, cryptoBackend)
  }
}

/**
 * Verifies an API's access tokens (RFC 9068): signature, `iss`, `aud`, `exp`/`nbf`, optionally the `at+jwt` type, and
 * required scopes or permissions. `verify(token)` takes a bearer token; `verifyRequest(request)` takes the request's
 * `Authorization` and `DPoP` headers, and checks a DPoP-bound token with its proof (RFC 9449).
 *
 * @throws OptionsError when an option is invalid
 * @example
 * ```ts
 * const atv = new AccessTokenVerifier({ issuer: 'https://my.auth0.com/', audience: 'https://api.example.com',
 *   jwksUrl: 'https://my.auth0.com/.well-known/jwks.json' })
 * const claims = await atv.verifyRequest({ authorization: req.headers.authorization, dpop: req.headers.dpop,
 *   method: req.method, url: `https://api.example.com${req.url}` }, { requiredScopes: 'read:messages' })
 * ```
 */
export class AccessTokenVerifier extends BearerTokenVerifier<unknown> {
  constructor(options: AccessTokenVerifierOptions) {
    super(options, cryptoBackend)
  }
}
