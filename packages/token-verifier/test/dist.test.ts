// The built package as users get it: which crypto back-end each way of loading it picks through the package.json
// `imports` map (`#crypto-backend`), and what its declaration files expose. Runs after `build` (turbo: test
// depends on build). Each case runs in a fresh Node process, so nothing here shares state with the source tests.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { afterAll, describe, expect, it } from 'vitest'

const PKG = fileURLToPath(new URL('..', import.meta.url))
const NAME = '@auth0-ts/token-verifier'
const tmp = mkdtempSync(join(tmpdir(), 'token-verifier-dist-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

// One probe, run as ESM or CJS: count Web Crypto verifications while an HS256 and an RS256 token (keys from a JWKS
// served by a custom fetch) are verified. The node back-end never calls `crypto.subtle.verify`; Web Crypto always does.
const probeBody = (load: string): string => `
const { createHmac, generateKeyPairSync, sign } = require('node:crypto')
let subtleCalls = 0
const subtle = globalThis.crypto.subtle
const original = subtle.verify.bind(subtle)
subtle.verify = (...args) => (subtleCalls++, original(...args))
const b64 = (v) => Buffer.from(typeof v === 'string' ? v : v).toString('base64url')
const jwt = (header, payload, signer) => {
  const input = b64(JSON.stringify(header)) + '.' + b64(JSON.stringify(payload))
  return input + '.' + b64(signer(input))
}
const claims = { iss: 'https://t.example/', sub: 'u', aud: 'c', iat: 1, exp: 4e9 }
;(async () => {
  const tv = ${load}
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'k1' }
  const fetch = async () => new Response(JSON.stringify({ keys: [jwk] }), { status: 200 })
  const rs = new tv.TokenVerifier({
    signatureVerifier: new tv.AsymmetricSignatureVerifier('https://t.example/jwks', { fetch }),
    issuer: claims.iss,
    audience: claims.aud,
  })
  const hs = new tv.SymmetricSignatureVerifier('a-shared-secret')
  const rsToken = jwt({ alg: 'RS256', kid: 'k1' }, claims, (i) => sign('sha256', Buffer.from(i), privateKey))
  const hsToken = jwt({ alg: 'HS256' }, claims, (i) => createHmac('sha256', 'a-shared-secret').update(i).digest())
  await rs.verify(rsToken)
  await hs.verifySignature(hsToken)
  const before = subtleCalls
  await rs.verify(rsToken)
  await hs.verifySignature(hsToken)
  const calls = subtleCalls - before
  const tampered = await rs.verify(rsToken.slice(0, -4) + 'AAAA').then(() => 'accepted', (e) => e.code)
  process.stdout.write(JSON.stringify({ subtleCalls: calls, tampered }))
})().catch((e) => { console.error(e); process.exit(1) })
`

function runProbe(file: string): { subtleCalls: number; tampered: string } {
  const out = execFileSync(process.execPath, [file], { cwd: PKG, encoding: 'utf8' })
  return JSON.parse(out) as { subtleCalls: number; tampered: string }
}

describe('the built package picks its crypto back-end where it runs', () => {
  it('resolves #crypto-backend to the node:crypto back-end under Node, for import and require', () => {
    const resolved = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { createRequire } from 'node:module'
         const require = createRequire(process.cwd() + '/package.json')
         console.log(JSON.stringify([import.meta.resolve('#crypto-backend'), require.resolve('#crypto-backend')]))`,
      ],
      { cwd: PKG, encoding: 'utf8' },
    )
    const [esm, cjs] = JSON.parse(resolved) as [string, string]
    expect(esm).toMatch(/\/dist\/backend\.node\.js$/)
    expect(cjs).toMatch(/\/dist\/backend\.node\.cjs$/)
  })

  it.each([
    ['ESM', 'probe.mjs', `await import('${NAME}')`],
    ['CJS', 'probe.cjs', `require('${NAME}')`],
  ])('verifies with node:crypto when Node loads the %s build by name', (_format, file, load) => {
    const body = probeBody(load)
    const source =
      file === 'probe.mjs'
        ? `import { createRequire } from 'node:module'\nconst require = createRequire(import.meta.url)\n${body}`
        : body
    // The probe sits in the package directory so that the package resolves by its own name (self-reference).
    const path = join(PKG, `.${process.pid}-${file}`)
    writeFileSync(path, source)
    try {
      expect(runProbe(path)).toEqual({ subtleCalls: 0, tampered: 'signature_invalid' })
    } finally {
      rmSync(path, { force: true })
    }
  })

  // esbuild resolves `imports` with the build's conditions, as a user's bundler would. Taken from tsup's own
  // dependency, so the test adds no package of its own.
  const esbuild = createRequire(createRequire(import.meta.url).resolve('tsup'))('esbuild') as {
    build(options: Record<string, unknown>): Promise<unknown>
  }
  it.each([
    [
      'a workerd bundle (neutral, worker + browser conditions)',
      'neutral',
      ['worker', 'browser'],
      2,
    ],
    ['a browser bundle', 'browser', [], 2],
    ['a Node bundle', 'node', [], 0],
  ] as const)(
    'bundles to the right back-end for %s',
    async (_title, platform, conditions, calls) => {
      const outfile = join(tmp, `bundle-${platform}.mjs`)
      await esbuild.build({
        stdin: {
          contents: `import * as tv from '${NAME}'\nexport default tv`,
          resolveDir: PKG,
          loader: 'js',
        },
        bundle: true,
        format: 'esm',
        platform,
        conditions: [...conditions],
        ...(platform === 'neutral' ? { mainFields: ['module', 'main'] } : {}),
        external: ['node:*'],
        outfile,
        logLevel: 'silent',
      })
      const bundle = readFileSync(outfile, 'utf8')
      expect(bundle.includes('node:crypto')).toBe(platform === 'node')
      expect(bundle).not.toContain('#crypto-backend')
      const probe = join(tmp, `probe-${platform}.mjs`)
      writeFileSync(
        probe,
        `import { createRequire } from 'node:module'\nconst require = createRequire(import.meta.url)\n${probeBody(
          `(await import(${JSON.stringify(outfile)})).default`,
        )}`,
      )
      expect(runProbe(probe)).toEqual({ subtleCalls: calls, tampered: 'signature_invalid' })
    },
  )
})

describe('the built declarations', () => {
  // Compiled as a user's code would be, with no Node types: the classes can be constructed, extended and used
  // with instanceof from both the ESM (index.d.ts) and the CommonJS (index.d.cts) declarations.
  const consumer = `
const sv = new AsymmetricSignatureVerifier('https://t.example/jwks')
class Mine extends TokenVerifier {}
const tv: TokenVerifier = new Mine({ signatureVerifier: sv, issuer: 'i', audience: 'a' })
class Api extends AccessTokenVerifier {}
const atv: AccessTokenVerifier = new Api({ issuer: 'i', audience: 'a', signatureVerifier: new SymmetricSignatureVerifier('s') })
const claims: Promise<IdTokenClaims> = tv.verify('t')
const access: Promise<AccessTokenClaims> = atv.verify('t', { requiredScopes: 'read' })
export function status(e: unknown): number {
  if (e instanceof JwksFetchError) return 503
  if (e instanceof TokenValidationError) return e.code === 'exp_expired' ? 401 : 401
  if (e instanceof OptionsError) return e.problems.length
  return sv instanceof SignatureVerifier ? 500 : 0
}
const bound: Promise<AccessTokenClaims> = atv.verifyRequest({ authorization: 'DPoP t', dpop: 'p', method: 'GET', url: 'https://api.example.com/x' })
const refusal: { status: number; headers: { 'www-authenticate': string; 'dpop-nonce'?: string } } = atv.challenge()
const nonces = createDPoPNonces({ secret: 'a-shared-secret-of-16+' })
new Api({ issuer: 'i', audience: 'a', jwksUrl: 'https://t/j', dpop: { nonces, replayStore: createMemoryReplayStore(), required: true } })
void claims
void access
void bound
void refusal
`
  const names =
    'AccessTokenVerifier, AsymmetricSignatureVerifier, createDPoPNonces, createMemoryReplayStore, JwksFetchError, OptionsError, SignatureVerifier, SymmetricSignatureVerifier, TokenValidationError, TokenVerifier, type AccessTokenClaims, type IdTokenClaims'

  it('type-checks an ESM and a CJS consumer that extend and narrow the exported classes', () => {
    const files = [
      [join(PKG, `.${process.pid}-consumer.mts`), 'index.d.ts'],
      [join(PKG, `.${process.pid}-consumer.cts`), 'index.d.cts'],
    ] as const
    for (const [path] of files)
      writeFileSync(path, `import { ${names} } from '${NAME}'\n${consumer}`)
    try {
      const program = ts.createProgram(
        files.map(([path]) => path),
        {
          module: ts.ModuleKind.NodeNext,
          moduleResolution: ts.ModuleResolutionKind.NodeNext,
          target: ts.ScriptTarget.ES2022,
          lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
          types: [],
          strict: true,
          exactOptionalPropertyTypes: true,
          noEmit: true,
          // our declarations are checked; TypeScript's own lib files are not (they are most of the time)
          skipDefaultLibCheck: true,
        },
      )
      const diagnostics = ts
        .getPreEmitDiagnostics(program)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
      expect(diagnostics).toEqual([])
      const used = program.getSourceFiles().map((f) => f.fileName)
      for (const [, dts] of files) expect(used).toContain(join(PKG, 'dist', dts))
      expect(used.some((f) => f.includes('@types/node'))).toBe(false)
    } finally {
      for (const [path] of files) rmSync(path, { force: true })
    }
  }, 60_000)

  it('declares the verifiers as classes, with no trace of a back-end choice', () => {
    for (const dts of ['index.d.ts', 'index.d.cts']) {
      const text = readFileSync(join(PKG, 'dist', dts), 'utf8')
      for (const name of [
        'AsymmetricSignatureVerifier',
        'SymmetricSignatureVerifier',
        'AccessTokenVerifier',
      ])
        expect(text).toMatch(new RegExp(`declare class ${name} extends `))
      expect(text).not.toMatch(/from ['"]#crypto-backend['"]|KeyObject|node:crypto['"]/)
    }
  })
})
