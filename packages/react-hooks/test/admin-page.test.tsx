// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { expect, it, vi } from 'vitest'
import { mountApp } from '../src/test-utils/app.js'
import { makeConnection, makeUser, rateLimited } from '../src/test-utils/tenant.js'
import { AdminPage } from './admin-page.js'
import { setupMsw } from '../src/test-utils/msw.js'

const server = setupMsw(cleanup)

it('searches users and renames a connection, as in the README', async () => {
  const users = ['ada', 'alan', 'grace'].map((n) => makeUser({ email: `${n}@example.com` }))
  const connection = makeConnection({ display_name: 'Database' })
  const { tenant } = mountApp(
    server,
    { users, connections: [connection] },
    { allow: ['users.list', 'connections.get', 'connections.update'] },
  )
  render(<AdminPage connectionId={connection.id} />)
  expect(await screen.findByText('grace@example.com')).toBeTruthy()
  expect(screen.getByText('Page 1 of 1')).toBeTruthy()

  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  fireEvent.change(screen.getByPlaceholderText('Search by email'), { target: { value: 'al' } })
  await vi.advanceTimersByTimeAsync(300)
  vi.useRealTimers()
  await waitFor(() =>
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'alan@example.com',
    ]),
  )
  expect(tenant.requests.filter((r) => r.path === '/users').at(-1)?.query).toMatchObject({
    q: 'email:*al*',
    page: '0',
    per_page: '20',
  })

  expect(await screen.findByText(/^Database/)).toBeTruthy()
  fireEvent.change(screen.getByLabelText('New name'), { target: { value: 'Staff' } })
  fireEvent.click(screen.getByText('Rename'))
  expect(await screen.findByText(/^Staff/)).toBeTruthy()

  tenant.overrides.push(() => rateLimited(1_900_000_000))
  fireEvent.click(screen.getByText('Rename'))
  expect(
    await screen.findByText('Too many requests: try again at 2030-03-17T17:46:40.000Z'),
  ).toBeTruthy()
})
