// One process of the fleet: @auth0-ts/authentication's token provider over the Redis token cache (or its own
// memory), and core's RestClient sending PATCHes through the Redis rate limiter (or core's in-process one).
// Config: one JSON argument. Events: JSON lines on stdout. Starts when the parent writes "go" on stdin; with
// `holdAt`, it stops after that many calls (concurrency 1), says "held", and goes on at the next line on stdin.
import { createHash } from 'node:crypto'
import { createInterface } from 'node:readline'
import { createTokenProvider } from '@auth0-ts/authentication'
import { RestClient } from '@auth0-ts/core'
import { createRedisRateLimiter, createRedisTokenCache } from '../../dist/index.js'

const cfg = JSON.parse(process.argv[2])
const emit = (event) => process.stdout.write(`${JSON.stringify(event)}\n`)
const idOf = (token) => createHash('sha256').update(token).digest('hex').slice(0, 12)
// generous: a loaded CI machine must not look like a Redis outage
const connection = { url: cfg.redisUrl, commandTimeout: 3000, retryInterval: 200 }

const cache = cfg.redisUrl
  ? createRedisTokenCache({ ...connection, lockTtl: cfg.lockTtl ?? 10_000 })
  : undefined
const rateLimiter =
  cfg.limiter === 'redis'
    ? createRedisRateLimiter({
        ...connection,
        key: cfg.baseUrl,
        perSecond: cfg.perSecond,
        burst: cfg.burst,
      })
    : undefined
const tokenIds = new Set()
const provider = createTokenProvider({
  domain: new URL(cfg.baseUrl).host,
  protocol: 'http',
  clientId: 'client-id',
  clientSecret: 'client-secret',
  audience: 'https://tenant.example/api/v2/',
  ...(cache && { cache }),
  // tells the tenant which worker asked, so a test can kill the one holding the lock
  fetch: (input, init) => {
    const request = new Request(input, init)
    request.headers.set('x-worker', String(cfg.worker))
    return fetch(request)
  },
})

async function getToken() {
  const token = await provider.getToken()
  tokenIds.add(idOf(token))
  return token
}

const rest = new RestClient({
  baseUrl: cfg.baseUrl,
  token: getToken,
  rateLimiter,
  options: { retries: cfg.retries ?? 3, timeout: 10_000 },
})

async function main() {
  const started = Date.now()
  let ok = 0
  const errors = []
  if (cfg.calls === 0) await getToken()
  let next = 0
  const lane = async () => {
    while (next < cfg.calls) {
      const i = next++
      try {
        await rest.request({
          method: 'PATCH',
          path: '/api/v2/users/{id}',
          params: { id: `auth0|w${cfg.worker}-${i}` },
          json: { name: `n${i}` },
        })
        ok++
      } catch (e) {
        errors.push(String(e))
      }
      emit({ event: 'progress', done: ok + errors.length })
      if (ok + errors.length === cfg.holdAt) {
        emit({ event: 'held' })
        await nextLine()
      }
      if (cfg.pauseMs) await new Promise((r) => setTimeout(r, cfg.pauseMs))
    }
  }
  await Promise.all(Array.from({ length: cfg.concurrency ?? 1 }, lane))
  emit({
    event: 'done',
    ok,
    failed: errors.length,
    errors: errors.slice(0, 3),
    tokenIds: [...tokenIds],
    ms: Date.now() - started,
  })
  await Promise.all([cache?.close(), rateLimiter?.close()])
}

const rl = createInterface({ input: process.stdin })
const lines = []
let waiting
rl.on('line', (line) => {
  if (waiting) waiting(line)
  else lines.push(line)
  waiting = undefined
})
const nextLine = () =>
  lines.length > 0 ? Promise.resolve(lines.shift()) : new Promise((r) => (waiting = r))

emit({ event: 'ready', pid: process.pid })
nextLine()
  .then(main)
  .catch((e) => {
    emit({ event: 'crash', error: String(e) })
    process.exitCode = 1
  })
  .finally(() => rl.close())
