// Starts a throwaway redis-server on a free 127.0.0.1 port (no persistence) for tests and the benchmark.
import { spawn, spawnSync } from 'node:child_process'
import { createServer, connect } from 'node:net'

/** Whether `redis-server` is on PATH. */
export function hasRedisServer() {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0
}

/** A port nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

function ping(port) {
  return new Promise((resolve) => {
    const sock = connect(port, '127.0.0.1')
    sock.once('error', () => resolve(false))
    sock.once('data', (d) => {
      sock.destroy()
      resolve(String(d).startsWith('+PONG'))
    })
    sock.write('PING\r\n')
  })
}

/**
 * Starts redis-server; resolves once it answers PING.
 * @returns {Promise<{ port: number, url: string, stop(): Promise<void>, kill(): Promise<void> }>}
 */
export async function startRedis() {
  if (!hasRedisServer())
    throw new Error(
      'redis-server is not on PATH: these tests need a real Redis. Install it with ' +
        '`apt-get install -y --no-install-recommends redis-server`.',
    )
  const port = await freePort()
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  )
  const exited = new Promise((resolve) => child.once('exit', resolve))
  for (let i = 0; i < 200 && !(await ping(port)); i++) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`)
    await new Promise((r) => setTimeout(r, 25))
  }
  const signal = async (sig) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig)
    await exited
  }
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
  }
}
