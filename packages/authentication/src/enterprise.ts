import type { RequestOptions } from '@auth0-ts/core'
import { AuthenticationBase } from './base.js'

/**
 * Enterprise federation metadata of an application: SAML and WS-Federation, as XML text.
 *
 * @example
 * ```ts
 * const xml = await new Enterprise('tenant.auth0.com', 'CLIENT_ID').samlMetadata()
 * ```
 */
export class Enterprise extends AuthenticationBase {
  /** Returns the application's SAML metadata (XML). @throws Auth0Error */
  samlMetadata(requestOptions?: RequestOptions): Promise<string> {
    const call = { path: '/samlp/metadata/{clientId}', params: { clientId: this.clientId } }
    return this.call<string>({ method: 'GET', ...call, expect: 'text' }, requestOptions)
  }

  /** Returns the tenant's WS-Federation metadata (XML). @throws Auth0Error */
  wsfedMetadata(requestOptions?: RequestOptions): Promise<string> {
    const path = '/wsfed/FederationMetadata/2007-06/FederationMetadata.xml'
    return this.call<string>({ method: 'GET', path, expect: 'text' }, requestOptions)
  }
}
