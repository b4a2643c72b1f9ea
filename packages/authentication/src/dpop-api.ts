// The public DPoP functions. Each loads dpop.ts on first use, so an application that never uses DPoP neither loads nor
// bundles the proof code.
import { OptionsError, type TokenSource } from '@auth0-ts/core'
import { fn, optionProblems, tokenSource } from '@auth0-ts/core/internal'
import { dpopKeyProblem, type DPoPAlgorithm } from './dpop-key.js'

/** A fetch function: what {@link dpopFetch} returns and takes. */
export type FetchFunction = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>

/** What a DPoP proof is for. */
export interface DPoPProofOptions {
  /** The request's HTTP method (`htm`). */
  method: string
  /** The request's URL; `htu` is it without query or fragment. */
  url: string | URL
  /** The access token sent with the request, on a call to a resource server: its hash is the proof's `ath`. */
  accessToken?: string | undefined
  /** The server's latest `DPoP-Nonce`, when it asked for one. */
  nonce?: string | undefined
  /** Clock in epoch milliseconds, for `iat`. @default Date.now */
  now?: (() => number) | undefined
}

/** Options of {@link dpopFetch}. */
export interface DPoPFetchOptions {
  /** The DPoP-bound access token, or a function that returns one (such as a token provider), sent as `DPoP <token>`. */
  token?: TokenSource | undefined
  /** The fetch to wrap. @default globalThis.fetch */
  fetch?: FetchFunction | undefined
  /** Clock in epoch milliseconds, for the proofs' `iat`. @default Date.now */
  now?: (() => number) | undefined
}

const load = () => import('./dpop.js')

const FETCH_OPTIONS = {
  token: tokenSource,
  fetch: fn,
  now: fn,
}

/**
 * Creates a DPoP proof (RFC 9449 §4.2) for one request: a JWT of type `dpop+jwt` with the public `jwk` in its header,
 * and `jti` (random), `htm`, `htu` (no query or fragment), `iat`, and `ath` and `nonce` when given. Signed with Web Crypto.
 *
 * @throws OptionsError when `keyPair` is not a DPoP key pair, or the method or URL is bad
 * @example
 * ```ts
 * const proof = await createDPoPProof(keyPair, { method: 'GET', url: 'https://api.example.com/orders', accessToken })
 * await fetch('https://api.example.com/orders', { headers: { authorization: `DPoP ${accessToken}`, dpop: proof } })
 * ```
 */
export async function createDPoPProof(
  keyPair: CryptoKeyPair,
  options: DPoPProofOptions,
): Promise<string> {
  return (await load()).createDPoPProof(keyPair, options)
}

/**
 * Returns the RFC 7638 JWK SHA-256 thumbprint of a DPoP key pair: the `jkt` a bound token carries in `cnf`, and the
 * `dpop_jkt` authorization parameter.
 *
 * @throws OptionsError when `keyPair` is not a DPoP key pair
 * @example
 * ```ts
 * const jkt = await dpopThumbprint(keyPair) // compare with the token's cnf.jkt
 * ```
 */
export async function dpopThumbprint(keyPair: CryptoKeyPair): Promise<string> {
  return (await load()).dpopThumbprint(keyPair)
}

/**
 * Generates a DPoP key pair with Web Crypto. The private key is not extractable: it can sign, never be read.
 *
 * @param alg ES256, or RS256, PS256 (2048-bit) or EdDSA (Ed25519) where the runtime has them. @default 'ES256'
 * @throws OptionsError for an algorithm DPoP does not accept here
 * @example
 * ```ts
 * const keyPair = await generateDPoPKeyPair()
 * const getToken = new GetToken(domain, clientId, { clientSecret, dpop: keyPair })
 * ```
 */
export async function generateDPoPKeyPair(alg: DPoPAlgorithm = 'ES256'): Promise<CryptoKeyPair> {
  return (await load()).generateDPoPKeyPair(alg)
}

/**
 * Returns a fetch that calls your own API with a DPoP-bound token: each request carries `Authorization: DPoP <token>`
 * and a fresh proof with `ath`, and a `use_dpop_nonce` challenge is answered once with the server's nonce (remembered
 * per origin). Web APIs only.
 *
 * @throws OptionsError for a bad key pair or option, listing every problem
 * @example
 * ```ts
 * const keyPair = await generateDPoPKeyPair()
 * const token = createTokenProvider({ domain, clientId, clientSecret, audience, dpop: keyPair })
 * const api = dpopFetch(keyPair, { token })
 * const orders = await (await api('https://api.example.com/orders')).json()
 * ```
 */
export function dpopFetch(keyPair: CryptoKeyPair, options: DPoPFetchOptions = {}): FetchFunction {
  const key = dpopKeyProblem(keyPair)
  const problems = [
    ...(key === undefined ? [] : [`keyPair: expected ${key}`]),
    ...optionProblems(options, FETCH_OPTIONS),
  ]
  if (problems.length > 0) throw new OptionsError('dpopFetch options', problems)
  let send: Promise<FetchFunction> | undefined
  return async (input, init) => {
    send ??= load().then((m) => m.dpopFetchWith(keyPair, options))
    return (await send)(input, init)
  }
}
