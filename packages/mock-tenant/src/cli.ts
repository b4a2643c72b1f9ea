import { parseArgs } from 'node:util'
import { startMockTenant } from './server.js'

const USAGE =
  'Usage: auth0-ts-mock-tenant [--port 4010] [--host 127.0.0.1] [--rate-limit BURST,PER_SECOND]'

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`)
  process.exit(2)
}

async function main(): Promise<void> {
  let values: { port?: string; host?: string; 'rate-limit'?: string; help?: boolean }
  try {
    values = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'rate-limit': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e))
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return
  }
  const port = values.port === undefined ? 4010 : Number(values.port)
  let rateLimit: { burst: number; perSecond: number } | null = null
  if (values['rate-limit'] !== undefined) {
    const m = /^(\d+),(\d+(?:\.\d+)?)$/.exec(values['rate-limit'])
    if (!m) fail('--rate-limit expects BURST,PER_SECOND, for example 50,10')
    rateLimit = { burst: Number(m[1]), perSecond: Number(m[2]) }
  }
  try {
    const tenant = await startMockTenant({ port, host: values.host ?? '127.0.0.1', rateLimit })
    process.stdout.write(`${JSON.stringify({ mockTenant: tenant.info })}\n`)
    const stop = () => {
      tenant.close().then(
        () => process.exit(0),
        () => process.exit(1),
      )
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e))
  }
}

void main()
