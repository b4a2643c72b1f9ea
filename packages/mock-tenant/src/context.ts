import type { KeyStore } from './keys.js'
import type { LogRecord } from './records.js'
import type { State } from './state.js'

/** What every route sees of the tenant. `state` is replaced on reset, so read it at call time. */
export interface TenantContext {
  readonly url: string
  readonly issuer: string
  readonly domain: string
  readonly managementAudience: string
  readonly keys: KeyStore
  readonly now: () => number
  state: State
}

/** A log event as a route reports it: the tenant numbers and dates it. */
export type LogEvent = Omit<LogRecord, 'log_id' | 'date' | 'ip'> & { ip?: string }

/** Records a log event the way the tenant's log stream would show it. */
export function addLog(ctx: TenantContext, event: LogEvent): void {
  const state = ctx.state
  const last = state.logs[state.logs.length - 1]
  const n = last ? Number(last.log_id.slice(3)) + 1 : 1
  state.logs.push({
    log_id: `900${String(n).padStart(20, '0')}`,
    date: new Date(ctx.now()).toISOString(),
    ip: '127.0.0.1',
    ...event,
  })
}
