// What every page shares about the tenant: its configuration and the rate limit in force, so the banner under the
// tabs is right whichever page changed the limit.
import { createContext, useContext } from 'react'
import type { PlaygroundConfig, RateLimitSetting } from '../shared/api.js'

export interface TenantState {
  config: PlaygroundConfig
  /** The mock tenant's limit now in force; `null` for none (always on a real tenant). */
  rateLimit: RateLimitSetting | null
  /** Reads the limit from the server again (after a page changed it). */
  refreshRateLimit: () => Promise<void>
  /** Sets (or clears, with `null`) the mock tenant's limit. Rejects with an `ApiError`. */
  setRateLimit: (setting: RateLimitSetting | null) => Promise<void>
}

export const TenantStateContext = createContext<TenantState | null>(null)

export function useTenantState(): TenantState {
  const state = useContext(TenantStateContext)
  if (state === null) throw new Error('useTenantState needs the App around it')
  return state
}

/** `5 at once, 2/s` */
export const limitText = (limit: RateLimitSetting) =>
  `${limit.burst} at once, refilled at ${limit.perSecond}/s`
