import { OptionsError } from '@auth0-ts/core'
import {
  baseUrlProblems,
  boolean,
  encodeQuery,
  nonEmptyString,
  protocol,
  optionProblems,
  string,
  type Rules,
} from '@auth0-ts/core/internal'

/** Options of {@link buildLogoutUrl} (`/v2/logout`). */
export interface LogoutUrlOptions {
  /** The tenant domain, such as `tenant.auth0.com`. */
  domain: string
  /** The application: required for `returnTo` to be checked against its Allowed Logout URLs. */
  clientId?: string | undefined
  /** Where Auth0 sends the user afterwards; one of the Allowed Logout URLs. */
  returnTo?: string | undefined
  /** Also log the user out of the identity provider. @default false */
  federated?: boolean | undefined
  /** @default 'https' */
  protocol?: 'https' | 'http' | undefined
}

/** Options of {@link buildOidcLogoutUrl} (`/oidc/logout`, OpenID Connect RP-Initiated Logout); empty values are left out. */
export interface OidcLogoutUrlOptions {
  /** The tenant domain, such as `tenant.auth0.com`. */
  domain: string
  /** The ID token of the session to end: the recommended way to name it. */
  idTokenHint?: string | undefined
  /** Where Auth0 sends the user afterwards; one of the Allowed Logout URLs. */
  postLogoutRedirectUri?: string | undefined
  /** Sent back with the redirect, as in an authorization request. */
  state?: string | undefined
  /** The application, when there is no `idTokenHint`. */
  clientId?: string | undefined
  /** The session to end, when there is no `idTokenHint` (Auth0's `sid`). */
  logoutHint?: string | undefined
  /** Space-separated BCP 47 language tags for the logout prompt, such as `fr-CA fr`. */
  uiLocales?: string | undefined
  /** Also log the user out of the identity provider. @default false */
  federated?: boolean | undefined
  /** @default 'https' */
  protocol?: 'https' | 'http' | undefined
}

// Plain literals with pure calls only, so that a bundle without these builders drops them.
const V2_RULES: Rules = { federated: boolean, protocol, clientId: nonEmptyString, returnTo: string }
const OIDC_RULES: Rules = {
  federated: boolean,
  protocol,
  idTokenHint: string,
  postLogoutRedirectUri: string,
  state: string,
  clientId: string,
  logoutHint: string,
  uiLocales: string,
}

function check(where: string, options: unknown, rules: Rules): void {
  const o = options as { domain?: unknown } | undefined
  const problems = [
    ...optionProblems(options, rules, { known: ['domain'] }),
    ...baseUrlProblems(o?.domain),
  ]
  if (problems.length > 0) throw new OptionsError(where, problems)
}

function url(
  o: { domain: string; protocol?: 'https' | 'http' | undefined; federated?: boolean | undefined },
  path: string,
  query: Record<string, string | undefined>,
): string {
  const filled = Object.fromEntries(
    Object.entries(query).filter(([, v]) => v !== undefined && v !== ''),
  )
  // `federated` is a flag: Auth0 reads its presence, so it goes without a value.
  const qs = [encodeQuery(filled), o.federated ? 'federated' : ''].filter(Boolean).join('&')
  return `${o.protocol ?? 'https'}://${o.domain}${path}${qs ? `?${qs}` : ''}`
}

/**
 * Builds an Auth0 logout URL (`/v2/logout`): redirect the user's browser to it to end their Auth0 session. A pure
 * function: nothing is sent.
 *
 * @throws OptionsError for a bad domain or option, listing every problem
 * @example
 * ```ts
 * res.redirect(buildLogoutUrl({ domain, clientId, returnTo: 'https://app.example.com/' }))
 * ```
 */
export function buildLogoutUrl(options: LogoutUrlOptions): string {
  check('logout URL options', options, V2_RULES)
  return url(options, '/v2/logout', { client_id: options.clientId, returnTo: options.returnTo })
}

/**
 * Builds an OpenID Connect RP-Initiated Logout URL (`/oidc/logout`): redirect the user's browser to it to end their
 * session. A pure function: nothing is sent.
 *
 * @throws OptionsError for a bad domain or option, listing every problem
 * @example
 * ```ts
 * res.redirect(buildOidcLogoutUrl({ domain, idTokenHint: idToken, postLogoutRedirectUri: 'https://app.example.com/' }))
 * ```
 */
export function buildOidcLogoutUrl(options: OidcLogoutUrlOptions): string {
  check('OIDC logout URL options', options, OIDC_RULES)
  return url(options, '/oidc/logout', {
    id_token_hint: options.idTokenHint,
    post_logout_redirect_uri: options.postLogoutRedirectUri,
    state: options.state,
    client_id: options.clientId,
    logout_hint: options.logoutHint,
    ui_locales: options.uiLocales,
  })
}
