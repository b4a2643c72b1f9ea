// SAML and WS-Federation metadata documents of the tenant.
import type { TenantContext } from '../context.js'
import { text } from '../http.js'
import { escapeHtml } from './authorize.js'

const XML = 'application/xml; charset=utf-8'

/** `GET /samlp/metadata/{clientId}`: the tenant as a SAML identity provider for one application. */
export function samlMetadata(ctx: TenantContext, clientId: string): Response {
  if (!ctx.state.clients.has(clientId)) return text('Not Found', 404)
  return text(
    `<?xml version="1.0"?>
<EntityDescriptor entityID="urn:${escapeHtml(ctx.domain)}" xmlns="urn:oasis:names:tc:SAML:2.0:metadata">
  <IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${ctx.issuer}samlp/${escapeHtml(clientId)}/logout"/>
    <NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</NameIDFormat>
    <SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${ctx.issuer}samlp/${escapeHtml(clientId)}"/>
  </IDPSSODescriptor>
</EntityDescriptor>
`,
    200,
    XML,
  )
}

/** `GET /wsfed/FederationMetadata/2007-06/FederationMetadata.xml`. */
export function wsfedMetadata(ctx: TenantContext): Response {
  return text(
    `<?xml version="1.0"?>
<EntityDescriptor entityID="urn:${escapeHtml(ctx.domain)}" xmlns="urn:oasis:names:tc:SAML:2.0:metadata">
  <RoleDescriptor xmlns:fed="http://docs.oasis-open.org/wsfed/federation/200706" xsi:type="fed:SecurityTokenServiceType" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" protocolSupportEnumeration="http://docs.oasis-open.org/wsfed/federation/200706">
    <fed:PassiveRequestorEndpoint><EndpointReference xmlns="http://www.w3.org/2005/08/addressing"><Address>${ctx.issuer}wsfed</Address></EndpointReference></fed:PassiveRequestorEndpoint>
  </RoleDescriptor>
</EntityDescriptor>
`,
    200,
    XML,
  )
}
