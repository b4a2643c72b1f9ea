import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { listenProblem } from './config.js'
import { listen, staticFiles } from './http.js'

describe('staticFiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'playground-static-'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>page</title>')
  writeFileSync(join(dir, 'favicon.ico'), Buffer.from([0, 0, 1, 0]))
  mkdirSync(join(dir, 'assets'))
  const serve = staticFiles(dir)
  const get = (path: string) => serve(new Request(`http://127.0.0.1:1${path}`))

  it('serves the page at /, and files by name', async () => {
    const page = await get('/')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<title>page</title>')
    const icon = await get('/favicon.ico')
    expect(icon.status).toBe(200)
    expect(icon.headers.get('content-type')).toBe('image/x-icon')
  })

  it('answers any other path with the page and a 404, so it can show its not-found view', async () => {
    const r = await get('/no-such-page')
    expect(r.status).toBe(404)
    expect(await r.text()).toContain('<title>page</title>')
  })

  it('answers a missing file with a plain 404', async () => {
    const r = await get('/assets/missing.js')
    expect(r.status).toBe(404)
    expect(await r.text()).toBe('Not found')
  })
})

describe('a taken PORT', () => {
  it('gets one line that says what to do', async () => {
    const other = createServer()
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve))
    const address = other.address()
    const port = typeof address === 'object' && address !== null ? address.port : 0
    try {
      const error = await listen(() => Promise.resolve(new Response()), port).then(
        () => undefined,
        (e: unknown) => e,
      )
      expect((error as NodeJS.ErrnoException).code).toBe('EADDRINUSE')
      const line = listenProblem(error, port)
      expect(line).toBe(
        `PORT=${port} is taken on 127.0.0.1: stop what uses it, or start with another PORT (PORT=0 picks a free one).`,
      )
      expect(line).not.toContain('\n')
    } finally {
      await new Promise((resolve) => other.close(resolve))
    }
  })

  it('names a port that needs privileges, and passes anything else on', () => {
    const denied = Object.assign(new Error('listen EACCES'), { code: 'EACCES' })
    expect(listenProblem(denied, 80)).toMatch(/^PORT=80 needs privileges/)
    expect(listenProblem(new Error('boom'), 8080)).toBe(
      'The playground cannot listen on 127.0.0.1:8080: boom',
    )
  })
})
