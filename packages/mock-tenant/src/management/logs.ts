import type { TenantContext } from '../context.js'
import { json } from '../http.js'
import type { ProtectedRoute } from '../router/route.js'
import { NOT_FOUND, route } from './common.js'
import { checkpoint, paginate, sortBy } from './query.js'
import { compileQuery } from './search.js'

export function logRoutes(ctx: TenantContext): ProtectedRoute[] {
  return [
    route('GET', '/logs', ({ query }) => {
      // Checkpoint paging: oldest first after `from`, a plain array; the next `from` is the last `log_id`.
      if (query.has('from') || query.has('take'))
        return json(checkpoint(ctx.state.logs, query, 'log_id'))
      const matches = compileQuery(query.get('q'))
      const found = ctx.state.logs.filter(matches)
      const sorted = query.has('sort') ? sortBy(found, query) : [...found].reverse()
      return json(paginate(sorted, query, { key: 'logs' }))
    }),
    route('GET', '/logs/{id}', ({ params }) => {
      const log = ctx.state.logs.find((l) => l.log_id === params['id'])
      if (!log) throw NOT_FOUND.log()
      return json(log)
    }),
  ]
}
