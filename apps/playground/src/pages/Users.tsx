import { useManagementList, useManagementStore } from '@auth0-ts/react-hooks'
import { useEffect, useState } from 'react'
import type {
  BulkRequest,
  BulkStatus,
  ErrorView,
  PlaygroundConfig,
  RateLimitSetting,
  RunReport,
} from '../../shared/api.js'
import { getJson, postJson, toView } from '../api.js'
import { limitText, useTenantState } from '../tenant-state.js'
import { Timeline, TimelineLegend } from '../Timeline.js'
import { Card, ErrorBox, Page, Stat } from '../ui.js'

interface User {
  user_id: string
  email?: string
  name?: string
  logins_count?: number
  app_metadata?: { plan?: string; playground_bulk_update?: string }
}

function UserList() {
  const list = useManagementList('users', 'list', {
    perPage: 10,
    args: ({ page, perPage, search }) => [
      { page, perPage, includeTotals: true, ...(search ? { q: search } : {}) },
    ],
  })
  const users = list.items as unknown as User[]
  const empty = !list.isLoading && !list.error && users.length === 0
  return (
    <Card title="auth0.users.list({ page, perPage, q, includeTotals })" testId="users">
      <label className="block" style={{ marginBottom: 10 }}>
        <span>
          Search with Auth0’s query syntax: free text such as <code>grace</code>, or{' '}
          <code>email:grace*</code>, <code>app_metadata.plan:pro</code>
        </span>
        <input
          type="search"
          value={list.search}
          onChange={(e) => list.setSearch(e.target.value)}
          placeholder="e.g. grace or email:grace*"
          data-testid="user-search"
        />
      </label>
      {list.error && <ErrorBox error={toView(list.error)} testId="users-error" />}
      <div className="scroll">
        <table className="cards">
          <thead>
            <tr>
              <th>Email</th>
              <th>Name</th>
              <th>User id</th>
              <th>Logins</th>
              <th>Plan</th>
              <th>Bulk-updated</th>
            </tr>
          </thead>
          <tbody data-testid="user-rows">
            {users.map((u) => (
              <tr key={u.user_id}>
                <td className="line">{u.email}</td>
                <td>{u.name}</td>
                <td className="line">
                  <code>{u.user_id}</code>
                </td>
                <td data-label="logins">{u.logins_count ?? 0}</td>
                <td data-label="plan">{u.app_metadata?.plan ?? '—'}</td>
                <td className="muted nowrap" data-label="bulk-updated">
                  {u.app_metadata?.playground_bulk_update
                    ? new Date(u.app_metadata.playground_bulk_update).toLocaleTimeString()
                    : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {empty && (
        <p className="empty" data-testid="users-empty">
          {list.search ? `No users match “${list.search}”.` : 'The tenant has no users.'}
        </p>
      )}
      <div className="row" style={{ marginTop: 10 }}>
        <button className="secondary" onClick={list.previous} disabled={!list.hasPrevious}>
          ← Previous
        </button>
        <span data-testid="user-page">
          Page {list.page + 1}
          {list.pageCount !== undefined ? ` of ${Math.max(1, list.pageCount)}` : ''} ·{' '}
          {list.total ?? '?'} users
        </span>
        <button
          className="secondary"
          onClick={list.next}
          disabled={!list.hasNext}
          data-testid="user-next"
        >
          Next →
        </button>
        {list.isFetching && <span className="muted">loading…</span>}
      </div>
    </Card>
  )
}

function NumberInput({
  label,
  value,
  onChange,
  step = 1,
  testId,
}: {
  label: string
  value: number
  onChange: (v: number) => void
  step?: number
  testId?: string
}) {
  return (
    <label>
      {label}
      <input
        type="number"
        value={value}
        step={step}
        min={0}
        onChange={(e) => onChange(Number(e.target.value))}
        data-testid={testId}
      />
    </label>
  )
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

const RUNS = {
  paced: {
    title: 'Paced: the SDK’s rate limiter',
    code: 'await auth0.users.update(id, { app_metadata })',
  },
  naive: {
    title: 'Naive: plain fetch with retries',
    code: "await fetch(url, { method: 'PATCH', ... }) // on 429: sleep Retry-After, send again",
  },
} as const

function RunView({ run, job }: { run: RunReport; job: BulkStatus }) {
  const s = run.strategy
  return (
    <section className="run" data-testid={`run-${s}`} data-state={run.state}>
      <h4>
        {RUNS[s].title}{' '}
        <span className="muted">
          {run.state === 'pending'
            ? '· waiting for its turn'
            : run.state === 'waiting'
              ? '· waiting for the tenant’s bucket to refill'
              : ''}
        </span>
      </h4>
      <pre className="call">{RUNS[s].code}</pre>
      <div className="stats">
        <Stat label={`updated of ${job.total}`} value={run.updated} testId={`${s}-updated`} />
        <Stat label="failed" value={run.failed} testId={`${s}-failed`} />
        <Stat label="requests sent" value={run.requestsSent} testId={`${s}-sent`} />
        <Stat label="429s received" value={run.rateLimited} testId={`${s}-429`} />
        <Stat
          label="waits, summed over requests"
          value={seconds(run.waitedMsSummed)}
          testId={`${s}-waits`}
        />
        <Stat
          label={run.state === 'done' ? 'took' : 'elapsed'}
          value={seconds(run.elapsedMs)}
          testId={`${s}-took`}
        />
      </div>
      {run.waitsIgnored > 0 && (
        <p className="note" data-testid={`${s}-ignored`}>
          {run.waitsIgnored} retries went out before the wait the tenant asked for had passed.
        </p>
      )}
      <Timeline
        run={run}
        scaleMs={Math.max(1000, job.paced.elapsedMs, job.naive.elapsedMs, job.minimumMs ?? 0)}
        minimumMs={job.minimumMs}
      />
      {run.lastRateLimitError && (
        <ErrorBox error={run.lastRateLimitError} testId="bulk-rate-limit-error" />
      )}
    </section>
  )
}

/** One sentence from the numbers: what the two runs show, whichever way they came out. */
function verdict(job: BulkStatus): string {
  const { paced, naive } = job
  const part = (name: string, r: RunReport) =>
    `${name} updated ${r.updated} of ${job.total} in ${seconds(r.elapsedMs)}, with ${r.requestsSent} requests and ${r.rateLimited} 429s`
  const minimum =
    job.minimumMs === null
      ? ''
      : ` At this limit, updating all ${job.total} cannot take less than ${seconds(job.minimumMs)}.`
  return `${part('Paced', paced)}; ${part('naive', naive)}.${minimum}`
}

function RateLimitDemo({ config }: { config: PlaygroundConfig }) {
  const store = useManagementStore()
  const tenant = useTenantState()
  const [limit, setLimit] = useState<RateLimitSetting>({ burst: 5, perSecond: 2 })
  const [run, setRun] = useState({ count: 30, concurrency: 4, retries: 3 })
  const [job, setJob] = useState<BulkStatus>()
  const [error, setError] = useState<ErrorView>()
  const { refreshRateLimit } = tenant
  useEffect(() => {
    // The job wrote app_metadata on the server: the user list on screen is stale.
    if (job?.done) store.invalidate('users')
  }, [job?.done, store])
  const phase = job ? `${job.id} ${job.paced.state} ${job.naive.state} ${job.done}` : ''
  useEffect(() => {
    // The runs set the tenant's limit and put the previous one back: keep the banner right.
    if (phase) void refreshRateLimit()
  }, [phase, refreshRateLimit])
  useEffect(() => {
    if (!job || job.done) return
    const timer = setTimeout(
      () =>
        void getJson<BulkStatus>(`/api/bulk/${job.id}`).then(setJob, (e: unknown) =>
          setError(toView(e)),
        ),
      250,
    )
    return () => clearTimeout(timer)
  }, [job])
  const apply = async (setting: RateLimitSetting | null) => {
    try {
      await tenant.setRateLimit(setting)
      setError(undefined)
    } catch (e) {
      setError(toView(e))
    }
  }
  const start = async () => {
    setJob(undefined)
    const body: BulkRequest = { ...run, limit: config.canSetRateLimit ? limit : null }
    try {
      setJob(await postJson<BulkStatus>('/api/bulk', body))
      setError(undefined)
    } catch (e) {
      setError(toView(e))
    }
  }
  const running = job !== undefined && !job.done
  return (
    <Card title="Bulk update: paced or naive" testId="bulk">
      <div className="explain" data-testid="bulk-explain">
        <p>
          The server updates <code>app_metadata</code> of the first users twice, {run.concurrency}{' '}
          at a time, against the same tenant limit{config.canSetRateLimit ? '' : ' (Auth0’s own)'}:
        </p>
        <ul>
          <li>
            <strong>Paced</strong> is <code>auth0.users.update</code>. The SDK’s rate limiter reads{' '}
            <code>x-ratelimit-*</code> on every response and holds requests back until the tenant
            can take them. Once a few responses have told it the refill rate, it avoids 429s and
            keeps near the theoretical minimum.
          </li>
          <li>
            <strong>Naive</strong> is plain <code>fetch</code> that retries a 429 after{' '}
            <code>Retry-After</code>. It sends whatever the tenant cannot take yet, so those
            requests are refused and waited out, and a user whose retries run out is not updated.
          </li>
        </ul>
        <p className="muted">
          That is what pacing buys on a long run: the same work with far fewer requests, no refusals
          and no failed updates, in close to the least time the limit allows. On a short run the
          limiter is still learning the limit and may meet a few 429s, which it waits out. The
          minimum is (users − burst) ÷ refill rate: the bucket holds the first <em>burst</em>{' '}
          requests, the rest wait for the refill. With 0 retries, a paced update that still meets a
          429 fails at once with <code>RateLimitError</code> and its <code>resetAt</code>.
        </p>
      </div>
      {config.canSetRateLimit ? (
        <div className="row controls">
          <NumberInput
            label="Tenant limit: burst"
            value={limit.burst}
            onChange={(burst) => setLimit({ ...limit, burst })}
            testId="limit-burst"
          />
          <NumberInput
            label="refill per second"
            value={limit.perSecond}
            step={0.5}
            onChange={(perSecond) => setLimit({ ...limit, perSecond })}
            testId="limit-rate"
          />
          <button
            className="secondary"
            onClick={() => void apply(limit)}
            data-testid="limit-set"
            title="Keep this limit on the tenant after the runs, for every page"
          >
            Keep it on the tenant
          </button>
          <span className="muted" data-testid="limit-active">
            Now: {tenant.rateLimit ? limitText(tenant.rateLimit) : 'no limit'}. The runs use this
            limit and then put back what was there.
          </span>
        </div>
      ) : (
        <p className="note">
          On a real tenant the limit is Auth0’s own; the playground cannot lower it. The naive run
          starts once the tenant reports its bucket full again (at most 20 s).
        </p>
      )}
      <div className="row controls">
        <NumberInput
          label="Users"
          value={run.count}
          onChange={(count) => setRun({ ...run, count })}
          testId="bulk-count"
        />
        <NumberInput
          label="At a time"
          value={run.concurrency}
          onChange={(concurrency) => setRun({ ...run, concurrency })}
          testId="bulk-concurrency"
        />
        <NumberInput
          label="Retries on 429"
          value={run.retries}
          onChange={(retries) => setRun({ ...run, retries })}
          testId="bulk-retries"
        />
        <button onClick={() => void start()} disabled={running} data-testid="bulk-run">
          {running ? 'Running…' : 'Run both'}
        </button>
      </div>
      {error && (
        <div style={{ marginTop: 10 }}>
          <ErrorBox error={error} />
        </div>
      )}
      {job && (
        <div data-testid="bulk-stats" data-job={job.id} data-done={job.done}>
          {job.error && <ErrorBox error={job.error} />}
          <p className="muted" data-testid="bulk-state">
            {job.done ? 'Done.' : 'Running…'} Tenant limit during the runs:{' '}
            {job.rateLimit ? limitText(job.rateLimit) : 'Auth0’s own (not known to the page)'}.
          </p>
          {job.done && !job.error && (
            <p className="verdict-text" data-testid="bulk-verdict">
              {verdict(job)}
            </p>
          )}
          <TimelineLegend minimumMs={job.minimumMs} />
          <RunView run={job.paced} job={job} />
          <RunView run={job.naive} job={job} />
        </div>
      )}
    </Card>
  )
}

export function UsersPage({ config }: { config: PlaygroundConfig }) {
  return (
    <Page
      title="Users"
      lead="A paged, searchable list through the react-hooks proxy, and a bulk update run by the server twice, paced by the SDK and naively, to show what pacing does against the tenant’s rate limit."
    >
      <UserList />
      <RateLimitDemo config={config} />
    </Page>
  )
}
