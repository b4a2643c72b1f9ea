import { useManagementStore } from '@auth0-ts/react-hooks'
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { PlaygroundConfig, RateLimitResponse, RateLimitSetting } from '../shared/api.js'
import { getJson, postJson, toView } from './api.js'
import { ConnectionsPage } from './pages/Connections.js'
import { ErrorsPage } from './pages/Errors.js'
import { M2mPage } from './pages/M2m.js'
import { SignInPage } from './pages/SignIn.js'
import { UsersPage } from './pages/Users.js'
import { limitText, TenantStateContext, type TenantState } from './tenant-state.js'

const PAGES: readonly {
  path: string
  title: string
  Component: (props: { config: PlaygroundConfig }) => ReactNode
}[] = [
  { path: 'sign-in', title: 'Sign in', Component: SignInPage },
  { path: 'm2m', title: 'M2M token', Component: M2mPage },
  { path: 'connections', title: 'Connections', Component: ConnectionsPage },
  { path: 'users', title: 'Users', Component: UsersPage },
  { path: 'errors', title: 'Errors', Component: ErrorsPage },
]

/** The page's route: the hash (`#/users`), or `null` when the address is not the page's own (`/nope`). */
const currentPath = () =>
  window.location.pathname === '/' || window.location.pathname === '/index.html'
    ? window.location.hash.replace(/^#\/?/, '') || 'sign-in'
    : null

function NotFound({ path }: { path: string | null }) {
  const what = path === null ? window.location.pathname : `#/${path}`
  return (
    <section data-testid="not-found">
      <h2>Page not found</h2>
      <p className="lead">
        The playground has no page at <code>{what}</code>. These are its pages:
      </p>
      <ul className="links">
        {PAGES.map((p) => (
          <li key={p.path}>
            <a href={`/#/${p.path}`}>{p.title}</a>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** Shown on every page while the mock tenant has a rate limit: every call the playground makes counts against it. */
function LimitBanner({ limit, onRemove }: { limit: RateLimitSetting; onRemove: () => void }) {
  return (
    <div className="banner" role="status" data-testid="limit-banner">
      <div className="wrap">
        <span>
          <strong>Tenant rate limit on:</strong> {limitText(limit)}. Every call to the tenant counts
          against it, this page’s too.
        </span>
        <button className="secondary small" onClick={onRemove}>
          Remove it
        </button>
      </div>
    </div>
  )
}

export function App() {
  const store = useManagementStore()
  const [path, setPath] = useState(currentPath)
  const [config, setConfig] = useState<PlaygroundConfig>()
  const [rateLimit, setLimit] = useState<RateLimitSetting | null>(null)
  const [resetNote, setResetNote] = useState<string>()
  useEffect(() => {
    const onHash = () => setPath(currentPath())
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])
  useEffect(() => {
    void getJson<PlaygroundConfig>('/api/config').then(setConfig)
    void getJson<RateLimitResponse>('/api/rate-limit').then((r) => setLimit(r.rateLimit))
  }, [])
  const refreshRateLimit = useCallback(
    () => getJson<RateLimitResponse>('/api/rate-limit').then((r) => setLimit(r.rateLimit)),
    [],
  )
  const setRateLimit = useCallback(async (setting: RateLimitSetting | null) => {
    const r = await postJson<RateLimitResponse>('/api/rate-limit', setting)
    setLimit(r.rateLimit)
  }, [])
  const resetTenant = async () => {
    try {
      const r = await postJson<RateLimitResponse>('/api/reset')
      setLimit(r.rateLimit)
      // Renames and metadata are gone on the tenant: every list on screen is stale.
      store.invalidate('connections', 'users')
      setResetNote('The tenant is as it started.')
    } catch (e) {
      setResetNote(toView(e).message)
    }
    setTimeout(() => setResetNote(undefined), 4000)
  }
  const state = useMemo<TenantState | null>(
    () => (config ? { config, rateLimit, refreshRateLimit, setRateLimit } : null),
    [config, rateLimit, refreshRateLimit, setRateLimit],
  )
  const page = path === null ? undefined : PAGES.find((p) => p.path === path)
  return (
    <>
      <header className="top">
        <div className="wrap brand">
          <h1>auth0-ts playground</h1>
          <span className="tenant" data-testid="tenant">
            {config
              ? config.mode === 'mock'
                ? `embedded mock tenant · ${config.domain}`
                : `tenant ${config.domain}`
              : 'connecting…'}
          </span>
          {config?.canSetRateLimit && (
            <span className="reset">
              {resetNote && (
                <span className="muted" role="status" data-testid="reset-note">
                  {resetNote}
                </span>
              )}
              <button
                className="secondary small"
                onClick={() => void resetTenant()}
                title="Connection names, users’ metadata and the rate limit go back to how the mock tenant started"
                data-testid="reset-tenant"
              >
                Reset the tenant
              </button>
            </span>
          )}
        </div>
        <nav className="tabs wrap">
          {PAGES.map((p) => (
            <a key={p.path} href={`/#/${p.path}`} aria-current={p === page ? 'page' : undefined}>
              {p.title}
            </a>
          ))}
        </nav>
      </header>
      {rateLimit && <LimitBanner limit={rateLimit} onRemove={() => void setRateLimit(null)} />}
      <main className="wrap">
        {state && (
          <TenantStateContext.Provider value={state}>
            {page ? <page.Component config={state.config} /> : <NotFound path={path} />}
          </TenantStateContext.Provider>
        )}
      </main>
    </>
  )
}
