// Server-sent events: chunk boundaries anywhere, comments, multi-line data, the type added, close on abort or break.
import { describe, expect, it } from 'vitest'
import { EventStream } from './event-stream.js'

function streamOf(chunks: string[], onCancel?: () => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let i = 0
  return new ReadableStream({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(encoder.encode(chunks[i++]))
      else controller.close()
    },
    cancel: () => onCancel?.(),
  })
}

async function read<T>(events: EventStream<T>): Promise<T[]> {
  const out: T[] = []
  for await (const e of events) out.push(e)
  return out
}

describe('EventStream', () => {
  const text =
    ': hi\n\nevent: user.created\ndata: {"id":"e1"}\n\nid: 7\ndata: {"type":"user.updated",\ndata: "id":"e2"}\r\n\r\ndata: {"id":"e3"}'
  it('parses events split at any byte, with CRLF, comments and multi-line data', async () => {
    for (const size of [1, 3, 7, text.length]) {
      const chunks: string[] = []
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size))
      expect(await read(new EventStream(streamOf(chunks)))).toEqual([
        { type: 'user.created', id: 'e1' },
        { type: 'user.updated', id: 'e2' },
        { id: 'e3' },
      ])
    }
  })

  it('can be read once', async () => {
    const events = new EventStream(streamOf(['data: 1\n\n']))
    expect(await read(events)).toEqual([1])
    await expect(read(events)).rejects.toThrow(TypeError)
  })

  it('refuses data that is not JSON with invalid_response', async () => {
    await expect(
      read(new EventStream(streamOf(['event: x\ndata: {oops\n\n']))),
    ).rejects.toMatchObject({
      errorCode: 'invalid_response',
    })
  })

  it('closes the connection when the loop is left, or when the signal aborts', async () => {
    let cancelled = 0
    const endless = () =>
      new ReadableStream<Uint8Array>({
        pull: (c) => c.enqueue(new TextEncoder().encode('data: {"n":1}\n\n')),
        cancel: () => void cancelled++,
      })
    for await (const _ of new EventStream(endless())) break
    expect(cancelled).toBe(1)
    const controller = new AbortController()
    let n = 0
    for await (const _ of new EventStream(endless(), controller.signal))
      if (++n === 3) controller.abort()
    expect(n).toBeGreaterThanOrEqual(3)
    expect(cancelled).toBe(2)
  })
})
