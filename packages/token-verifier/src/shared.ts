// The runtime-independent part of the public API, re-exported by both entry points.
export type {
  AccessTokenVerifierOptions,
  AccessTokenVerifyOptions,
  AccessTokenClaims,
} from './access-token-verifier.js'
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
export { OptionsError, isOptionsError } from '@auth0-ts/core'
