import { Auth0Error } from '@auth0-ts/core'
import { describe, expect, it, vi } from 'vitest'
import type { ManagementClient } from './client.js'
import { Mutation } from './mutation.js'
import { ManagementStore, queryKey } from './store.js'

/** A client whose calls stay pending until the test settles them. */
function fakeClient() {
  const pending: Array<{
    accessor: string
    method: string
    args: readonly unknown[]
    signal: AbortSignal | undefined
    resolve: (v: unknown) => void
    reject: (e: unknown) => void
  }> = []
  const call = vi.fn(
    (accessor: string, method: string, args: readonly unknown[], init?: { signal?: AbortSignal }) =>
      new Promise((resolve, reject) => {
        pending.push({ accessor, method, args, signal: init?.signal, resolve, reject })
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))
      }),
  )
  return { client: { call } as unknown as ManagementClient, call, pending }
}

const tick = () => new Promise<void>((r) => queueMicrotask(r))

describe('queryKey', () => {
  it('is the method plus stable JSON of the arguments', () => {
    expect(queryKey('users', 'list', [{ q: 'a', page: 1 }])).toBe('users.list:[{"page":1,"q":"a"}]')
    expect(queryKey('users', 'list', [{ page: 1, q: 'a' }, undefined])).toBe(
      queryKey('users', 'list', [{ q: 'a', page: 1 }]),
    )
    expect(queryKey('users', 'get', ['a'])).not.toBe(queryKey('users', 'get', ['b']))
  })
})

describe('ManagementStore', () => {
  it('shares one request between watchers and notifies each', async () => {
    const { client, call, pending } = fakeClient()
    const store = new ManagementStore(client)
    const q = store.query('users', 'get', ['u1'])
    expect(store.query('users', 'get', ['u1'])).toBe(q)
    const [a, b] = [vi.fn(), vi.fn()]
    store.watch(q, a)
    store.watch(q, b)
    expect(call).toHaveBeenCalledOnce()
    expect(call.mock.calls[0]!.slice(0, 3)).toEqual(['users', 'get', ['u1']])
    pending[0]!.resolve({ user_id: 'u1' })
    await tick()
    await tick()
    expect(store.getState(q.key)).toMatchObject({
      status: 'success',
      data: { user_id: 'u1' },
      isFetching: false,
    })
    expect(a).toHaveBeenCalledTimes(2) // fetching, then success
    expect(b).toHaveBeenCalledOnce() // success
  })

  it('aborts when the last watcher leaves, but not on an unwatch-rewatch in one task (StrictMode)', async () => {
    const { client, call, pending } = fakeClient()
    const store = new ManagementStore(client)
    const q = store.query('users', 'get', ['u1'])
    store.watch(q, () => {})()
    const stop = store.watch(q, () => {})
    await tick()
    expect(call).toHaveBeenCalledOnce()
    expect(pending[0]!.signal!.aborted).toBe(false)
    stop()
    await tick()
    expect(pending[0]!.signal!.aborted).toBe(true)
    await tick()
    expect(store.getState(q.key)).toMatchObject({
      status: 'pending',
      isFetching: false,
      error: undefined,
    })
  })

  it('keeps errors as Auth0Error, and old data beside them', async () => {
    const { client, pending } = fakeClient()
    const store = new ManagementStore(client)
    const q = store.query('users', 'get', ['u1'])
    store.setData(q, { user_id: 'u1' })
    void store.fetch(q)
    pending[0]!.reject(new Error('boom'))
    await tick()
    await tick()
    const state = store.getState(q.key)
    expect(state.error).toBeInstanceOf(Auth0Error)
    expect(state).toMatchObject({
      status: 'error',
      data: { user_id: 'u1' },
      error: { errorCode: 'client_error', message: 'boom' },
    })
  })

  it('invalidates by accessor, method or key: watched reads refetch, others go stale', async () => {
    const { client, call } = fakeClient()
    const store = new ManagementStore(client, { staleTime: 60_000 })
    const list = store.query('users', 'list', [])
    const one = store.query('users', 'get', ['u1'])
    const conns = store.query('connections', 'all', [])
    for (const q of [list, one, conns]) store.setData(q, [])
    store.watch(list, () => {}, false)
    store.invalidate('users.get')
    expect(call).not.toHaveBeenCalled()
    store.invalidate('users')
    expect(call.mock.calls.map((c) => c[1])).toEqual(['list'])
    store.watch(one, () => {})
    store.watch(conns, () => {})
    expect(call.mock.calls.map((c) => c[1])).toEqual(['list', 'get'])
  })

  it('does not refetch fresh data within staleTime', () => {
    const { client, call } = fakeClient()
    let now = 1000
    const store = new ManagementStore(client, { staleTime: 500, now: () => now })
    const q = store.query('users', 'get', ['u1'])
    store.setData(q, {})
    store.watch(q, () => {})
    expect(call).not.toHaveBeenCalled()
    now = 1500
    store.watch(q, () => {})
    expect(call).toHaveBeenCalledOnce()
  })
})

describe('Mutation', () => {
  it('tracks its state and invalidates after a success only', async () => {
    const { client, pending } = fakeClient()
    const store = new ManagementStore(client)
    const invalidate = vi.spyOn(store, 'invalidate')
    const m = new Mutation(store, 'connections', 'update', {
      invalidates: ['connections', 'users.get'],
    })
    const done = m.mutate(['c1', { name: 'x' }])
    expect(m.getState().status).toBe('pending')
    pending[0]!.resolve({ id: 'c1' })
    await expect(done).resolves.toEqual({ id: 'c1' })
    expect(m.getState()).toEqual({ status: 'success', data: { id: 'c1' }, error: undefined })
    expect(invalidate).toHaveBeenCalledWith('connections', 'users.get')
    const failed = m.mutate(['c1', {}])
    pending[1]!.reject(
      new Auth0Error({ statusCode: 400, errorCode: 'invalid_body', message: 'bad' }),
    )
    await expect(failed).rejects.toMatchObject({ errorCode: 'invalid_body' })
    expect(m.getState()).toMatchObject({ status: 'error', error: { statusCode: 400 } })
    expect(invalidate).toHaveBeenCalledOnce()
    m.reset()
    expect(m.getState().status).toBe('idle')
  })
})
