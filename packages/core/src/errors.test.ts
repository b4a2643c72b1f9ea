import { describe, expect, it } from 'vitest'
import {
  Auth0Error,
  errorFromResponse,
  isAuth0Error,
  isNetworkError,
  isRateLimitError,
  isTimeoutError,
  NetworkError,
  parseErrorBody,
  RateLimitError,
  TimeoutError,
} from './errors.js'

const json = 'application/json'

describe('parseErrorBody', () => {
  it.each([
    [
      'OAuth error',
      '{"error":"invalid_grant","error_description":"Wrong creds"}',
      json,
      'invalid_grant',
      'Wrong creds',
    ],
    [
      'Management API error',
      '{"statusCode":400,"error":"Bad Request","message":"Payload validation error","errorCode":"invalid_body"}',
      json,
      'invalid_body',
      'Payload validation error',
    ],
    ['empty message falls through', '{"error":"e","message":""}', json, 'e', 'e'],
    [
      'unknown shape',
      '{"foo":"bar"}',
      json,
      'a0.sdk.internal.unknown',
      'Request failed with status 400 Bad Request',
    ],
    [
      'code key',
      '{"code":"too_weak","description":"Password is too weak"}',
      json,
      'too_weak',
      'Password is too weak',
    ],
    [
      'object description is put into words',
      '{"code":"invalid_password","description":{"rules":[{"message":"At least 8 characters"}],"verified":false}}',
      json,
      'invalid_password',
      'rules: message: At least 8 characters; verified: false',
    ],
    ['JSON string body', '"nope"', json, 'a0.sdk.internal.unknown', 'nope'],
    ['JSON array body', '["a","b"]', json, 'a0.sdk.internal.unknown', 'a; b'],
    ['JSON number body', '42', json, 'a0.sdk.internal.unknown', '42'],
    [
      'JSON null body',
      'null',
      json,
      'a0.sdk.internal.unknown',
      'Request failed with status 400 Bad Request',
    ],
    ['plain text', 'Bad Gateway', 'text/plain', 'a0.sdk.internal.unknown', 'Bad Gateway'],
    [
      'HTML page',
      '<!doctype html><html><head><style>p{}</style></head><body><h1>502</h1><p>Bad &amp; gone</p></body></html>',
      'text/html',
      'a0.sdk.internal.unknown',
      '502 Bad & gone',
    ],
    ['claims JSON but is not', '{oops', json, 'a0.sdk.internal.unknown', '{oops'],
    ['empty body', '', '', 'a0.sdk.internal.unknown', 'Request failed with status 400 Bad Request'],
  ])('%s', (_n, text, ct, code, message) => {
    const r = parseErrorBody(400, 'Bad Request', text, ct)
    expect(r.errorCode).toBe(code)
    expect(r.message).toBe(message)
    expect(r.message).not.toContain('[object Object]')
  })

  it('cuts long bodies to 2000 characters', () => {
    const r = parseErrorBody(500, '', 'x'.repeat(10_000), 'text/plain')
    expect(r.message.length).toBeLessThanOrEqual(2000)
    expect(r.content).toHaveLength(10_000)
  })
})

function response(status: number, body: string, headers: Record<string, string> = {}) {
  return new Response(body, { status, headers })
}

describe('errorFromResponse', () => {
  const base = {
    method: 'POST',
    url: 'https://t.example.com/oauth/token',
    rateLimit: { resetAt: 5, limit: 1, remaining: 0, retryAfter: -1 },
  }

  it('redacts secrets from message, content, JSON and String()', () => {
    const body =
      '{"error":"invalid_client","error_description":"bad secret s3cr3t-value","client_secret":"s3cr3t-value","password":"hunter22"}'
    const err = errorFromResponse({
      ...base,
      response: response(401, body),
      text: body,
      headers: { 'content-type': json },
      secrets: ['s3cr3t-value'],
    })
    for (const text of [
      err.message,
      String(err),
      JSON.stringify(err),
      JSON.stringify(err.content),
    ]) {
      expect(text).not.toContain('s3cr3t-value')
      expect(text).not.toContain('hunter22')
    }
    expect(err.message).toBe('bad secret [REDACTED]')
  })

  it('keeps the mfa_required body and exposes mfaToken, never in message or JSON', () => {
    const body =
      '{"error":"mfa_required","error_description":"Multifactor authentication required Fe26.mfa-token-xyz","mfa_token":"Fe26.mfa-token-xyz"}'
    const err = errorFromResponse({
      ...base,
      response: response(403, body),
      text: body,
      headers: {},
      secrets: [],
    })
    expect(err.errorCode).toBe('mfa_required')
    expect(err.mfaToken).toBe('Fe26.mfa-token-xyz')
    expect(err.content).toMatchObject({ mfa_token: 'Fe26.mfa-token-xyz' })
    expect(err.message).not.toContain('Fe26.mfa-token-xyz')
    expect(String(err)).not.toContain('Fe26.mfa-token-xyz')
    expect(JSON.stringify(err)).not.toContain('Fe26.mfa-token-xyz')
  })

  it('makes a RateLimitError for 429 with the parsed fields and request id', () => {
    const err = errorFromResponse({
      ...base,
      response: response(429, ''),
      text: '',
      headers: { 'x-auth0-requestid': 'req-1' },
      secrets: [],
    })
    expect(err).toBeInstanceOf(RateLimitError)
    expect(isRateLimitError(err)).toBe(true)
    expect(err).toMatchObject({
      statusCode: 429,
      resetAt: 5,
      limit: 1,
      remaining: 0,
      retryAfter: -1,
      requestId: 'req-1',
    })
  })

  it('keeps the raw response non-enumerable', () => {
    const err = errorFromResponse({
      ...base,
      response: response(500, 'x'),
      text: 'x',
      headers: {},
      secrets: [],
    })
    expect(err.response).toBeInstanceOf(Response)
    expect(Object.keys(err)).not.toContain('response')
  })
})

describe('type guards', () => {
  it('tell the classes apart', () => {
    const t = new TimeoutError({ message: 't', timeout: 5 })
    const n = new NetworkError({ message: 'n', cause: new Error('ECONNREFUSED') })
    const a = new Auth0Error({ statusCode: 400, errorCode: 'x', message: 'm' })
    expect([isAuth0Error(t), isTimeoutError(t), isNetworkError(t)]).toEqual([true, true, false])
    expect([isAuth0Error(n), isTimeoutError(n), isNetworkError(n)]).toEqual([true, false, true])
    expect([isAuth0Error(a), isRateLimitError(a)]).toEqual([true, false])
    expect(isAuth0Error(new Error('plain'))).toBe(false)
    expect(isAuth0Error(null)).toBe(false)
    expect(n.cause).toBeInstanceOf(Error)
    expect(t).toMatchObject({ statusCode: 0, errorCode: 'timeout' })
  })
})

describe('messages that do not mislead (issue 15, item 10)', () => {
  const nginx = [
    '<html>',
    '<head><title>502 Bad Gateway</title></head>',
    '<body>',
    '<center><h1>502 Bad Gateway</h1></center>',
    '<hr><center>nginx</center>',
    '</body>',
    '</html>',
  ].join('\r\n')

  it.each([
    ['an HTML page gives its title', nginx, 'text/html', '502 Bad Gateway'],
    [
      'a title with entities and spaces is one clean line',
      '<!DOCTYPE html><html><head><title>\n  Service &amp; API\n  down </title></head><body>x</body></html>',
      'text/html; charset=utf-8',
      'Service & API down',
    ],
    [
      'an HTML page without a title gives its first line of text',
      '<html>\n<body>\n<script>var a = "<b>x</b>"</script>\n<div><b>Upstream</b> timed out</div>\n<p>retry later</p>\n</body></html>',
      'text/html',
      'Upstream timed out',
    ],
    [
      'a page found by its first tag, whatever the content type',
      '\n<!doctype html><title>Access denied</title>',
      'application/octet-stream',
      'Access denied',
    ],
  ])('%s', (_n, text, ct, message) => {
    expect(parseErrorBody(502, 'Bad Gateway', text, ct).message).toBe(message)
  })

  it('gives at most 200 characters of a long page, never its markup', () => {
    const page = `<html><body><div class="${'x'.repeat(5000)}">${'word '.repeat(2000)}</div></body></html>`
    const { message, content } = parseErrorBody(500, '', page, 'text/html')
    expect(message.length).toBeLessThanOrEqual(200)
    expect(message).not.toContain('<')
    expect(content).toBe(page)
  })
})
