// The one-file bundle measurement every bench scenario shares: an app bundled by esbuild for the browser, minified,
// then gzipped at level 9. Deterministic for a given build, so one run is the figure.
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const BENCH_DIR = dirname(dirname(fileURLToPath(import.meta.url)))

/** Gzipped size (level 9) of `bytes`, in bytes. */
export const gzipped = (bytes) => gzipSync(bytes, { level: 9 }).length

/** `bytes` as kB with one decimal. */
export const kB = (bytes) => (bytes / 1024).toFixed(1)

/** The app `contents` (ESM, resolved from bench/) as one minified file: its size and its gzipped size, in bytes. */
export async function oneFileBundle(contents) {
  const result = await build({
    stdin: { contents, resolveDir: BENCH_DIR, loader: 'js' },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
  })
  const code = result.outputFiles[0].contents
  return { raw: code.length, gz: gzipped(code) }
}

/** One bench row per app of `apps` (subject → source), each bundled as one file, logged as it is measured. */
export async function oneFileBundleRows(scenario, apps, log) {
  const rows = []
  for (const [subject, contents] of Object.entries(apps)) {
    const { raw, gz } = await oneFileBundle(contents)
    log(`bundle ${subject}: ${kB(gz)} kB gzipped (${kB(raw)} kB minified)`)
    rows.push({ scenario, subject, value: gz / 1024, unit: 'kB', note: `${kB(raw)} kB minified` })
  }
  return rows
}
