import type { RequestOptions } from '@auth0-ts/core'
import { AuthenticationApi, type TransportOptions } from './base.js'

/** The user whose sessions and refresh tokens are revoked, named by issuer and subject (`iss_sub`). */
export interface RevocationSubject {
  /** The identity provider's issuer. */
  iss: string
  /** The user's id at that issuer. */
  sub: string
}

/**
 * Global token revocation (`/oauth/global-token-revocation/connection/{connection_name}`), the endpoint of Okta's
 * Universal Logout: revokes a user's Auth0 sessions and refresh tokens (access tokens stay valid until they expire).
 * Takes no client id: the call is authenticated by the bearer token the identity provider signs.
 *
 * @example
 * ```ts
 * await new GlobalTokenRevocation('tenant.auth0.com').revoke('okta-workforce', { iss, sub }, signedJwt)
 * ```
 */
export class GlobalTokenRevocation extends AuthenticationApi {
  /** @throws OptionsError for a bad domain or option, listing every problem */
  constructor(domain: string, options: TransportOptions = {}) {
    super(domain, options, 'GlobalTokenRevocation options', false)
  }

  /**
   * Revokes every session and refresh token of a user of a connection.
   *
   * @throws OptionsError before sending, for an empty connection name, issuer, subject or token
   * @throws Auth0Error (401 for a token Auth0 does not accept)
   */
  async revoke(
    connectionName: string,
    subject: RevocationSubject,
    accessToken: string,
    requestOptions?: RequestOptions,
  ): Promise<void> {
    const { iss, sub } = (subject as Partial<RevocationSubject> | undefined) ?? {}
    await this.call(
      {
        name: 'GlobalTokenRevocation.revoke',
        args: { connectionName, 'subject.iss': iss, 'subject.sub': sub, accessToken },
        path: '/oauth/global-token-revocation/connection/{connection_name}',
        params: { connection_name: connectionName },
        headers: { authorization: `Bearer ${accessToken}` },
        body: { subject: { format: 'iss_sub', iss, sub } },
        secrets: [accessToken],
      },
      requestOptions,
    )
  }
}
