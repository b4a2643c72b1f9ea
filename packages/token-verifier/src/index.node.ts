import { BearerTokenVerifier, type AccessTokenVerifierOptions } from './access-token-verifier.js'
import { nodeCryptoBackend } from './backend.node.js'
import {
  JwksSignatureVerifier,
  SecretSignatureVerifier,
  type AsymmetricSignatureVerifierOptions,
  type SymmetricSignatureVerifierOptions,
} from './signature-verifier.js'

export * from './shared.js'

/**
 * Verifies RS256 (or another asymmetric algorithm) signatures with the keys of a JWKS URL, cached for `cacheTtl`.
 * This Node entry verifies with `node:crypto`; keys are still imported by jose.
 *
 * @throws OptionsError when `jwksUrl` or an option is invalid
 * @example
 * ```ts
 * const sv = new AsymmetricSignatureVerifier('https://my.auth0.com/.well-known/jwks.json')
 * ```
 */
export class AsymmetricSignatureVerifier extends JwksSignatureVerifier<unknown> {
  constructor(jwksUrl: string, options: AsymmetricSignatureVerifierOptions = {}) {
    super(jwksUrl, options, nodeCryptoBackend)
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
    super(clientSecret, options, nodeCryptoBackend)
  }
}

/**
 * Verifies an API's bearer access tokens (RFC 9068): signature, `iss`, `aud`, `exp`/`nbf`, optionally the
 * `at+jwt` type, and required scopes or permissions.
 *
 * @throws OptionsError when an option is invalid
 * @example
 * ```ts
 * const atv = new AccessTokenVerifier({ issuer: 'https://my.auth0.com/', audience: 'https://api.example.com',
 *   jwksUrl: 'https://my.auth0.com/.well-known/jwks.json' })
 * const claims = await atv.verify(bearerToken, { requiredScopes: 'read:messages' })
 * ```
 */
export class AccessTokenVerifier extends BearerTokenVerifier<unknown> {
  constructor(options: AccessTokenVerifierOptions) {
    super(options, nodeCryptoBackend)
  }
}
