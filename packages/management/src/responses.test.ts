// What a 2xx must carry: a method typed to return a value fails on an empty body with `invalid_response` instead of
// resolving to `undefined`; a method the API answers with 204 (typed `void`) takes whatever comes.
import { HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { Auth0, isAuth0Error } from './index.js'
import { DOMAIN, mockApi } from './test-utils/server.js'

const api = mockApi()
const auth0 = () => new Auth0(DOMAIN, 'TOKEN')
const empty = (status: number) => () => new HttpResponse(null, { status })

describe('an empty 2xx', () => {
  it('is an invalid_response error from a method typed to return a value', async () => {
    api.reply(empty(200))
    const err = await auth0()
      .users.get('u1')
      .catch((e: unknown) => e)
    expect(api.seen).toHaveLength(1)
    expect(isAuth0Error(err)).toBe(true)
    expect(err).toMatchObject({ statusCode: 200, errorCode: 'invalid_response' })
  })

  it('is an invalid_response error when a list is awaited', async () => {
    api.reply(empty(200))
    await expect(auth0().users.list()).rejects.toMatchObject({ errorCode: 'invalid_response' })
  })

  it('resolves a 204 method to undefined', async () => {
    api.reply(empty(204))
    await expect(auth0().users.delete('u1')).resolves.toBeUndefined()
    await expect(auth0().users.addRoles('u1', ['r1'])).resolves.toBeUndefined()
    expect(api.seen.map((r) => r.method)).toEqual(['DELETE', 'POST'])
  })

  it('resolves a method whose body the definition makes optional to undefined', async () => {
    api.reply(empty(204))
    await expect(auth0().jobs.getFailedJob('job_1')).resolves.toBeUndefined()
  })
})

describe('a 2xx with a value', () => {
  it('resolves to it, a falsy one included', async () => {
    api.reply(() => api.json(0))
    await expect(auth0().stats.activeUsers()).resolves.toBe(0)
  })
})
