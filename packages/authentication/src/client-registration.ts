import type { RequestOptions } from '@auth0-ts/core'
import { AuthenticationApi, unlessEmpty, type TransportOptions } from './base.js'

/** Options of {@link ClientRegistration.register}; any other key is sent as client metadata (RFC 7591 §2), as it is. */
export interface ClientRegistrationOptions {
  /** The application's name, shown on the login page; left out when empty. */
  clientName?: string | undefined
  /** `none` (a public client), `client_secret_post` or `client_secret_basic`; left out when empty. */
  tokenEndpointAuthMethod?: string | undefined
  [metadata: string]: unknown
}

/** The application Auth0 registered (RFC 7591 §3.2.1). */
export interface RegisteredClient {
  client_id: string
  /** Absent for a public client. A secret: store it, never log it. */
  client_secret?: string
  client_name?: string
  redirect_uris?: string[]
  /** When the secret expires, in epoch seconds; `0` for never. */
  client_secret_expires_at?: number
  [key: string]: unknown
}

/**
 * OpenID Connect Dynamic Client Registration (`/oidc/register`): registers a new application, on tenants that allow
 * it. Takes no client id and no token.
 *
 * @example
 * ```ts
 * const { client_id } = await new ClientRegistration('tenant.auth0.com').register(['https://app.example.com/cb'])
 * ```
 */
export class ClientRegistration extends AuthenticationApi {
  /** @throws OptionsError for a bad domain or option, listing every problem */
  constructor(domain: string, options: TransportOptions = {}) {
    super(domain, options, 'ClientRegistration options', false)
  }

  /**
   * Registers an application with its redirect URIs and returns it, secret included.
   *
   * @throws OptionsError before sending, when there is no redirect URI
   * @throws Auth0Error (403 when the tenant does not allow dynamic registration)
   */
  register(
    redirectUris: readonly string[],
    options: ClientRegistrationOptions = {},
    requestOptions?: RequestOptions,
  ): Promise<RegisteredClient> {
    const { clientName, tokenEndpointAuthMethod, ...metadata } = options
    const body = {
      ...metadata,
      client_name: unlessEmpty(clientName),
      redirect_uris: redirectUris,
      token_endpoint_auth_method: unlessEmpty(tokenEndpointAuthMethod),
    }
    const check = { name: 'ClientRegistration.register', args: { redirectUris } }
    return this.call({ ...check, path: '/oidc/register', body, expect: 'object' }, requestOptions)
  }
}
