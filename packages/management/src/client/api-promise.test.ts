// ApiPromise: a real Promise of the data that also gives { data, rawResponse }, from one request.
import { describe, expect, it } from 'vitest'
import { ApiPromise, toRawResponse, type WithRawResponse } from './api-promise.js'

const raw = toRawResponse(
  new Response(null, { status: 201, headers: { 'x-a': '1' } }),
  'https://t/x',
)

describe('ApiPromise', () => {
  it('is a Promise of the data; then returns plain promises', async () => {
    const p = new ApiPromise(Promise.resolve({ data: 42, rawResponse: raw }))
    expect(p).toBeInstanceOf(Promise)
    const next = p.then((v) => v + 1)
    expect(next).not.toBeInstanceOf(ApiPromise)
    expect(await next).toBe(43)
    expect(await p).toBe(42)
    expect(await Promise.all([p, p])).toEqual([42, 42])
  })

  it('gives the data with the raw response', async () => {
    const p = new ApiPromise(Promise.resolve({ data: 'x', rawResponse: raw }))
    const { data, rawResponse } = await p.withRawResponse()
    expect(data).toBe('x')
    expect(rawResponse).toEqual({
      headers: expect.any(Headers),
      redirected: false,
      status: 201,
      statusText: '',
      type: 'default',
      url: 'https://t/x',
    })
  })

  it('rejects through await, catch and finally alike', async () => {
    const error = new Error('boom')
    const make = () => new ApiPromise<number>(Promise.reject(error))
    await expect(make()).rejects.toBe(error)
    expect(await make().catch((e: unknown) => e)).toBe(error)
    await expect(make().finally(() => undefined)).rejects.toBe(error)
  })

  it('leaves no unhandled rejection when only withRawResponse() is used', async () => {
    const unhandled: unknown[] = []
    const onUnhandled = (e: unknown) => unhandled.push(e)
    process.on('unhandledRejection', onUnhandled)
    try {
      let reject!: (e: unknown) => void
      const inner = new Promise<WithRawResponse<number>>((_, r) => (reject = r))
      const p = new ApiPromise(inner)
      const handled = p.withRawResponse().catch((e: unknown) => e)
      reject(new Error('nope'))
      expect(await handled).toEqual(new Error('nope'))
      await new Promise((resolve) => setImmediate(resolve))
      expect(unhandled).toEqual([])
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })
})
