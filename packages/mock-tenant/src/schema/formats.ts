// String formats: the standard ones JSON Schema validators check (date-time, email, uri, ...) are checked here too, so
// a stored value that would fail them is never served; Auth0's own formats (client-id, connection-id, ...) are not
// checked, only given plausible samples.

const DATE_TIME =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/
const URI = /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]*$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const IPV4 = /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/
const HOSTNAME =
  /^(?=.{1,253}$)[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/

function isIpv6(value: string): boolean {
  if (!value.includes(':') || /[^0-9a-fA-F:.]/.test(value)) return false
  try {
    return new URL(`http://[${value}]/`).hostname.length > 0
  } catch {
    return false
  }
}

const CHECKS: Readonly<Record<string, (value: string) => boolean>> = {
  'date-time': (v) => DATE_TIME.test(v) && !Number.isNaN(Date.parse(v)),
  date: (v) => DATE.test(v),
  email: (v) => EMAIL.test(v),
  uri: (v) => URI.test(v),
  url: (v) => URL.canParse(v),
  uuid: (v) => UUID.test(v),
  ipv4: (v) => IPV4.test(v),
  ipv6: isIpv6,
  hostname: (v) => HOSTNAME.test(v),
}

/** Whether a string has a format; formats that are not checked always pass. */
export function hasFormat(format: string, value: string): boolean {
  const check = CHECKS[format]
  return check === undefined || check(value)
}

/** A valid string of a format, for the clock's time; undefined when any string will do. */
export function formatSample(format: string, now: number): string | undefined {
  switch (format) {
    case 'date-time':
      return new Date(now).toISOString()
    case 'date':
      return new Date(now).toISOString().slice(0, 10)
    case 'email':
    case 'email-or-empty':
      return 'mock.user@example.com'
    case 'uuid':
      return '6b1b2b7c-0000-4000-8000-000000000001'
    case 'ipv4':
      return '127.0.0.1'
    case 'ipv6':
      return '::1'
    case 'cidr':
      return '127.0.0.0/8'
    case 'ipv6_cidr':
      return '::1/128'
    case 'hostname':
    case 'hostname-rfc2181':
      return 'tenant.mock.test'
    case 'html-color':
    case 'html-color-or-null':
    case 'forms-hex-color':
      return '#000000'
    default:
      return /ur[il]/.test(format) ? 'https://tenant.mock.test/' : undefined
  }
}
