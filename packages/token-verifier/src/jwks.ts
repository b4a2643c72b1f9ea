import { keyFits, toJwksKey, type AsymmetricAlgorithm, type JwksKey } from './algorithms.js'
import type { CryptoBackend } from './backend.js'
import { JwksFetchError, show, TokenValidationError } from './errors.js'

/** Settings of a {@link JwksCache}, already validated, in milliseconds. */
export interface JwksCacheSettings {
  readonly cacheTtl: number
  readonly cooldown: number
  readonly timeout: number
  readonly fetch: typeof fetch | undefined
  readonly now: () => number
}

interface CachedKey<K> extends JwksKey {
  /** Imported key handles by algorithm, created on first use. */
  readonly imported: Map<AsymmetricAlgorithm, Promise<K>>
}

const MAX_JWKS_CHARS = 512 * 1024

/**
 * A remote JSON Web Key Set with a TTL cache. Concurrent lookups share one fetch; an unknown `kid` triggers
 * at most one refetch per cooldown; a failed refresh keeps the last good set; every fetch has a timeout and its
 * response is validated.
 */
export class JwksCache<K> {
  readonly #url: string
  readonly #settings: JwksCacheSettings
  readonly #backend: CryptoBackend<K>
  #keys: readonly CachedKey<K>[] | undefined
  #fetchedAt = 0
  #attemptedAt = Number.NEGATIVE_INFINITY
  #failedAt = Number.NEGATIVE_INFINITY
  #inflight: Promise<readonly CachedKey<K>[]> | undefined

  constructor(url: string, settings: JwksCacheSettings, backend: CryptoBackend<K>) {
    this.#url = url
    this.#settings = settings
    this.#backend = backend
  }

  /**
   * The imported key for `kid` (or the only key that fits `alg` when the token has no `kid`).
   *
   * @throws JwksFetchError when no key set could be obtained
   * @throws TokenValidationError `key_not_found` or `key_invalid`
   */
  getKey(kid: string | undefined, alg: AsymmetricAlgorithm): Promise<K> {
    const { cacheTtl, now } = this.#settings
    const keys = this.#keys
    // The warm path stays synchronous up to the cached import: no extra promise per verification.
    if (keys !== undefined && now() - this.#fetchedAt < cacheTtl) {
      const key = select(keys, kid, alg)
      if (key !== undefined && keyFits(key, alg)) return this.#import(key, alg)
    }
    return this.#getKeySlow(kid, alg)
  }

  async #getKeySlow(kid: string | undefined, alg: AsymmetricAlgorithm): Promise<K> {
    const { cacheTtl, cooldown, now } = this.#settings
    let keys = this.#keys
    if (keys === undefined) {
      keys = await this.#refresh()
    } else if (now() - this.#fetchedAt >= cacheTtl && now() - this.#failedAt >= cooldown) {
      // Stale: refresh, but keep serving the last good set if that fails, and retry only after the cooldown.
      keys = await this.#refresh().catch(() => keys as readonly CachedKey<K>[])
    }
    let key = select(keys, kid, alg)
    if (
      key === undefined &&
      (this.#inflight !== undefined || now() - this.#attemptedAt >= cooldown)
    ) {
      keys = await this.#refresh()
      key = select(keys, kid, alg)
    }
    if (key === undefined) {
      throw new TokenValidationError(
        'key_not_found',
        kid === undefined
          ? `The token has no key ID (kid) and the key set has no single key for "${alg}".`
          : `Public key with ID "${show(kid)}" was not found.`,
      )
    }
    if (!keyFits(key, alg)) {
      throw new TokenValidationError(
        'key_invalid',
        `Public key with ID "${show(kid)}" cannot verify "${alg}" signatures.`,
      )
    }
    return this.#import(key, alg)
  }

  #import(key: CachedKey<K>, alg: AsymmetricAlgorithm): Promise<K> {
    let imported = key.imported.get(alg)
    if (imported === undefined) {
      imported = this.#backend.importPublicKey(key.jwk, alg).catch((cause: unknown) => {
        key.imported.delete(alg)
        throw new TokenValidationError(
          'key_invalid',
          `Public key with ID "${show(key.kid)}" could not be imported for "${alg}".`,
          { cause },
        )
      })
      key.imported.set(alg, imported)
    }
    return imported
  }

  /** One fetch at a time: callers that arrive while it runs share its result. */
  #refresh(): Promise<readonly CachedKey<K>[]> {
    this.#inflight ??= this.#fetchKeys()
      .catch((error: unknown) => {
        this.#failedAt = this.#settings.now()
        throw error
      })
      .finally(() => {
        this.#inflight = undefined
      })
    return this.#inflight
  }

  async #fetchKeys(): Promise<readonly CachedKey<K>[]> {
    const { timeout, now } = this.#settings
    this.#attemptedAt = now()
    const url = this.#url
    // Errors name the URL without credentials or query, which could carry secrets.
    const { origin, pathname } = new URL(url)
    const shown = `${origin}${pathname}`
    const fail = (code: JwksFetchError['code'], why: string, cause?: unknown): JwksFetchError =>
      new JwksFetchError(
        code,
        shown,
        `The JSON Web Key Set could not be fetched from ${shown}: ${why}.`,
        cause === undefined ? undefined : { cause },
      )
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), timeout)
    let text: string
    try {
      const fetchFn = this.#settings.fetch ?? globalThis.fetch
      const response = await fetchFn(url, {
        headers: { accept: 'application/json' },
        signal: controller.signal,
      })
      if (!response.ok) {
        response.body?.cancel().catch(() => undefined)
        throw fail('jwks_fetch_failed', `HTTP ${response.status}`)
      }
      text = await response.text()
    } catch (cause) {
      if (cause instanceof JwksFetchError) throw cause
      throw controller.signal.aborted
        ? fail('jwks_fetch_failed', `timed out after ${timeout} ms`, cause)
        : fail('jwks_fetch_failed', 'network error', cause)
    } finally {
      clearTimeout(timer)
    }
    if (text.length > MAX_JWKS_CHARS)
      throw fail('jwks_invalid', `the response is larger than ${MAX_JWKS_CHARS} characters`)
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch (cause) {
      throw fail('jwks_invalid', 'the response is not JSON', cause)
    }
    const entries =
      typeof body === 'object' && body !== null ? (body as { keys?: unknown }).keys : undefined
    if (!Array.isArray(entries)) throw fail('jwks_invalid', 'the response has no "keys" array')
    const keys: CachedKey<K>[] = []
    for (const entry of entries) {
      const key = toJwksKey(entry)
      if (key !== undefined) keys.push({ ...key, imported: new Map() })
    }
    if (keys.length === 0) throw fail('jwks_invalid', 'the key set has no usable signature key')
    this.#keys = keys
    this.#fetchedAt = now()
    return keys
  }
}

function select<K>(
  keys: readonly CachedKey<K>[],
  kid: string | undefined,
  alg: AsymmetricAlgorithm,
): CachedKey<K> | undefined {
  let found: CachedKey<K> | undefined
  let count = 0
  for (const key of keys) {
    if (kid !== undefined) {
      if (key.kid !== kid) continue
      if (keyFits(key, alg)) return key
      found ??= key
    } else if (keyFits(key, alg)) {
      found = key
      count++
    }
  }
  return kid === undefined && count !== 1 ? undefined : found
}
