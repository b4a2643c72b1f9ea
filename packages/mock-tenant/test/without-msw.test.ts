// The package installed alone, with msw absent: the main entry and the CLI work, only the msw entry needs it.
import { execFile, spawn } from 'node:child_process'
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt, root } from './built.js'

let dir: string
let installed: string

beforeAll(() => {
  ensureBuilt()
  dir = mkdtempSync(join(tmpdir(), 'mock-tenant-without-msw-'))
  installed = join(dir, 'node_modules', '@auth0-ts', 'mock-tenant')
  mkdirSync(installed, { recursive: true })
  cpSync(join(root, 'package.json'), join(installed, 'package.json'))
  cpSync(join(root, 'dist'), join(installed, 'dist'), { recursive: true })
  // what an install of this package alone brings: its dependencies, not its optional peer
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>
  }
  for (const name of Object.keys(pkg.dependencies))
    symlinkSync(realpathSync(join(root, 'node_modules', name)), join(dir, 'node_modules', name))
}, 120_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

const env = { PATH: process.env['PATH'] ?? '' }

function node(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: dir, env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    )
  })
}

const SERVE = `
  const t = await startMockTenant({ port: 0 })
  const r = await fetch(t.url + '/.well-known/openid-configuration')
  const token = await t.managementToken(['read:users'])
  const users = await fetch(t.url + '/api/v2/users?per_page=1', { headers: { authorization: 'Bearer ' + token } })
  console.log(JSON.stringify({ url: t.url, status: r.status, issuer: (await r.json()).issuer, users: users.status }))
  await t.close()
`

describe('installed without msw', () => {
  it('msw really is out of reach there', () => {
    expect(() => createRequire(join(installed, 'package.json')).resolve('msw')).toThrow(
      /Cannot find module 'msw'/,
    )
  })

  it('the ESM entry starts a 127.0.0.1 server that serves OIDC and the Management API', async () => {
    const r = await node([
      '--input-type=module',
      '-e',
      `import { startMockTenant } from '@auth0-ts/mock-tenant'\n${SERVE}`,
    ])
    expect(r.stderr).toBe('')
    const out = JSON.parse(r.stdout) as Record<string, unknown>
    expect(out).toMatchObject({ status: 200, users: 200 })
    expect(out['url']).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(out['issuer']).toBe(`${String(out['url'])}/`)
  }, 30_000)

  it('the CommonJS entry does too', async () => {
    const r = await node([
      '-e',
      `const { startMockTenant } = require('@auth0-ts/mock-tenant');(async () => {${SERVE}})()`,
    ])
    expect(r.stderr).toBe('')
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 200, users: 200 })
  }, 30_000)

  it('the CLI prints its line and serves', async () => {
    const child = spawn(process.execPath, [join(installed, 'dist', 'cli.js'), '--port', '0'], {
      cwd: dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    try {
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve)
        child.once('exit', (code) => reject(new Error(`exited with ${code}`)))
      })
      const { mockTenant } = JSON.parse(line) as { mockTenant: { url: string } }
      expect((await fetch(`${mockTenant.url}/.well-known/jwks.json`)).status).toBe(200)
    } finally {
      child.kill('SIGTERM')
    }
  }, 30_000)

  it('only the msw entry needs msw, and says so', async () => {
    const r = await node(['--input-type=module', '-e', `await import('@auth0-ts/mock-tenant/msw')`])
    expect(r.code).not.toBe(0)
    expect(r.stderr).toMatch(/ERR_MODULE_NOT_FOUND/)
    expect(r.stderr).toMatch(/Cannot find package 'msw'/)
  }, 30_000)
})
