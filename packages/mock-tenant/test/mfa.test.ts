// The MFA API at the emulator over HTTP: mfa_required, challenges, the MFA grants, enrolment and authenticators.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { RunningMockTenant } from '../src/index.js'
import {
  SEEDED_USER_ID,
  claims,
  passwordGrant,
  send,
  startTenant,
  webClient,
  type Clock,
  type Reply,
} from './auth-http.js'

const MFA_OTP = 'http://auth0.com/oauth/grant-type/mfa-otp'
const MFA_OOB = 'http://auth0.com/oauth/grant-type/mfa-oob'
const MFA_RECOVERY = 'http://auth0.com/oauth/grant-type/mfa-recovery-code'

let t: RunningMockTenant
let clock: Clock
beforeAll(async () => {
  ;({ t, clock } = await startTenant())
})
beforeEach(() => t.reset())
afterAll(() => t.close())

/** Logs the seeded user in and expects `mfa_required`; returns the MFA token. */
async function mfaToken(extra: Record<string, unknown> = {}): Promise<string> {
  const r = await passwordGrant(t, { scope: 'openid profile offline_access', ...extra })
  expect(r.status).toBe(403)
  expect(r.body).toMatchObject({
    error: 'mfa_required',
    error_description: 'Multifactor authentication required',
  })
  return String(r.body['mfa_token'])
}

const challenge = (body: Record<string, unknown>) =>
  send(t, 'POST', '/mfa/challenge', { json: { ...webClient(t), ...body } })
const grant = (body: Record<string, unknown>) =>
  send(t, 'POST', '/oauth/token', { json: { ...webClient(t), ...body } })
const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

describe('mfa_required on the password-realm grant', () => {
  it('pauses the login of an enrolled user with an MFA token; others log in as before', async () => {
    expect((await passwordGrant(t)).status).toBe(200)
    t.authentication.enrollMfa(t.user.username, { type: 'otp' })
    const token = await mfaToken()
    expect(token).toMatch(/^mock-mfa-/)
    // another, unenrolled user is not asked
    const other = await passwordGrant(t, {
      username: 'alan.lovelace@example.com',
      password: 'mock-password-1',
    })
    expect(other.status).toBe(200)
  })

  it("follows the tenant's policy: always asks everyone, never asks nobody", async () => {
    t.authentication.configure({ mfa: 'always' })
    await mfaToken()
    t.authentication.configure({ mfa: 'never' })
    t.authentication.enrollMfa(t.user.username, { type: 'otp' })
    expect((await passwordGrant(t)).status).toBe(200)
  })
})

describe('POST /mfa/challenge and the mfa-otp grant', () => {
  it('challenges the authenticator app, then trades a code for tokens that say amr mfa', async () => {
    const { secret } = t.authentication.enrollMfa(SEEDED_USER_ID, { type: 'otp' })
    const token = await mfaToken()
    const c = await challenge({ mfa_token: token, challenge_type: 'otp' })
    expect(c).toMatchObject({ status: 200, body: { challenge_type: 'otp' } })
    const wrongCode = t.authentication.otp(secret as string) === '000000' ? '111111' : '000000'
    const wrong = await grant({ grant_type: MFA_OTP, mfa_token: token, otp: wrongCode })
    expect(wrong).toMatchObject({
      status: 403,
      body: { error: 'invalid_grant', error_description: 'Invalid otp_code.' },
    })
    const ok = await send(t, 'POST', '/oauth/token', {
      form: {
        ...webClient(t),
        grant_type: MFA_OTP,
        mfa_token: token,
        otp: t.authentication.otp(secret as string),
      },
    })
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({ token_type: 'Bearer', refresh_token: expect.any(String) })
    expect(claims(ok.body['id_token'])).toMatchObject({ sub: SEEDED_USER_ID, amr: ['mfa'] })
    // the MFA token is spent
    const again = await grant({
      grant_type: MFA_OTP,
      mfa_token: token,
      otp: t.authentication.otp(secret as string),
    })
    expect(again).toMatchObject({ status: 403, body: { error: 'invalid_grant' } })
  })

  it('accepts the code of the step before or after (clock drift), not older ones', async () => {
    const { secret } = t.authentication.enrollMfa(SEEDED_USER_ID, { type: 'otp' })
    const stale = t.authentication.otp(secret as string)
    clock.tick(30_000)
    expect(
      (await grant({ grant_type: MFA_OTP, mfa_token: await mfaToken(), otp: stale })).status,
    ).toBe(200)
    clock.tick(60_000)
    const late = await grant({ grant_type: MFA_OTP, mfa_token: await mfaToken(), otp: stale })
    expect(late.status).toBe(403)
  })

  it('refuses a challenge without client authentication, with a bad token, or of a type the user lacks', async () => {
    t.authentication.enrollMfa(SEEDED_USER_ID, { type: 'otp' })
    const token = await mfaToken()
    const noSecret = await send(t, 'POST', '/mfa/challenge', {
      json: { client_id: t.clients.web.clientId, mfa_token: token },
    })
    expect(noSecret).toMatchObject({ status: 401, body: { error: 'access_denied' } })
    expect(await challenge({ mfa_token: 'mock-mfa-forged' })).toMatchObject({
      status: 403,
      body: { error: 'invalid_grant', error_description: 'Malformed mfa_token' },
    })
    expect(
      await challenge({ mfa_token: token, challenge_type: 'oob', oob_channel: 'sms' }),
    ).toMatchObject({ status: 400, body: { error: 'unsupported_challenge_type' } })
    expect(await challenge({ mfa_token: token, challenge_type: 'push' })).toMatchObject({
      status: 400,
      body: { error: 'unsupported_challenge_type' },
    })
    expect(await challenge({ mfa_token: token, authenticator_id: 'totp|dev_nope' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_request' },
    })
  })

  it('expires the MFA token after 10 minutes', async () => {
    t.authentication.enrollMfa(SEEDED_USER_ID, { type: 'otp' })
    const token = await mfaToken()
    clock.tick(600_000)
    expect(await challenge({ mfa_token: token })).toMatchObject({
      status: 403,
      body: { error: 'expired_token', error_description: 'mfa_token is expired' },
    })
  })
})

describe('out-of-band challenges and the mfa-oob grant', () => {
  it('SMS: binding_method prompt; authorization_pending until the binding code the user received is sent', async () => {
    t.authentication.enrollMfa(SEEDED_USER_ID, {
      type: 'oob',
      channel: 'sms',
      phoneNumber: '+14155550100',
    })
    const token = await mfaToken()
    const c = await challenge({ mfa_token: token, challenge_type: 'oob', oob_channel: 'sms' })
    expect(c).toMatchObject({
      status: 200,
      body: { challenge_type: 'oob', oob_code: expect.any(String), binding_method: 'prompt' },
    })
    const oobCode = String(c.body['oob_code'])
    const pending = await grant({ grant_type: MFA_OOB, mfa_token: token, oob_code: oobCode })
    expect(pending).toMatchObject({ status: 403, body: { error: 'authorization_pending' } })
    const sent = t.authentication.bindingCode(oobCode) as string
    expect(sent).toMatch(/^\d{6}$/)
    const wrong = await grant({
      grant_type: MFA_OOB,
      mfa_token: token,
      oob_code: oobCode,
      binding_code: sent === '000000' ? '111111' : '000000',
    })
    expect(wrong).toMatchObject({
      status: 403,
      body: { error: 'invalid_grant', error_description: 'Invalid binding_code.' },
    })
    const ok = await grant({
      grant_type: MFA_OOB,
      mfa_token: token,
      oob_code: oobCode,
      binding_code: sent,
    })
    expect(ok.status).toBe(200)
    expect(claims(ok.body['id_token'])['amr']).toEqual(['mfa'])
  })

  it('push: no binding code; pending until the user approves on the phone, or access_denied', async () => {
    t.authentication.enrollMfa(SEEDED_USER_ID, { type: 'oob', channel: 'auth0' })
    const push = async () => {
      const token = await mfaToken()
      const c = await challenge({ mfa_token: token, challenge_type: 'oob' })
      expect(c.body).not.toHaveProperty('binding_method')
      return { token, oobCode: String(c.body['oob_code']) }
    }
    const first = await push()
    const poll = (p: { token: string; oobCode: string }) =>
      grant({ grant_type: MFA_OOB, mfa_token: p.token, oob_code: p.oobCode })
    expect((await poll(first)).body['error']).toBe('authorization_pending')
    t.authentication.approveChallenge(first.oobCode)
    expect((await poll(first)).status).toBe(200)
    const second = await push()
    t.authentication.rejectChallenge(second.oobCode)
    expect(await poll(second)).toMatchObject({ status: 403, body: { error: 'access_denied' } })
    // an oob_code belongs to the MFA token it was made for
    const third = await push()
    const fourth = await push()
    expect(
      await grant({ grant_type: MFA_OOB, mfa_token: fourth.token, oob_code: third.oobCode }),
    ).toMatchObject({ status: 403, body: { error: 'invalid_grant' } })
    expect(() => t.authentication.approveChallenge('mock-oob-unknown')).toThrow(/Unknown oob_code/)
  })
})

describe('the mfa-recovery-code grant', () => {
  it('logs in with the recovery code and returns a new one; the old one is spent', async () => {
    const { recoveryCode } = t.authentication.enrollMfa(SEEDED_USER_ID, { type: 'otp' })
    expect(recoveryCode).toMatch(/^[A-Z0-9]{24}$/)
    const first = await grant({
      grant_type: MFA_RECOVERY,
      mfa_token: await mfaToken(),
      recovery_code: recoveryCode,
    })
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ access_token: expect.any(String) })
    const next = String(first.body['recovery_code'])
    expect(next).toMatch(/^[A-Z0-9]{24}$/)
    expect(next).not.toBe(recoveryCode)
    const reused = await grant({
      grant_type: MFA_RECOVERY,
      mfa_token: await mfaToken(),
      recovery_code: recoveryCode,
    })
    expect(reused).toMatchObject({
      status: 403,
      body: { error: 'invalid_grant', error_description: 'Invalid recovery_code.' },
    })
    expect(
      (
        await grant({
          grant_type: MFA_RECOVERY,
          mfa_token: await mfaToken(),
          recovery_code: next,
        })
      ).status,
    ).toBe(200)
  })
})

describe('POST /mfa/associate and /mfa/authenticators', () => {
  it('enrolls an authenticator app with the MFA token; the first code confirms it', async () => {
    t.authentication.configure({ mfa: 'always' })
    const token = await mfaToken()
    // not enrolled yet: nothing to challenge
    expect(await challenge({ mfa_token: token })).toMatchObject({
      status: 400,
      body: { error: 'unsupported_challenge_type', error_description: 'User is not enrolled.' },
    })
    const associated = await send(t, 'POST', '/mfa/associate', {
      json: { ...webClient(t), authenticator_types: ['otp'] },
      headers: bearer(token),
    })
    expect(associated.status).toBe(200)
    expect(associated.body).toMatchObject({
      authenticator_type: 'otp',
      secret: expect.stringMatching(/^[A-Z2-7]{32}$/),
      barcode_uri: expect.stringMatching(/^otpauth:\/\/totp\/.+\?secret=[A-Z2-7]{32}&/),
      recovery_codes: [expect.stringMatching(/^[A-Z0-9]{24}$/)],
    })
    const listed = await send(t, 'GET', '/mfa/authenticators', { headers: bearer(token) })
    expect(listed.body).toEqual([
      {
        id: expect.stringMatching(/^totp\|dev_/),
        authenticator_type: 'otp',
        active: false,
        name: 'Authenticator app',
      },
      {
        id: expect.stringMatching(/^recovery-code\|dev_/),
        authenticator_type: 'recovery-code',
        active: false,
        name: 'Recovery code',
      },
    ])
    const confirmed = await grant({
      grant_type: MFA_OTP,
      mfa_token: token,
      otp: t.authentication.otp(String(associated.body['secret'])),
    })
    expect(confirmed.status).toBe(200)
    // enrolled now: the policy that asks enrolled users asks this one
    t.authentication.configure({ mfa: 'enrolled' })
    const next = await mfaToken()
    const after = (await send(t, 'GET', '/mfa/authenticators', { headers: bearer(next) }))
      .body as unknown as { active: boolean }[]
    expect(after.map((a) => a.active)).toEqual([true, true])
  })

  it('enrolls SMS with a phone number (an oob_code and a binding code); checks its body', async () => {
    t.authentication.configure({ mfa: 'always' })
    const token = await mfaToken()
    const associate = (body: Record<string, unknown>, headers = bearer(token)) =>
      send(t, 'POST', '/mfa/associate', { json: body, headers })
    expect(await associate({ authenticator_types: ['oob'], oob_channels: ['sms'] })).toMatchObject({
      status: 400,
      body: { error: 'invalid_request' },
    })
    expect(
      await associate({
        authenticator_types: ['oob'],
        oob_channels: ['sms'],
        phone_number: '555-0100',
      }),
    ).toMatchObject({
      status: 400,
      body: { error_description: expect.stringMatching(/^phone_number: expected an E\.164/) },
    })
    expect(await associate({ authenticator_types: [] })).toMatchObject({
      status: 400,
      body: {
        error: 'invalid_request',
        error_description: expect.stringMatching(/^authenticator_types/),
      },
    })
    const sms = await associate({
      authenticator_types: ['oob'],
      oob_channels: ['sms'],
      phone_number: '+14155550100',
    })
    expect(sms.body).toMatchObject({
      authenticator_type: 'oob',
      oob_channel: 'sms',
      oob_code: expect.any(String),
      binding_method: 'prompt',
    })
    const oobCode = String(sms.body['oob_code'])
    const ok = await grant({
      grant_type: MFA_OOB,
      mfa_token: token,
      oob_code: oobCode,
      binding_code: t.authentication.bindingCode(oobCode),
    })
    expect(ok.status).toBe(200)
  })

  it('answers 401 with WWW-Authenticate without a usable bearer MFA token', async () => {
    const cases: [Record<string, string>, string][] = [
      [{}, 'Missing authentication'],
      [bearer('mock-mfa-forged'), 'Invalid token'],
    ]
    for (const [headers, description] of cases)
      for (const [method, path] of [
        ['POST', '/mfa/associate'],
        ['GET', '/mfa/authenticators'],
        ['DELETE', '/mfa/authenticators/totp%7Cdev_x'],
      ] as const) {
        const r: Reply = await send(t, method, path, {
          headers,
          ...(method === 'POST' ? { json: { authenticator_types: ['otp'] } } : {}),
        })
        expect([path, r.status, r.body['error_description']]).toEqual([path, 401, description])
        expect(r.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/)
      }
  })

  it("deletes one of the user's authenticators (204), and answers 404 for any other id", async () => {
    const { id } = t.authentication.enrollMfa(SEEDED_USER_ID, { type: 'otp' })
    const other = t.authentication.enrollMfa('alan.lovelace@example.com', { type: 'otp' })
    const token = await mfaToken()
    const remove = (authenticatorId: string) =>
      send(t, 'DELETE', `/mfa/authenticators/${encodeURIComponent(authenticatorId)}`, {
        headers: bearer(token),
      })
    expect((await remove(other.id)).status).toBe(404)
    const removed = await remove(id)
    expect([removed.status, removed.text]).toEqual([204, ''])
    expect(await remove(id)).toMatchObject({
      status: 404,
      body: { error: 'not_found', error_description: 'Authenticator not found' },
    })
    const left = (await send(t, 'GET', '/mfa/authenticators', { headers: bearer(token) }))
      .body as unknown as { authenticator_type: string }[]
    expect(left.map((a) => a.authenticator_type)).toEqual(['recovery-code'])
  })
})
