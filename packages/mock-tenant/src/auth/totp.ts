// One-time passwords of authenticator apps: TOTP (RFC 6238) over HOTP (RFC 4226), HMAC-SHA-1, 6 digits, 30 s.
import { createHmac, randomBytes } from 'node:crypto'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
const STEP_S = 30
const DIGITS = 6

/** A new TOTP secret: 20 random bytes in base32 (RFC 4648, no padding), as authenticator apps take it. */
export function newTotpSecret(): string {
  return base32(randomBytes(20))
}

export function base32(bytes: Uint8Array): string {
  let out = ''
  let bits = 0
  let value = 0
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31]
  return out
}

export function fromBase32(text: string): Buffer {
  const bytes: number[] = []
  let bits = 0
  let value = 0
  for (const char of text.replace(/=+$/, '').toUpperCase()) {
    const index = ALPHABET.indexOf(char)
    if (index === -1) throw new TypeError('Not a base32 secret')
    value = (value << 5) | index
    bits += 5
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255)
      bits -= 8
    }
  }
  return Buffer.from(bytes)
}

/** The HOTP value of a key and counter (RFC 4226 §5.3), `digits` long. */
export function hotp(key: Buffer, counter: number, digits = DIGITS): string {
  const message = Buffer.alloc(8)
  message.writeBigUInt64BE(BigInt(counter))
  const mac = createHmac('sha1', key).update(message).digest()
  const offset = (mac[mac.length - 1] as number) & 15
  const code = mac.readUInt32BE(offset) & 0x7fffffff
  return String(code % 10 ** digits).padStart(digits, '0')
}

/** The code an authenticator app shows for a base32 secret at `nowMs`. */
export function totp(secret: string, nowMs: number): string {
  return hotp(fromBase32(secret), Math.floor(nowMs / 1000 / STEP_S))
}

/** Whether `code` is the secret's code now, or one step before or after (clock drift). */
export function checkTotp(secret: string, code: string, nowMs: number): boolean {
  const key = fromBase32(secret)
  const step = Math.floor(nowMs / 1000 / STEP_S)
  return [step - 1, step, step + 1].some((s) => hotp(key, s) === code)
}
