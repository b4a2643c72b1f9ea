// Redaction of secrets from anything an error can expose (message, content, URL, JSON form).

const REDACTED = '[REDACTED]'

/** Keys whose values are credentials wherever they appear in a body. */
const SENSITIVE_KEYS = new Set([
  'access_token',
  'id_token',
  'refresh_token',
  'client_secret',
  'client_assertion',
  'password',
  'new_password',
  'code_verifier',
  'mfa_token',
  'otp',
  'subject_token',
  'token',
  'authorization',
  'private_key',
])

/** Returns `text` with every known secret value replaced. Short values are left alone: they would over-match. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text
  for (const secret of secrets) {
    if (secret.length >= 6 && out.includes(secret)) out = out.split(secret).join(REDACTED)
  }
  return out
}

/** Deep copy of a parsed body with sensitive keys and known secret values replaced. */
export function redactValue(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') return redactText(value, secrets)
  if (value === null || typeof value !== 'object' || depth > 20) return value
  if (Array.isArray(value)) return value.map((v) => redactValue(v, secrets, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    out[k] =
      SENSITIVE_KEYS.has(k.toLowerCase()) && v != null
        ? REDACTED
        : redactValue(v, secrets, depth + 1)
  }
  return out
}
