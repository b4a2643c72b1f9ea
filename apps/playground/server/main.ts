// `node dist/server/main.js`: starts the playground on 127.0.0.1, with the embedded mock tenant unless AUTH0_*
// variables name a real one. Its last line of output is the URL to open.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createApp } from './app.js'
import { listenProblem, readConfig, type Config } from './config.js'
import { startStubUpstream } from './errors.js'
import { listen, staticFiles, type Handler } from './http.js'
import { Secrets } from './secrets.js'
import { externalTenant, startEmbeddedTenant, type Tenant } from './tenant.js'

async function bind(config: Config, handler: Handler) {
  try {
    return await listen(handler, config.port)
  } catch (error) {
    // Only the default port falls back: a PORT the user chose is theirs to fix, and they get one line saying how.
    if (!config.portIsDefault || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE')
      throw new Error(listenProblem(error, config.port), { cause: error })
    return listen(handler, 0)
  }
}

async function main(): Promise<void> {
  const config = readConfig()
  // The server listens first: the mock tenant must know the callback URL, which needs the port.
  let app: Handler = () => Promise.resolve(new Response('Starting', { status: 503 }))
  const { server, port } = await bind(config, (request) => app(request))
  const origin = `http://127.0.0.1:${port}`
  const tenant: Tenant = config.tenant
    ? externalTenant(config.tenant)
    : await startEmbeddedTenant(`${origin}/callback`)
  const stub = await startStubUpstream()
  const secrets = new Secrets(config.secretsFile, tenant.secrets)
  const dist = dirname(fileURLToPath(import.meta.url))
  app = createApp({
    tenant,
    secrets,
    origin,
    stubDomain: stub.domain,
    staticFiles: staticFiles(join(dist, '..', 'app')),
  })

  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    server.closeAllConnections()
    server.close()
    void Promise.all([tenant.close(), stub.close()]).finally(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)

  console.log(
    tenant.mode === 'mock'
      ? `Tenant: embedded mock tenant at http://${tenant.domain}/`
      : `Tenant: ${tenant.issuer}`,
  )
  console.log(`Playground: ${origin}/`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
