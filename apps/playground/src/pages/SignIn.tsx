import { useCallback, useEffect, useState, type FormEvent } from 'react'
import type {
  ErrorView,
  PlaygroundConfig,
  SessionResponse,
  SessionTokens,
  VerifyResponse,
} from '../../shared/api.js'
import { getJson, postJson, toView } from '../api.js'
import { Badge, Card, ErrorBox, Jwt, KeyValues, Page } from '../ui.js'

/** Changes one character in the middle of the signature: the token still parses, but no longer verifies. */
function tamper(token: string): { token: string; note: string } {
  const parts = token.split('.')
  const sig = parts[2] ?? ''
  const i = Math.floor(sig.length / 2)
  const from = sig[i] ?? ''
  const to = from === 'A' ? 'B' : 'A'
  parts[2] = sig.slice(0, i) + to + sig.slice(i + 1)
  return {
    token: parts.join('.'),
    note: `Signature character ${i + 1} of ${sig.length} changed from “${from}” to “${to}”.`,
  }
}

const CLAIMS = ['sub', 'name', 'email', 'iss', 'aud', 'exp', 'iat', 'nonce', 'auth_time'] as const

function claimText(name: string, value: unknown): string {
  if (value === undefined) return '—'
  if ((name === 'exp' || name === 'iat' || name === 'auth_time') && typeof value === 'number')
    return `${value} (${new Date(value * 1000).toLocaleString()})`
  return typeof value === 'string' ? value : JSON.stringify(value)
}

function LoginCard({
  config,
  onTokens,
}: {
  config: PlaygroundConfig
  onTokens: (t: SessionTokens) => void
}) {
  const [username, setUsername] = useState(config.demoUser?.username ?? '')
  const [password, setPassword] = useState(config.demoUser?.password ?? '')
  const [error, setError] = useState<ErrorView>()
  const [busy, setBusy] = useState(false)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      const r = await postJson<SessionResponse>('/api/login', { username, password })
      if (r.tokens) onTokens(r.tokens)
    } catch (err) {
      setError(toView(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="grid2">
      <Card title="Authorization code + PKCE">
        <p className="muted">
          The server builds an <code>/authorize</code> URL with <code>buildAuthorizeUrl</code> (S256
          challenge, state, nonce), keeps the verifier in its session, and exchanges the code with{' '}
          <code>GetToken.authorizationCodePkce</code>.
        </p>
        {config.demoUser && (
          <p className="muted">
            On the login page use <code>{config.demoUser.username}</code> /{' '}
            <code>{config.demoUser.password}</code>.
          </p>
        )}
        <a className="button" href="/login" data-testid="pkce-login">
          Sign in with the tenant’s login page
        </a>
      </Card>
      <Card title="Password realm">
        <p className="muted">
          <code>GetToken.login(username, password, {`{ realm: '${config.realm}' }`})</code>, called
          by the server.
        </p>
        <form onSubmit={(e) => void submit(e)} className="row controls">
          <label className="grow">
            Username
            <input
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              autoComplete="username"
            />
          </label>
          <label className="grow">
            Password
            <input
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="current-password"
            />
          </label>
          <button type="submit" disabled={busy} data-testid="password-login">
            Log in
          </button>
        </form>
        {error && (
          <div style={{ marginTop: 10 }}>
            <ErrorBox error={error} />
          </div>
        )}
      </Card>
    </div>
  )
}

function Verification({ idToken }: { idToken: string }) {
  const [result, setResult] = useState<{ token: string; note?: string; response: VerifyResponse }>()
  const run = useCallback(async (token: string, note?: string) => {
    const response = await postJson<VerifyResponse>('/api/verify', { idToken: token })
    setResult({ token, response, ...(note === undefined ? {} : { note }) })
  }, [])
  useEffect(() => {
    let live = true
    void postJson<VerifyResponse>('/api/verify', { idToken }).then(
      (response) => live && setResult({ token: idToken, response }),
    )
    return () => {
      live = false
    }
  }, [idToken])
  const tampered = result?.note !== undefined
  return (
    <Card title="ID token verification (token-verifier)" testId="verification">
      <p className="muted">
        <code>
          new TokenVerifier({'{ signatureVerifier, issuer, audience }'}).verify(idToken,{' '}
          {'{ nonce }'})
        </code>{' '}
        on the server, against the tenant’s JWKS. Each check in the order it runs:
      </p>
      <div className="row" style={{ marginBottom: 12 }}>
        <button className="secondary" onClick={() => void run(idToken)} data-testid="verify">
          Verify the ID token
        </button>
        <button
          onClick={() => {
            const t = tamper(idToken)
            void run(t.token, t.note)
          }}
          data-testid="tamper"
        >
          Tamper: change one character
        </button>
      </div>
      {result && (
        <>
          <div className={`verdict ${result.response.valid ? 'ok' : 'bad'}`} data-testid="verdict">
            {result.response.valid
              ? `Valid: every check passed${tampered ? '' : ' for the token as issued'}.`
              : `Rejected${tampered ? ' (tampered token)' : ''}: ${result.response.error?.code ?? result.response.error?.name}`}
          </div>
          {result.note && <p className="muted">{result.note}</p>}
          <div className="scroll">
            <table className="stack">
              <thead>
                <tr>
                  <th style={{ width: 80 }}>Result</th>
                  <th>Check</th>
                  <th>Value</th>
                </tr>
              </thead>
              <tbody>
                {result.response.checks.map((c) => (
                  <tr key={c.id} data-check={c.id} data-status={c.status}>
                    <td>
                      <Badge status={c.status} />
                    </td>
                    <td>{c.label}</td>
                    <td className="mono" style={{ overflowWrap: 'anywhere' }}>
                      {c.detail}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result.response.error && (
            <div style={{ marginTop: 12 }}>
              <ErrorBox error={result.response.error} testId="verify-error" />
            </div>
          )}
        </>
      )}
    </Card>
  )
}

export function SignInPage({ config }: { config: PlaygroundConfig }) {
  const [session, setSession] = useState<SessionResponse>()
  useEffect(() => {
    void getJson<SessionResponse>('/api/session').then(setSession)
  }, [])
  const tokens = session?.tokens ?? null
  const signOut = async () => {
    await postJson('/api/logout')
    setSession({ tokens: null })
  }
  return (
    <Page
      title="Sign in"
      lead="Sign a user in with the authentication package, then verify the ID token with the token verifier. These are the user’s own tokens, so the page may show them."
    >
      {session?.error && (
        <Card
          title={
            session.error.errorCode === 'access_denied'
              ? 'The sign-in was cancelled or refused'
              : 'The sign-in failed'
          }
          testId="sign-in-error"
        >
          <ErrorBox error={session.error} />
        </Card>
      )}
      {!tokens && session && (
        <LoginCard config={config} onTokens={(t) => setSession({ tokens: t })} />
      )}
      {tokens && (
        <>
          <Card title="Signed in" testId="tokens">
            <KeyValues
              rows={[
                ['flow', <span data-testid="flow">{tokens.flow}</span>],
                ...CLAIMS.filter((c) => tokens.claims[c] !== undefined).map(
                  (c): [string, string] => [c, claimText(c, tokens.claims[c])],
                ),
                ['token_type / expires_in', `${tokens.tokenType} / ${tokens.expiresIn} s`],
                ['ID token', <Jwt token={tokens.idToken} testId="id-token" />],
                ['access token', <Jwt token={tokens.accessToken} />],
              ]}
            />
            <div style={{ marginTop: 12 }}>
              <button className="secondary" onClick={() => void signOut()}>
                Sign out
              </button>
            </div>
          </Card>
          {tokens.idToken && <Verification idToken={tokens.idToken} />}
        </>
      )}
    </Page>
  )
}
