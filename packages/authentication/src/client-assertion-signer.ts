// The private_key_jwt signer, loaded by client-assertion.ts on the first assertion. jose is imported dynamically too,
// so that the CommonJS build (one file) does not require it at load.
import type { AssertionSigner, ClientAssertionSigningAlg } from './client-assertion.js'

const ASSERTION_LIFETIME_S = 180
// client-assertion.ts's pattern, repeated so that this lazily loaded module imports nothing of the eager ones.
const PEM = /-----BEGIN ([A-Z ]*?)PRIVATE KEY-----([\s\S]*?)-----END \1PRIVATE KEY-----/

function derLength(n: number): number[] {
  if (n < 0x80) return [n]
  const bytes: number[] = []
  for (let rest = n; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff)
  return [0x80 | bytes.length, ...bytes]
}

function base64ToBytes(b64: string): Uint8Array {
  const binary = atob(b64.replace(/\s+/g, ''))
  return Uint8Array.from(binary, (c) => c.charCodeAt(0))
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary)
}

/**
 * Wraps a PKCS#1 `RSA PRIVATE KEY` in a PKCS#8 envelope, since Web Crypto (and so jose) imports PKCS#8 only and
 * Auth0's own examples hand out PKCS#1 keys.
 */
function pkcs1ToPkcs8Pem(body: string): string {
  const pkcs1 = base64ToBytes(body)
  const rsaEncryption = [
    0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00,
  ]
  const inner = [0x02, 0x01, 0x00, ...rsaEncryption, 0x04, ...derLength(pkcs1.length), ...pkcs1]
  const der = Uint8Array.from([0x30, ...derLength(inner.length), ...inner])
  const lines = bytesToBase64(der).match(/.{1,64}/g) ?? []
  return `-----BEGIN PRIVATE KEY-----\n${lines.join('\n')}\n-----END PRIVATE KEY-----`
}

/** Why jose or Web Crypto failed, never the key itself (their messages describe the failure only). */
const reasonOf = (cause: unknown): string =>
  cause instanceof Error ? cause.message : 'unknown error'

async function importSigningKey(
  key: string | CryptoKey,
  alg: ClientAssertionSigningAlg,
): Promise<CryptoKey> {
  if (typeof key !== 'string') return key
  const { importPKCS8 } = await import('jose/key/import')
  const match = PEM.exec(key)
  const pem = match?.[1] === 'RSA ' ? pkcs1ToPkcs8Pem(match[2] ?? '') : (match?.[0] ?? key)
  try {
    return await importPKCS8(pem, alg)
  } catch (cause) {
    throw new TypeError(
      `clientAssertionSigningKey: could not import the private key for ${alg} (${reasonOf(cause)})`,
      { cause },
    )
  }
}

/** A signer of client assertions with one key; the key is imported on first use, once. */
export function keySigner(
  key: string | CryptoKey,
  alg: ClientAssertionSigningAlg,
  now: () => number,
): AssertionSigner {
  const imported = importSigningKey(key, alg)
  // Every caller awaits it; an import failure rejects each of them.
  imported.catch(() => {})
  return {
    async sign(clientId, audience) {
      const privateKey = await imported
      const { SignJWT } = await import('jose/jwt/sign')
      const iat = Math.floor(now() / 1000)
      try {
        return await new SignJWT({})
          .setProtectedHeader({ alg, typ: 'JWT' })
          .setIssuer(clientId)
          .setSubject(clientId)
          .setAudience(audience)
          .setIssuedAt(iat)
          .setExpirationTime(iat + ASSERTION_LIFETIME_S)
          .setJti(crypto.randomUUID())
          .sign(privateKey)
      } catch (cause) {
        throw new TypeError(
          `clientAssertionSigningKey: the key cannot sign ${alg} (${reasonOf(cause)})`,
          { cause },
        )
      }
    },
  }
}
