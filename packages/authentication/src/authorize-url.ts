import { OptionsError } from '@auth0-ts/core'
import {
  baseUrlProblems,
  encodeQuery,
  nonEmptyString,
  protocol,
  optionProblems,
  rule,
  string,
  type Rules,
} from '@auth0-ts/core/internal'

/** Options of {@link buildAuthorizeUrl}. */
export interface AuthorizeUrlOptions {
  /** The tenant domain, such as `tenant.auth0.com`. */
  domain: string
  clientId: string
  /** Where Auth0 sends the user back with the code. */
  redirectUri: string
  /** @default 'openid profile email' */
  scope?: string | undefined
  /** The API the access token is for. */
  audience?: string | undefined
  /** Skip the login page and use this connection. */
  connection?: string | undefined
  /**
   * The organization (id `org_…` or name) to log in to. Check it in the ID token afterwards: `org_id` (or `org_name`)
   * must match, for example with `TokenVerifier.verify(idToken, { nonce, organization })` of `@auth0-ts/token-verifier`.
   */
  organization?: string | undefined
  /** The invitation id of an organization invitation link. */
  invitation?: string | undefined
  /** `login`, `consent`, `none` or `select_account`. */
  prompt?: string | undefined
  /** `signup` opens the sign-up page of Universal Login instead of the login page. */
  screenHint?: string | undefined
  /** The user's email or username, to fill in the login page. */
  loginHint?: string | undefined
  /** Space-separated Authentication Context Class References, such as `http://schemas.openid.net/pape/policies/2007/06/multi-factor`. */
  acrValues?: string | undefined
  /** The longest time since the user last authenticated, in seconds; older sessions must log in again. Check `auth_time` with the verifier's `maxAge`. */
  maxAge?: number | undefined
  /** The RFC 7638 thumbprint of a DPoP key (`dpopThumbprint(keyPair)`), binding the code to that key (RFC 9449 §10). */
  dpopJkt?: string | undefined
  /** @default 'code' */
  responseType?: string | undefined
  /** `query`, `fragment` or `form_post`; Auth0's default when omitted. */
  responseMode?: string | undefined
  /** Your own `state`. @default 16 random bytes, base64url */
  state?: string | undefined
  /** Your own `nonce`. @default 16 random bytes, base64url */
  nonce?: string | undefined
  /** Your own PKCE verifier (43 to 128 characters of `A-Z a-z 0-9 - . _ ~`). @default 32 random bytes, base64url */
  codeVerifier?: string | undefined
  /** @default 'https' */
  protocol?: 'https' | 'http' | undefined
  /** Any other authorization parameter, sent as it is. */
  params?: Record<string, string> | undefined
}

/** An authorize URL and the values to keep (in the session) until the callback. */
export interface AuthorizeUrl {
  url: string
  /** Send it to `GetToken.authorizationCodePkce` with the code. Never put it in the URL. */
  codeVerifier: string
  /** Compare it with the `state` of the callback. */
  state: string
  /** Compare it with the `nonce` claim of the ID token. */
  nonce: string
}

const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/

// Plain literals with pure calls only, so that a bundle without the builder drops them.
const RULES: Rules = {
  clientId: nonEmptyString,
  redirectUri: nonEmptyString,
  scope: string,
  audience: string,
  connection: string,
  organization: string,
  invitation: string,
  prompt: string,
  screenHint: string,
  loginHint: string,
  acrValues: string,
  maxAge: /* @__PURE__ */ rule(
    'an integer number of seconds >= 0',
    (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0,
  ),
  dpopJkt: string,
  responseType: string,
  responseMode: string,
  state: string,
  nonce: string,
  codeVerifier: /* @__PURE__ */ rule(
    '43 to 128 characters of A-Z a-z 0-9 - . _ ~',
    (v) => typeof v === 'string' && VERIFIER.test(v),
  ),
  protocol,
  params: /* @__PURE__ */ rule(
    'an object of strings',
    (v) =>
      typeof v === 'object' &&
      v !== null &&
      !Array.isArray(v) &&
      Object.values(v).every((x) => typeof x === 'string'),
  ),
}

/** An empty optional value is left out, as auth0-python leaves out empty `organization` and `login_hint`. */
const given = (value: string | undefined): string | undefined => (value === '' ? undefined : value)

function base64url(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function randomToken(byteLength: number): string {
  return base64url(crypto.getRandomValues(new Uint8Array(byteLength)))
}

/** Returns a fresh PKCE code verifier: 32 random bytes as 43 base64url characters. */
export function generateCodeVerifier(): string {
  return randomToken(32)
}

/** Returns the S256 code challenge of a verifier: base64url(SHA-256(verifier)). */
export async function codeChallengeS256(codeVerifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(codeVerifier))
  return base64url(new Uint8Array(digest))
}

/**
 * Builds an `/authorize` URL for the authorization-code flow with PKCE (S256), with fresh `state` and `nonce`.
 * Web Crypto only, so it runs in browsers, edge runtimes and Node. Empty optional values are left out. With
 * `organization`, verify the ID token's organization after the callback (see {@link AuthorizeUrlOptions.organization}).
 *
 * @throws OptionsError for a bad domain, client id, redirect URI, code verifier or other option, listing every problem
 * @example
 * ```ts
 * const { url, codeVerifier, state } = await buildAuthorizeUrl({ domain, clientId, redirectUri })
 * // later, in the callback: await getToken.authorizationCodePkce(codeVerifier, code, redirectUri)
 * ```
 */
export async function buildAuthorizeUrl(options: AuthorizeUrlOptions): Promise<AuthorizeUrl> {
  const problems = [
    ...optionProblems(options, RULES, { required: ['clientId', 'redirectUri'], known: ['domain'] }),
    // the protocol's own problem is listed above
    ...baseUrlProblems((options as Partial<AuthorizeUrlOptions> | undefined)?.domain),
  ]
  if (problems.length > 0) throw new OptionsError('authorize URL options', problems)
  const base = `${options.protocol ?? 'https'}://${options.domain}`
  const codeVerifier = options.codeVerifier ?? generateCodeVerifier()
  const state = options.state ?? randomToken(16)
  const nonce = options.nonce ?? randomToken(16)
  const query = encodeQuery({
    ...options.params,
    response_type: options.responseType ?? 'code',
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    scope: options.scope ?? 'openid profile email',
    audience: given(options.audience),
    connection: given(options.connection),
    organization: given(options.organization),
    invitation: given(options.invitation),
    prompt: given(options.prompt),
    screen_hint: given(options.screenHint),
    login_hint: given(options.loginHint),
    acr_values: given(options.acrValues),
    max_age: options.maxAge,
    dpop_jkt: given(options.dpopJkt),
    response_mode: given(options.responseMode),
    state,
    nonce,
    code_challenge: await codeChallengeS256(codeVerifier),
    code_challenge_method: 'S256',
  })
  return { url: `${base}/authorize?${query}`, codeVerifier, state, nonce }
}
