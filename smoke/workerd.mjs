// Runs the bundled worker in raw workerd and prints its checks. Usage (Node 20):
//   node smoke/workerd.mjs <workerd-binary> <base-url> <label>           the checks, inside the worker
//   node smoke/workerd.mjs <workerd-binary> <base-url> <label> --canary  the negative control: the bundle whose core
//        entry touches `process.env` must fail to load; that failure is the one passing check
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { summarize, summaryLine } from './checks.mjs'

const [workerd, base, label, mode] = process.argv.slice(2)
const canary = mode === '--canary'
const capnp = fileURLToPath(new URL('./workerd.capnp', import.meta.url))

const port = await new Promise((resolve, reject) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address()
    probe.close(() => resolve(port))
  })
  probe.on('error', reject)
})

const child = spawn(
  workerd,
  ['serve', capnp, canary ? 'canary' : 'config', '--socket-addr', `http=127.0.0.1:${port}`],
  {
    stdio: ['ignore', 'pipe', 'pipe'],
  },
)
let output = ''
child.stdout.on('data', (d) => (output += d))
child.stderr.on('data', (d) => (output += d))
const exited = new Promise((resolve) =>
  child.on('exit', (code, signal) => resolve({ code, signal })),
)

/** Polls until workerd answers (or exits), then runs the checks in it. */
async function run() {
  const deadline = Date.now() + 15_000
  for (;;) {
    const gone = await Promise.race([
      exited,
      new Promise((r) => setTimeout(() => r(undefined), 100)),
    ])
    if (gone) return { exited: gone }
    try {
      const res = await fetch(
        `http://127.0.0.1:${port}/run?base=${encodeURIComponent(base)}&label=${encodeURIComponent(label)}`,
      )
      return { status: res.status, body: await res.text() }
    } catch (e) {
      if (Date.now() > deadline)
        return { error: `workerd did not answer in 15 s: ${e.cause?.code ?? e.message}` }
    }
  }
}

const outcome = await run()
child.kill('SIGTERM')
await exited
const log = output.trim().split('\n').slice(-6).join('\n    ')

let result
if (canary) {
  // The control passes when the worker could not run and workerd blamed the Node-only global.
  const refused =
    outcome.status !== 200 && /process is not defined/.test(output + (outcome.body ?? ''))
  const name = 'a package entry that touches a Node-only global (process.env) fails in workerd'
  result = summarize(
    label,
    [
      {
        name,
        ok: refused,
        ms: 0,
        ...(refused
          ? {}
          : { error: `workerd did not refuse it: ${JSON.stringify(outcome).slice(0, 300)}` }),
      },
    ],
    console.log,
  )
  if (refused)
    console.log(
      `    workerd said: ${(/.*process is not defined.*/.exec(output + (outcome.body ?? '')) ?? [''])[0].trim()}`,
    )
} else if (outcome.status === 200) {
  result = JSON.parse(outcome.body)
  for (const line of result.lines) console.log(line)
} else {
  result = summarize(
    label,
    [
      {
        name: 'worker runs',
        ok: false,
        ms: 0,
        error: `${JSON.stringify(outcome).slice(0, 500)}\n    ${log}`,
      },
    ],
    console.log,
  )
}
console.log(summaryLine(label, result))
process.exitCode = result.failed > 0 ? 1 : 0
