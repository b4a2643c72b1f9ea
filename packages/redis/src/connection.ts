import { OptionsError } from '@auth0-ts/core'
import {
  fn,
  isRecord,
  nonNegative,
  optionProblems,
  positive,
  redactText,
  rule,
  string,
  withMethods,
  type Rules,
} from '@auth0-ts/core/internal'
import { Redis, type Cluster } from 'ioredis'

/** An ioredis client: a single node or a cluster. */
export type RedisClient = Redis | Cluster

/** Where warnings go. Messages never contain a token. */
export interface Logger {
  /** Receives one warning, a single line of text. */
  warn(message: string): void
}

/** How every factory in this package reaches Redis. */
export interface ConnectionOptions {
  /** A client you own: it is used as is and never closed by this package. */
  client?: RedisClient
  /** A `redis://` or `rediss://` URL: a client is created, and closed by `close()`. */
  url?: string
  /** Prepended to every key. @default 'auth0-ts:' */
  prefix?: string
  /** Bound on each Redis command in ms; a slower Redis is treated as down. @default 1000 */
  commandTimeout?: number
  /** After a Redis failure, how long to work without Redis before trying it again, in ms. @default 1000 */
  retryInterval?: number
  /** Receives a warning when Redis becomes unavailable and when it is back. @default console */
  logger?: Logger
  /** This process's clock in epoch ms, for tests (Redis keeps its own for TTLs and the shared budget). @default Date.now */
  now?: () => number
}

function isClient(v: unknown): boolean {
  const c = v as Partial<Record<'status' | 'get' | 'set' | 'eval', unknown>> | null
  return (
    typeof c?.status === 'string' && [c.get, c.set, c.eval].every((f) => typeof f === 'function')
  )
}

const CONNECTION_RULES: Rules = {
  // Duck-typed rather than instanceof, so a client from the app's own copy of ioredis is accepted.
  client: rule('an ioredis client', isClient),
  url: rule('a redis:// or rediss:// URL', (v) => typeof v === 'string' && /^rediss?:\/\//.test(v)),
  prefix: string,
  commandTimeout: positive,
  retryInterval: nonNegative,
  logger: withMethods('warn'),
  now: fn,
}

/**
 * Checks a factory's options once: the connection options plus the factory's own `rules`, and exactly one of
 * `client` and `url`, all in one {@link OptionsError}.
 */
export function checkConnectionOptions(
  where: string,
  options: unknown,
  rules: Rules,
  required: readonly string[] = [],
): void {
  if (!isRecord(options)) throw new OptionsError(where, ['(root): expected an object'])
  const problems = optionProblems(options, { ...CONNECTION_RULES, ...rules }, { required })
  if ((options['client'] === undefined) === (options['url'] === undefined))
    problems.push('client, url: give exactly one of them')
  if (problems.length > 0) throw new OptionsError(where, problems)
}

/** Opens (or adopts) the client and wraps it in a {@link RedisGuard}. The options are checked already. */
export function connect(
  options: ConnectionOptions,
  what: string,
): { guard: RedisGuard; prefix: string; logger: Logger; now: () => number } {
  const logger = options.logger ?? console
  let client: RedisClient
  let owned = false
  if (options.client) client = options.client
  else {
    // Fail queued commands quickly instead of holding callers through reconnect attempts.
    client = new Redis(options.url as string, { maxRetriesPerRequest: 1, connectTimeout: 2000 })
    // The guard reports outages; without a listener ioredis prints every reconnect failure.
    client.on('error', () => {})
    owned = true
  }
  const now = options.now ?? Date.now
  const guard = new RedisGuard(client, owned, {
    commandTimeout: options.commandTimeout ?? 1000,
    retryInterval: options.retryInterval ?? 1000,
    logger,
    what,
    now,
  })
  return { guard, prefix: options.prefix ?? 'auth0-ts:', logger, now }
}

interface GuardOptions {
  commandTimeout: number
  retryInterval: number
  logger: Logger
  what: string
  now: () => number
}

const USABLE = new Set(['wait', 'connecting', 'connect', 'ready'])

/**
 * Runs Redis commands with a time bound, and switches to a fallback while Redis is down: one warning when it goes,
 * one when it is back, and no call ever fails because of Redis.
 */
export class RedisGuard {
  readonly client: RedisClient
  readonly #owned: boolean
  readonly #options: GuardOptions
  #down = false
  #retryAt = 0

  constructor(client: RedisClient, owned: boolean, options: GuardOptions) {
    this.client = client
    this.#owned = owned
    this.#options = options
  }

  /** Runs `op` against Redis, or `fallback` when Redis is down, slow or failing. `secrets` are kept out of logs. */
  async run<T>(
    op: (client: RedisClient) => Promise<T>,
    fallback: () => T | Promise<T>,
    secrets: readonly string[] = [],
  ): Promise<T> {
    if (this.#down && this.#options.now() < this.#retryAt) return fallback()
    if (!USABLE.has(this.client.status)) {
      this.#fail(new Error(`connection is ${this.client.status}`), secrets)
      return fallback()
    }
    let timer: ReturnType<typeof setTimeout> | undefined
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no reply within ${this.#options.commandTimeout} ms`)),
          this.#options.commandTimeout,
        )
      })
      const result = await Promise.race([op(this.client), timeout])
      if (this.#down) {
        this.#down = false
        this.#options.logger.warn(
          `@auth0-ts/redis: ${this.#options.what}: Redis is reachable again`,
        )
      }
      return result
    } catch (error) {
      this.#fail(error, secrets)
      return fallback()
    } finally {
      clearTimeout(timer)
    }
  }

  #fail(error: unknown, secrets: readonly string[]): void {
    this.#retryAt = this.#options.now() + this.#options.retryInterval
    if (this.#down) return
    this.#down = true
    const reason = redactText(error instanceof Error ? error.message : String(error), secrets)
    this.#options.logger.warn(
      `@auth0-ts/redis: ${this.#options.what}: Redis is unavailable (${reason}); working without it until it is back`,
    )
  }

  /** Closes the client if this package created it. */
  async close(): Promise<void> {
    if (!this.#owned) return
    if (this.client.status === 'ready')
      await this.run(
        (c) => c.quit(),
        () => undefined,
      )
    this.client.disconnect()
  }
}
