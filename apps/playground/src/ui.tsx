import type { ReactNode } from 'react'
import type { CheckStatus, ErrorView } from '../shared/api.js'

export function Page({
  title,
  lead,
  children,
}: {
  title: string
  lead: ReactNode
  children: ReactNode
}) {
  return (
    <section>
      <h2>{title}</h2>
      <p className="lead">{lead}</p>
      {children}
    </section>
  )
}

export function Card({
  title,
  children,
  testId,
}: {
  title?: string
  children: ReactNode
  testId?: string
}) {
  return (
    <div className="card" data-testid={testId}>
      {title && <h3>{title}</h3>}
      {children}
    </div>
  )
}

export function KeyValues({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="kv">
      {rows.map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  )
}

export function Badge({ status }: { status: CheckStatus }) {
  const text = { pass: 'pass', fail: 'FAIL', skipped: '—' }[status]
  return <span className={`badge ${status}`}>{text}</span>
}

export function Stat({
  label,
  value,
  testId,
}: {
  label: string
  value: ReactNode
  testId?: string
}) {
  return (
    <div className="stat">
      <div className="value" data-testid={testId}>
        {value}
      </div>
      <div className="label">{label}</div>
    </div>
  )
}

/** Epoch seconds as a local time and how far away it is. */
function resetText(resetAt: number | undefined, now = Date.now()): string {
  if (resetAt === undefined || resetAt < 0) return 'unknown'
  const inS = Math.round(resetAt - now / 1000)
  return `${new Date(resetAt * 1000).toLocaleTimeString()} (${inS >= 0 ? `in ${inS} s` : `${-inS} s ago`})`
}

/** An SDK error as a user would see it: class, message, codes. */
export function ErrorBox({ error, testId }: { error: ErrorView; testId?: string }) {
  const rows: [string, ReactNode][] = []
  if (error.code !== undefined) rows.push(['code', <code>{error.code}</code>])
  if (error.statusCode !== undefined) rows.push(['statusCode', error.statusCode])
  if (error.errorCode !== undefined) rows.push(['errorCode', <code>{error.errorCode}</code>])
  if (error.resetAt !== undefined)
    rows.push([
      'resetAt',
      <span data-testid="reset-at">{`${error.resetAt} → ${resetText(error.resetAt)}`}</span>,
    ])
  if (error.retryAfter !== undefined) rows.push(['retryAfter', `${error.retryAfter} s`])
  if (error.limit !== undefined)
    rows.push(['limit / remaining', `${error.limit} / ${error.remaining ?? -1}`])
  if (error.timeout !== undefined) rows.push(['timeout', `${error.timeout} ms`])
  if (error.requestId !== undefined) rows.push(['requestId', <code>{error.requestId}</code>])
  if (error.method !== undefined)
    rows.push(['request', <code>{`${error.method} ${error.url ?? ''}`}</code>])
  const guards = Object.entries(error.is)
  if (guards.length > 0)
    rows.push([
      'checks',
      <span className="chips">
        {guards.map(([k, v]) => (
          <code key={k} className="chip">{`${k} → ${v}`}</code>
        ))}
      </span>,
    ])
  return (
    <div className="error-box" data-testid={testId} data-error-name={error.name}>
      <div>
        <span className="name">{error.name}</span>: {error.message}
      </div>
      {rows.length > 0 && (
        <div style={{ marginTop: 6 }}>
          <KeyValues rows={rows} />
        </div>
      )}
    </div>
  )
}

/** A JWT with its three parts coloured. */
export function Jwt({ token, testId }: { token: string; testId?: string }) {
  const [h = '', p = '', s = ''] = token.split('.')
  return (
    <code className="token" data-testid={testId}>
      <span className="hdr">{h}</span>.<span className="pld">{p}</span>.
      <span className="sig">{s}</span>
    </code>
  )
}
