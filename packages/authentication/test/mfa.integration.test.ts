// The MFA API and grants against the tenant emulator over real HTTP: the README's worked example (mfa_required, a
// challenge, then a token), enrolment, and the authenticators.
import type { RunningMockTenant } from '@auth0-ts/mock-tenant'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { Auth0Error, GetToken, Mfa, isAuth0Error } from '../src/index.js'
import { SEEDED_USER_ID, claims, recorder, startTenant, type Clock } from './emulator.js'

const MFA_OTP = 'http://auth0.com/oauth/grant-type/mfa-otp'
const MFA_OOB = 'http://auth0.com/oauth/grant-type/mfa-oob'

let t: RunningMockTenant
let clock: Clock
beforeAll(async () => {
  ;({ t, clock } = await startTenant())
})
beforeEach(() => t.reset())
afterAll(() => t.close())

function clients() {
  const wire = recorder()
  const { web } = t.clients
  const options = {
    clientSecret: web.clientSecret,
    protocol: 'http' as const,
    fetch: wire.fetch,
    now: clock.read,
  }
  return {
    wire,
    getToken: new GetToken(t.domain, web.clientId, options),
    mfa: new Mfa(t.domain, web.clientId, options),
  }
}

/** The login of the seeded user, which must stop at `mfa_required`; returns the MFA token. */
async function mfaRequired(getToken: GetToken): Promise<string> {
  const error = await getToken
    .login(t.user.username, t.user.password, {
      realm: t.user.connection,
      scope: 'openid profile offline_access',
    })
    .catch((e: unknown) => e)
  if (!isAuth0Error(error)) throw new Error('expected an Auth0Error')
  expect([error.statusCode, error.errorCode]).toEqual([403, 'mfa_required'])
  expect(error.mfaToken).toEqual(expect.stringMatching(/^mock-mfa-/))
  // the MFA token stays out of what gets logged
  expect(JSON.stringify(error)).not.toContain(error.mfaToken)
  return error.mfaToken as string
}

describe('the worked example: mfa_required, a challenge, then a token', () => {
  it('with an authenticator app (otp)', async () => {
    const { secret } = t.authentication.enrollMfa(t.user.username, { type: 'otp' })
    const { wire, getToken, mfa } = clients()
    const mfaToken = await mfaRequired(getToken)

    const challenge = await mfa.challenge(mfaToken, { challengeType: 'otp' })
    expect(wire.sent.at(-1)).toMatchObject({
      method: 'POST',
      path: '/mfa/challenge',
      body: {
        client_id: t.clients.web.clientId,
        client_secret: t.clients.web.clientSecret,
        mfa_token: mfaToken,
        challenge_type: 'otp',
      },
      status: 200,
    })
    expect(challenge).toEqual({ challenge_type: 'otp' })

    const code = t.authentication.otp(secret as string)
    const tokens = await getToken.mfaOtp(mfaToken, code)
    expect(wire.sent.at(-1)).toMatchObject({
      path: '/oauth/token',
      body: {
        grant_type: MFA_OTP,
        mfa_token: mfaToken,
        otp: code,
        client_id: t.clients.web.clientId,
      },
      status: 200,
    })
    expect(tokens).toMatchObject({
      token_type: 'Bearer',
      access_token: expect.any(String),
      refresh_token: expect.any(String),
    })
    expect(claims(tokens.id_token)).toMatchObject({ sub: SEEDED_USER_ID, amr: ['mfa'] })
  })

  it('with SMS: binding_method prompt, then the code the user received as bindingCode', async () => {
    t.authentication.enrollMfa(t.user.username, {
      type: 'oob',
      channel: 'sms',
      phoneNumber: '+14155550100',
    })
    const { wire, getToken, mfa } = clients()
    const mfaToken = await mfaRequired(getToken)
    const challenge = await mfa.challenge(mfaToken, { challengeType: 'oob', oobChannel: 'sms' })
    expect(wire.sent.at(-1)?.body).toMatchObject({ challenge_type: 'oob', oob_channel: 'sms' })
    expect(challenge).toMatchObject({ challenge_type: 'oob', binding_method: 'prompt' })
    const oobCode = challenge.oob_code as string
    // before the user types the code: authorization_pending
    const pending = await getToken.mfaOob(mfaToken, oobCode).catch((e: unknown) => e)
    expect(wire.sent.at(-1)?.body).not.toHaveProperty('binding_code')
    expect(pending).toBeInstanceOf(Auth0Error)
    expect((pending as Auth0Error).errorCode).toBe('authorization_pending')

    const bindingCode = t.authentication.bindingCode(oobCode)
    const tokens = await getToken.mfaOob(mfaToken, oobCode, { bindingCode })
    expect(wire.sent.at(-1)?.body).toMatchObject({
      grant_type: MFA_OOB,
      mfa_token: mfaToken,
      oob_code: oobCode,
      binding_code: bindingCode,
    })
    expect(claims(tokens.id_token)['amr']).toEqual(['mfa'])
  })

  it('with push: authorization_pending until the user approves on the phone', async () => {
    t.authentication.enrollMfa(t.user.username, { type: 'oob', channel: 'auth0' })
    const { getToken, mfa } = clients()
    const mfaToken = await mfaRequired(getToken)
    const challenge = await mfa.challenge(mfaToken, { challengeType: 'oob' })
    expect(challenge).not.toHaveProperty('binding_method')
    const oobCode = challenge.oob_code as string
    const early = await getToken.mfaOob(mfaToken, oobCode).catch((e: unknown) => e)
    expect((early as Auth0Error).errorCode).toBe('authorization_pending')
    t.authentication.approveChallenge(oobCode)
    expect((await getToken.mfaOob(mfaToken, oobCode)).access_token).toEqual(expect.any(String))
  })

  it('with a recovery code, which comes back renewed', async () => {
    const { recoveryCode } = t.authentication.enrollMfa(t.user.username, { type: 'otp' })
    const { wire, getToken } = clients()
    const tokens = await getToken.mfaRecoveryCode(
      await mfaRequired(getToken),
      recoveryCode as string,
    )
    expect(wire.sent.at(-1)?.body).toMatchObject({
      grant_type: 'http://auth0.com/oauth/grant-type/mfa-recovery-code',
      recovery_code: recoveryCode,
    })
    expect(tokens.recovery_code).toEqual(expect.stringMatching(/^[A-Z0-9]{24}$/))
    expect(tokens.recovery_code).not.toBe(recoveryCode)
  })

  it('a wrong code is invalid_grant, without the code in the error', async () => {
    const { secret } = t.authentication.enrollMfa(t.user.username, { type: 'otp' })
    const { getToken } = clients()
    const mfaToken = await mfaRequired(getToken)
    const wrong = t.authentication.otp(secret as string) === '000000' ? '111111' : '000000'
    const error = await getToken.mfaOtp(mfaToken, wrong).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Auth0Error)
    expect([(error as Auth0Error).statusCode, (error as Auth0Error).errorCode]).toEqual([
      403,
      'invalid_grant',
    ])
    expect(String(error)).not.toContain(mfaToken)
  })
})

describe('enrolment and authenticators', () => {
  it('associates an authenticator app, confirms it with a first code, lists and deletes authenticators', async () => {
    t.authentication.configure({ mfa: 'always' })
    const { wire, getToken, mfa } = clients()
    const mfaToken = await mfaRequired(getToken)

    const association = await mfa.associate(mfaToken, ['otp'])
    expect(wire.sent.at(-1)).toMatchObject({
      method: 'POST',
      path: '/mfa/associate',
      headers: { authorization: `Bearer ${mfaToken}` },
      body: { client_id: t.clients.web.clientId, authenticator_types: ['otp'] },
      status: 200,
    })
    expect(association).toMatchObject({
      authenticator_type: 'otp',
      secret: expect.stringMatching(/^[A-Z2-7]{32}$/),
      barcode_uri: expect.stringMatching(/^otpauth:\/\/totp\//),
      recovery_codes: [expect.any(String)],
    })

    const before = await mfa.listAuthenticators(mfaToken)
    expect(wire.sent.at(-1)).toMatchObject({ method: 'GET', path: '/mfa/authenticators' })
    expect(before.map((a) => [a.authenticator_type, a.active])).toEqual([
      ['otp', false],
      ['recovery-code', false],
    ])

    await getToken.mfaOtp(mfaToken, t.authentication.otp(association.secret as string))
    t.authentication.configure({ mfa: 'enrolled' })
    const next = await mfaRequired(getToken)
    const after = await mfa.listAuthenticators(next)
    expect(after.map((a) => a.active)).toEqual([true, true])

    const otp = after.find((a) => a.authenticator_type === 'otp')
    await mfa.deleteAuthenticator(next, otp?.id as string)
    expect(wire.sent.at(-1)).toMatchObject({
      method: 'DELETE',
      path: `/mfa/authenticators/${encodeURIComponent(otp?.id as string)}`,
      status: 204,
    })
    expect((await mfa.listAuthenticators(next)).map((a) => a.authenticator_type)).toEqual([
      'recovery-code',
    ])
    const gone = await mfa.deleteAuthenticator(next, otp?.id as string).catch((e: unknown) => e)
    expect((gone as Auth0Error).statusCode).toBe(404)
  })

  it('associates SMS with a phone number that never appears in an error', async () => {
    t.authentication.configure({ mfa: 'always' })
    const { getToken, mfa } = clients()
    const mfaToken = await mfaRequired(getToken)
    const sms = await mfa.associate(mfaToken, ['oob'], {
      oobChannels: ['sms'],
      phoneNumber: '+14155550100',
    })
    expect(sms).toMatchObject({ oob_channel: 'sms', binding_method: 'prompt' })
    const refused = await mfa
      .associate(mfaToken, ['oob'], {
        oobChannels: ['sms'],
        phoneNumber: '555-0100',
      })
      .catch((e: unknown) => e)
    expect((refused as Auth0Error).statusCode).toBe(400)
    expect(String(refused)).not.toContain('555-0100')
    const forged = await mfa.listAuthenticators('mock-mfa-forged').catch((e: unknown) => e)
    expect((forged as Auth0Error).statusCode).toBe(401)
  })
})
