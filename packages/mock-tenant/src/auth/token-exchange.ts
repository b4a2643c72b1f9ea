// Custom Token Exchange (RFC 8693): a subject token of a type the tenant has a profile for, traded for the tokens of
// the user the profile names.
import { oauthError, str } from '../http.js'
import { authenticateAnyClient } from './client-auth.js'
import {
  assertGrantAllowed,
  findUser,
  invalidGrant,
  required,
  resolveOrganization,
  type Grant,
} from './common.js'
import { TOKEN_EXCHANGE_GRANT } from './grant-types.js'
import { issueUserTokens } from './issue.js'
import { authStore } from './store.js'

const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token'

export const TOKEN_EXCHANGE_GRANTS: Readonly<Record<string, Grant>> = {
  async [TOKEN_EXCHANGE_GRANT](ctx, req, jkt) {
    const client = await authenticateAnyClient(ctx, req)
    assertGrantAllowed(client, TOKEN_EXCHANGE_GRANT)
    const subjectToken = required(req.body, 'subject_token')
    const type = required(req.body, 'subject_token_type')
    const profile = authStore(ctx).settings.tokenExchange.find((p) => p.subjectTokenType === type)
    if (!profile)
      throw oauthError(
        400,
        'invalid_request',
        `No token exchange profile accepts the subject_token_type ${type}`,
      )
    const named = profile.resolveUser ? await profile.resolveUser(subjectToken) : subjectToken
    const user = typeof named === 'string' ? findUser(ctx, named) : undefined
    if (!user) throw invalidGrant('The subject_token was refused by the token exchange profile')
    if (user.blocked === true) throw oauthError(401, 'unauthorized', 'user is blocked')
    const org = resolveOrganization(ctx, str(req.body, 'organization'))
    if (org && !ctx.state.orgMembers.get(org.id)?.has(user.user_id))
      throw oauthError(403, 'access_denied', `User is not a member of the organization ${org.name}`)
    const tokens = await issueUserTokens(ctx, {
      client,
      user,
      scope: str(req.body, 'scope') ?? 'openid',
      audience: str(req.body, 'audience'),
      orgId: org?.id,
      authTime: Math.floor(ctx.now() / 1000),
      issueRefresh: true,
      jkt,
    })
    return { ...tokens, issued_token_type: ACCESS_TOKEN_TYPE }
  },
}
