import { statsGetActiveUsersCount, statsGetDaily } from '../generated/operations/stats.js'
import { Manager } from '../manager.js'

/** Tenant statistics: `/api/v2/stats`. */
export class Stats extends Manager {
  /** Gets the number of active users in the last 30 days. */
  activeUsers = this.endpoint<typeof statsGetActiveUsersCount, []>(statsGetActiveUsersCount)
  /** Gets daily statistics between two dates (`YYYYMMDD`). */
  dailyStats = this.endpoint<typeof statsGetDaily, [], { fromDate?: string; toDate?: string }>(
    statsGetDaily,
    {
      options: { fromDate: { query: 'from' }, toDate: { query: 'to' } },
    },
  )
}
