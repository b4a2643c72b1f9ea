// /authorize with its login page, and pushed authorization requests (PAR).
import { randomBytes } from 'node:crypto'
import type { TenantContext } from '../context.js'
import { HttpError, isObject, json, oauthError, redirect, text } from '../http.js'
import type { UserRecord } from '../records.js'
import type { RouteRequest } from '../router/route.js'
import { DATABASE_CONNECTION, SEED_CREDENTIALS } from '../seed.js'
import { userConnection } from '../state.js'
import {
  CODE_TTL_MS,
  PAR_PREFIX,
  PAR_TTL_S,
  token,
  required,
  resolveOrganization,
} from './common.js'
import { authenticateClient } from './client-auth.js'
import { signup } from './database.js'
import { login } from './login.js'
import { authStore } from './store.js'

/** Replaces a PAR `request_uri` by the parameters that were pushed (the login form's own fields stay). */
function withPushedRequest(ctx: TenantContext, given: URLSearchParams): URLSearchParams {
  const uri = given.get('request_uri')
  if (uri === null) return given
  const pending = ctx.state.pending.get(uri)
  if (!pending || pending.expiresAt < ctx.now() || pending.clientId !== given.get('client_id')) {
    const out = new URLSearchParams(given)
    out.delete('client_id') // an unusable request_uri makes the request fail as an unknown client
    return out
  }
  const out = new URLSearchParams(pending.params)
  for (const key of ['username', 'password']) {
    const v = given.get(key)
    if (v !== null) out.set(key, v)
  }
  return out
}

/** Stores the authorization request a client pushed (RFC 9126). */
export async function pushAuthorizationRequest(
  ctx: TenantContext,
  req: RouteRequest,
): Promise<Response> {
  const client = await authenticateClient(ctx, req)
  const params: Record<string, string> = {}
  for (const [k, v] of Object.entries(req.body)) {
    if (
      k === 'client_secret' ||
      k === 'client_assertion' ||
      k === 'client_assertion_type' ||
      v === undefined ||
      v === null
    )
      continue
    params[k] = typeof v === 'string' ? v : JSON.stringify(v)
  }
  params['client_id'] = client.client_id
  required(req.body, 'response_type')
  if (!client.callbacks.includes(required(req.body, 'redirect_uri')))
    throw oauthError(400, 'invalid_request', 'The redirect_uri is not an allowed callback URL')
  const uri = `${PAR_PREFIX}${randomBytes(18).toString('base64url')}`
  ctx.state.pending.set(uri, {
    clientId: params['client_id'],
    params,
    expiresAt: ctx.now() + PAR_TTL_S * 1000,
  })
  return json({ request_uri: uri, expires_in: PAR_TTL_S }, 201)
}

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const AUTHORIZE_PARAMS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'state',
  'nonce',
  'scope',
  'audience',
  'code_challenge',
  'code_challenge_method',
  'organization',
  'connection',
  'response_mode',
  'prompt',
  'invitation',
  'screen_hint',
  'login_hint',
  'acr_values',
  'max_age',
  'ui_locales',
  'dpop_jkt',
] as const

/** The login page's look: the playground's colours and type (apps/playground), inlined, as it is served by the tenant. */
const LOGIN_PAGE_STYLE = `
:root { --fg: #1d2433; --muted: #5b6476; --line: #d9dde5; --bg: #f6f7f9; --card: #fff; --accent: #3b5bdb;
  --bad: #c92a2a; --bad-bg: #fff5f5; --hint-bg: #fff9db; color: var(--fg); background: var(--bg);
  font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
* { box-sizing: border-box; }
body { margin: 0; padding: 48px 16px; }
main { max-width: 400px; margin: 0 auto; background: var(--card); border: 1px solid var(--line); border-radius: 8px;
  padding: 24px; }
.brand { margin: 0 0 4px; color: var(--muted); font-size: 13px; }
h1 { font-size: 20px; margin: 0 0 16px; }
form { display: flex; flex-direction: column; gap: 12px; }
label { display: flex; flex-direction: column; gap: 3px; font-size: 13px; color: var(--muted); }
input { font: inherit; color: var(--fg); padding: 7px 9px; border: 1px solid var(--line); border-radius: 6px; }
button { font: inherit; font-weight: 500; padding: 8px 14px; border-radius: 6px; border: 1px solid var(--accent);
  background: var(--accent); color: #fff; cursor: pointer; }
button.secondary { background: var(--card); color: var(--accent); padding: 1px 10px; font-size: 13px; }
[role='alert'] { margin: 0 0 12px; padding: 8px 12px; border: 1px solid #ffc9c9; border-radius: 6px;
  background: var(--bad-bg); color: var(--bad); }
.hint { margin: 16px 0 0; padding: 8px 12px; border-radius: 6px; background: var(--hint-bg); font-size: 14px;
  overflow-wrap: anywhere; }
code { font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.hint code { white-space: nowrap; }
.back { margin: 16px 0 0; font-size: 14px; color: var(--muted); }
a { color: var(--accent); }
`

/** The login page; `cancelUrl` takes the user back to the application, which gets `error=access_denied`. */
function loginPage(params: URLSearchParams, cancelUrl: string, error?: string): Response {
  const hidden = AUTHORIZE_PARAMS.filter((k) => params.has(k))
    .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(params.get(k) ?? '')}">`)
    .join('\n    ')
  const signupScreen = params.get('screen_hint') === 'signup'
  // After a wrong password the page comes back with the username as typed: only the password is asked again.
  const username = escapeHtml(params.get('username') ?? params.get('login_hint') ?? '')
  const demo = SEED_CREDENTIALS.user
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mock Auth0 login</title><link rel="icon" href="data:,"><style>${LOGIN_PAGE_STYLE}</style></head>
<body>
<main>
  <p class="brand">auth0-ts · mock tenant</p>
  <h1>${signupScreen ? 'Sign up to' : 'Log in to'} the mock tenant</h1>
  ${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
  <form method="post" action="/authorize">
    ${hidden}
    <label>Email or username <input name="username" autocomplete="username" value="${username}" required${username ? '' : ' autofocus'}></label>
    <label>Password <input name="password" type="password" autocomplete="${signupScreen ? 'new-password' : 'current-password'}" required${username ? ' autofocus' : ''}></label>
    <button type="submit">${signupScreen ? 'Sign up' : 'Continue'}</button>
  </form>
  ${signupScreen ? '' : `<p class="hint">Demo user: <code>${escapeHtml(demo.username)}</code> / <code>${escapeHtml(demo.password)}</code> <button type="button" class="secondary" id="fill">Fill in</button></p>`}
  <p class="back"><a href="${escapeHtml(cancelUrl)}" data-back>← Back to the application</a> without logging in</p>
</main>
<script>
document.getElementById('fill')?.addEventListener('click', () => {
  const form = document.forms[0]
  form.username.value = ${JSON.stringify(demo.username)}
  form.password.value = ${JSON.stringify(demo.password)}
  form.password.focus()
})
</script>
</body></html>`
  return text(html, error ? 401 : 200, 'text/html; charset=utf-8')
}

/** Whether a database user with this email or username exists. */
function hasUser(ctx: TenantContext, realm: string, username: string): boolean {
  const wanted = username.toLowerCase()
  return [...ctx.state.users.values()].some(
    (u) =>
      userConnection(u) === realm &&
      (u.email?.toLowerCase() === wanted || u.username?.toLowerCase() === wanted),
  )
}

/** The sentence of an error body: OAuth's `error_description`, or a database error's `description` or `message`. */
function errorText(body: Record<string, unknown>): string {
  for (const key of ['error_description', 'description', 'message'])
    if (typeof body[key] === 'string') return body[key]
  return 'The login failed'
}

/** The /authorize flow, interactive (login page) or not (username and password in the request). */
export async function authorize(
  ctx: TenantContext,
  given: URLSearchParams,
  req: RouteRequest,
  interactive: boolean,
): Promise<Response> {
  const params = withPushedRequest(ctx, given)
  const clientId = params.get('client_id')
  const client = clientId === null ? undefined : ctx.state.clients.get(clientId)
  if (!client) return text('Unknown client: the client_id is missing or invalid.', 400)
  const callbacks = client.callbacks
  const redirectUri = params.get('redirect_uri') ?? callbacks[0]
  if (redirectUri === undefined || !callbacks.includes(redirectUri))
    return text(
      `Callback URL mismatch. ${redirectUri ?? '(none)'} is not in the list of allowed callback URLs.`,
      400,
    )
  const backUrl = (query: Record<string, string>) => {
    const target = new URL(redirectUri)
    const state = params.get('state')
    for (const [k, v] of Object.entries({ ...query, ...(state === null ? {} : { state }) }))
      target.searchParams.set(k, v)
    return target.toString()
  }
  const back = (query: Record<string, string>) => redirect(backUrl(query))
  const cancelUrl = backUrl({
    error: 'access_denied',
    error_description: 'The user went back without logging in',
  })
  if (params.get('response_type') !== 'code')
    return back({
      error: 'unsupported_response_type',
      error_description: 'Only response_type=code is supported',
    })
  const method =
    params.get('code_challenge_method') ?? (params.has('code_challenge') ? 'plain' : undefined)
  if (method !== undefined && method !== 'S256' && method !== 'plain')
    return back({
      error: 'invalid_request',
      error_description: 'code_challenge_method must be S256 or plain',
    })
  const maxAge = params.get('max_age')
  if (maxAge !== null && !/^\d+$/.test(maxAge))
    return back({
      error: 'invalid_request',
      error_description: 'max_age must be a number of seconds',
    })
  const invitation = params.get('invitation')
  if (invitation !== null && !params.has('organization'))
    return back({
      error: 'invalid_request',
      error_description: 'An invitation needs the organization it is for',
    })
  const username = params.get('username')
  const password = params.get('password')
  if (username === null || password === null) return loginPage(params, cancelUrl)
  const realm = params.get('connection') ?? DATABASE_CONNECTION
  let user: UserRecord
  let orgId: string | undefined
  try {
    if (params.get('screen_hint') === 'signup' && !hasUser(ctx, realm, username))
      signup(ctx, { client_id: client.client_id, email: username, password, connection: realm })
    user = login(ctx, client, realm, username, password, req)
    const org = resolveOrganization(ctx, params.get('organization') ?? undefined)
    if (org) {
      orgId = org.id
      const members = ctx.state.orgMembers.get(orgId) ?? new Set<string>()
      // Accepting an invitation makes the user a member (the emulator does not check the invitation id).
      if (invitation !== null) ctx.state.orgMembers.set(orgId, members.add(user.user_id))
      if (!members.has(user.user_id))
        throw oauthError(
          403,
          'access_denied',
          `User is not a member of the organization ${org.name}`,
        )
    }
  } catch (e) {
    if (!(e instanceof HttpError) || !isObject(e.body)) throw e
    const description = errorText(e.body)
    return interactive
      ? loginPage(params, cancelUrl, description)
      : back({ error: 'access_denied', error_description: description })
  }
  const code = token('mock-code-')
  ctx.state.codes.set(code, {
    clientId: client.client_id,
    userId: user.user_id,
    redirectUri: params.get('redirect_uri') ?? undefined,
    scope: params.get('scope') ?? 'openid',
    audience: params.get('audience') ?? undefined,
    nonce: params.get('nonce') ?? undefined,
    orgId,
    codeChallenge: params.get('code_challenge') ?? undefined,
    codeChallengeMethod: method,
    authTime: Math.floor(ctx.now() / 1000),
    expiresAt: ctx.now() + CODE_TTL_MS,
  })
  authStore(ctx).codes.set(code, {
    acr: params.get('acr_values')?.split(' ')[0] || undefined,
    dpopJkt: params.get('dpop_jkt') ?? undefined,
  })
  return back({ code })
}

/** `POST /authorize`: the login form posting back, its fields in the body. */
export function authorizeForm(ctx: TenantContext, req: RouteRequest): Promise<Response> {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(req.body)) if (typeof v === 'string') params.set(k, v)
  return authorize(ctx, params, req, true)
}
