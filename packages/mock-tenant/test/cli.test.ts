import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt, root } from './built.js'

const cli = join(root, 'dist', 'cli.js')

// the CLI test runs the built file
beforeAll(ensureBuilt, 120_000)

const run = (args: string[]) =>
  spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })

function firstLine(child: ReturnType<typeof run>): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve)
    child.once('exit', (code) => reject(new Error(`exited with ${code}`)))
  })
}

describe('auth0-ts-mock-tenant CLI', () => {
  it('prints one JSON line with the address and fake credentials, then serves', async () => {
    const child = run(['--port', '0', '--host', '127.0.0.1', '--rate-limit', '50,10'])
    try {
      const info = JSON.parse(await firstLine(child)) as {
        mockTenant: Record<string, unknown> & {
          url: string
          clients: Record<string, Record<string, unknown>>
        }
      }
      const t = info.mockTenant
      expect(t.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      expect(t).toMatchObject({
        domain: t.url.slice('http://'.length),
        issuer: `${t.url}/`,
        managementAudience: `${t.url}/api/v2/`,
        user: { connection: 'Username-Password-Authentication' },
      })
      expect(Object.keys(t.clients)).toEqual(['m2m', 'm2mJwt', 'web'])
      expect(t.clients['m2mJwt']).toMatchObject({
        clientId: expect.any(String),
        privateKeyPem: expect.stringContaining('PRIVATE KEY'),
      })
      const r = await fetch(`${t.url}/.well-known/jwks.json`)
      expect(r.status).toBe(200)
      expect(r.headers.get('x-ratelimit-limit')).toBe('50')
    } finally {
      child.kill('SIGTERM')
    }
    const code = await new Promise((resolve) =>
      child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve),
    )
    expect(code).toBe(0)
  }, 30_000)

  it('exits 2 with usage on a bad --rate-limit', async () => {
    const child = run(['--port', '0', '--rate-limit', 'lots'])
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const code = await new Promise((resolve) => child.once('exit', resolve))
    expect(code).toBe(2)
    expect(stderr).toContain('Usage: auth0-ts-mock-tenant')
  }, 30_000)
})
