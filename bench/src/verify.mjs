// Token verification, side by side, in one interleaved run:
//  1. warm-cache verify throughput (sequential and 32 in flight) for @auth0-ts/token-verifier on both crypto
//     back-ends (node:crypto, which Node gets by name through the `node` condition, and Web Crypto, from an esbuild
//     browser bundle of the same package), raw `jose.jwtVerify` with an imported key (the limit), and
//     `jsonwebtoken` + `jwks-rsa`; ratios are against raw jose in the same mode;
//  2. JWKS requests for 1000 concurrent verifications on a cold cache (target: exactly 1);
//  3. JWKS requests during a flood of 2000 random-kid tokens (target: at most 1 refetch per cooldown).
// The JWKS is served by a node:http server on 127.0.0.1:0, started here and closed at the end.
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import * as jose from 'jose'
import jsonwebtoken from 'jsonwebtoken'
import jwksRsa from 'jwks-rsa'

const ROUNDS = Number(process.env.VERIFY_ROUNDS ?? 40)
const SLICE_MS = Number(process.env.VERIFY_SLICE_MS ?? 40)
const IN_FLIGHT = 32
const log = (msg) => process.stderr.write(`[verify] ${msg}\n`)

async function startJwksServer(body) {
  const server = createServer((req, res) => {
    server.requests++
    res.setHeader('content-type', 'application/json')
    res.end(body)
  })
  server.requests = 0
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  return {
    server,
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    issuer: `http://127.0.0.1:${port}/`,
  }
}

/**
 * Operations per second of `op` for about `ms`, one at a time or `inFlight` at once, and the process's CPU time per
 * operation in µs (main thread and thread pool both): on a shared machine the rate follows the scheduler, the CPU time
 * much less.
 */
async function measure(op, ms, inFlight) {
  let count = 0
  const deadline = performance.now() + ms
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  const worker = async () => {
    while (performance.now() < deadline) {
      await op()
      count++
    }
  }
  await Promise.all(Array.from({ length: inFlight }, worker))
  const rate = (count * 1000) / (performance.now() - t0)
  const cpu = process.cpuUsage(c0)
  return { rate, cpu: (cpu.user + cpu.system) / count }
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

/** The package as a browser bundle would have it: `#crypto-backend` resolved without the `node` condition. */
async function webCryptoBuild() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-verify-'))
  const outfile = join(dir, 'token-verifier.browser.mjs')
  try {
    await build({
      stdin: {
        contents: "export * from '@auth0-ts/token-verifier'",
        resolveDir: import.meta.dirname,
      },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      outfile,
      logLevel: 'warning',
    })
    return await import(outfile)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function run() {
  const nodeEntry = await import('@auth0-ts/token-verifier')
  const webEntry = await webCryptoBuild()

  const { publicKey, privateKey } = await jose.generateKeyPair('RS256')
  const kid = 'bench-key'
  const jwk = { ...(await jose.exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }
  const { server, url, issuer } = await startJwksServer(JSON.stringify({ keys: [jwk] }))
  const audience = 'bench-client-id'
  const rows = []
  try {
    const sign = (header = {}) =>
      new jose.SignJWT({
        sub: 'auth0|5f7c8ec7c33c6c004bbafe82',
        nonce: 'n-0S6_WzA2Mj',
        name: 'Jane Doe',
        email: 'jane@example.com',
        email_verified: true,
      })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid, ...header })
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime('2h')
        .sign(privateKey)
    const token = await sign()

    // --- subjects, each warmed (keys fetched and imported) before measuring
    const subjects = []
    const ours = (name, entry) => {
      const sv = new entry.AsymmetricSignatureVerifier(url)
      const tv = new entry.TokenVerifier({ signatureVerifier: sv, issuer, audience })
      subjects.push({ name, op: () => tv.verify(token) })
    }
    ours('@auth0-ts/token-verifier (Web Crypto back-end, browser bundle)', webEntry)
    ours('@auth0-ts/token-verifier (node:crypto back-end, Node)', nodeEntry)
    const joseKey = await jose.importJWK(jwk, 'RS256')
    const joseOptions = { issuer, audience, algorithms: ['RS256'] }
    subjects.push({
      name: 'jose.jwtVerify (imported key)',
      op: () => jose.jwtVerify(token, joseKey, joseOptions),
      baseline: true,
    })
    const client = jwksRsa({ jwksUri: url, cache: true })
    const jwtOptions = { issuer, audience, algorithms: ['RS256'] }
    subjects.push({
      name: 'jsonwebtoken + jwks-rsa',
      op: async () => {
        const { kid: tokenKid } = jose.decodeProtectedHeader(token)
        const signingKey = await client.getSigningKey(tokenKid)
        return jsonwebtoken.verify(token, signingKey.getPublicKey(), jwtOptions)
      },
    })
    for (const s of subjects) for (let i = 0; i < 200; i++) await s.op()

    // --- interleaved rounds: each round measures every subject in both modes, in a rotated order. Short slices
    // and per-round ratios (subject / jose in the same round) keep a busy machine's bursts from favouring anyone.
    const results = new Map(subjects.map((s) => [s.name, { sequential: [], concurrent: [] }]))
    const cpu = new Map(subjects.map((s) => [s.name, { sequential: [], concurrent: [] }]))
    for (let round = 0; round < ROUNDS; round++) {
      const order = subjects.map((_, i) => subjects[(i + round) % subjects.length])
      for (const s of order) {
        for (const [mode, inFlight] of [
          ['sequential', 1],
          ['concurrent', IN_FLIGHT],
        ]) {
          const m = await measure(s.op, SLICE_MS, inFlight)
          results.get(s.name)[mode].push(m.rate)
          cpu.get(s.name)[mode].push(m.cpu)
        }
      }
      log(`round ${round + 1}/${ROUNDS}`)
    }
    for (const [mode, scenario] of [
      ['sequential', 'verify RS256, warm cache, sequential'],
      ['concurrent', `verify RS256, warm cache, ${IN_FLIGHT} in flight`],
    ]) {
      const baseName = subjects.find((s) => s.baseline).name
      const base = results.get(baseName)[mode]
      const baseCpu = cpu.get(baseName)[mode]
      for (const s of subjects) {
        const values = results.get(s.name)[mode]
        const ratio = median(values.map((v, i) => v / base[i]))
        const cpuUs = cpu.get(s.name)[mode]
        const cpuRatio = median(cpuUs.map((c, i) => baseCpu[i] / c))
        rows.push({
          scenario,
          subject: s.name,
          value: Math.round(median(values)),
          unit: 'verifications/s',
          ratio,
          note: `medians of ${ROUNDS} interleaved ${SLICE_MS} ms slices; ratio = median per-round ratio to jose; CPU ${median(cpuUs).toFixed(0)} µs/verification, ${cpuRatio.toFixed(2)}× jose by CPU`,
        })
      }
    }

    // --- cold cache: 1000 concurrent verifications on a fresh verifier
    for (const [name, entry] of [
      ['Web Crypto back-end', webEntry],
      ['node:crypto back-end', nodeEntry],
    ]) {
      server.requests = 0
      const tv = new entry.TokenVerifier({
        signatureVerifier: new entry.AsymmetricSignatureVerifier(url),
        issuer,
        audience,
      })
      const settled = await Promise.allSettled(Array.from({ length: 1000 }, () => tv.verify(token)))
      const ok = settled.filter((r) => r.status === 'fulfilled').length
      rows.push({
        scenario: 'JWKS requests, 1000 concurrent verifications, cold cache',
        subject: `@auth0-ts/token-verifier (${name})`,
        value: server.requests,
        unit: 'requests',
        note: `target exactly 1; ${ok}/1000 verified`,
      })
    }
    {
      server.requests = 0
      const cold = jwksRsa({ jwksUri: url, cache: true })
      await Promise.allSettled(Array.from({ length: 1000 }, () => cold.getSigningKey(kid)))
      rows.push({
        scenario: 'JWKS requests, 1000 concurrent verifications, cold cache',
        subject: 'jwks-rsa (cache: true)',
        value: server.requests,
        unit: 'requests',
      })
    }
    log('cold cache done')

    // --- flood: 2000 tokens with random kids. A simulated clock advances 100 ms per token, so the flood spans
    // 200 s: at most one refetch per 30 s cooldown allows ceil(200 / 30) = 7.
    const floodTokens = await Promise.all(
      Array.from({ length: 2000 }, () => sign({ kid: crypto.randomUUID() })),
    )
    const entry = nodeEntry
    {
      const clock = { ms: Date.now() }
      const sv = new entry.AsymmetricSignatureVerifier(url, { now: () => clock.ms })
      const tv = new entry.TokenVerifier({
        signatureVerifier: sv,
        issuer,
        audience,
        now: () => clock.ms,
      })
      await tv.verify(token)
      server.requests = 0
      let rejected = 0
      for (const t of floodTokens) {
        await tv
          .verify(t)
          .catch((e) => (e.code === 'key_not_found' ? rejected++ : Promise.reject(e)))
        clock.ms += 100
      }
      rows.push({
        scenario: 'JWKS requests, flood of 2000 random-kid tokens',
        subject: '@auth0-ts/token-verifier (30 s cooldown, 200 s simulated)',
        value: server.requests,
        unit: 'requests',
        note: `target <= 7 (1 per cooldown); ${rejected}/2000 rejected key_not_found`,
      })
      // the same flood, all at once in real time: the cooldown opened by the warm-up fetch covers it
      const sv2 = new entry.AsymmetricSignatureVerifier(url)
      const tv2 = new entry.TokenVerifier({ signatureVerifier: sv2, issuer, audience })
      await tv2.verify(token)
      server.requests = 0
      await Promise.allSettled(floodTokens.map((t) => tv2.verify(t)))
      rows.push({
        scenario: 'JWKS requests, flood of 2000 random-kid tokens',
        subject: '@auth0-ts/token-verifier (all concurrent, real time)',
        value: server.requests,
        unit: 'requests',
        note: 'target <= 1',
      })
    }
    {
      const flooded = jwksRsa({ jwksUri: url, cache: true })
      await flooded.getSigningKey(kid)
      server.requests = 0
      for (const t of floodTokens)
        await flooded.getSigningKey(jose.decodeProtectedHeader(t).kid).catch(() => undefined)
      rows.push({
        scenario: 'JWKS requests, flood of 2000 random-kid tokens',
        subject: 'jwks-rsa (cache: true, default rateLimit off)',
        value: server.requests,
        unit: 'requests',
      })
    }
    log('flood done')
  } finally {
    server.closeAllConnections?.()
    await new Promise((resolve) => server.close(resolve))
  }
  return rows
}
