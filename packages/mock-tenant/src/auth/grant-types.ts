// The grant types of the Authentication API that the emulator serves beyond OAuth's own, by their wire names.

export const MFA_OTP_GRANT = 'http://auth0.com/oauth/grant-type/mfa-otp'
export const MFA_OOB_GRANT = 'http://auth0.com/oauth/grant-type/mfa-oob'
export const MFA_RECOVERY_CODE_GRANT = 'http://auth0.com/oauth/grant-type/mfa-recovery-code'
export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code'
export const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange'

/** The grants a seeded interactive client has besides the classic ones. */
export const EXTRA_USER_GRANTS: readonly string[] = [
  MFA_OTP_GRANT,
  MFA_OOB_GRANT,
  MFA_RECOVERY_CODE_GRANT,
  DEVICE_CODE_GRANT,
  TOKEN_EXCHANGE_GRANT,
]
