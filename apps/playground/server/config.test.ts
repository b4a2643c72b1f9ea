import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_PORT, readConfig } from './config.js'

describe('readConfig', () => {
  it('starts the mock tenant on the default port when nothing is set', () => {
    expect(readConfig({})).toEqual({
      port: DEFAULT_PORT,
      portIsDefault: true,
      tenant: undefined,
      secretsFile: undefined,
    })
  })

  it('reads a real tenant with a client secret, with the default audience and realm', () => {
    const c = readConfig({
      PORT: '0',
      AUTH0_DOMAIN: 'https://acme.eu.auth0.com/',
      AUTH0_CLIENT_ID: 'cid',
      AUTH0_CLIENT_SECRET: 's3cret',
    })
    expect(c.port).toBe(0)
    expect(c.portIsDefault).toBe(false)
    expect(c.tenant).toEqual({
      domain: 'acme.eu.auth0.com',
      clientId: 'cid',
      clientSecret: 's3cret',
      managementAudience: 'https://acme.eu.auth0.com/api/v2/',
      realm: 'Username-Password-Authentication',
      protocol: 'https',
    })
  })

  it('prefers the signing key file over the secret, and takes a public sign-in application', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'playground-')), 'key.pem')
    writeFileSync(file, '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n')
    const c = readConfig({
      AUTH0_DOMAIN: 'acme.auth0.com',
      AUTH0_CLIENT_ID: 'cid',
      AUTH0_CLIENT_SECRET: 's',
      AUTH0_CLIENT_ASSERTION_SIGNING_KEY: file,
      AUTH0_WEB_CLIENT_ID: 'spa',
    })
    expect(c.tenant?.signingKeyPem).toContain('BEGIN PRIVATE KEY')
    expect(c.tenant?.clientSecret).toBeUndefined()
    expect(c.tenant?.webClientId).toBe('spa')
  })

  it('lists every problem at once', () => {
    expect(() =>
      readConfig({
        PORT: 'x',
        AUTH0_DOMAIN: 'acme.auth0.com',
        AUTH0_CLIENT_ASSERTION_SIGNING_KEY: '/nonexistent.pem',
      }),
    ).toThrow(/PORT: .*\n.*AUTH0_CLIENT_ID: .*\n.*cannot read the PEM file \/nonexistent\.pem/)
  })
})
