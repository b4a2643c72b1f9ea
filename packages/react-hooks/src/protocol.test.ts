import {
  Auth0Error,
  NetworkError,
  RateLimitError,
  TimeoutError,
  type Auth0ErrorInit,
} from '@auth0-ts/core'
import { describe, expect, it } from 'vitest'
import {
  decodeError,
  encodeError,
  encodeRefusal,
  readEnvelope,
  type EncodedError,
  type ErrorEnvelope,
} from './protocol.js'

const URL = 'http://app.test/api/management/users.get'
const base: Auth0ErrorInit = {
  statusCode: 404,
  errorCode: 'inexistent_user',
  message: 'The user does not exist.',
  requestId: 'req-1',
  method: 'GET',
  url: 'https://tenant.auth0.com/api/v2/users/x',
  headers: { 'x-auth0-requestid': 'req-1', 'set-cookie': 'secret=1' },
  content: { statusCode: 404, message: 'The user does not exist.' },
}

/** What the browser gets from what the server encoded: through JSON and a Response, as on the wire. */
async function roundTrip(encoded: EncodedError) {
  const response = new Response(JSON.stringify(encoded.body), {
    status: encoded.status,
    headers: { 'content-type': 'application/json', ...encoded.headers },
  })
  const envelope = readEnvelope(await response.clone().json())
  if (envelope === undefined) throw new Error('not an envelope')
  const headers = Object.fromEntries(response.headers)
  delete headers['content-type']
  return {
    status: response.status,
    error: decodeError(envelope, { headers, method: 'POST', url: URL, response }),
  }
}

const fields = (e: Auth0Error) => ({
  name: e.name,
  statusCode: e.statusCode,
  errorCode: e.errorCode,
  message: e.message,
  requestId: e.requestId,
})

describe('the error envelope', () => {
  it.each([
    ['an Auth0Error', new Auth0Error(base), 404, Auth0Error],
    [
      'a 401 of the server’s own token, sent as 502 (not the browser session’s 401)',
      new Auth0Error({ ...base, statusCode: 401, errorCode: 'invalid_token' }),
      502,
      Auth0Error,
    ],
    [
      'a TimeoutError, sent as 504',
      new TimeoutError({ message: 'no answer in 5000 ms', timeout: 5000 }),
      504,
      TimeoutError,
    ],
    [
      'a NetworkError, sent as 502',
      new NetworkError({ message: 'connect ECONNREFUSED' }),
      502,
      NetworkError,
    ],
  ] as const)('round-trips %s to the same class and fields', async (_, error, status, Class) => {
    const { status: sent, error: decoded } = await roundTrip(encodeError(error))
    expect(sent).toBe(status)
    expect(decoded).toBeInstanceOf(Class)
    expect(fields(decoded)).toEqual(fields(error))
    expect(decoded).toMatchObject({ method: 'POST', url: URL })
  })

  it('round-trips a RateLimitError with its fields and only the rate-limit headers', async () => {
    const error = new RateLimitError({
      ...base,
      statusCode: 429,
      errorCode: 'too_many_requests',
      message: 'Global limit has been reached',
      headers: {
        'retry-after': '30',
        'x-ratelimit-limit': '10',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': '1900000000',
        'x-ratelimit-evil': 'no',
        'set-cookie': 'session=1',
      },
      resetAt: 1_900_000_000,
      retryAfter: 30,
      limit: 10,
      remaining: 0,
    })
    const encoded = encodeError(error)
    expect(encoded.headers).toEqual({
      'retry-after': '30',
      'x-ratelimit-limit': '10',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': '1900000000',
    })
    const { status, error: decoded } = await roundTrip(encoded)
    expect(status).toBe(429)
    expect(decoded).toBeInstanceOf(RateLimitError)
    expect(decoded).toMatchObject({
      ...fields(error),
      resetAt: 1_900_000_000,
      retryAfter: 30,
      limit: 10,
      remaining: 0,
      headers: encoded.headers,
    })
  })

  it('keeps a TimeoutError’s timeout', async () => {
    const { error } = await roundTrip(
      encodeError(new TimeoutError({ message: 'slow', timeout: 7000 })),
    )
    expect(error).toMatchObject({ name: 'TimeoutError', timeout: 7000 })
  })

  it('round-trips a proxy refusal', async () => {
    const { status, error } = await roundTrip(
      encodeRefusal(405, 'method_not_allowed', 'Use POST', { allow: 'POST' }),
    )
    expect(status).toBe(405)
    expect(error).toBeInstanceOf(Auth0Error)
    expect(fields(error)).toEqual({
      name: 'Auth0Error',
      statusCode: 405,
      errorCode: 'method_not_allowed',
      message: 'Use POST',
      requestId: undefined,
    })
    expect(error.content).toMatchObject({ source: 'proxy' })
  })

  it('sends no token, body or upstream header, whatever the error carried', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl'
    const { body, headers } = encodeError(
      new Auth0Error({
        ...base,
        message: `Bearer abc.def rejected; token ${jwt}`,
        requestId: `id ${jwt}`,
        content: { access_token: 'at-secret' },
      }),
    )
    expect(body).toEqual({
      error: {
        name: 'Auth0Error',
        source: 'upstream',
        statusCode: 404,
        errorCode: 'inexistent_user',
        message: 'Bearer [REDACTED] rejected; token [REDACTED]',
        requestId: 'id [REDACTED]',
      },
    })
    expect(headers).toEqual({})
  })

  it.each<[string, unknown]>([
    ['no error field', { data: 1 }],
    ['null', null],
    ['an unknown class name', { error: { ...envelope(), name: 'TypeError' } }],
    ['an unknown source', { error: { ...envelope(), source: 'elsewhere' } }],
    ['a status that is not an integer', { error: { ...envelope(), statusCode: '404' } }],
    ['a message that is not a string', { error: { ...envelope(), message: { text: 'x' } } }],
    ['a request id that is not a string', { error: { ...envelope(), requestId: 1 } }],
    ['a rate-limit field that is not a number', { error: { ...envelope(), resetAt: 'soon' } }],
  ])('reads %s as no envelope', (_, body) => {
    expect(readEnvelope(body)).toBeUndefined()
  })
})

function envelope(): ErrorEnvelope {
  return {
    name: 'Auth0Error',
    source: 'upstream',
    statusCode: 404,
    errorCode: 'x',
    message: 'x',
  }
}
