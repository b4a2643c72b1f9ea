import { Manager } from '../manager.js'
import { BODY } from '../params.js'
import type { Body } from '../types.js'

/** Attack protection settings: `/api/v2/attack-protection`. */
export class AttackProtection extends Manager {
  /** Gets the breached password detection settings. */
  getBreachedPasswordDetection = this.endpoint<[], void, Body>(
    'GET /attack-protection/breached-password-detection',
  )
  /** Updates the breached password detection settings. */
  updateBreachedPasswordDetection = this.endpoint<[body: Body], void, Body>(
    'PATCH /attack-protection/breached-password-detection',
    BODY,
  )
  /** Gets the brute-force protection settings. */
  getBruteForceProtection = this.endpoint<[], void, Body>(
    'GET /attack-protection/brute-force-protection',
  )
  /** Updates the brute-force protection settings. */
  updateBruteForceProtection = this.endpoint<[body: Body], void, Body>(
    'PATCH /attack-protection/brute-force-protection',
    BODY,
  )
  /** Gets the suspicious IP throttling settings. */
  getSuspiciousIpThrottling = this.endpoint<[], void, Body>(
    'GET /attack-protection/suspicious-ip-throttling',
  )
  /** Updates the suspicious IP throttling settings. */
  updateSuspiciousIpThrottling = this.endpoint<[body: Body], void, Body>(
    'PATCH /attack-protection/suspicious-ip-throttling',
    BODY,
  )
}
