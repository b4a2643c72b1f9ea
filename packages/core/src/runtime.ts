// Runtime detection for telemetry, without touching Node-only globals directly.

interface RuntimeGlobals {
  Bun?: { version?: string }
  Deno?: { version?: { deno?: string } }
  EdgeRuntime?: string
  process?: { versions?: { node?: string } }
  navigator?: { userAgent?: string }
  document?: unknown
}

let cached: Record<string, string> | undefined

/** `{ node: "20.20.2" }` on Node, otherwise the runtime's name and version where known. */
export function runtimeEnv(): Record<string, string> {
  if (cached) return cached
  const g = globalThis as RuntimeGlobals
  if (g.Bun) cached = { bun: g.Bun.version ?? 'unknown' }
  else if (g.Deno) cached = { deno: g.Deno.version?.deno ?? 'unknown' }
  else if (typeof g.EdgeRuntime === 'string') cached = { 'edge-runtime': g.EdgeRuntime }
  else if (g.navigator?.userAgent === 'Cloudflare-Workers')
    cached = { 'cloudflare-workers': 'unknown' }
  else if (g.process?.versions?.node) cached = { node: g.process.versions.node }
  else if (g.document !== undefined) cached = { browser: 'unknown' }
  else cached = { javascript: 'unknown' }
  return cached
}
