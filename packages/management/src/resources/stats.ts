import { Manager } from '../manager.js'
import type { Body } from '../types.js'

/** Tenant statistics: `/api/v2/stats`. */
export class Stats extends Manager {
  /** Gets the number of active users in the last 30 days. */
  activeUsers = this.endpoint<[], void, number>('GET /stats/active-users')
  /** Gets daily statistics between two dates (`YYYYMMDD`). */
  dailyStats = this.endpoint<[], { fromDate?: string; toDate?: string }, Body[]>(
    'GET /stats/daily',
    { options: { fromDate: '?from', toDate: '?to' } },
  )
}
