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

/**
 * A URL fit for an error or a log: no credentials, and the query's keys without their values
 * (`https://tenant/api/v2/users?q=…&page=…`), so that a searched e-mail never reaches a log. Never throws.
 */
export function safeUrl(url: string): string {
  const noCredentials = url.replace(/^([a-z][a-z\d+.-]*:\/\/)[^/?#@]*@/i, '$1')
  const q = noCredentials.indexOf('?')
  if (q === -1) return noCredentials.replace(/#.*$/, '')
  const keys = new Set<string>()
  for (const pair of noCredentials
    .slice(q + 1)
    .replace(/#.*$/, '')
    .split('&')) {
    const key = pair.split('=', 1)[0]
    if (key) keys.add(key)
  }
  const query = [...keys].map((k) => `${k}=…`).join('&')
  return query ? `${noCredentials.slice(0, q)}?${query}` : noCredentials.slice(0, q)
}

/** The method and the path of a request, with the query's keys only: `GET /api/v2/users?q=…`. */
export function describeRequest(method: string, url: string): string {
  return `${method} ${safeUrl(url).replace(/^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i, '') || '/'}`
}

/**
 * The values of a query worth redacting, and their words (a search such as `email:"jane@example.com"` is echoed in
 * parts), of 6 characters or more: an error body or a library's message can repeat them, and a query can hold personal
 * data.
 */
export function queryValues(query: Readonly<Record<string, unknown>> | undefined): string[] {
  const out: string[] = []
  if (!query) return out
  for (const value of Object.values(query)) {
    if (value === undefined || value === null) continue
    const text = Array.isArray(value) ? value.join(',') : String(value)
    out.push(text, ...text.split(/[\s"'():,[\]{}]+/))
  }
  return out.filter((v) => v.length >= 6)
}
