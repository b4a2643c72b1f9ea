import { runtimeEnv } from './runtime.js'

/** The package that makes the call, reported in `Auth0-Client`. */
export interface ClientInfo {
  name: string
  version: string
}

/** The `Auth0-Client` header value: base64 of `{ name, version, env }` JSON. */
export function telemetryHeader(info: ClientInfo): string {
  const json = JSON.stringify({ name: info.name, version: info.version, env: runtimeEnv() })
  let binary = ''
  for (const byte of new TextEncoder().encode(json)) binary += String.fromCharCode(byte)
  return btoa(binary)
}
