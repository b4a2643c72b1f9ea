// node-auth0 v7's field names on our errors: `body` and `rawResponse`, neither enumerable nor in toJSON().
import { describe, expect, it } from 'vitest'
import { Auth0Error } from './errors.js'

describe("Auth0Error's node-auth0 names", () => {
  it('gives body (the content) and rawResponse (status and headers, the safe url), not enumerable', () => {
    const response = new Response('{}', {
      status: 404,
      statusText: 'Not Found',
      headers: { 'x-ratelimit-remaining': '9' },
    })
    const err = new Auth0Error({
      statusCode: 404,
      errorCode: 'inexistent_user',
      message: 'The user does not exist.',
      content: { statusCode: 404, errorCode: 'inexistent_user' },
      method: 'GET',
      url: 'https://tenant.example.com/api/v2/users/x',
      response,
    })
    expect(err.body).toEqual({ statusCode: 404, errorCode: 'inexistent_user' })
    expect(err.body).toBe(err.content)
    expect(err.rawResponse).toEqual({
      headers: response.headers,
      redirected: false,
      status: 404,
      statusText: 'Not Found',
      type: response.type,
      url: 'https://tenant.example.com/api/v2/users/x',
    })
    expect(err.rawResponse?.headers.get('x-ratelimit-remaining')).toBe('9')
    expect(Object.keys(err)).not.toContain('body')
    expect(Object.keys(err)).not.toContain('rawResponse')
    expect(err.toJSON()).not.toHaveProperty('rawResponse')
    expect(err.toJSON()).not.toHaveProperty('body')
  })

  it('has no rawResponse when no response was received', () => {
    const err = new Auth0Error({ statusCode: 0, errorCode: 'network_error', message: 'down' })
    expect(err.rawResponse).toBeUndefined()
    expect(err.body).toBeUndefined()
  })
})
