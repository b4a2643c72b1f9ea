import { useCallback, useEffect, useState } from 'react'
import type { ErrorView, M2mResponse } from '../../shared/api.js'
import { getJson, toView } from '../api.js'
import { Card, ErrorBox, KeyValues, Page, Stat } from '../ui.js'

function inWords(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  return h > 0 ? `${h} h ${m} min` : m > 0 ? `${m} min ${s % 60} s` : `${s} s`
}

/** The first scopes, and the rest behind a toggle: the mock tenant grants every Management API scope (hundreds). */
function Scopes({ scopes }: { scopes: string[] }) {
  const chips = (list: string[]) => (
    <span className="chips">
      {list.map((s) => (
        <span key={s} className="chip">
          {s}
        </span>
      ))}
    </span>
  )
  if (scopes.length <= 12) return chips(scopes)
  return (
    <details>
      <summary>
        {scopes.slice(0, 3).join(', ')} and {scopes.length - 3} more
      </summary>
      {chips(scopes)}
    </details>
  )
}

export function M2mPage() {
  const [data, setData] = useState<M2mResponse>()
  const [error, setError] = useState<ErrorView>()
  const [busy, setBusy] = useState(false)
  const ask = useCallback(async () => {
    setBusy(true)
    try {
      setData(await getJson<M2mResponse>('/api/m2m'))
      setError(undefined)
    } catch (e) {
      setError(toView(e))
    } finally {
      setBusy(false)
    }
  }, [])
  useEffect(() => {
    void getJson<M2mResponse>('/api/m2m').then(setData, (e: unknown) => setError(toView(e)))
  }, [])
  return (
    <Page
      title="M2M token"
      lead={
        <>
          A client-credentials token for the Management API from <code>createTokenProvider</code>:
          one cached token, replaced shortly before it expires, shared by every management call of
          the server (the Connections, Users and Errors pages use it too). The page sees the token’s
          metadata, never the token.
        </>
      }
    >
      <Card title="Cached provider">
        <div className="row">
          <button onClick={() => void ask()} disabled={busy} data-testid="m2m-ask">
            Ask the provider for a token
          </button>
          {data && (
            <span
              className={`badge ${data.fromCache ? 'pass' : 'skipped'}`}
              data-testid="m2m-source"
            >
              {data.fromCache ? 'cache hit' : 'fetched from /oauth/token'}
            </span>
          )}
        </div>
        {data && (
          <div className="stats">
            <Stat label="cache hits" value={data.stats.hits} testId="m2m-hits" />
            <Stat label="misses" value={data.stats.misses} />
            <Stat label="token requests" value={data.stats.fetches} testId="m2m-fetches" />
            <Stat label="failures" value={data.stats.failures} />
            <Stat label="expires in" value={inWords(data.token.expiresAt - data.now)} />
          </div>
        )}
        {error && <ErrorBox error={error} />}
      </Card>
      {data && (
        <Card title="Token metadata">
          <KeyValues
            rows={[
              ['expires at', new Date(data.token.expiresAt).toLocaleString()],
              ['token type', data.token.tokenType ?? '—'],
              ['audience', <code>{data.token.audience}</code>],
              ['issuer', <code>{data.token.issuer ?? '—'}</code>],
              ['subject', <code>{data.token.subject ?? '—'}</code>],
              [
                'issued at',
                data.token.issuedAt ? new Date(data.token.issuedAt * 1000).toLocaleString() : '—',
              ],
              [
                'application',
                <>
                  <code>{data.clientId}</code> · {data.clientAuthentication}
                </>,
              ],
              ['cache key', <code>{data.cacheKey}</code>],
              ['the token', `${data.token.length} characters, kept on the server`],
              [`scopes (${data.token.scopes.length})`, <Scopes scopes={data.token.scopes} />],
            ]}
          />
        </Card>
      )}
    </Page>
  )
}
