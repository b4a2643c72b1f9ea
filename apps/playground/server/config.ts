// Reads the environment once, at start. Every variable is documented in README.md.
import { readFileSync } from 'node:fs'

export interface TenantSettings {
  domain: string
  clientId: string
  /** Exactly one of these two authenticates the application. */
  clientSecret?: string
  signingKeyPem?: string
  /** A public application (no client authentication) that signs users in, when it is not `clientId`. */
  webClientId?: string
  managementAudience: string
  realm: string
  protocol: 'https' | 'http'
}

export interface Config {
  /** 0 picks a free port. */
  port: number
  /** When PORT was not set, a taken default port falls back to a free one. */
  portIsDefault: boolean
  /** `undefined`: start the embedded mock tenant. */
  tenant: TenantSettings | undefined
  /** Test only: a file the server keeps up to date with every secret it holds, for the e2e leak scan. */
  secretsFile: string | undefined
}

export const DEFAULT_PORT = 5173

function nonEmpty(name: string, env: NodeJS.ProcessEnv): string | undefined {
  const v = env[name]?.trim()
  return v === undefined || v === '' ? undefined : v
}

/** @throws Error listing every problem with the environment */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = []
  const portText = nonEmpty('PORT', env)
  const port = portText === undefined ? DEFAULT_PORT : Number(portText)
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    problems.push('PORT: expected an integer between 0 and 65535')

  const domain = nonEmpty('AUTH0_DOMAIN', env)
  const clientId = nonEmpty('AUTH0_CLIENT_ID', env)
  const clientSecret = nonEmpty('AUTH0_CLIENT_SECRET', env)
  const keyPath = nonEmpty('AUTH0_CLIENT_ASSERTION_SIGNING_KEY', env)
  let tenant: TenantSettings | undefined
  if (
    domain !== undefined ||
    clientId !== undefined ||
    clientSecret !== undefined ||
    keyPath !== undefined
  ) {
    if (domain === undefined)
      problems.push('AUTH0_DOMAIN: required with the other AUTH0_* variables')
    if (clientId === undefined) problems.push('AUTH0_CLIENT_ID: required with AUTH0_DOMAIN')
    if (clientSecret === undefined && keyPath === undefined)
      problems.push(
        'AUTH0_CLIENT_SECRET or AUTH0_CLIENT_ASSERTION_SIGNING_KEY: one is required with AUTH0_DOMAIN',
      )
    let signingKeyPem: string | undefined
    if (keyPath !== undefined) {
      try {
        signingKeyPem = readFileSync(keyPath, 'utf8')
      } catch {
        problems.push(`AUTH0_CLIENT_ASSERTION_SIGNING_KEY: cannot read the PEM file ${keyPath}`)
      }
    }
    const host = (domain ?? '').replace(/^https?:\/\//, '').replace(/\/+$/, '')
    const protocol = domain?.startsWith('http://') ? 'http' : 'https'
    if (domain !== undefined && clientId !== undefined) {
      tenant = {
        domain: host,
        clientId,
        // With both set, the assertion is used and the secret is never sent (as the authentication package does).
        ...(signingKeyPem !== undefined
          ? { signingKeyPem }
          : clientSecret !== undefined
            ? { clientSecret }
            : {}),
        ...(nonEmpty('AUTH0_WEB_CLIENT_ID', env) === undefined
          ? {}
          : { webClientId: nonEmpty('AUTH0_WEB_CLIENT_ID', env) as string }),
        managementAudience:
          nonEmpty('AUTH0_MANAGEMENT_AUDIENCE', env) ?? `${protocol}://${host}/api/v2/`,
        realm: nonEmpty('AUTH0_REALM', env) ?? 'Username-Password-Authentication',
        protocol,
      }
    }
  }
  if (problems.length > 0)
    throw new Error(`The playground cannot start:\n  - ${problems.join('\n  - ')}`)
  return {
    port,
    portIsDefault: portText === undefined,
    tenant,
    secretsFile: nonEmpty('PLAYGROUND_SECRETS_FILE', env),
  }
}

/** One line that says what to do when the server cannot listen on `port`, instead of Node's bare error. */
export function listenProblem(error: unknown, port: number): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'EADDRINUSE')
    return `PORT=${port} is taken on 127.0.0.1: stop what uses it, or start with another PORT (PORT=0 picks a free one).`
  if (code === 'EACCES')
    return `PORT=${port} needs privileges on this machine: choose one above 1023 (PORT=0 picks a free one).`
  return `The playground cannot listen on 127.0.0.1:${port}: ${error instanceof Error ? error.message : String(error)}`
}
