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

/** The largest key set read, in bytes; reading stops there. */
const MAX_JWKS_BYTES = 512 * 1024

/**
 * A remote JSON Web Key Set with a TTL cache. Concurrent lookups share one fetch. A stale set keeps serving while one
 * refresh runs in the background (stale-while-revalidate); only a cold cache or an unknown `kid` waits for a fetch.
 * An unknown `kid` triggers at most one refetch per cooldown, and a failed fetch is not retried before the cooldown
 * ends (with no good set yet, lookups fail fast with the outage error). A failed refresh keeps the last good set. Every
 * fetch has a timeout, its body is read up to a size limit, and the response is validated.
 */
export class JwksCache<K> {
  readonly #url: string
  readonly #settings: JwksCacheSettings
  readonly #backend: CryptoBackend<K>
  #keys: readonly CachedKey<K>[] | undefined
  #fetchedAt = 0
  #attemptedAt = Number.NEGATIVE_INFINITY
  #failedAt = Number.NEGATIVE_INFINITY
  #failure: JwksFetchError | undefined
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
    const keys = this.#keys
    // The warm path stays synchronous up to the cached import: no extra promise per verification, stale or not.
    if (keys !== undefined) {
      const key = select(keys, kid, alg)
      if (key !== undefined && keyFits(key, alg)) {
        this.#revalidate()
        return this.#import(key, alg)
      }
    }
    return this.#getKeySlow(kid, alg)
  }

  async #getKeySlow(kid: string | undefined, alg: AsymmetricAlgorithm): Promise<K> {
    const { cooldown, now } = this.#settings
    let keys = this.#keys
    if (keys === undefined) keys = await this.#coldKeys()
    else this.#revalidate()
    let key = select(keys, kid, alg)
    // An unknown kid may be a rotated key: wait for a running refresh, or start one once per cooldown.
    if (key === undefined && this.#inflight !== undefined) {
      keys = await this.#inflight
      key = select(keys, kid, alg)
    } else if (key === undefined && now() - this.#attemptedAt >= cooldown) {
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

  /** With no good set yet: share a running fetch, fail fast inside the cooldown after a failure, or fetch. */
  #coldKeys(): Promise<readonly CachedKey<K>[]> {
    if (this.#inflight !== undefined) return this.#inflight
    const { cooldown, now } = this.#settings
    const failure = this.#failure
    const wait = this.#failedAt + cooldown - now()
    if (failure !== undefined && wait > 0) {
      return Promise.reject(
        new JwksFetchError(
          failure.code,
          failure.url,
          `${failure.message} Not retried until the cooldown ends, in ${Math.ceil(wait / 1000)} s.`,
          { cause: failure },
        ),
      )
    }
    return this.#refresh()
  }

  /** Starts a background refresh of a stale set, unless one runs or the last one failed inside the cooldown. */
  #revalidate(): void {
    if (this.#inflight !== undefined) return
    const { cacheTtl, cooldown, now } = this.#settings
    const time = now()
    if (time - this.#fetchedAt < cacheTtl || time - this.#failedAt < cooldown) return
    // The last good set keeps serving; a failure is recorded in #refresh and surfaces to no one.
    this.#refresh().catch(() => undefined)
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
      .then(
        (keys) => {
          this.#failure = undefined
          return keys
        },
        (error: unknown) => {
          this.#failedAt = this.#settings.now()
          if (error instanceof JwksFetchError) this.#failure = error
          throw error
        },
      )
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
    const tooLarge = () =>
      fail('jwks_invalid', `the response is larger than ${MAX_JWKS_BYTES} bytes`)
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
      if (Number(response.headers.get('content-length')) > MAX_JWKS_BYTES) {
        response.body?.cancel().catch(() => undefined)
        throw tooLarge()
      }
      const body = await readCapped(response, MAX_JWKS_BYTES, controller.signal)
      if (body === undefined) throw tooLarge()
      if (controller.signal.aborted) throw controller.signal.reason
      text = body
    } catch (cause) {
      if (cause instanceof JwksFetchError) throw cause
      throw controller.signal.aborted
        ? fail('jwks_fetch_failed', `timed out after ${timeout} ms`, cause)
        : fail('jwks_fetch_failed', 'network error', cause)
    } finally {
      clearTimeout(timer)
    }
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

/**
 * Reads a response body as UTF-8 text, stopping (and cancelling the stream) as soon as it passes `limit` bytes:
 * `undefined` then. An abort of `signal` cancels the read.
 */
async function readCapped(
  response: Response,
  limit: number,
  signal: AbortSignal,
): Promise<string | undefined> {
  const stream = response.body
  if (stream === null) return ''
  const reader = stream.getReader()
  const cancel = (): void => void reader.cancel().catch(() => undefined)
  signal.addEventListener('abort', cancel, { once: true })
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > limit) {
        cancel()
        return undefined
      }
      chunks.push(value)
    }
  } finally {
    signal.removeEventListener('abort', cancel)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return new TextDecoder().decode(bytes)
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
