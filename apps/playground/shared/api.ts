// The JSON the playground server sends to its page. Nothing here may ever carry a client secret, a private key,
// or a management / M2M access token: only the signed-in user's own tokens and metadata.

/** `GET /api/config`: what the page needs to know about the tenant it talks to. */
export interface PlaygroundConfig {
  mode: 'mock' | 'tenant'
  domain: string
  issuer: string
  /** The web application's client id (public). */
  clientId: string
  /** The database connection used for password-realm login. */
  realm: string
  /** The mock tenant's demo user (clearly fake); absent on a real tenant. */
  demoUser?: { username: string; password: string }
  /** Whether the tenant's rate limit can be set, and the tenant reset, from the page (the mock tenant only). */
  canSetRateLimit: boolean
}

/** A tokens response of a user's own sign-in: the user may see these. */
export interface SessionTokens {
  flow: 'authorization-code-pkce' | 'password-realm'
  idToken: string
  accessToken: string
  tokenType: string
  expiresIn: number
  scope?: string
  /** The decoded ID-token payload, for display. */
  claims: Record<string, unknown>
}

/** `GET /api/session`. */
export interface SessionResponse {
  tokens: SessionTokens | null
  /** A failed authorization-code callback, shown on the sign-in page. */
  error?: ErrorView
}

export type CheckStatus = 'pass' | 'fail' | 'skipped'

/** One check of an ID-token verification, in the order the verifier runs them. */
export interface CheckResult {
  id: string
  label: string
  status: CheckStatus
  /** What was checked: the claim value, the expected value. */
  detail: string
}

/** `POST /api/verify`. */
export interface VerifyResponse {
  valid: boolean
  checks: CheckResult[]
  /** The `TokenValidationError`, when the token was rejected. */
  error?: ErrorView
}

/** An error as a user of the SDK sees it: its class, code and message, and nothing secret. */
export interface ErrorView {
  name: string
  message: string
  /** `TokenValidationError.code` */
  code?: string
  statusCode?: number
  errorCode?: string
  requestId?: string
  method?: string
  url?: string
  /** RateLimitError, epoch seconds, -1 when unknown. */
  resetAt?: number
  retryAfter?: number
  limit?: number
  remaining?: number
  /** TimeoutError, ms. */
  timeout?: number
  /** What `instanceof` / the type guards say. */
  is: Record<string, boolean>
}

/** `GET /api/m2m`: metadata of the cached client-credentials token, never the token itself. */
export interface M2mResponse {
  /** Whether this call was answered from the cache. */
  fromCache: boolean
  stats: {
    hits: number
    misses: number
    fetches: number
    failures: number
    expiresAt: number | null
  }
  token: {
    tokenType: string | null
    /** Epoch ms. */
    expiresAt: number
    audience: string
    scopes: string[]
    /** Claims of the token without the signature: issuer, subject, times. */
    issuer: string | null
    subject: string | null
    issuedAt: number | null
    length: number
  }
  /** The application's client id (public) and how it authenticates. */
  clientId: string
  clientAuthentication: 'client_secret' | 'private_key_jwt'
  cacheKey: string
  now: number
}

/** `POST /api/rate-limit`: the mock tenant's token bucket, or null for none. */
export interface RateLimitSetting {
  burst: number
  perSecond: number
}

/** `GET` and `POST /api/rate-limit`, and `POST /api/reset`: the limit now in force. */
export interface RateLimitResponse {
  rateLimit: RateLimitSetting | null
}

/** `POST /api/bulk` starts a bulk update, run twice: paced by the SDK's rate limiter, then naive. */
export interface BulkRequest {
  /** How many users to update. */
  count: number
  /** Parallel requests. */
  concurrency: number
  /** Retries of a 429, in both runs (the SDK's `retries`; the naive loop's own). */
  retries: number
  /** The mock tenant's limit during both runs (each starts with a full bucket); the previous one is put back after. */
  limit: RateLimitSetting | null
}

/** One HTTP request of a run. Times are ms since the run started. */
export interface Attempt {
  start: number
  /** `null` while the request is in flight. */
  end: number | null
  /** The HTTP status; 0 when no response came (network error, timeout). */
  status: number
}

/** One user's update in a run: the waits before its requests, and the requests. */
export interface UpdateTrack {
  waits: { start: number; end: number }[]
  attempts: Attempt[]
}

export type RunStrategy = 'paced' | 'naive'

/** One run of the bulk update. */
export interface RunReport {
  strategy: RunStrategy
  /** `waiting`: for the tenant's bucket to refill before this run starts (a real tenant only). */
  state: 'pending' | 'waiting' | 'running' | 'done'
  updated: number
  failed: number
  /** HTTP requests sent, retries included. */
  requestsSent: number
  /** 429 answers received. */
  rateLimited: number
  /** Every wait before a request (the limiter's, and after each 429), summed over the updates, in ms. */
  waitedMsSummed: number
  /** Retries sent before the wait the tenant asked for had passed (should stay 0). */
  waitsIgnored: number
  elapsedMs: number
  /** One per user, in the order the users were listed. */
  updates: UpdateTrack[]
  /** The last `RateLimitError` the SDK raised (paced run: retries ran out). */
  lastRateLimitError: ErrorView | null
}

/** `GET /api/bulk/:id`. */
export interface BulkStatus {
  id: string
  done: boolean
  total: number
  concurrency: number
  retries: number
  /** The tenant's limit during the runs, when known (the mock tenant). */
  rateLimit: RateLimitSetting | null
  /** `(total - burst) / perSecond`, in ms: no client can finish sooner. `null` when the limit is unknown. */
  minimumMs: number | null
  paced: RunReport
  naive: RunReport
  /** The job failed before the runs (listing the users). */
  error?: ErrorView
}

/** The error demos of the Errors page. */
export const ERROR_KINDS = [
  'auth0',
  'rate-limit',
  'timeout',
  'network',
  'token-validation',
] as const
export type ErrorKind = (typeof ERROR_KINDS)[number]

/** `POST /api/errors/:kind`. */
export interface ErrorDemoResponse {
  kind: ErrorKind
  /** The call that was made, as code. */
  call: string
  error: ErrorView | null
  elapsedMs: number
}
