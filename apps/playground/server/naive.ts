// The naive way to run a bulk update, for comparison with the SDK: plain fetch, N at a time, and on a 429 sleep as
// long as the tenant says (Retry-After, else X-RateLimit-Reset) and send again. Nothing paces the requests, so every
// request the tenant cannot take yet is sent, refused and waited out.
import { parseRateLimit } from '@auth0-ts/core'

export interface NaiveUpdateOptions {
  /** The users to update, in order. */
  ids: readonly string[]
  concurrency: number
  /** Retries of a 429. */
  retries: number
  /** `http://127.0.0.1:PORT` or `https://tenant.eu.auth0.com`. */
  origin: string
  token: () => Promise<string>
  body: unknown
  fetch: typeof fetch
  /** Called just before the first request for `ids[row]`. */
  onStart?: (row: number, id: string) => void
  /** Called once per user: updated, or not (after the last retry, or on any other failure). */
  onDone: (row: number, updated: boolean) => void
  now?: () => number
  sleep?: (ms: number) => Promise<void>
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Runs the update; resolves when every user is done. Never rejects for a failed request. */
export async function naiveBulkUpdate(options: NaiveUpdateOptions): Promise<void> {
  const { ids, origin, token, fetch: send, onStart, onDone } = options
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? realSleep
  const body = JSON.stringify(options.body)
  const updateOne = async (id: string): Promise<boolean> => {
    const url = `${origin}/api/v2/users/${encodeURIComponent(id)}`
    for (let attempt = 0; ; attempt++) {
      const response = await send(url, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${await token()}`, 'content-type': 'application/json' },
        body,
      })
      await response.arrayBuffer()
      if (response.ok) return true
      if (response.status !== 429 || attempt >= options.retries) return false
      const { waitMs } = parseRateLimit(response.headers, now())
      await sleep(waitMs >= 0 ? waitMs : 1000)
    }
  }
  let next = 0
  const worker = async () => {
    for (let row = next++; row < ids.length; row = next++) {
      const id = ids[row] as string
      onStart?.(row, id)
      onDone(row, await updateOne(id).catch(() => false))
    }
  }
  await Promise.all(Array.from({ length: Math.min(options.concurrency, ids.length) }, worker))
}
