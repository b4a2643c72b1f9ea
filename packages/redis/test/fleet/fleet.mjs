// Spawns worker processes (worker.mjs), starts them together, and collects what each reports.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const WORKER = fileURLToPath(new URL('./worker.mjs', import.meta.url))

/**
 * Spawns one worker; `onEvent` sees each JSON line it prints.
 * @returns {{ pid: number, ready: Promise<void>, go(): void, resume(): void, kill(): void, exit: Promise<{ code: number | null, done: any, stderr: string }> }}
 */
export function spawnWorker(config, onEvent = () => {}) {
  const child = spawn(process.execPath, [WORKER, JSON.stringify(config)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stderr = ''
  let done
  let buffered = ''
  let markReady
  const ready = new Promise((resolve) => (markReady = resolve))
  child.stderr.on('data', (d) => (stderr += d))
  child.stdout.on('data', (d) => {
    buffered += d
    const lines = buffered.split('\n')
    buffered = lines.pop() ?? ''
    for (const line of lines) {
      const event = JSON.parse(line)
      if (event.event === 'ready') markReady()
      if (event.event === 'done') done = event
      onEvent(event)
    }
  })
  const exit = new Promise((resolve) =>
    child.once('close', (code) => resolve({ code, done, stderr })),
  )
  return {
    pid: child.pid,
    ready,
    // a worker with holdAt waits for one more line (resume) after it is held
    go: () => (config.holdAt === undefined ? child.stdin.end('go\n') : child.stdin.write('go\n')),
    resume: () => child.stdin.end('resume\n'),
    kill: () => child.kill('SIGKILL'),
    exit,
  }
}

/**
 * Runs `n` workers to completion, started together. `configFor(i)` gives worker i's config; `onEvent(i, event,
 * workers)` sees every event, with the handles (to resume held workers).
 */
export async function runFleet(n, configFor, onEvent) {
  const workers = Array.from({ length: n }, (_, i) =>
    spawnWorker({ worker: i, ...configFor(i) }, (e) => onEvent?.(i, e, workers)),
  )
  await Promise.all(workers.map((w) => w.ready))
  const started = Date.now()
  for (const w of workers) w.go()
  const results = await Promise.all(workers.map((w) => w.exit))
  return { results, wallMs: Date.now() - started }
}
