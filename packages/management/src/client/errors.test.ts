// node-auth0's error classes over our family: instanceof by brand and status, constructible as node-auth0's are.
import { Auth0Error, RateLimitError, TimeoutError } from '@auth0-ts/core'
import { describe, expect, it } from 'vitest'
import {
  ConflictError,
  ManagementError,
  ManagementTimeoutError,
  NotFoundError,
  TooManyRequestsError,
} from './errors.js'

const http = (statusCode: number) =>
  new Auth0Error({ statusCode, errorCode: 'e', message: 'm', content: { statusCode } })

describe('ManagementError and the per-status classes', () => {
  it('match every error of the family, and each status its class', () => {
    expect(http(404)).toBeInstanceOf(ManagementError)
    expect(http(404)).toBeInstanceOf(NotFoundError)
    expect(http(409)).not.toBeInstanceOf(NotFoundError)
    expect(http(409)).toBeInstanceOf(ConflictError)
    const limited = new RateLimitError({
      statusCode: 429,
      errorCode: 'too_many_requests',
      message: 'm',
      resetAt: -1,
      limit: -1,
      remaining: -1,
      retryAfter: -1,
    })
    expect(limited).toBeInstanceOf(TooManyRequestsError)
    const timeout = new TimeoutError({ message: 't', timeout: 5 })
    expect(timeout).toBeInstanceOf(ManagementError)
    expect(timeout).toBeInstanceOf(ManagementTimeoutError)
    expect(http(500)).not.toBeInstanceOf(ManagementTimeoutError)
    expect(new Error('x')).not.toBeInstanceOf(ManagementError)
    expect({ statusCode: 404 }).not.toBeInstanceOf(NotFoundError)
  })

  it('are built as node-auth0 builds them, and stay in our family', () => {
    const raw = {
      headers: new Headers({ 'x-a': '1' }),
      redirected: false,
      status: 404,
      statusText: 'Not Found',
      type: 'default' as const,
      url: 'https://t/x',
    }
    const e = new NotFoundError({ message: 'gone' }, raw)
    expect(e).toBeInstanceOf(NotFoundError)
    expect(e).toBeInstanceOf(Auth0Error)
    expect(e).toMatchObject({ name: 'NotFoundError', statusCode: 404, body: { message: 'gone' } })
    expect(e.rawResponse).toBe(raw)
    const m = new ManagementError({ message: 'custom', statusCode: 418, body: 'teapot' })
    expect(m).toMatchObject({
      message: 'custom',
      statusCode: 418,
      body: 'teapot',
      name: 'ManagementError',
    })
    expect(new ManagementTimeoutError()).toBeInstanceOf(ManagementTimeoutError)
  })
})
