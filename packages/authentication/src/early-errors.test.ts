// Required arguments are checked before anything is sent, as management does, and no message repeats a name.
import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { DOMAIN, useServer } from './test-utils/msw.js'
import {
  BackChannelLogin,
  createTokenProvider,
  Database,
  Delegated,
  GetToken,
  isOptionsError,
  Passwordless,
  PushedAuthorizationRequests,
  RevokeToken,
  Social,
  Users,
  type OptionsError,
} from './index.js'

// No handler: any request fails the test (onUnhandledRequest: 'error').
useServer()

const secret = { clientSecret: 'client-secret-value' }
const getToken = new GetToken(DOMAIN, 'CID', secret)
const none = undefined as unknown as string

async function rejection(call: () => Promise<unknown>): Promise<OptionsError> {
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  )
  if (!isOptionsError(error)) throw new Error(`expected an OptionsError, got ${String(error)}`)
  return error
}

describe('required arguments', () => {
  it('clientCredentials() without an audience is an OptionsError (a TypeError), not a server 403', async () => {
    const error = await rejection(() => (getToken.clientCredentials as () => Promise<unknown>)())
    expect(error).toBeInstanceOf(TypeError)
    expect(error.code).toBe('invalid_options')
    expect(error.message).toBe(
      'Invalid GetToken.clientCredentials arguments:\n  - audience: is required',
    )
  })

  it.each([
    [
      'GetToken.authorizationCode',
      () => getToken.authorizationCode('', 'https://app/cb'),
      ['code: expected a non-empty string'],
    ],
    [
      'GetToken.authorizationCodePkce',
      () => getToken.authorizationCodePkce(none, none, null),
      ['codeVerifier: is required', 'code: is required'],
    ],
    [
      'GetToken.clientCredentials',
      () => getToken.clientCredentials(''),
      ['audience: expected a non-empty string'],
    ],
    [
      'GetToken.login',
      () => getToken.login('ana@example.com', ''),
      ['password: expected a non-empty string'],
    ],
    ['GetToken.refreshToken', () => getToken.refreshToken(none), ['refreshToken: is required']],
    [
      'GetToken.passwordlessLogin',
      () => getToken.passwordlessLogin('ana@example.com', '', 'email', 'openid', ''),
      ['otp: expected a non-empty string'],
    ],
    [
      'GetToken.backchannelLogin',
      () => getToken.backchannelLogin(''),
      ['authReqId: expected a non-empty string'],
    ],
    [
      'GetToken.accessTokenForConnection',
      () => getToken.accessTokenForConnection('type', '', 'requested'),
      ['subjectToken: expected a non-empty string'],
    ],
    [
      'Database.signup',
      () => new Database(DOMAIN, 'CID').signup('ana@example.com', 'pw', none),
      ['connection: is required'],
    ],
    [
      'Database.changePassword',
      () => new Database(DOMAIN, 'CID').changePassword('', 'db'),
      ['email: expected a non-empty string'],
    ],
    [
      'Passwordless.email',
      () => new Passwordless(DOMAIN, 'CID').email(''),
      ['email: expected a non-empty string'],
    ],
    [
      'Passwordless.sms',
      () => new Passwordless(DOMAIN, 'CID').sms(none),
      ['phoneNumber: is required'],
    ],
    [
      'Users.userinfo',
      () => new Users(DOMAIN).userinfo(''),
      ['accessToken: expected a non-empty string'],
    ],
    [
      'Social.login',
      () => new Social(DOMAIN, 'CID').login('token', ''),
      ['connection: expected a non-empty string'],
    ],
    [
      'Delegated.getToken',
      () => new Delegated(DOMAIN, 'CID').getToken('', 'app', 'grant', { idToken: 'id' }),
      ['target: expected a non-empty string'],
    ],
    [
      'RevokeToken.revokeRefreshToken',
      () => new RevokeToken(DOMAIN, 'CID').revokeRefreshToken(''),
      ['token: expected a non-empty string'],
    ],
    [
      'BackChannelLogin.backChannelLogin',
      () => new BackChannelLogin(DOMAIN, 'CID').backChannelLogin('msg', '', 'openid'),
      ['loginHint: expected a non-empty string'],
    ],
    [
      'PushedAuthorizationRequests.pushedAuthorizationRequest',
      () => new PushedAuthorizationRequests(DOMAIN, 'CID').pushedAuthorizationRequest('code', ''),
      ['redirectUri: expected a non-empty string'],
    ],
  ] as const)('%s checks its arguments before sending', async (where, call, problems) => {
    const error = await rejection(call)
    expect(error.where).toBe(`${where} arguments`)
    expect(error.problems).toEqual(problems)
  })

  it("checks CIBA's requestedExpiry as auth0-python does: a positive integer", async () => {
    const bcl = new BackChannelLogin(DOMAIN, 'CID')
    for (const requestedExpiry of [0, -5, 1.5]) {
      const error = await rejection(() =>
        bcl.backChannelLogin('msg', 'hint', 'openid', { requestedExpiry }),
      )
      expect(error.problems).toEqual(['requestedExpiry: expected a positive integer (seconds)'])
    }
  })

  it('createTokenProvider without an audience fails at once', () => {
    expect(() =>
      createTokenProvider({ getToken } as unknown as Parameters<typeof createTokenProvider>[0]),
    ).toThrow('Invalid token provider options:\n  - audience: is required')
  })
})

describe('no message repeats a name', () => {
  const once = (text: string, name: string) => text.split(`${name}:`).length - 1

  it('clientAssertionSigningKey appears once in each problem of a bad key', () => {
    const ec = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      privateKeyEncoding: { type: 'sec1', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    })
    for (const key of ['not a key', ec.privateKey, 42]) {
      let message = ''
      try {
        new GetToken(DOMAIN, 'CID', { clientAssertionSigningKey: key as string })
      } catch (e) {
        message = (e as Error).message
      }
      expect(message).toMatch(/^Invalid GetToken options:\n {2}- clientAssertionSigningKey: /)
      expect(once(message, 'clientAssertionSigningKey'), message).toBe(1)
      // and through the token provider, which builds the GetToken
      let viaProvider = ''
      try {
        createTokenProvider({
          domain: DOMAIN,
          clientId: 'CID',
          clientAssertionSigningKey: key as string,
          audience: 'a',
        })
      } catch (e) {
        viaProvider = (e as Error).message
      }
      expect(once(viaProvider, 'clientAssertionSigningKey'), viaProvider).toBe(1)
    }
  })

  it('a key that does not import, or cannot sign, names the option once', async () => {
    const rsa = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    })
    const broken = rsa.privateKey.replace(/\n[A-Za-z0-9+/]{64}\n/, '\n')
    const ecKey = (
      await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign'])
    ).privateKey
    const failures = await Promise.all([
      new GetToken(DOMAIN, 'CID', { clientAssertionSigningKey: broken })
        .clientCredentials('a')
        .catch((e: unknown) => e),
      // an ECDSA key told to sign RS256
      new GetToken(DOMAIN, 'CID', { clientAssertionSigningKey: ecKey })
        .clientCredentials('a')
        .catch((e: unknown) => e),
    ])
    for (const error of failures) {
      expect(error).toBeInstanceOf(TypeError)
      const message = (error as Error).message
      expect(message).toMatch(/^clientAssertionSigningKey: (could not import|the key cannot sign) /)
      expect(once(message, 'clientAssertionSigningKey'), message).toBe(1)
    }
  })

  it('each problem of a bad options object starts with its path, once', () => {
    let message = ''
    try {
      new GetToken(DOMAIN, 'CID', {
        timeout: 0,
        dpop: {} as CryptoKeyPair,
        restOptions: { retries: 'x' },
      } as never)
    } catch (e) {
      message = (e as Error).message
    }
    for (const line of message.split('\n').slice(1)) {
      const path = /^ {2}- ([\w.]+):/.exec(line)?.[1]
      expect(path, line).toBeDefined()
      expect(once(line, path!), line).toBe(1)
    }
  })
})
