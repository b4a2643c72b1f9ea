import { generateKeyPair, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto'
import { promisify } from 'node:util'
import {
  SignJWT,
  errors as joseErrors,
  jwtVerify,
  type JWK,
  type JWTPayload,
  type JWTVerifyOptions,
} from 'jose'

/** An RSA key pair made here; nothing in it belongs to anyone. */
export interface SigningKey {
  kid: string
  privateKey: KeyObject
  publicKey: KeyObject
  jwk: JWK
}

export function generateRsaKey(): SigningKey {
  return toSigningKey(generateKeyPairSync('rsa', { modulusLength: 2048 }))
}

/** The same, off the main thread: a server start makes its keys in parallel without blocking. */
export async function generateRsaKeyAsync(): Promise<SigningKey> {
  return toSigningKey(await promisify(generateKeyPair)('rsa', { modulusLength: 2048 }))
}

function toSigningKey({
  privateKey,
  publicKey,
}: {
  privateKey: KeyObject
  publicKey: KeyObject
}): SigningKey {
  const kid = `mock-${randomBytes(8).toString('hex')}`
  const { n, e } = publicKey.export({ format: 'jwk' }) as { n: string; e: string }
  return { kid, privateKey, publicKey, jwk: { kty: 'RSA', use: 'sig', alg: 'RS256', kid, n, e } }
}

/** The tenant's signing keys: the newest signs, older ones stay in the JWKS so earlier tokens still verify. */
export class KeyStore {
  private keys: SigningKey[]

  constructor(private readonly initial: SigningKey) {
    this.keys = [initial]
  }

  get current(): SigningKey {
    return this.keys[0] as SigningKey
  }

  get jwks(): { keys: JWK[] } {
    return { keys: this.keys.map((k) => ({ ...k.jwk })) }
  }

  rotate(keepPrevious: boolean): SigningKey {
    const next = generateRsaKey()
    this.keys = keepPrevious ? [next, ...this.keys].slice(0, 2) : [next]
    return next
  }

  reset(): void {
    this.keys = [this.initial]
  }

  sign(payload: JWTPayload, nowMs: number, expiresIn: number): Promise<string> {
    const iat = Math.floor(nowMs / 1000)
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.current.kid })
      .setIssuedAt(iat)
      .setExpirationTime(iat + expiresIn)
      .sign(this.current.privateKey)
  }

  /** Verifies a token this tenant signed; resolves to undefined (with a reason) when it does not verify. */
  async verify(token: string, nowMs: number, options: JWTVerifyOptions): Promise<VerifyResult> {
    try {
      const { payload } = await jwtVerify(
        token,
        (header) => {
          const key = this.keys.find((k) => k.kid === header.kid)
          if (!key) throw new joseErrors.JWKSNoMatchingKey()
          return key.publicKey
        },
        { algorithms: ['RS256'], currentDate: new Date(nowMs), ...options },
      )
      return { ok: true, payload }
    } catch (e) {
      return { ok: false, reason: e instanceof joseErrors.JWTExpired ? 'expired' : 'invalid' }
    }
  }
}

export type VerifyResult =
  { ok: true; payload: JWTPayload } | { ok: false; reason: 'expired' | 'invalid' }

export function pem(key: KeyObject): string {
  return key.export({ format: 'pem', type: 'pkcs8' }).toString()
}
