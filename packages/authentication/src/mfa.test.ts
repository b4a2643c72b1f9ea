import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { BASE, bodyOf, DOMAIN, tokenResponse, useServer } from './test-utils/msw.js'
import { GetToken, isAuth0Error, isOptionsError, Mfa } from './index.js'

const server = useServer()
const OPTIONS = { clientSecret: 'client-secret-value' }
const MFA_TOKEN = 'Fe26.2**mfa-token-value'

interface Seen {
  method: string
  path: string
  authorization: string | null
  body: Record<string, unknown> | string
}

/** Answers `method path` with `response`, recording each request. */
function answer(method: 'get' | 'post' | 'delete', path: string, response: () => Response): Seen[] {
  const seen: Seen[] = []
  server.use(
    http[method](`${BASE}${path}`, async ({ request }) => {
      seen.push({
        method: request.method,
        path: new URL(request.url).pathname,
        authorization: request.headers.get('authorization'),
        body:
          request.method === 'GET' || request.method === 'DELETE'
            ? await request.text()
            : await bodyOf(request),
      })
      return response()
    }),
  )
  return seen
}

describe('Mfa', () => {
  it('challenge sends the MFA token with client authentication, and returns the challenge', async () => {
    const seen = answer('post', '/mfa/challenge', () =>
      HttpResponse.json({
        challenge_type: 'oob',
        oob_code: 'oob-code-1',
        binding_method: 'prompt',
      }),
    )
    const result = await new Mfa(DOMAIN, 'CID', OPTIONS).challenge(MFA_TOKEN, {
      challengeType: 'oob',
      authenticatorId: 'sms|dev_1',
      oobChannel: 'sms',
    })
    expect(seen).toEqual([
      {
        method: 'POST',
        path: '/mfa/challenge',
        authorization: null,
        body: {
          client_id: 'CID',
          mfa_token: MFA_TOKEN,
          challenge_type: 'oob',
          authenticator_id: 'sms|dev_1',
          oob_channel: 'sms',
          client_secret: 'client-secret-value',
        },
      },
    ])
    expect(result).toEqual({
      challenge_type: 'oob',
      oob_code: 'oob-code-1',
      binding_method: 'prompt',
    })
  })

  it('challenge leaves out empty options', async () => {
    const seen = answer('post', '/mfa/challenge', () =>
      HttpResponse.json({ challenge_type: 'otp' }),
    )
    await new Mfa(DOMAIN, 'CID').challenge(MFA_TOKEN, { challengeType: '', oobChannel: '' })
    expect(seen[0]?.body).toEqual({ client_id: 'CID', mfa_token: MFA_TOKEN })
  })

  it('associate sends the token as a bearer and the authenticator types, and returns the enrolment', async () => {
    const enrolment = {
      authenticator_type: 'otp',
      secret: 'JBSWY3DPEHPK3PXP',
      barcode_uri: 'otpauth://totp/tenant:ana?secret=JBSWY3DPEHPK3PXP',
      recovery_codes: ['N3B8...'],
    }
    const seen = answer('post', '/mfa/associate', () => HttpResponse.json(enrolment))
    const result = await new Mfa(DOMAIN, 'CID', OPTIONS).associate(MFA_TOKEN, ['oob'], {
      oobChannels: ['sms'],
      phoneNumber: '+14155550100',
    })
    expect(seen).toEqual([
      {
        method: 'POST',
        path: '/mfa/associate',
        authorization: `Bearer ${MFA_TOKEN}`,
        body: {
          client_id: 'CID',
          authenticator_types: ['oob'],
          oob_channels: ['sms'],
          phone_number: '+14155550100',
          client_secret: 'client-secret-value',
        },
      },
    ])
    expect(result).toEqual(enrolment)
  })

  it('listAuthenticators GETs with the bearer token and returns the list', async () => {
    const list = [{ id: 'totp|dev_1', authenticator_type: 'otp', active: true }]
    const seen = answer('get', '/mfa/authenticators', () => HttpResponse.json(list))
    await expect(new Mfa(DOMAIN, 'CID').listAuthenticators('mfa-access-token')).resolves.toEqual(
      list,
    )
    expect(seen).toEqual([
      {
        method: 'GET',
        path: '/mfa/authenticators',
        authorization: 'Bearer mfa-access-token',
        body: '',
      },
    ])
  })

  it('deleteAuthenticator DELETEs the encoded id and resolves to nothing on 204', async () => {
    const seen = answer(
      'delete',
      '/mfa/authenticators/:id',
      () => new HttpResponse(null, { status: 204 }),
    )
    await expect(
      new Mfa(DOMAIN, 'CID').deleteAuthenticator('mfa-access-token', 'sms|dev_1'),
    ).resolves.toBeUndefined()
    expect(seen).toEqual([
      {
        method: 'DELETE',
        path: '/mfa/authenticators/sms%7Cdev_1',
        authorization: 'Bearer mfa-access-token',
        body: '',
      },
    ])
  })

  it('turns a 404 into an Auth0Error, with the token kept out of it', async () => {
    answer('delete', '/mfa/authenticators/:id', () =>
      HttpResponse.json(
        { error: 'not_found', error_description: 'Authenticator not found (mfa-access-token)' },
        { status: 404 },
      ),
    )
    const error = await new Mfa(DOMAIN, 'CID')
      .deleteAuthenticator('mfa-access-token', 'gone')
      .catch((e: unknown) => e)
    expect(isAuth0Error(error) && [error.statusCode, error.errorCode]).toEqual([404, 'not_found'])
    expect(String(error)).not.toContain('mfa-access-token')
  })

  it('checks required arguments before sending', async () => {
    const mfa = new Mfa(DOMAIN, 'CID')
    const errors = await Promise.all([
      mfa.challenge('').catch((e: unknown) => e),
      mfa.associate(MFA_TOKEN, []).catch((e: unknown) => e),
      mfa.listAuthenticators(undefined as unknown as string).catch((e: unknown) => e),
      mfa.deleteAuthenticator('token', '').catch((e: unknown) => e),
    ])
    expect(errors.map((e) => isOptionsError(e) && e.problems)).toEqual([
      ['mfaToken: expected a non-empty string'],
      ['authenticatorTypes: expected a non-empty array of non-empty strings'],
      ['accessToken: is required'],
      ['authenticatorId: expected a non-empty string'],
    ])
  })
})

describe('the MFA grants', () => {
  function tokenEndpoint(): Record<string, unknown>[] {
    const bodies: Record<string, unknown>[] = []
    server.use(
      http.post(`${BASE}/oauth/token`, async ({ request }) => {
        bodies.push(await bodyOf(request))
        return HttpResponse.json(tokenResponse({ recovery_code: 'NEW-RECOVERY-CODE' }))
      }),
    )
    return bodies
  }
  const getToken = () => new GetToken(DOMAIN, 'CID', OPTIONS)

  it('mfaOtp sends the mfa-otp grant with the code', async () => {
    const bodies = tokenEndpoint()
    await expect(getToken().mfaOtp(MFA_TOKEN, '123456')).resolves.toMatchObject({
      access_token: 'access-token-value',
    })
    expect(bodies).toEqual([
      {
        client_id: 'CID',
        mfa_token: MFA_TOKEN,
        otp: '123456',
        grant_type: 'http://auth0.com/oauth/grant-type/mfa-otp',
        client_secret: 'client-secret-value',
      },
    ])
  })

  it('mfaOob sends the oob code, and the binding code when given', async () => {
    const bodies = tokenEndpoint()
    await getToken().mfaOob(MFA_TOKEN, 'oob-code-1', { bindingCode: '000111' })
    await getToken().mfaOob(MFA_TOKEN, 'oob-code-1', { bindingCode: '' })
    const grant = 'http://auth0.com/oauth/grant-type/mfa-oob'
    expect(bodies).toEqual([
      {
        client_id: 'CID',
        mfa_token: MFA_TOKEN,
        oob_code: 'oob-code-1',
        binding_code: '000111',
        grant_type: grant,
        client_secret: 'client-secret-value',
      },
      {
        client_id: 'CID',
        mfa_token: MFA_TOKEN,
        oob_code: 'oob-code-1',
        grant_type: grant,
        client_secret: 'client-secret-value',
      },
    ])
  })

  it('mfaRecoveryCode sends the recovery code and returns the new one', async () => {
    const bodies = tokenEndpoint()
    const tokens = await getToken().mfaRecoveryCode(MFA_TOKEN, 'OLD-RECOVERY-CODE')
    expect(bodies[0]).toEqual({
      client_id: 'CID',
      mfa_token: MFA_TOKEN,
      recovery_code: 'OLD-RECOVERY-CODE',
      grant_type: 'http://auth0.com/oauth/grant-type/mfa-recovery-code',
      client_secret: 'client-secret-value',
    })
    expect(tokens['recovery_code']).toBe('NEW-RECOVERY-CODE')
  })

  it('keeps the MFA token, codes and binding code out of errors', async () => {
    server.use(
      http.post(`${BASE}/oauth/token`, async ({ request }) =>
        HttpResponse.json(
          { error: 'invalid_grant', error_description: `echo ${await request.text()}` },
          { status: 403 },
        ),
      ),
    )
    const errors = await Promise.all([
      getToken()
        .mfaOtp(MFA_TOKEN, '123456')
        .catch((e: unknown) => e),
      getToken()
        .mfaOob(MFA_TOKEN, 'oob-code-1', { bindingCode: '000111' })
        .catch((e: unknown) => e),
      getToken()
        .mfaRecoveryCode(MFA_TOKEN, 'OLD-RECOVERY-CODE')
        .catch((e: unknown) => e),
    ])
    for (const error of errors) {
      expect(isAuth0Error(error) && error.errorCode).toBe('invalid_grant')
      for (const secret of [MFA_TOKEN, '123456', 'oob-code-1', '000111', 'OLD-RECOVERY-CODE'])
        expect(`${String(error)} ${JSON.stringify(error)}`).not.toContain(secret)
    }
  })

  it("runs the README's flow: mfa_required, then a challenge, then a token", async () => {
    const requests: string[] = []
    server.use(
      http.post(`${BASE}/oauth/token`, async ({ request }) => {
        const body = await bodyOf(request)
        requests.push(String(body['grant_type']))
        if (body['grant_type'] === 'http://auth0.com/oauth/grant-type/password-realm')
          return HttpResponse.json(
            {
              error: 'mfa_required',
              error_description: 'Multifactor authentication required',
              mfa_token: MFA_TOKEN,
            },
            { status: 403 },
          )
        expect(body).toMatchObject({
          mfa_token: MFA_TOKEN,
          oob_code: 'oob-code-1',
          binding_code: '000111',
        })
        return HttpResponse.json(tokenResponse())
      }),
      http.post(`${BASE}/mfa/challenge`, async ({ request }) => {
        requests.push('challenge')
        expect(await bodyOf(request)).toMatchObject({ mfa_token: MFA_TOKEN, challenge_type: 'oob' })
        return HttpResponse.json({
          challenge_type: 'oob',
          oob_code: 'oob-code-1',
          binding_method: 'prompt',
        })
      }),
    )
    const getToken = new GetToken(DOMAIN, 'CID', OPTIONS)
    const mfa = new Mfa(DOMAIN, 'CID', OPTIONS)
    const askUser = () => Promise.resolve('000111')

    // the README's example, as written there
    let tokens
    try {
      tokens = await getToken.login('ana@example.com', 'pass-word-1', {
        realm: 'Username-Password-Authentication',
      })
    } catch (e) {
      if (!isAuth0Error(e) || e.errorCode !== 'mfa_required' || !e.mfaToken) throw e
      const challenge = await mfa.challenge(e.mfaToken, { challengeType: 'oob', oobChannel: 'sms' })
      const bindingCode = challenge.binding_method === 'prompt' ? await askUser() : undefined
      tokens = await getToken.mfaOob(e.mfaToken, challenge.oob_code!, { bindingCode })
    }

    expect(requests).toEqual([
      'http://auth0.com/oauth/grant-type/password-realm',
      'challenge',
      'http://auth0.com/oauth/grant-type/mfa-oob',
    ])
    expect(tokens.access_token).toBe('access-token-value')
  })
})
