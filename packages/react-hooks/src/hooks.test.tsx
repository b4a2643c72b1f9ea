// @vitest-environment jsdom
import { Auth0Error, RateLimitError } from '@auth0-ts/core'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { HttpResponse } from 'msw'
import { StrictMode, useState, type ReactNode } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'
import type { ManagementClient } from './client.js'
import { useManagementList, useManagementMutation, useManagementQuery } from './hooks.js'
import { ManagementProvider } from './provider.js'
import { ManagementStore } from './store.js'
import { mountApp } from './test-utils/app.js'
import { makeConnection, makeUser, rateLimited } from './test-utils/tenant.js'
import { setupMsw } from './test-utils/msw.js'

const server = setupMsw(cleanup)

function renderApp(client: ManagementClient, ui: ReactNode) {
  return render(
    <StrictMode>
      <ManagementProvider client={client}>{ui}</ManagementProvider>
    </StrictMode>,
  )
}

function UserName({ id }: { id: string }) {
  const { data, error, isLoading } = useManagementQuery('users', 'get', [id])
  if (isLoading) return <p>Loading…</p>
  if (error)
    return (
      <p
        role="alert"
        data-typed={String(error instanceof Auth0Error)}
        data-code={error.errorCode}
        data-request-id={error.requestId}
      >
        {`${error.statusCode}: ${error.message}`}
      </p>
    )
  return <p>{data?.name}</p>
}

function UserList() {
  const list = useManagementList('users', 'list', { perPage: 2 })
  return (
    <div>
      <input
        aria-label="search"
        value={list.search}
        onChange={(e) => list.setSearch(e.target.value)}
      />
      <ul>
        {list.items.map((u) => (
          <li key={u.user_id}>{u.email}</li>
        ))}
      </ul>
      <p>
        {list.isLoading
          ? 'Loading…'
          : `Page ${list.page + 1} of ${list.pageCount} (${list.total} users)`}
      </p>
      <button disabled={!list.hasPrevious} onClick={list.previous}>
        Previous
      </button>
      <button disabled={!list.hasNext} onClick={list.next}>
        Next
      </button>
    </div>
  )
}

function Connections() {
  const { data } = useManagementQuery('connections', 'all', [])
  const rename = useManagementMutation('connections', 'update')
  const [name, setName] = useState('')
  const connections = data ?? []
  return (
    <div>
      <ul>
        {connections.map((c) => (
          <li key={c.id}>{c.display_name}</li>
        ))}
      </ul>
      <input aria-label="name" value={name} onChange={(e) => setName(e.target.value)} />
      <button
        disabled={rename.isPending}
        onClick={() => {
          const id = connections[0]?.id // the definition marks a listed connection's id optional
          if (id !== undefined) rename.mutate(id, { display_name: name })
        }}
      >
        Rename
      </button>
      {rename.error instanceof RateLimitError && (
        <p role="alert">{`Rate limited: try again at ${rename.error.resetAt}`}</p>
      )}
    </div>
  )
}

describe('useManagementQuery', () => {
  it('shows loading, then the data', async () => {
    const ada = makeUser({ name: 'Ada Lovelace' })
    const { client, calls } = mountApp(server, { users: [ada] })
    renderApp(client, <UserName id={ada.user_id} />)
    expect(screen.getByText('Loading…')).toBeTruthy()
    expect(await screen.findByText('Ada Lovelace')).toBeTruthy()
    expect(calls.map((c) => [c.name, c.body])).toEqual([['users.get', { args: [ada.user_id] }]])
  })

  it('shows the typed error', async () => {
    const { client } = mountApp(server)
    renderApp(client, <UserName id="auth0|missing" />)
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toBe('404: The user does not exist.')
    expect({ ...alert.dataset }).toEqual({
      typed: 'true',
      code: 'inexistent_user',
      requestId: 'req-404',
    })
  })

  it('dedupes identical reads under StrictMode: one request for three components', async () => {
    const ada = makeUser({ name: 'Ada' })
    const { client, calls, tenant } = mountApp(server, { users: [ada] })
    renderApp(
      client,
      [1, 2, 3].map((k) => <UserName key={k} id={ada.user_id} />),
    )
    expect(await screen.findAllByText('Ada')).toHaveLength(3)
    expect(calls).toHaveLength(1)
    expect(tenant.requests).toHaveLength(1)
  })

  it('aborts the request when the last component unmounts', async () => {
    const ada = makeUser()
    const { client, calls, tenant } = mountApp(server, { users: [ada] })
    let release = () => {}
    tenant.overrides.push(
      () => new Promise<Response>((resolve) => (release = () => resolve(HttpResponse.json(ada)))),
    )
    const store = new ManagementStore(client)
    const view = render(
      <ManagementProvider store={store}>
        <UserName id={ada.user_id} />
      </ManagementProvider>,
    )
    await waitFor(() => expect(tenant.requests).toHaveLength(1))
    expect(calls[0]!.signal.aborted).toBe(false)
    view.unmount()
    await waitFor(() => expect(calls[0]!.signal.aborted).toBe(true))
    release()
    expect(store.getState(store.query('users', 'get', [ada.user_id]).key)).toMatchObject({
      status: 'pending',
      data: undefined,
      isFetching: false,
    })
  })

  it('renders on the server from the cache, without fetching', () => {
    const ada = makeUser({ name: 'Ada' })
    const { client, calls } = mountApp(server, { users: [ada] })
    const store = new ManagementStore(client)
    const page = (s: ManagementStore) =>
      renderToString(
        <ManagementProvider store={s}>
          <UserName id={ada.user_id} />
        </ManagementProvider>,
      )
    expect(page(store)).toContain('Loading…')
    store.setData(store.query('users', 'get', [ada.user_id]), ada)
    expect(page(store)).toContain('Ada')
    expect(calls).toEqual([])
  })
})

describe('useManagementList', () => {
  const users = ['ada', 'alan', 'grace', 'edsger', 'barbara'].map((n) =>
    makeUser({ email: `${n}@example.com` }),
  )

  it('pages forward and back with the totals', async () => {
    const { client, calls } = mountApp(server, { users })
    renderApp(client, <UserList />)
    expect(await screen.findByText('Page 1 of 3 (5 users)')).toBeTruthy()
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'ada@example.com',
      'alan@example.com',
    ])
    fireEvent.click(screen.getByText('Next'))
    expect(await screen.findByText('Page 2 of 3 (5 users)')).toBeTruthy()
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'grace@example.com',
      'edsger@example.com',
    ])
    fireEvent.click(screen.getByText('Next'))
    expect(await screen.findByText('barbara@example.com')).toBeTruthy()
    expect((screen.getByText('Next') as HTMLButtonElement).disabled).toBe(true)
    // a page seen before shows from the cache at once, and is refreshed behind it
    fireEvent.click(screen.getByText('Previous'))
    expect(screen.getByText('grace@example.com')).toBeTruthy()
    await waitFor(() => expect(calls).toHaveLength(4))
    expect(calls.map((c) => c.body)).toEqual(
      [0, 1, 2, 1].map((page) => ({ args: [{ page, perPage: 2, includeTotals: true }] })),
    )
  })

  it('debounces the search and starts it from page 0', async () => {
    const { client, calls } = mountApp(server, { users })
    renderApp(client, <UserList />)
    await screen.findByText('Page 1 of 3 (5 users)')
    fireEvent.click(screen.getByText('Next'))
    await screen.findByText('Page 2 of 3 (5 users)')
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    for (const text of ['g', 'gr', 'gra']) {
      fireEvent.change(screen.getByLabelText('search'), { target: { value: text } })
      await act(() => vi.advanceTimersByTimeAsync(200))
    }
    expect(calls).toHaveLength(2)
    await act(() => vi.advanceTimersByTimeAsync(100))
    vi.useRealTimers()
    expect(await screen.findByText('Page 1 of 1 (1 users)')).toBeTruthy()
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'grace@example.com',
    ])
    expect(calls.map((c) => c.body).at(-1)).toEqual({
      args: [{ page: 0, perPage: 2, includeTotals: true, q: 'gra' }],
    })
    expect(calls).toHaveLength(3)
  })
})

describe('useManagementMutation', () => {
  it('invalidates the related reads after a success', async () => {
    const { client, tenant } = mountApp(server, {
      connections: [makeConnection({ display_name: 'Old name' })],
    })
    renderApp(client, <Connections />)
    expect(await screen.findByText('Old name')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('name'), { target: { value: 'Staff' } })
    fireEvent.click(screen.getByText('Rename'))
    expect(await screen.findByText('Staff')).toBeTruthy()
    expect(tenant.requests.map((r) => [r.method, r.path, r.body])).toEqual([
      ['GET', '/connections', undefined],
      ['PATCH', `/connections/${tenant.connections[0]!.id}`, { display_name: 'Staff' }],
      ['GET', '/connections', undefined],
    ])
  })

  it('shows a 429 to the user with resetAt', async () => {
    const { client, tenant } = mountApp(server, {
      connections: [makeConnection({ display_name: 'Old name' })],
    })
    renderApp(client, <Connections />)
    await screen.findByText('Old name')
    tenant.overrides.push(() => rateLimited(1_900_000_000))
    fireEvent.click(screen.getByText('Rename'))
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Rate limited: try again at 1900000000',
    )
    expect(tenant.requests.map((r) => r.method)).toEqual(['GET', 'PATCH'])
    expect(screen.getByText('Old name')).toBeTruthy()
  })
})
