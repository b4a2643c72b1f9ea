// Client authentication at the token endpoint: client_secret (post or basic) and private_key_jwt.
import { decodeJwt, errors as joseErrors, jwtVerify } from 'jose'
import type { TenantContext } from '../context.js'
import { HttpError, oauthError, str, type Json } from '../http.js'
import type { ClientRecord } from '../records.js'
import type { RouteRequest } from '../router/route.js'
import { JWT_BEARER, unauthorized, missing, sameSecret } from './common.js'

/** Authenticates the client by secret (body or Basic) or private_key_jwt; `allowPublic` lets PKCE go without. */
export async function authenticateClient(
  ctx: TenantContext,
  req: RouteRequest,
  allowPublic = false,
): Promise<ClientRecord> {
  const { body } = req
  const basic = /^Basic\s+(.+)$/i.exec(req.request.headers.get('authorization') ?? '')
  let clientId = str(body, 'client_id')
  let secret = str(body, 'client_secret')
  if (basic) {
    const decoded = Buffer.from(basic[1] as string, 'base64').toString()
    const colon = decoded.indexOf(':')
    if (colon === -1) throw unauthorized()
    try {
      clientId = decodeURIComponent(decoded.slice(0, colon))
      secret = decodeURIComponent(decoded.slice(colon + 1))
    } catch {
      throw unauthorized()
    }
  }
  const assertion = str(body, 'client_assertion')
  if (assertion !== undefined) return verifyClientAssertion(ctx, body, assertion, clientId)
  if (clientId === undefined) throw missing('client_id')
  const client = ctx.state.clients.get(clientId)
  if (!client) throw unauthorized()
  if (secret !== undefined) {
    const expected = client.client_secret
    if (expected === undefined || !sameSecret(secret, expected)) throw unauthorized()
    return client
  }
  if (allowPublic) return client
  throw unauthorized()
}

/** Authenticates the client, letting a public one (`token_endpoint_auth_method: none`) go without credentials. */
export function authenticateAnyClient(
  ctx: TenantContext,
  req: RouteRequest,
): Promise<ClientRecord> {
  const named = str(req.body, 'client_id')
  const client = named === undefined ? undefined : ctx.state.clients.get(named)
  return authenticateClient(ctx, req, client?.token_endpoint_auth_method === 'none')
}

async function verifyClientAssertion(
  ctx: TenantContext,
  body: Json,
  assertion: string,
  bodyClientId: string | undefined,
): Promise<ClientRecord> {
  if (str(body, 'client_assertion_type') !== JWT_BEARER)
    throw oauthError(400, 'invalid_request', `client_assertion_type must be ${JWT_BEARER}`)
  const invalid = (why: string) => oauthError(401, 'invalid_client', why)
  let claimed: string | undefined
  try {
    const iss = decodeJwt(assertion).iss
    claimed = typeof iss === 'string' ? iss : undefined
  } catch {
    throw invalid('The client_assertion is not a JWT')
  }
  const clientId = bodyClientId ?? claimed
  const client = clientId === undefined ? undefined : ctx.state.clients.get(clientId)
  const publicKey =
    clientId === undefined ? undefined : ctx.state.clientAuth.get(clientId)?.publicKey
  if (!client || !publicKey || clientId === undefined)
    throw invalid('The client has no registered public key')
  const bases = [ctx.issuer, `https://${ctx.domain}/`, `http://${ctx.domain}/`]
  try {
    const { payload } = await jwtVerify(assertion, publicKey, {
      algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'],
      issuer: clientId,
      subject: clientId,
      audience: [...new Set(bases.flatMap((b) => [b, `${b}oauth/token`]))],
      requiredClaims: ['exp', 'jti'],
      currentDate: new Date(ctx.now()),
    })
    const replayKey = `${clientId} ${String(payload.jti)}`
    if (ctx.state.usedJtis.has(replayKey))
      throw invalid('The client_assertion jti was already used')
    ctx.state.usedJtis.add(replayKey)
    return client
  } catch (e) {
    if (e instanceof HttpError) throw e
    if (e instanceof joseErrors.JWTExpired) throw invalid('The client_assertion has expired')
    if (e instanceof joseErrors.JWTClaimValidationFailed)
      throw invalid(`Invalid client_assertion: the ${e.claim} claim is wrong`)
    throw invalid('Invalid client_assertion signature')
  }
}
