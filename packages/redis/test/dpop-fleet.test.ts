// Real processes, one real redis-server: 4 API processes (test/fleet/dpop-worker.mjs) verify DPoP-bound requests with
// @auth0-ts/token-verifier and this package's Redis replay store. A proof accepted by one process is a replay for the
// others. Tokens and proofs are signed here with node:crypto, independently of the code under test.
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { useRedisServer } from '../src/test-utils/redis.js'

const FLEET = 4
const WORKER = fileURLToPath(new URL('./fleet/dpop-worker.mjs', import.meta.url))
const ISSUER = 'https://tenant.example/'
const AUDIENCE = 'https://api.example/'
const URL_ = 'https://api.example/orders'
const ctx = useRedisServer()

const b64 = (value: string | Uint8Array) => Buffer.from(value).toString('base64url')
const json = (value: unknown) => b64(JSON.stringify(value))

const tenant = generateKeyPairSync('rsa', { modulusLength: 2048 })
const tenantJwk = { ...tenant.publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256' }
const client = generateKeyPairSync('ec', { namedCurve: 'P-256' })
const clientJwk = client.publicKey.export({ format: 'jwk' }) as Record<string, string>
/** RFC 7638: the required members in lexicographic order, SHA-256, base64url. */
const jkt = b64(
  createHash('sha256')
    .update(
      JSON.stringify({
        crv: clientJwk['crv'],
        kty: clientJwk['kty'],
        x: clientJwk['x'],
        y: clientJwk['y'],
      }),
    )
    .digest(),
)

function jws(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  key: KeyObject,
  ec: boolean,
) {
  const input = `${json(header)}.${json(payload)}`
  const signature = ec
    ? sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' })
    : sign('sha256', Buffer.from(input), key)
  return `${input}.${b64(signature)}`
}

const now = () => Math.floor(Date.now() / 1000)
const token = jws(
  { alg: 'RS256', kid: 'k1', typ: 'at+jwt' },
  { iss: ISSUER, aud: AUDIENCE, sub: 'auth0|fleet', iat: now(), exp: now() + 3600, cnf: { jkt } },
  tenant.privateKey,
  false,
)
/** A valid request for GET URL_ with a fresh proof (its own jti). */
function request(jti = randomUUID()) {
  const proof = jws(
    { typ: 'dpop+jwt', alg: 'ES256', jwk: clientJwk },
    {
      jti,
      htm: 'GET',
      htu: URL_,
      iat: now(),
      ath: b64(createHash('sha256').update(token).digest()),
    },
    client.privateKey,
    true,
  )
  return { authorization: `DPoP ${token}`, dpop: proof, method: 'GET', url: URL_ }
}

interface Answer {
  id: number
  ok: boolean
  sub?: string
  code?: string
}

/** One worker process: `send` one request and get its answer; `end` closes its stdin and waits for the exit. */
function spawnApi(config: Record<string, unknown>) {
  const child: ChildProcess = spawn(process.execPath, [WORKER, JSON.stringify(config)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stderr = ''
  let buffered = ''
  let id = 0
  const waiting = new Map<number, (answer: Answer) => void>()
  let markReady!: () => void
  const ready = new Promise<void>((resolve) => (markReady = resolve))
  child.stderr?.on('data', (d: Buffer) => (stderr += String(d)))
  child.stdout?.on('data', (d: Buffer) => {
    buffered += String(d)
    const lines = buffered.split('\n')
    buffered = lines.pop() ?? ''
    for (const line of lines) {
      const event = JSON.parse(line) as Answer & { event?: string }
      if (event.event === 'ready') markReady()
      else waiting.get(event.id)?.(event)
    }
  })
  const exit = new Promise<number | null>((resolve) => child.once('close', resolve))
  return {
    ready,
    send(req: ReturnType<typeof request>): Promise<Answer> {
      const n = ++id
      const answer = new Promise<Answer>((resolve) => waiting.set(n, resolve))
      child.stdin?.write(`${JSON.stringify({ id: n, request: req })}\n`)
      return answer
    },
    async end() {
      child.stdin?.end()
      return { code: await exit, stderr }
    },
    kill: () => child.kill('SIGKILL'),
  }
}

const started: ReturnType<typeof spawnApi>[] = []
beforeEach(() => {
  for (const dist of ['../dist/index.js', '../../token-verifier/dist/index.js'])
    if (!existsSync(new URL(dist, import.meta.url)))
      throw new Error(
        `${dist} is missing: the worker processes run the built packages (pnpm build)`,
      )
})
afterAll(() => {
  for (const api of started) api.kill()
})

describe('a fleet of 4 API processes on one Redis replay store', () => {
  it('refuses on every process a DPoP proof accepted by one, and lets exactly one of 4 racing processes accept a proof', async () => {
    const prefix = `fleet-${randomUUID()}:`
    const fleet = Array.from({ length: FLEET }, () =>
      spawnApi({
        redisUrl: ctx.server.url,
        prefix,
        issuer: ISSUER,
        audience: AUDIENCE,
        jwk: tenantJwk,
      }),
    )
    started.push(...fleet)
    await Promise.all(fleet.map((api) => api.ready))
    const [first, ...others] = fleet as [
      ReturnType<typeof spawnApi>,
      ...ReturnType<typeof spawnApi>[],
    ]

    // accepted by one process, then replayed to each of the others
    const once = request()
    expect(await first.send(once)).toMatchObject({ ok: true, sub: 'auth0|fleet' })
    for (const api of others)
      expect(await api.send(once)).toMatchObject({ ok: false, code: 'dpop_jti_replayed' })
    expect(await first.send(once)).toMatchObject({ ok: false, code: 'dpop_jti_replayed' })

    // fresh proofs are accepted everywhere: no false replay
    const fresh = await Promise.all(fleet.map((api) => api.send(request())))
    expect(fresh.map((a) => a.ok)).toEqual([true, true, true, true])

    // one proof sent to all 4 at once: exactly one accepts it
    const raced = request()
    const answers = await Promise.all(fleet.map((api) => api.send(raced)))
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect(answers.filter((a) => a.code === 'dpop_jti_replayed')).toHaveLength(FLEET - 1)

    // one key per accepted proof, shared in Redis: 1 + 4 + 1
    expect(await ctx.redis.keys(`${prefix}replay:dpop:${jkt}:*`)).toHaveLength(6)
    const exits = await Promise.all(fleet.map((api) => api.end()))
    expect(exits).toEqual(Array.from({ length: FLEET }, () => ({ code: 0, stderr: '' })))
  }, 60_000)
})
