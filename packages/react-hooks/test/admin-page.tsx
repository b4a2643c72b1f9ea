// The admin page from the README, verbatim but for the import path: tested in admin-page.test.tsx.
import { useState } from 'react'
import {
  createManagementClient,
  isRateLimitError,
  ManagementProvider,
  useManagementList,
  useManagementMutation,
  useManagementQuery,
} from '../src/index.js'

const client = createManagementClient({
  baseUrl: 'http://app.test/api/management',
  headers: { 'x-csrf': 'ok' },
})

function Users() {
  const list = useManagementList('users', 'list', {
    perPage: 20,
    args: ({ page, perPage, search }) => [
      { page, perPage, includeTotals: true, ...(search && { q: `email:*${search}*` }) },
    ],
  })
  return (
    <section>
      <input
        placeholder="Search by email"
        value={list.search}
        onChange={(e) => list.setSearch(e.target.value)}
      />
      {list.error && <p role="alert">{list.error.message}</p>}
      <ul>
        {list.items.map((u) => (
          <li key={u.user_id}>{u.email}</li>
        ))}
      </ul>
      <button onClick={list.previous} disabled={!list.hasPrevious}>
        Previous
      </button>
      <span>
        Page {list.page + 1} of {list.pageCount ?? '?'}
      </span>
      <button onClick={list.next} disabled={!list.hasNext}>
        Next
      </button>
    </section>
  )
}

function RenameConnection({ id }: { id: string }) {
  const { data } = useManagementQuery('connections', 'get', [id])
  const rename = useManagementMutation('connections', 'update')
  const [name, setName] = useState('')
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        rename.mutate(id, { display_name: name })
      }}
    >
      <label>
        {data?.display_name ?? '…'} →{' '}
        <input aria-label="New name" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <button disabled={rename.isPending}>Rename</button>
      {isRateLimitError(rename.error) && (
        <p>Too many requests: try again at {new Date(rename.error.resetAt * 1000).toISOString()}</p>
      )}
    </form>
  )
}

export const AdminPage = ({ connectionId }: { connectionId: string }) => (
  <ManagementProvider client={client}>
    <Users />
    <RenameConnection id={connectionId} />
  </ManagementProvider>
)
