import { rateLimitSetting } from './options.js'

/** A token bucket: `burst` requests at once, refilled at `perSecond` tokens a second. */
export interface RateLimitConfig {
  /** Bucket capacity: how many requests may be sent at once. */
  burst: number
  /** Tokens added back per second. */
  perSecond: number
}

/** What the bucket says about one request. */
export interface RateLimitDecision {
  allowed: boolean
  headers: Record<string, string>
}

/** Reported when no limit is set: a generous, never-exhausted bucket, so clients never throttle. */
const UNLIMITED = 1000

/** A global token bucket with an injectable clock (epoch ms). */
export class TokenBucket {
  private config: RateLimitConfig | null = null
  private tokens = 0
  private updatedAt = 0

  constructor(private readonly now: () => number) {}

  /** Sets or clears the limit; the bucket starts full. @throws MockTenantOptionsError on a bad config */
  set(config: RateLimitConfig | null): void {
    this.config = rateLimitSetting(config)
    this.tokens = this.config?.burst ?? 0
    this.updatedAt = this.now()
  }

  get current(): RateLimitConfig | null {
    return this.config
  }

  /** Takes one token if there is one, and gives the headers to send either way. */
  take(): RateLimitDecision {
    return this.decide(1)
  }

  /** The headers as they stand, without spending a token (CORS preflights). */
  peek(): Record<string, string> {
    return this.decide(0).headers
  }

  private decide(cost: 0 | 1): RateLimitDecision {
    const now = this.now()
    const cfg = this.config
    if (cfg === null) {
      return {
        allowed: true,
        headers: headers(UNLIMITED, UNLIMITED, Math.ceil(now / 1000)),
      }
    }
    this.tokens = Math.min(cfg.burst, this.tokens + ((now - this.updatedAt) / 1000) * cfg.perSecond)
    this.updatedAt = now
    const msPerToken = 1000 / cfg.perSecond
    if (this.tokens >= cost) {
      this.tokens -= cost
      const fullAt = now + (cfg.burst - this.tokens) * msPerToken
      return {
        allowed: true,
        headers: headers(cfg.burst, Math.floor(this.tokens), Math.ceil(fullAt / 1000)),
      }
    }
    const nextAt = now + (1 - this.tokens) * msPerToken
    return {
      allowed: false,
      headers: {
        ...headers(cfg.burst, 0, Math.ceil(nextAt / 1000)),
        'retry-after': String(Math.max(1, Math.ceil((nextAt - now) / 1000))),
      },
    }
  }
}

function headers(limit: number, remaining: number, reset: number): Record<string, string> {
  return {
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-reset': String(reset),
  }
}
