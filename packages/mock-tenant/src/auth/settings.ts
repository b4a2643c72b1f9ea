// The tenant's Authentication API settings (MFA policy, dynamic registration, DPoP nonces, token exchange profiles,
// global token revocation keys, logout URLs), checked with zod/mini like the tenant's other options.
import type { JWK } from 'jose'
import * as z from 'zod/mini'

/** When a password login must pass MFA: users with an active authenticator, every user, or nobody. */
export type MfaPolicy = 'enrolled' | 'always' | 'never'

/** A Custom Token Exchange profile: which `subject_token_type` the tenant accepts, and whose token it is. */
export interface TokenExchangeProfile {
  /** The `subject_token_type` of the profile: a URI of your own, such as `urn:acme:legacy-token`. */
  subjectTokenType: string
  /**
   * The user a subject token stands for (a user id or an email address), or `undefined` to refuse the token, as the
   * profile's Action would decide. @default the subject token is itself the user id or email address
   */
  resolveUser?: (subjectToken: string) => string | undefined | Promise<string | undefined>
}

/** The identity provider whose signed tokens may revoke a connection's users (global token revocation). */
export interface RevocationTrust {
  /** The `iss` of the provider's tokens, and of the `iss_sub` subjects it names. */
  issuer: string
  /** The provider's public keys (JWKs). */
  keys: readonly JWK[]
}

/** Options of the Authentication API: `authentication` in the tenant's options, or `tenant.authentication.configure()`. */
export interface AuthenticationOptions {
  /** Who gets `mfa_required` from the password-realm grant. @default 'enrolled' */
  mfa?: MfaPolicy
  /** Whether `/oidc/register` registers clients; `false` answers 403. @default true */
  dynamicRegistration?: boolean
  /** Whether DPoP proofs must carry the server's nonce (`use_dpop_nonce` until they do). @default false */
  dpopNonce?: boolean
  /** The Custom Token Exchange profiles, by `subject_token_type`. @default [] */
  tokenExchange?: readonly TokenExchangeProfile[]
  /** For global token revocation: by connection name, the provider that may revoke its users. @default {} */
  globalTokenRevocation?: Readonly<Record<string, RevocationTrust>>
  /** The tenant's Allowed Logout URLs, for logouts that name no client. @default [] */
  allowedLogoutUrls?: readonly string[]
}

/** The settings in force: every option with its default. */
export type AuthenticationSettings = {
  readonly [K in keyof AuthenticationOptions]-?: Exclude<AuthenticationOptions[K], undefined>
}

export const DEFAULT_AUTHENTICATION_SETTINGS: AuthenticationSettings = Object.freeze({
  mfa: 'enrolled',
  dynamicRegistration: true,
  dpopNonce: false,
  tokenExchange: [],
  globalTokenRevocation: {},
  allowedLogoutUrls: [],
})

const expected = (what: string) => `expected ${what}`
const NON_EMPTY = expected('a non-empty string')
const nonEmpty = () => z.string(NON_EMPTY).check(z.minLength(1, NON_EMPTY))
const HTTP_URL = expected('an http(s) URL')
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k']

const publicJwk = z.custom<JWK>(
  (v) =>
    v !== null &&
    typeof v === 'object' &&
    typeof (v as JWK).kty === 'string' &&
    !PRIVATE_MEMBERS.some((m) => Object.hasOwn(v, m)),
  expected('a public JWK (no private members)'),
)

/** The schema of `authentication`, for the tenant's option checks. */
export const authenticationSchema = z.strictObject(
  {
    mfa: z.optional(
      z.enum(['enrolled', 'always', 'never'], expected("'enrolled', 'always' or 'never'")),
    ),
    dynamicRegistration: z.optional(z.boolean(expected('a boolean'))),
    dpopNonce: z.optional(z.boolean(expected('a boolean'))),
    tokenExchange: z.optional(
      z.array(
        z.strictObject(
          {
            subjectTokenType: nonEmpty(),
            resolveUser: z.optional(
              z.custom<TokenExchangeProfile['resolveUser']>(
                (v) => typeof v === 'function',
                expected('a function'),
              ),
            ),
          },
          expected('an object { subjectTokenType, resolveUser? }'),
        ),
        expected('an array of profiles'),
      ),
    ),
    globalTokenRevocation: z.optional(
      z.record(
        nonEmpty(),
        z.strictObject(
          { issuer: nonEmpty(), keys: z.array(publicJwk, expected('an array of public JWKs')) },
          expected('an object { issuer, keys }'),
        ),
        expected('an object of connection names'),
      ),
    ),
    allowedLogoutUrls: z.optional(
      z.array(
        z
          .string(HTTP_URL)
          .check(z.refine((v) => /^https?:\/\//.test(v) && URL.canParse(v), HTTP_URL)),
        expected('an array of URLs'),
      ),
    ),
  },
  expected('an object'),
)

/** Settings from options that passed {@link authenticationSchema}, over a base. */
export function authenticationSettings(
  options: z.output<typeof authenticationSchema> | AuthenticationOptions | undefined,
  base: AuthenticationSettings = DEFAULT_AUTHENTICATION_SETTINGS,
): AuthenticationSettings {
  const out: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(options ?? {}))
    if (value !== undefined) out[key] = value
  return Object.freeze(out) as AuthenticationSettings
}

/** Each problem of options as `authentication.path: expected ...`, or none. */
export function authenticationProblems(options: unknown): string[] {
  const result = z.safeParse(authenticationSchema, options)
  if (result.success) return []
  return result.error.issues.flatMap((issue) => {
    const path = ['authentication', ...issue.path.map(String)].join('.')
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => `${path}.${key}: unknown option`)
    return [`${path}: ${issue.message}`]
  })
}
