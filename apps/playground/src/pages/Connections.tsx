import { useManagementMutation, useManagementQuery } from '@auth0-ts/react-hooks'
import { useState } from 'react'
import { toView } from '../api.js'
import { Card, ErrorBox, KeyValues, Page } from '../ui.js'

interface Connection {
  id: string
  name: string
  strategy?: string
  display_name?: string
}

const asConnections = (data: unknown): Connection[] =>
  Array.isArray(data) ? (data as Connection[]) : []

/** Auth0's rule for a connection name (the Management API's pattern, and at most 128 characters). */
const NAME_RULE = /^[a-zA-Z0-9](-?[a-zA-Z0-9])*$/
const followsNameRule = (name: string) => name.length <= 128 && NAME_RULE.test(name)

function GetAgain({ id }: { id: string }) {
  const { data, error, isFetching } = useManagementQuery('connections', 'get', [id])
  const c = data as Connection | undefined
  return (
    <Card title={`3 · auth0.connections.get('${id}')`} testId="connection-get">
      {error && <ErrorBox error={toView(error)} />}
      {c && (
        <KeyValues
          rows={[
            ['id', <code>{c.id}</code>],
            ['name', <strong data-testid="connection-get-name">{c.name}</strong>],
            ['strategy', c.strategy ?? '—'],
          ]}
        />
      )}
      {isFetching && <p className="muted">loading…</p>}
    </Card>
  )
}

export function ConnectionsPage() {
  const all = useManagementQuery('connections', 'all', [])
  const connections = asConnections(all.data)
  const [selected, setSelected] = useState<string>()
  const [name, setName] = useState('')
  const rename = useManagementMutation('connections', 'update')
  const current = connections.find((c) => c.id === selected)
  const select = (c: Connection) => {
    setSelected(c.id)
    setName(c.name.endsWith('-renamed') ? c.name.replace(/-renamed$/, '') : `${c.name}-renamed`)
    rename.reset()
  }
  return (
    <Page
      title="Connections"
      lead={
        <>
          auth0-python’s{' '}
          <a href="https://github.com/auth0/auth0-python/blob/master/EXAMPLES.md#connections">
            connections example
          </a>{' '}
          (list all, rename one, get it again) from React, with <code>@auth0-ts/react-hooks</code>.
          The hooks call this server’s proxy (<code>createManagementProxy</code>), which holds the
          management token and allows only <code>connections.all</code>,{' '}
          <code>connections.get</code>, <code>connections.update</code> and <code>users.list</code>.
        </>
      }
    >
      <Card title="1 · auth0.connections.all()" testId="connections-all">
        {all.error && <ErrorBox error={toView(all.error)} />}
        {all.isLoading && <p className="muted">loading…</p>}
        {connections.length > 0 && (
          <div className="scroll">
            <table className="reflow">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Strategy</th>
                  <th>Id</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {connections.map((c) => (
                  <tr
                    key={c.id}
                    className={c.id === selected ? 'selected' : undefined}
                    data-connection={c.id}
                  >
                    <td>
                      <strong>{c.name}</strong>
                    </td>
                    <td>{c.strategy}</td>
                    <td>
                      <code>{c.id}</code>
                    </td>
                    <td style={{ textAlign: 'right' }}>
                      <button
                        className="secondary"
                        onClick={() => select(c)}
                        data-testid={`select-${c.id}`}
                      >
                        Rename…
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {current && (
        <Card
          title={`2 · auth0.connections.update('${current.id}', { name })`}
          testId="connection-rename"
        >
          <form
            className="row controls"
            onSubmit={(e) => {
              e.preventDefault()
              rename.mutate(current.id, { name })
            }}
          >
            <label className="grow">
              New name
              <input
                value={name}
                onChange={(e) => setName(e.target.value)}
                aria-describedby="name-rule"
                aria-invalid={!followsNameRule(name)}
                data-testid="rename-input"
              />
            </label>
            <button type="submit" disabled={rename.isPending || name === ''} data-testid="rename">
              Rename
            </button>
            {rename.data !== undefined && <span className="badge pass">renamed</span>}
          </form>
          <p id="name-rule" className="hint" data-testid="name-rule">
            Auth0’s rule for a connection name: letters, digits and hyphens, starting and ending
            with a letter or digit, no two hyphens in a row, at most 128 characters.
            {name !== '' && !followsNameRule(name) && (
              <strong className="warn" data-testid="name-rule-broken">
                {' '}
                This name breaks it: the tenant will refuse it.
              </strong>
            )}
          </p>
          <p className="muted">
            After the update, the hooks invalidate the connection reads, so the list above and the
            read below fetch again.
          </p>
          {rename.error && <ErrorBox error={toView(rename.error)} testId="rename-error" />}
        </Card>
      )}
      {current && <GetAgain id={current.id} />}
    </Page>
  )
}
