import { optionsError } from '@auth0-ts/core'
import { redactText } from '@auth0-ts/core/internal'
import * as z from 'zod/mini'
import { Redis, type Cluster } from 'ioredis'

/** An ioredis client: a single node or a cluster. */
export type RedisClient = Redis | Cluster

/** Where warnings go. Messages never contain a token. */
export interface Logger {
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
}

function isClient(v: unknown): boolean {
  const c = v as Partial<Record<'status' | 'get' | 'set' | 'eval', unknown>> | null
  return (
    typeof c?.status === 'string' && [c.get, c.set, c.eval].every((f) => typeof f === 'function')
  )
}

/** A positive, finite number (ms or a rate), for option schemas. */
export const positiveNumber = z
  .number()
  .check(z.positive(), z.refine(Number.isFinite, 'must be finite'))

/** The zod/mini shape of {@link ConnectionOptions}; each factory extends it. */
export const connectionShape = {
  // Duck-typed rather than instanceof, so a client from the app's own copy of ioredis is accepted.
  client: z.optional(z.custom<RedisClient>(isClient, 'expected an ioredis client')),
  url: z.optional(
    z
      .string()
      .check(z.refine((v) => /^rediss?:\/\//.test(v), 'expected a redis:// or rediss:// URL')),
  ),
  prefix: z.optional(z.string()),
  commandTimeout: z.optional(positiveNumber),
  retryInterval: z.optional(
    z.number().check(z.gte(0), z.refine(Number.isFinite, 'must be finite')),
  ),
  logger: z.optional(
    z.custom<Logger>(
      (v) => typeof (v as Logger | null)?.warn === 'function',
      'expected an object with a warn(message) method',
    ),
  ),
}

/** Opens (or adopts) the client and wraps it in a {@link RedisGuard}. */
export function connect(
  options: { readonly [K in keyof ConnectionOptions]?: ConnectionOptions[K] | undefined },
  where: string,
  what: string,
): { guard: RedisGuard; prefix: string; logger: Logger } {
  if ((options.client === undefined) === (options.url === undefined))
    throw optionsError(where, ['client, url: give exactly one of them'])
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
  const guard = new RedisGuard(client, owned, {
    commandTimeout: options.commandTimeout ?? 1000,
    retryInterval: options.retryInterval ?? 1000,
    logger,
    what,
  })
  return { guard, prefix: options.prefix ?? 'auth0-ts:', logger }
}

interface GuardOptions {
  commandTimeout: number
  retryInterval: number
  logger: Logger
  what: string
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
    if (this.#down && Date.now() < this.#retryAt) return fallback()
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
    this.#retryAt = Date.now() + this.#options.retryInterval
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
