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
          The SDK’s seed flow (list all, rename one, get it again) from React, with{' '}
          <code>@auth0-ts/react-hooks</code>. The hooks call this server’s proxy (
          <code>createManagementProxy</code>), which holds the management token and allows only{' '}
          <code>connections.all</code>, <code>connections.get</code>,{' '}
          <code>connections.update</code> and <code>users.list</code>.
        </>
      }
    >
      <Card title="1 · auth0.connections.all()" testId="connections-all">
        {all.error && <ErrorBox error={toView(all.error)} />}
        {all.isLoading && <p className="muted">loading…</p>}
        {connections.length > 0 && (
          <table>
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
        )}
      </Card>
      {current && (
        <Card
          title={`2 · auth0.connections.update('${current.id}', { name })`}
          testId="connection-rename"
        >
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault()
              rename.mutate(current.id, { name })
            }}
          >
            <label>
              New name
              <input
                value={name}
                onChange={(e) => setName(e.target.value)}
                size={40}
                data-testid="rename-input"
              />
            </label>
            <button
              type="submit"
              disabled={rename.isPending || name === ''}
              style={{ alignSelf: 'flex-end' }}
              data-testid="rename"
            >
              Rename
            </button>
            {rename.data !== undefined && (
              <span className="badge pass" style={{ alignSelf: 'flex-end' }}>
                renamed
              </span>
            )}
          </form>
          <p className="muted">
            After the update, the hooks invalidate the connection reads, so the list above and the
            read below fetch again.
          </p>
          {rename.error && <ErrorBox error={toView(rename.error)} />}
        </Card>
      )}
      {current && <GetAgain id={current.id} />}
    </Page>
  )
}
