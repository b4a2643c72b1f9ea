// The emulator's options, checked with zod/mini: every problem is listed at once, by path, in one OptionsError.
import * as z from 'zod/mini'
import {
  authenticationSchema,
  authenticationSettings,
  type AuthenticationSettings,
} from './auth/settings.js'
import type { RateLimitConfig } from './rate-limit.js'
import type { SeedOptions } from './seed.js'

const BRAND = Symbol.for('auth0-ts.OptionsError')

/**
 * Bad options given to the tenant emulator, found before anything starts. It has the shape of `@auth0-ts/core`'s
 * `OptionsError` (`name`, `code`, `where`, `problems` and its brand), so core's `isOptionsError` recognises it;
 * mock-tenant does not depend on core.
 *
 * @example
 * ```ts
 * try {
 *   createMockTenant({ seed: { users: 0 } })
 * } catch (e) {
 *   if (e instanceof MockTenantOptionsError) console.error(e.problems) // ['seed.users: expected an integer from 1 to 100000']
 * }
 * ```
 */
export class MockTenantOptionsError extends TypeError {
  override name = 'OptionsError'
  /** A stable code to switch on. */
  readonly code = 'invalid_options'
  /** What was being checked, such as `mock tenant options`. */
  readonly where: string
  /** Each problem as `path: what was expected`, in the order found. */
  readonly problems: readonly string[]

  /** @param where what was being checked, such as `mock tenant options` */
  constructor(where: string, problems: readonly string[]) {
    super(`Invalid ${where}:\n  - ${problems.join('\n  - ')}`)
    this.where = where
    this.problems = Object.freeze([...problems])
    Object.defineProperty(this, BRAND, { value: true, enumerable: false })
  }
}

const expected = (what: string) => `expected ${what}`

function integer(min: number, max: number) {
  const message = expected(`an integer from ${min} to ${max}`)
  return z
    .number(message)
    .check(z.refine((v) => Number.isInteger(v) && v >= min && v <= max, message))
}

function isOrigin(value: string): boolean {
  if (!URL.canParse(value)) return false
  const url = new URL(value)
  return /^https?:$/.test(url.protocol) && url.pathname === '/' && !url.search && !url.hash
}

const ORIGIN = expected('an http(s) origin without a path, query or hash')
const POSITIVE = expected('a finite number > 0')

const rateLimitSchema = z.strictObject(
  {
    burst: integer(1, Number.MAX_SAFE_INTEGER),
    perSecond: z.number(POSITIVE).check(z.refine((v) => v > 0 && Number.isFinite(v), POSITIVE)),
  },
  expected('an object { burst, perSecond }'),
)

const tenantShape = {
  baseUrl: z.optional(z.string(ORIGIN).check(z.refine(isOrigin, ORIGIN))),
  rateLimit: z.optional(z.nullable(rateLimitSchema)),
  now: z.optional(z.custom<() => number>((v) => typeof v === 'function', expected('a function'))),
  seed: z.optional(
    z.strictObject(
      { users: z.optional(integer(1, 100_000)), logs: z.optional(integer(0, 100_000)) },
      expected('an object { users, logs }'),
    ),
  ),
  redirectUris: z.optional(
    z.custom<readonly string[]>(
      (v) => Array.isArray(v) && v.every((u) => typeof u === 'string'),
      expected('an array of strings'),
    ),
  ),
  authentication: z.optional(authenticationSchema),
}

const tenantSchema = z.strictObject(tenantShape, expected('an object'))

const { baseUrl: _baseUrl, ...serverTenantShape } = tenantShape
// No baseUrl: a server is named after the address it binds.
const serverSchema = z.strictObject(
  {
    ...serverTenantShape,
    port: z.optional(integer(0, 65_535)),
    host: z.optional(
      z
        .string(expected('a host name or address'))
        .check(z.refine((v) => v !== '', expected('a host name or address'))),
    ),
  },
  expected('an object'),
)

/** Each issue as `path: expected ...`; unknown keys as `path: unknown option`. */
function problemsOf(issues: readonly z.core.$ZodIssue[], prefix: string): string[] {
  return issues.flatMap((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.')
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => `${path ? `${path}.` : ''}${key}: unknown option`)
    return [`${path || '(root)'}: ${issue.message}`]
  })
}

function parse<T>(schema: z.ZodMiniType<T>, value: unknown, where: string, prefix = ''): T {
  const result = z.safeParse(schema, value)
  if (!result.success)
    throw new MockTenantOptionsError(where, problemsOf(result.error.issues, prefix))
  return result.data
}

/** The tenant's options with every default filled in. */
export interface TenantSettings {
  readonly origin: URL
  readonly rateLimit: RateLimitConfig | null
  readonly now: () => number
  readonly seed: SeedOptions
  readonly redirectUris: readonly string[]
  readonly authentication?: AuthenticationSettings
}

/** The options of a server: where to listen, and the tenant's own (without `baseUrl`, which the port decides). */
export interface ServerSettings {
  readonly port: number
  readonly host: string
  readonly tenant: Omit<TenantSettings, 'origin'>
}

const DEFAULT_BASE_URL = 'https://tenant.mock.test'

type TenantInput = z.output<typeof tenantSchema>

function settingsOf(input: Omit<TenantInput, 'baseUrl'>): Omit<TenantSettings, 'origin'> {
  const { users, logs } = input.seed ?? {}
  return {
    rateLimit: input.rateLimit ?? null,
    now: input.now ?? Date.now,
    seed: { ...(users === undefined ? {} : { users }), ...(logs === undefined ? {} : { logs }) },
    redirectUris: [...(input.redirectUris ?? [])],
    authentication: authenticationSettings(input.authentication),
  }
}

/** @throws MockTenantOptionsError listing every problem */
export function tenantSettings(options: unknown): TenantSettings {
  const input = parse(tenantSchema, options ?? {}, 'mock tenant options')
  return { ...settingsOf(input), origin: new URL(input.baseUrl ?? DEFAULT_BASE_URL) }
}

/** @throws MockTenantOptionsError listing every problem */
export function serverSettings(options: unknown): ServerSettings {
  const { port, host, ...rest } = parse(serverSchema, options ?? {}, 'mock tenant options')
  return { port: port ?? 0, host: host ?? '127.0.0.1', tenant: settingsOf(rest) }
}

/** @throws MockTenantOptionsError listing every problem */
export function rateLimitSetting(config: unknown): RateLimitConfig | null {
  return parse(z.nullable(rateLimitSchema), config, 'rate limit', 'rateLimit')
}
