// A lean GetToken: jose and the DPoP code load only when a private key or a DPoP key is used, and the shipped source
// uses Web APIs only.
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { BASE, DOMAIN, tokenResponse, useServer } from './test-utils/msw.js'

const server = useServer()

// The signer imports these subpaths of jose; nothing else of the package imports jose.
const JOSE = ['jose', 'jose/key/import', 'jose/jwt/sign']

afterEach(() => {
  for (const path of JOSE) vi.doUnmock(path)
  vi.doUnmock('./dpop.js')
  vi.resetModules()
})

/** Imports the package afresh, noting when jose or the DPoP module is loaded. */
async function freshPackage() {
  const loaded = { jose: 0, dpop: 0 }
  vi.resetModules()
  for (const path of JOSE)
    vi.doMock(path, async (original) => {
      loaded.jose++
      return original()
    })
  vi.doMock('./dpop.js', async (original) => {
    loaded.dpop++
    return original()
  })
  const auth = await import('./index.js')
  return { auth, loaded }
}

describe('lazy loading', () => {
  it('loads neither jose nor the DPoP code for a client secret', async () => {
    server.use(http.post(`${BASE}/oauth/token`, () => HttpResponse.json(tokenResponse())))
    const { auth, loaded } = await freshPackage()
    expect(loaded).toEqual({ jose: 0, dpop: 0 })
    await new auth.GetToken(DOMAIN, 'CID', { clientSecret: 's' }).clientCredentials('https://api/')
    expect(loaded).toEqual({ jose: 0, dpop: 0 })
  })

  it('loads jose on the first assertion of a private key, once', async () => {
    server.use(http.post(`${BASE}/oauth/token`, () => HttpResponse.json(tokenResponse())))
    const { auth, loaded } = await freshPackage()
    const { privateKey } = (await crypto.subtle.generateKey(
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['sign', 'verify'],
    )) as CryptoKeyPair
    const getToken = new auth.GetToken(DOMAIN, 'CID', {
      clientAssertionSigningKey: privateKey,
      clientAssertionSigningAlg: 'ES256',
    })
    expect(loaded.jose).toBe(0)
    await getToken.clientCredentials('https://api/')
    await getToken.clientCredentials('https://api/')
    // the sign module, loaded once (a CryptoKey needs no import module)
    expect(loaded).toEqual({ jose: 1, dpop: 0 })
  })

  it('loads the DPoP code with the first request of a dpop client, not before', async () => {
    server.use(
      http.post(`${BASE}/oauth/token`, () =>
        HttpResponse.json(tokenResponse({ token_type: 'DPoP' })),
      ),
    )
    const { auth, loaded } = await freshPackage()
    const dpop = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'sign',
      'verify',
    ])) as CryptoKeyPair
    const getToken = new auth.GetToken(DOMAIN, 'CID', { clientSecret: 's', dpop })
    expect(loaded.dpop).toBe(0)
    await getToken.clientCredentials('https://api/')
    expect(loaded).toEqual({ jose: 0, dpop: 1 })
  })
})

describe('Web APIs only', () => {
  it('the shipped source imports no node: module and names no Node-only global', () => {
    const dir = fileURLToPath(new URL('.', import.meta.url))
    const shipped = readdirSync(dir).filter((f) => f.endsWith('.ts') && !/\.test(-d)?\.ts$/.test(f))
    expect(shipped.length).toBeGreaterThan(15)
    for (const file of shipped) {
      const text = readFileSync(`${dir}${file}`, 'utf8')
      expect(text, file).not.toMatch(/from ['"]node:|import\(['"]node:|\bBuffer\b|\bprocess\./)
    }
  })
})
