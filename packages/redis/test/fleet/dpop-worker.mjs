// One API process of a DPoP fleet: @auth0-ts/token-verifier's AccessTokenVerifier (built) with this package's Redis
// replay store (built), so a proof accepted by any process is a replay for all. The key set comes from the config, so
// nothing leaves the machine. Config: one JSON argument. Reads one request per stdin line (`{ id, request }`) and
// answers one JSON line each (`{ id, ok, sub }` or `{ id, ok: false, code }`); exits when stdin closes.
import { createInterface } from 'node:readline'
import { AccessTokenVerifier } from '@auth0-ts/token-verifier'
import { createRedisReplayStore } from '../../dist/index.js'

const cfg = JSON.parse(process.argv[2])
const emit = (event) => process.stdout.write(`${JSON.stringify(event)}\n`)
// generous: a loaded CI machine must not look like a Redis outage
const replayStore = createRedisReplayStore({
  url: cfg.redisUrl,
  prefix: cfg.prefix,
  commandTimeout: 3000,
})
const atv = new AccessTokenVerifier({
  issuer: cfg.issuer,
  audience: cfg.audience,
  jwksUrl: 'https://tenant.example/.well-known/jwks.json',
  fetch: async () => Response.json({ keys: [cfg.jwk] }),
  dpop: { replayStore },
})

const pending = new Set()
const rl = createInterface({ input: process.stdin })
rl.on('line', (line) => {
  const { id, request } = JSON.parse(line)
  const answer = atv.verifyRequest(request).then(
    (claims) => emit({ id, ok: true, sub: claims.sub }),
    (e) => emit({ id, ok: false, code: e?.code ?? String(e) }),
  )
  pending.add(answer)
  void answer.finally(() => pending.delete(answer))
})
rl.on('close', async () => {
  await Promise.all(pending)
  await replayStore.close()
})
emit({ event: 'ready', pid: process.pid })
