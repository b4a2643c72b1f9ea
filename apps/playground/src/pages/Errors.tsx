import { useState } from 'react'
import { ERROR_KINDS, type ErrorDemoResponse, type ErrorKind } from '../../shared/api.js'
import { postJson, toView } from '../api.js'
import { Card, ErrorBox, Page } from '../ui.js'

const TITLES: Record<ErrorKind, { title: string; what: string }> = {
  auth0: { title: 'Auth0Error (404)', what: 'A user that does not exist.' },
  'rate-limit': { title: 'RateLimitError', what: 'The tenant’s limit, with no retries left.' },
  timeout: {
    title: 'TimeoutError',
    what: 'A 250 ms timeout against a server that answers in 3 s.',
  },
  network: { title: 'NetworkError', what: 'A port nothing listens on.' },
  'token-validation': {
    title: 'TokenValidationError',
    what: 'A real ID token, verified for another application.',
  },
}

function Demo({ kind }: { kind: ErrorKind }) {
  const [result, setResult] = useState<ErrorDemoResponse>()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string>()
  const run = async () => {
    setBusy(true)
    try {
      setResult(await postJson<ErrorDemoResponse>(`/api/errors/${kind}`))
      setFailure(undefined)
    } catch (e) {
      setFailure(toView(e).message)
    } finally {
      setBusy(false)
    }
  }
  const { title, what } = TITLES[kind]
  return (
    <Card title={title} testId={`error-${kind}`}>
      <div className="row">
        <button onClick={() => void run()} disabled={busy} data-testid={`trigger-${kind}`}>
          {busy ? 'Running…' : 'Trigger'}
        </button>
        <span className="muted">{what}</span>
      </div>
      {result && (
        <>
          <pre className="call">{result.call}</pre>
          {result.error ? (
            <ErrorBox error={result.error} testId={`result-${kind}`} />
          ) : (
            <p className="note">No error was raised.</p>
          )}
          <p className="muted">Failed after {result.elapsedMs} ms.</p>
        </>
      )}
      {failure && <p className="note">{failure}</p>}
    </Card>
  )
}

export function ErrorsPage() {
  return (
    <Page
      title="Errors"
      lead={
        <>
          Each error class, raised for real by the server and shown with the fields a program would
          read. Every transport error extends <code>Auth0Error</code>; the token verifier has its
          own <code>TokenValidationError</code> with a stable <code>code</code>.
        </>
      }
    >
      <div className="grid2">
        {ERROR_KINDS.map((k) => (
          <Demo key={k} kind={k} />
        ))}
      </div>
    </Page>
  )
}
