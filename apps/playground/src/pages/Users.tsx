import { useManagementList, useManagementStore } from '@auth0-ts/react-hooks'
import { useEffect, useState } from 'react'
import type { BulkStatus, ErrorView, PlaygroundConfig, RateLimitSetting } from '../../shared/api.js'
import { getJson, postJson, toView } from '../api.js'
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
  return (
    <Card title="auth0.users.list({ page, perPage, q, includeTotals })" testId="users">
      <div className="row" style={{ marginBottom: 10 }}>
        <label style={{ flex: 1 }}>
          <span>
            Search with Auth0’s query syntax: free text such as <code>grace</code>, or{' '}
            <code>email:grace*</code>, <code>app_metadata.plan:pro</code>
          </span>
          <input
            value={list.search}
            onChange={(e) => list.setSearch(e.target.value)}
            placeholder="grace"
            data-testid="user-search"
          />
        </label>
      </div>
      {list.error && <ErrorBox error={toView(list.error)} />}
      <table>
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
              <td>{u.email}</td>
              <td>{u.name}</td>
              <td>
                <code>{u.user_id}</code>
              </td>
              <td>{u.logins_count ?? 0}</td>
              <td>{u.app_metadata?.plan ?? '—'}</td>
              <td className="muted" style={{ whiteSpace: 'nowrap' }}>
                {u.app_metadata?.playground_bulk_update
                  ? new Date(u.app_metadata.playground_bulk_update).toLocaleTimeString()
                  : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row" style={{ marginTop: 10 }}>
        <button className="secondary" onClick={list.previous} disabled={!list.hasPrevious}>
          ← Previous
        </button>
        <span data-testid="user-page">
          Page {list.page + 1}
          {list.pageCount !== undefined ? ` of ${list.pageCount}` : ''} · {list.total ?? '?'} users
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

function RateLimitDemo({ config }: { config: PlaygroundConfig }) {
  const store = useManagementStore()
  const [limit, setLimit] = useState<RateLimitSetting>({ burst: 5, perSecond: 2 })
  const [active, setActive] = useState<RateLimitSetting | null>(null)
  const [run, setRun] = useState({ count: 30, concurrency: 4, retries: 3 })
  const [job, setJob] = useState<BulkStatus>()
  const [error, setError] = useState<ErrorView>()
  useEffect(() => {
    void getJson<{ rateLimit: RateLimitSetting | null }>('/api/rate-limit').then((r) =>
      setActive(r.rateLimit),
    )
  }, [])
  useEffect(() => {
    // The job wrote app_metadata on the server: the user list on screen is stale.
    if (job?.done) store.invalidate('users')
  }, [job?.done, store])
  useEffect(() => {
    if (!job || job.done) return
    const timer = setTimeout(
      () =>
        void getJson<BulkStatus>(`/api/bulk/${job.id}`).then(setJob, (e: unknown) =>
          setError(toView(e)),
        ),
      200,
    )
    return () => clearTimeout(timer)
  }, [job])
  const apply = async (setting: RateLimitSetting | null) => {
    try {
      const r = await postJson<{ rateLimit: RateLimitSetting | null }>('/api/rate-limit', setting)
      setActive(r.rateLimit)
      setError(undefined)
    } catch (e) {
      setError(toView(e))
    }
  }
  const start = async () => {
    setJob(undefined)
    try {
      setJob(await postJson<BulkStatus>('/api/bulk', run))
      setError(undefined)
    } catch (e) {
      setError(toView(e))
    }
  }
  const running = job !== undefined && !job.done
  return (
    <Card title="Bulk update: the rate-limit-aware client at work" testId="bulk">
      <p className="muted">
        The server updates <code>app_metadata</code> of the first users with{' '}
        <code>auth0.users.update</code>, several at a time. When the tenant answers 429, the client
        waits as <code>Retry-After</code> / <code>X-RateLimit-Reset</code> tell it, then retries;
        when it runs out of retries it throws <code>RateLimitError</code> with <code>resetAt</code>.
        Set retries to 0 to see that at once.
      </p>
      {config.canSetRateLimit ? (
        <div className="row" style={{ marginBottom: 12 }}>
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
            style={{ alignSelf: 'flex-end' }}
            onClick={() => void apply(limit)}
            data-testid="limit-set"
          >
            Set the tenant’s limit
          </button>
          <button
            className="secondary"
            style={{ alignSelf: 'flex-end' }}
            onClick={() => void apply(null)}
            disabled={active === null}
          >
            Remove it
          </button>
          <span style={{ alignSelf: 'flex-end' }} data-testid="limit-active">
            Now: {active ? `${active.burst} at once, ${active.perSecond}/s` : 'no limit'}
          </span>
        </div>
      ) : (
        <p className="note">
          On a real tenant the limit is Auth0’s own; the playground cannot lower it.
        </p>
      )}
      <div className="row">
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
        <button
          style={{ alignSelf: 'flex-end' }}
          onClick={() => void start()}
          disabled={running}
          data-testid="bulk-run"
        >
          {running ? 'Running…' : 'Run the bulk update'}
        </button>
      </div>
      {error && (
        <div style={{ marginTop: 10 }}>
          <ErrorBox error={error} />
        </div>
      )}
      {job && (
        <>
          <div className="stats" data-testid="bulk-stats" data-job={job.id} data-done={job.done}>
            <Stat label="requests sent" value={job.requestsSent} testId="bulk-sent" />
            <Stat label="429s received" value={job.rateLimited} testId="bulk-429" />
            <Stat label="waits honoured" value={job.waitsHonoured} testId="bulk-waits" />
            <Stat label="time waited" value={`${(job.waitedMs / 1000).toFixed(1)} s`} />
            <Stat label={`updated of ${job.total}`} value={job.updated} testId="bulk-updated" />
            <Stat label="failed" value={job.failed} testId="bulk-failed" />
            <Stat
              label={job.done ? 'took' : 'elapsed'}
              value={`${(job.elapsedMs / 1000).toFixed(1)} s`}
            />
          </div>
          {job.waitsIgnored > 0 && (
            <p className="note">{job.waitsIgnored} requests went out before a wait had passed.</p>
          )}
          <p className="muted" data-testid="bulk-state">
            {job.done ? 'Done.' : 'Running…'} Tenant limit during the run:{' '}
            {job.rateLimit
              ? `${job.rateLimit.burst} at once, ${job.rateLimit.perSecond}/s`
              : 'none'}
            .
          </p>
          {job.lastRateLimitError && (
            <ErrorBox error={job.lastRateLimitError} testId="bulk-rate-limit-error" />
          )}
        </>
      )}
    </Card>
  )
}

export function UsersPage({ config }: { config: PlaygroundConfig }) {
  return (
    <Page
      title="Users"
      lead="A paged, searchable list through the react-hooks proxy, and a bulk update run by the server that shows how the management client copes with the tenant’s rate limit."
    >
      <UserList />
      <RateLimitDemo config={config} />
    </Page>
  )
}
