import { createMockTenant, type MockTenant, type MockTenantOptions } from '../tenant.js'

export interface Reply {
  status: number
  headers: Headers
  body: unknown
  text: string
}

/** Sends one request straight to a tenant's handler and parses the reply. */
export async function call(
  tenant: Pick<MockTenant, 'fetch' | 'url'>,
  method: string,
  path: string,
  options: {
    token?: string
    json?: unknown
    form?: Record<string, string>
    headers?: Record<string, string>
  } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers }
  if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`
  let body: string | undefined
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(options.json)
  } else if (options.form !== undefined) {
    headers['content-type'] = 'application/x-www-form-urlencoded'
    body = new URLSearchParams(options.form).toString()
  }
  const response = await tenant.fetch(`${tenant.url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
    redirect: 'manual',
  })
  const text = await response.text()
  let parsed: unknown = text
  try {
    parsed = text === '' ? '' : JSON.parse(text)
  } catch {
    /* text */
  }
  return { status: response.status, headers: response.headers, body: parsed, text }
}

/** A tenant and a management token with every scope, made once per test file. */
export async function setup(options: MockTenantOptions = {}) {
  const tenant = createMockTenant(options)
  const token = await tenant.managementToken()
  const api = (method: string, path: string, json?: unknown, tokenOverride = token) =>
    call(tenant, method, `/api/v2${path}`, {
      token: tokenOverride,
      ...(json === undefined ? {} : { json }),
    })
  return { tenant, token, api }
}

/** Narrows a parsed body to an object for property access in tests. */
export function obj(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new Error(`expected an object, got ${JSON.stringify(value)}`)
  return value as Record<string, unknown>
}

export function arr(value: unknown): Record<string, unknown>[] {
  if (!Array.isArray(value)) throw new Error(`expected an array, got ${JSON.stringify(value)}`)
  return value as Record<string, unknown>[]
}
