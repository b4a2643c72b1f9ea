import { useEffect, useState, type ReactNode } from 'react'
import type { PlaygroundConfig } from '../shared/api.js'
import { getJson } from './api.js'
import { ConnectionsPage } from './pages/Connections.js'
import { ErrorsPage } from './pages/Errors.js'
import { M2mPage } from './pages/M2m.js'
import { SignInPage } from './pages/SignIn.js'
import { UsersPage } from './pages/Users.js'

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

const currentPath = () => window.location.hash.replace(/^#\/?/, '') || 'sign-in'

export function App() {
  const [path, setPath] = useState(currentPath)
  const [config, setConfig] = useState<PlaygroundConfig>()
  useEffect(() => {
    const onHash = () => setPath(currentPath())
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])
  useEffect(() => {
    void getJson<PlaygroundConfig>('/api/config').then(setConfig)
  }, [])
  const page = PAGES.find((p) => p.path === path) ?? (PAGES[0] as (typeof PAGES)[number])
  return (
    <>
      <header className="top">
        <div className="wrap">
          <h1>auth0-ts playground</h1>
          <span className="tenant" data-testid="tenant">
            {config
              ? config.mode === 'mock'
                ? `embedded mock tenant · ${config.domain}`
                : `tenant ${config.domain}`
              : 'connecting…'}
          </span>
        </div>
        <nav className="tabs wrap">
          {PAGES.map((p) => (
            <a key={p.path} href={`#/${p.path}`} aria-current={p === page ? 'page' : undefined}>
              {p.title}
            </a>
          ))}
        </nav>
      </header>
      <main className="wrap">{config && <page.Component config={config} />}</main>
    </>
  )
}
