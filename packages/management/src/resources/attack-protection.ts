import {
  attackProtectionBreachedPasswordDetectionGet,
  attackProtectionBreachedPasswordDetectionUpdate,
  attackProtectionBruteForceProtectionGet,
  attackProtectionBruteForceProtectionUpdate,
  attackProtectionSuspiciousIpThrottlingGet,
  attackProtectionSuspiciousIpThrottlingUpdate,
} from '../generated/operations/attack-protection.js'
import { Manager, type BodyOf } from '../manager.js'
import { BODY } from '../params.js'

/** Attack protection settings: `/api/v2/attack-protection`. */
export class AttackProtection extends Manager {
  /** Gets the breached password detection settings. */
  getBreachedPasswordDetection = this.endpoint<
    typeof attackProtectionBreachedPasswordDetectionGet,
    []
  >(attackProtectionBreachedPasswordDetectionGet)
  /** Updates the breached password detection settings. */
  updateBreachedPasswordDetection = this.endpoint<
    typeof attackProtectionBreachedPasswordDetectionUpdate,
    [body: BodyOf<typeof attackProtectionBreachedPasswordDetectionUpdate>]
  >(attackProtectionBreachedPasswordDetectionUpdate, BODY)
  /** Gets the brute-force protection settings. */
  getBruteForceProtection = this.endpoint<typeof attackProtectionBruteForceProtectionGet, []>(
    attackProtectionBruteForceProtectionGet,
  )
  /** Updates the brute-force protection settings. */
  updateBruteForceProtection = this.endpoint<
    typeof attackProtectionBruteForceProtectionUpdate,
    [body: BodyOf<typeof attackProtectionBruteForceProtectionUpdate>]
  >(attackProtectionBruteForceProtectionUpdate, BODY)
  /** Gets the suspicious IP throttling settings. */
  getSuspiciousIpThrottling = this.endpoint<typeof attackProtectionSuspiciousIpThrottlingGet, []>(
    attackProtectionSuspiciousIpThrottlingGet,
  )
  /** Updates the suspicious IP throttling settings. */
  updateSuspiciousIpThrottling = this.endpoint<
    typeof attackProtectionSuspiciousIpThrottlingUpdate,
    [body: BodyOf<typeof attackProtectionSuspiciousIpThrottlingUpdate>]
  >(attackProtectionSuspiciousIpThrottlingUpdate, BODY)
}
