import { beforeAll, describe, expect, it, vi } from 'vitest'
import {
  CLIENT_ID,
  ENTRIES,
  ISSUER,
  JWKS_URL,
  makeClock,
  makeKey,
  rejection,
  signToken,
  useJwksServer,
  type TestKey,
} from './test-utils/index.js'

const jwks = useJwksServer()
let key: TestKey
let rotated: TestKey
beforeAll(async () => {
  ;[key, rotated] = await Promise.all([makeKey('RS256'), makeKey('RS256')])
})

describe.each(ENTRIES)('JWKS handling (%s entry)', (_name, entry) => {
  const {
    AsymmetricSignatureVerifier,
    TokenVerifier,
    JwksFetchError,
    TokenValidationError,
    isJwksFetchError,
    isTokenValidationError,
  } = entry
  const setup = (
    options: { cacheTtl?: number; cooldown?: number; timeout?: number; fetch?: typeof fetch } = {},
  ) => {
    const clock = makeClock()
    const sv = new AsymmetricSignatureVerifier(JWKS_URL, { now: clock.now, ...options })
    const tv = new TokenVerifier({
      signatureVerifier: sv,
      issuer: ISSUER,
      audience: CLIENT_ID,
      now: clock.now,
    })
    return { clock, tv, advance: (seconds: number) => (clock.ms += seconds * 1000) }
  }

  it('caches the key set for cacheTtl (600 s by default), then refetches', async () => {
    jwks.reset({ keys: [key.jwk] })
    const { tv, advance } = setup()
    const token = signToken(key, { iss: ISSUER, sub: 's', aud: CLIENT_ID, iat: 0, exp: 4e9 })
    await tv.verify(token)
    await tv.verify(token)
    advance(599)
    await tv.verify(token)
    expect(jwks.requests).toBe(1)
    advance(1)
    await tv.verify(token)
    expect(jwks.requests).toBe(2)
  })

  it('honours a custom cacheTtl', async () => {
    jwks.reset({ keys: [key.jwk] })
    const { tv, advance } = setup({ cacheTtl: 10 })
    const token = signToken(key, { iss: ISSUER, sub: 's', aud: CLIENT_ID, iat: 0, exp: 4e9 })
    await tv.verify(token)
    advance(10)
    await tv.verify(token)
    expect(jwks.requests).toBe(2)
  })

  it('shares one fetch among concurrent verifications on a cold cache', async () => {
    jwks.reset({ keys: [key.jwk] })
    const { tv } = setup()
    const token = signToken(key, { iss: ISSUER, sub: 's', aud: CLIENT_ID, iat: 0, exp: 4e9 })
    const results = await Promise.all(Array.from({ length: 100 }, () => tv.verify(token)))
    expect(results).toHaveLength(100)
    expect(jwks.requests).toBe(1)
  })

  it('refetches for an unknown kid at most once per cooldown (30 s by default)', async () => {
    jwks.reset({ keys: [key.jwk] })
    const { tv, advance } = setup()
    const claims = { iss: ISSUER, sub: 's', aud: CLIENT_ID, iat: 0, exp: 4e9 }
    await tv.verify(signToken(key, claims))
    const errors = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        rejection(tv.verify(signToken({ ...key, kid: `random-${i}` }, claims))),
      ),
    )
    expect(errors.map((e) => e.code)).toEqual(Array(50).fill('key_not_found'))
    expect(errors[0]?.message).toBe('Public key with ID "random-0" was not found.')
    expect(jwks.requests).toBe(1) // the cold fetch opened the cooldown
    advance(30)
    const flood = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        rejection(tv.verify(signToken({ ...key, kid: `other-${i}` }, claims))),
      ),
    )
    expect(new Set(flood.map((e) => e.code))).toEqual(new Set(['key_not_found']))
    expect(jwks.requests).toBe(2)
  })

  it('picks up a rotated key on the refetch after the cooldown', async () => {
    jwks.reset({ keys: [key.jwk] })
    const { tv, advance } = setup({ cooldown: 5 })
    const claims = { iss: ISSUER, sub: 's', aud: CLIENT_ID, iat: 0, exp: 4e9 }
    await tv.verify(signToken(key, claims))
    jwks.body = { keys: [key.jwk, rotated.jwk] }
    expect((await rejection(tv.verify(signToken(rotated, claims)))).code).toBe('key_not_found')
    advance(5)
    await expect(tv.verify(signToken(rotated, claims))).resolves.toMatchObject({ sub: 's' })
    expect(jwks.requests).toBe(2)
  })

  it('uses the only fitting key when the token has no kid, and refuses when several fit', async () => {
    jwks.reset({ keys: [{ ...key.jwk, kid: undefined }] })
    const claims = { iss: ISSUER, sub: 's', aud: CLIENT_ID, iat: 0, exp: 4e9 }
    const { tv } = setup()
    await expect(tv.verify(signToken(key, claims, { kid: undefined }))).resolves.toBeDefined()
    jwks.reset({ keys: [key.jwk, rotated.jwk] })
    const error = await rejection(setup().tv.verify(signToken(key, claims, { kid: undefined })))
    expect(error).toMatchObject({
      code: 'key_not_found',
      message: 'The token has no key ID (kid) and the key set has no single key for "RS256".',
    })
  })

  const badResponses: [string, number, unknown, string, string][] = [
    ['HTTP 500', 500, { error: 'boom' }, 'jwks_fetch_failed', 'HTTP 500'],
    ['HTTP 404', 404, 'not found', 'jwks_fetch_failed', 'HTTP 404'],
    ['not JSON', 200, '<html>', 'jwks_invalid', 'the response is not JSON'],
    ['JSON null', 200, 'null', 'jwks_invalid', 'the response has no "keys" array'],
    [
      'keys not an array',
      200,
      { keys: { a: 1 } },
      'jwks_invalid',
      'the response has no "keys" array',
    ],
    [
      'no usable key',
      200,
      {
        keys: [
          null,
          1,
          'x',
          { kty: 'RSA' },
          { kty: 'oct', k: 'AAAA' },
          { kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' },
        ],
      },
      'jwks_invalid',
      'the key set has no usable signature key',
    ],
    [
      'an RSA key under 2048 bits only',
      200,
      { keys: [{ kty: 'RSA', kid: 'k', n: 'AQAB'.repeat(40), e: 'AQAB' }] },
      'jwks_invalid',
      'the key set has no usable signature key',
    ],
    [
      'an encryption key only',
      200,
      'ENC',
      'jwks_invalid',
      'the key set has no usable signature key',
    ],
    [
      'too large',
      200,
      JSON.stringify({ keys: [], pad: 'x'.repeat(600_000) }),
      'jwks_invalid',
      'the response is larger than 524288 bytes',
    ],
  ]
  it.each(badResponses)(
    'turns a JWKS response with %s into a JwksFetchError',
    async (_title, status, body, code, why) => {
      jwks.reset(body === 'ENC' ? { keys: [{ ...key.jwk, use: 'enc' }] } : body)
      jwks.status = status
      const { tv } = setup()
      const error = await rejection(tv.verify(signToken(key)))
      expect(error).toBeInstanceOf(JwksFetchError)
      expect(isJwksFetchError(error)).toBe(true)
      expect(isTokenValidationError(error)).toBe(false)
      expect(error).not.toBeInstanceOf(TokenValidationError)
      expect(error).toMatchObject({
        code,
        url: JWKS_URL,
        message: `The JSON Web Key Set could not be fetched from ${JWKS_URL}: ${why}.`,
      })
    },
  )

  it('keeps the network error in cause, and retries a failed cold fetch only after the cooldown', async () => {
    const networkError = new TypeError('fetch failed')
    let calls = 0
    const fetchFn: typeof fetch = async (input, init) => {
      calls++
      if (calls === 1) throw networkError
      return globalThis.fetch(input, init)
    }
    jwks.reset({ keys: [key.jwk] })
    const { tv, advance } = setup({ fetch: fetchFn })
    const token = signToken(key, { iss: ISSUER, sub: 's', aud: CLIENT_ID, iat: 0, exp: 4e9 })
    const error = await rejection(tv.verify(token))
    expect(error).toMatchObject({
      name: 'JwksFetchError',
      code: 'jwks_fetch_failed',
      cause: networkError,
    })
    expect(JSON.stringify(error)).not.toContain('fetch failed')
    advance(29.999)
    expect(await rejection(tv.verify(token))).toMatchObject({ code: 'jwks_fetch_failed' })
    expect(calls).toBe(1)
    advance(0.001)
    await expect(tv.verify(token)).resolves.toBeDefined()
    expect([calls, jwks.requests]).toEqual([2, 1])
  })

  it('fails fast with the outage error while the cooldown after a failed cold fetch runs', async () => {
    jwks.reset('unavailable')
    jwks.status = 503
    const { tv, advance } = setup({ cooldown: 10 })
    const token = signToken(key, { iss: ISSUER, sub: 's', aud: CLIENT_ID, iat: 0, exp: 4e9 })
    const first = await rejection(tv.verify(token))
    const message = `The JSON Web Key Set could not be fetched from ${JWKS_URL}: HTTP 503.`
    expect(first).toMatchObject({ name: 'JwksFetchError', code: 'jwks_fetch_failed', message })
    const errors: Error[] = []
    for (let i = 0; i < 10; i++) {
      errors.push(await rejection(tv.verify(token)))
      advance(0.5)
    }
    expect(jwks.requests).toBe(1) // ten verifications, no request: each failed at once
    for (const e of errors) {
      expect(isJwksFetchError(e)).toBe(true)
      expect(e.message).toMatch(
        /^The JSON Web Key Set could not be fetched from .*: HTTP 503\. Not retried until the cooldown ends, in \d+ s\.$/,
      )
      expect(e.cause).toBe(first)
    }
    expect(errors[0]?.message).toContain('in 10 s.')
    advance(5) // 10 s after the failure
    jwks.reset({ keys: [key.jwk] })
    await expect(tv.verify(token)).resolves.toMatchObject({ sub: 's' })
    expect(jwks.requests).toBe(1)
  })

  it('times the fetch out after 5000 ms by default', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      let signal: AbortSignal | undefined
      const hanging: typeof fetch = (_input, init) =>
        new Promise((_resolve, reject) => {
          signal = init?.signal ?? undefined
          signal?.addEventListener('abort', () => reject(signal?.reason))
        })
      const { tv } = setup({ fetch: hanging })
      const pending = rejection(tv.verify(signToken(key)))
      await vi.advanceTimersByTimeAsync(4999)
      expect(signal?.aborted).toBe(false)
      await vi.advanceTimersByTimeAsync(1)
      const error = await pending
      expect(error).toMatchObject({
        code: 'jwks_fetch_failed',
        message: `The JSON Web Key Set could not be fetched from ${JWKS_URL}: timed out after 5000 ms.`,
      })
      expect((error.cause as Error).name).toBe('AbortError')
    } finally {
      vi.useRealTimers()
    }
  })

  it('names the JWKS URL without credentials or query in errors', async () => {
    const failing: typeof fetch = async () => new Response('no', { status: 500 })
    const sv = new AsymmetricSignatureVerifier(
      'https://user:pa55word@tenant.example.com/jwks.json?key=s3cret',
      { fetch: failing },
    )
    const error = await rejection(sv.verifySignature(signToken(key)))
    expect(error).toMatchObject({
      code: 'jwks_fetch_failed',
      url: 'https://tenant.example.com/jwks.json',
    })
    for (const text of [error.message, String(error), JSON.stringify(error)])
      expect(text).not.toMatch(/pa55word|s3cret/)
  })

  it('sends a plain GET with accept: application/json to the configured URL', async () => {
    const seen: Request[] = []
    const spy: typeof fetch = async (input, init) => {
      seen.push(new Request(input, init))
      return globalThis.fetch(input, init)
    }
    jwks.reset({ keys: [key.jwk] })
    await setup({ fetch: spy }).tv.verify(
      signToken(key, { iss: ISSUER, sub: 's', aud: CLIENT_ID, iat: 0, exp: 4e9 }),
    )
    expect(
      seen.map((r) => [r.method, r.url, r.headers.get('accept'), r.headers.get('authorization')]),
    ).toEqual([['GET', JWKS_URL, 'application/json', null]])
  })

  /** A fetch whose responses wait for `release()`; honours the abort signal as a real fetch does. */
  const gatedFetch = () => {
    const gate = {
      calls: 0,
      pending: 0,
      held: false,
      responses: [] as Promise<Response>[],
      waiters: [] as (() => void)[],
      release() {
        gate.held = false
        for (const go of gate.waiters.splice(0)) go()
      },
      fetch: (async (input, init) => {
        gate.calls++
        if (gate.held) {
          gate.pending++
          await new Promise<void>((resolve, reject) => {
            gate.waiters.push(resolve)
            init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))
          }).finally(() => gate.pending--)
        }
        const response = globalThis.fetch(input, init)
        gate.responses.push(response)
        return response
      }) as typeof fetch,
    }
    return gate
  }
  const claims = { iss: ISSUER, sub: 's', aud: CLIENT_ID, iat: 0, exp: 4e9 }

  it('keeps verifying with a stale key set while one background refresh runs', async () => {
    jwks.reset({ keys: [key.jwk] })
    const gate = gatedFetch()
    const { tv, advance } = setup({ fetch: gate.fetch })
    await tv.verify(signToken(key, claims))
    advance(600) // stale
    gate.held = true
    jwks.body = { keys: [key.jwk, rotated.jwk] }
    const results = await Promise.all(
      Array.from({ length: 20 }, () => tv.verify(signToken(key, claims))),
    )
    await tv.verify(signToken(key, claims))
    expect(results).toHaveLength(20)
    // every verification answered from the stale set while the one refresh is still waiting
    expect([gate.calls, gate.pending]).toEqual([2, 1])
    gate.release()
    // a token signed with the rotated key waits for the running refresh instead of starting another
    await expect(tv.verify(signToken(rotated, claims))).resolves.toMatchObject({ sub: 's' })
    expect([gate.calls, jwks.requests]).toEqual([2, 2])
    advance(599)
    await tv.verify(signToken(rotated, claims))
    expect(gate.calls).toBe(2) // the background refresh reset the TTL
  })

  it("waits for the refresh when the token's kid is not in the stale set", async () => {
    jwks.reset({ keys: [key.jwk] })
    const gate = gatedFetch()
    const { tv, advance } = setup({ fetch: gate.fetch })
    await tv.verify(signToken(key, claims))
    advance(600)
    gate.held = true
    jwks.body = { keys: [rotated.jwk] }
    let settled = false
    const pending = tv.verify(signToken(rotated, claims)).finally(() => (settled = true))
    await tv.verify(signToken(key, claims)) // the known kid is still served from the stale set
    expect(settled).toBe(false)
    expect(gate.pending).toBe(1)
    gate.release()
    await expect(pending).resolves.toMatchObject({ sub: 's' })
    expect(gate.calls).toBe(2)
  })

  it('keeps the last good key set when a background refresh fails, and retries after the cooldown', async () => {
    jwks.reset({ keys: [key.jwk] })
    const gate = gatedFetch()
    const { tv, advance } = setup({ fetch: gate.fetch })
    const token = signToken(key, claims)
    await tv.verify(token)
    jwks.status = 503
    jwks.body = 'unavailable'
    advance(601)
    gate.held = true
    await expect(tv.verify(token)).resolves.toBeDefined() // the stale set; the refresh waits at the gate
    const unknownKid = rejection(tv.verify(signToken(rotated, claims))) // waits for that refresh
    gate.release()
    // the refresh failed: an outage, not an invalid token, for the one lookup that needed it
    expect(await unknownKid).toMatchObject({ name: 'JwksFetchError', code: 'jwks_fetch_failed' })
    await expect(tv.verify(token)).resolves.toBeDefined()
    expect((await rejection(tv.verify(signToken(rotated, claims)))).code).toBe('key_not_found')
    expect(jwks.requests).toBe(2) // inside the cooldown: neither lookup fetched again
    jwks.reset({ keys: [key.jwk, rotated.jwk] })
    advance(30)
    gate.held = true
    await tv.verify(token) // starts the retry in the background
    const rotatedToken = tv.verify(signToken(rotated, claims))
    gate.release()
    await expect(rotatedToken).resolves.toMatchObject({ sub: 's' })
    expect(jwks.requests).toBe(1)
  })

  it('lets a background refresh fail with no one waiting, without an unhandled rejection', async () => {
    jwks.reset({ keys: [key.jwk] })
    const gate = gatedFetch()
    const { tv, advance } = setup({ fetch: gate.fetch })
    const token = signToken(key, claims)
    await tv.verify(token)
    advance(600)
    jwks.status = 500
    jwks.body = 'down'
    gate.held = true
    await tv.verify(token)
    gate.release()
    await gate.responses.at(-1)
    // one event-loop turn: the refresh has failed by then, and Node has reported any unhandled rejection
    await new Promise((resolve) => setImmediate(resolve))
    await expect(tv.verify(token)).resolves.toBeDefined()
    expect([gate.calls, jwks.requests]).toEqual([2, 2])
  })

  it('stops reading a JWKS response at 512 KiB instead of buffering it whole', async () => {
    const CHUNK = 64 * 1024
    const stats = { bytes: 0, cancelled: false }
    const endless: typeof fetch = async () =>
      new Response(
        new ReadableStream<Uint8Array>(
          {
            pull(controller) {
              if (stats.bytes >= 64 * 1024 * 1024) return controller.close()
              stats.bytes += CHUNK
              controller.enqueue(new Uint8Array(CHUNK).fill(0x20))
            },
            cancel() {
              stats.cancelled = true
            },
          },
          { highWaterMark: 0 },
        ),
        { status: 200, headers: { 'content-type': 'application/json' } },
      )
    const { tv } = setup({ fetch: endless })
    const error = await rejection(tv.verify(signToken(key)))
    expect(error).toMatchObject({
      name: 'JwksFetchError',
      code: 'jwks_invalid',
      message: `The JSON Web Key Set could not be fetched from ${JWKS_URL}: the response is larger than 524288 bytes.`,
    })
    expect(stats.bytes).toBeLessThanOrEqual(512 * 1024 + CHUNK)
    expect(stats.cancelled).toBe(true)
  })

  it('refuses a JWKS response whose content-length is over the limit before reading it', async () => {
    const stats = { pulls: 0, cancelled: false }
    const big: typeof fetch = async () =>
      new Response(
        new ReadableStream<Uint8Array>(
          {
            pull() {
              stats.pulls++
            },
            cancel() {
              stats.cancelled = true
            },
          },
          { highWaterMark: 0 },
        ),
        { status: 200, headers: { 'content-length': String(600 * 1024) } },
      )
    const error = await rejection(setup({ fetch: big }).tv.verify(signToken(key)))
    expect(error).toMatchObject({ code: 'jwks_invalid' })
    expect(error.message).toContain('the response is larger than 524288 bytes')
    expect(stats).toEqual({ pulls: 0, cancelled: true })
  })
})
