import { generateKeyPairSync } from 'node:crypto'
import { decodeProtectedHeader, importSPKI, jwtVerify } from 'jose'
import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { BASE, bodyOf, DOMAIN, tokenResponse, useServer } from './test-utils/msw.js'
import { GetToken, isAuth0Error, Passwordless } from './index.js'

const server = useServer()
const NOW = 1_800_000_000_000

function rsaKeys(format: 'pkcs1' | 'pkcs8') {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: format, format: 'pem' },
  })
}
const pkcs1 = rsaKeys('pkcs1')
const pkcs8 = rsaKeys('pkcs8')

/** Answers every token request and returns the bodies received. */
function captureBodies(): Record<string, unknown>[] {
  const bodies: Record<string, unknown>[] = []
  server.use(
    http.post(`*/oauth/token`, async ({ request }) => {
      bodies.push(await bodyOf(request))
      return HttpResponse.json(tokenResponse())
    }),
  )
  return bodies
}

async function verifyAssertion(
  assertion: unknown,
  publicPem: string,
  alg: string,
  audience: string,
) {
  expect(assertion).toBeTypeOf('string')
  const { payload, protectedHeader } = await jwtVerify(
    assertion as string,
    await importSPKI(publicPem, alg),
    {
      currentDate: new Date(NOW),
    },
  )
  expect(protectedHeader).toEqual({ alg, typ: 'JWT' })
  const iat = Math.floor(NOW / 1000)
  expect(payload).toEqual({
    iss: 'CID',
    sub: 'CID',
    aud: audience,
    iat,
    exp: iat + 180,
    jti: expect.any(String),
  })
  expect(payload.jti).toMatch(
    /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  )
  return payload
}

describe('private_key_jwt client authentication', () => {
  it.each([
    ['PKCS#1 (BEGIN RSA PRIVATE KEY)', pkcs1],
    ['PKCS#8 (BEGIN PRIVATE KEY)', pkcs8],
  ])(
    'signs a verifiable assertion with a %s key, and sends it instead of the secret',
    async (_, keys) => {
      const bodies = captureBodies()
      const getToken = new GetToken(DOMAIN, 'CID', {
        clientSecret: 'CSECRET',
        clientAssertionSigningKey: keys.privateKey,
        now: () => NOW,
      })
      await getToken.clientCredentials('https://api.example.com/')
      const [body] = bodies
      expect(body).toMatchObject({
        client_id: 'CID',
        audience: 'https://api.example.com/',
        grant_type: 'client_credentials',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      })
      expect(body).not.toHaveProperty('client_secret')
      await verifyAssertion(
        body?.['client_assertion'],
        keys.publicKey,
        'RS256',
        `https://${DOMAIN}/`,
      )
    },
  )

  it('uses a fresh jti per call and imports the key once', async () => {
    const importKey = vi.spyOn(crypto.subtle, 'importKey')
    const bodies = captureBodies()
    const getToken = new GetToken(DOMAIN, 'CID', {
      clientAssertionSigningKey: pkcs8.privateKey,
      now: () => NOW,
    })
    await getToken.clientCredentials('a')
    await getToken.refreshToken('refresh-token-1')
    expect(importKey).toHaveBeenCalledTimes(1)
    const jtis = await Promise.all(
      bodies.map(
        async (b) =>
          (
            await verifyAssertion(
              b['client_assertion'],
              pkcs8.publicKey,
              'RS256',
              `https://${DOMAIN}/`,
            )
          ).jti,
      ),
    )
    expect(new Set(jtis).size).toBe(2)
  })

  it('uses the protocol in the audience (http for a local tenant)', async () => {
    const bodies: Record<string, unknown>[] = []
    server.use(
      http.post('http://localhost:4000/passwordless/start', async ({ request }) => {
        bodies.push(await bodyOf(request))
        return HttpResponse.json({ _id: 'x' })
      }),
    )
    const pw = new Passwordless('localhost:4000', 'CID', {
      clientAssertionSigningKey: pkcs8.privateKey,
      protocol: 'http',
      now: () => NOW,
    })
    await pw.sms('+15550100')
    await verifyAssertion(
      bodies[0]?.['client_assertion'],
      pkcs8.publicKey,
      'RS256',
      'http://localhost:4000/',
    )
  })

  it('signs with another algorithm (ES256, PKCS#8 EC key) and accepts a CryptoKey', async () => {
    const ec = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    })
    const bodies = captureBodies()
    await new GetToken(DOMAIN, 'CID', {
      clientAssertionSigningKey: ec.privateKey,
      clientAssertionSigningAlg: 'ES256',
      now: () => NOW,
    }).clientCredentials('a')
    await verifyAssertion(
      bodies[0]?.['client_assertion'],
      ec.publicKey,
      'ES256',
      `https://${DOMAIN}/`,
    )

    const { importPKCS8 } = await import('jose')
    const cryptoKey = await importPKCS8(pkcs8.privateKey, 'PS256')
    await new GetToken(DOMAIN, 'CID', {
      clientAssertionSigningKey: cryptoKey,
      clientAssertionSigningAlg: 'PS256',
      now: () => NOW,
    }).clientCredentials('a')
    expect(decodeProtectedHeader(bodies[1]?.['client_assertion'] as string).alg).toBe('PS256')
    await verifyAssertion(
      bodies[1]?.['client_assertion'],
      pkcs8.publicKey,
      'PS256',
      `https://${DOMAIN}/`,
    )
  })

  it('sends no client authentication where the API takes none (PKCE exchange)', async () => {
    const bodies = captureBodies()
    await new GetToken(DOMAIN, 'CID', {
      clientAssertionSigningKey: pkcs8.privateKey,
      clientSecret: 'CSECRET',
    }).authorizationCodePkce('v'.repeat(43), 'code-1', 'https://app/cb')
    expect(Object.keys(bodies[0] ?? {}).sort()).toEqual([
      'client_id',
      'code',
      'code_verifier',
      'grant_type',
      'redirect_uri',
    ])
  })

  it('rejects unsupported PEM keys at construction, without echoing them', () => {
    const ec = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      privateKeyEncoding: { type: 'sec1', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    })
    const make = (key: string) => () =>
      new GetToken(DOMAIN, 'CID', { clientAssertionSigningKey: key })
    expect(make(ec.privateKey)).toThrow(/"EC PRIVATE KEY" is not supported; convert it to PKCS#8/)
    expect(make('not a key')).toThrow(/clientAssertionSigningKey: expected a PEM private key/)
    expect(
      make('-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----'),
    ).toThrow(/encrypted PEM keys are not supported/)
    try {
      make(ec.privateKey)()
    } catch (e) {
      expect(String(e)).not.toContain(ec.privateKey.split('\n')[1])
    }
  })

  it('fails the call with a TypeError for a key that does not import, and sends nothing', async () => {
    const broken = pkcs8.privateKey.replace(/\n[A-Za-z0-9+/]{64}\n/, '\n')
    const getToken = new GetToken(DOMAIN, 'CID', { clientAssertionSigningKey: broken })
    const error = await getToken.clientCredentials('a').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TypeError)
    expect(String(error)).toMatch(/could not import the private key for RS256/)
    expect(String(error)).not.toContain(broken.split('\n')[2])
  })

  it('keeps the assertion and the key out of errors', async () => {
    let assertion = ''
    server.use(
      http.post(`${BASE}/oauth/token`, async ({ request }) => {
        assertion = (await bodyOf(request))['client_assertion'] as string
        return HttpResponse.json(
          { error: 'invalid_client', error_description: `bad assertion ${assertion}` },
          { status: 401 },
        )
      }),
    )
    const error = await new GetToken(DOMAIN, 'CID', { clientAssertionSigningKey: pkcs8.privateKey })
      .clientCredentials('a')
      .catch((e: unknown) => e)
    expect(isAuth0Error(error) && error.errorCode).toBe('invalid_client')
    expect(assertion.length).toBeGreaterThan(100)
    for (const text of [String(error), JSON.stringify(error)]) {
      expect(text).not.toContain(assertion)
      expect(text).toContain('[REDACTED]')
    }
  })
})
