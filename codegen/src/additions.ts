// The 30 operations node-auth0 v7.1 has and Auth0's definition (2026-06-25) lacks, as facts only: group, name,
// method, path, query parameters, and request and response shapes, transcribed from node-auth0's published
// declarations (`auth0@7.1.0`, dist/esm/management). additions.test.ts checks the routes and query parameters against
// the installed package. The generator refuses an addition once the definition has the same route, so this file only
// shrinks.
//
// What node-auth0 does not say, and so this file does not claim: the scopes each operation accepts and its lifecycle.
// The success status is not in node-auth0's declarations either; it follows the definition's convention for the same
// kind of operation (POST on a collection 201, a body-less result 204, anything else 200).
//
// Shapes are JSON Schema, as in the definition. An interface without an index signature in node-auth0 is a closed
// object; `[key: string]: any` is an open one. Where node-auth0 names a type the definition also has, the definition's
// schema is referenced.
import { ref, type AddedOperation, type JsonSchema } from './model.js'

const str: JsonSchema = { type: 'string' }
const num: JsonSchema = { type: 'number' }
const bool: JsonSchema = { type: 'boolean' }
const strings: JsonSchema = { type: 'array', items: str }
const nullable = (s: JsonSchema): JsonSchema => ({ anyOf: [s, { type: 'null' }] })
const arrayOf = (items: JsonSchema): JsonSchema => ({ type: 'array', items })
const oneOfStrings = (...values: string[]): JsonSchema => ({ type: 'string', enum: values })

/** A closed object; `required` lists the keys node-auth0 does not mark optional. */
function obj(properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema {
  return { type: 'object', additionalProperties: false, required, properties }
}

/** An object node-auth0 leaves open with `[key: string]: any`. */
function open(properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema {
  return { type: 'object', additionalProperties: true, required, properties }
}

/** A checkpoint page: the items under `key`, and `next`. */
const checkpointPage = (key: string, item: JsonSchema): JsonSchema =>
  obj({ [key]: arrayOf(item), next: str }, [key])

const checkpointQuery = { from: str, take: num }

const otpSettings = obj({ otp_length: num, otp_expiration_time: num }, [
  'otp_length',
  'otp_expiration_time',
])

const guardianSettings = obj(
  {
    display_remember_me_checkbox: bool,
    remember_me_default_value: bool,
    mfa_session_inactivity_timeout: num,
    mfa_session_overall_timeout: num,
  },
  [
    'display_remember_me_checkbox',
    'remember_me_default_value',
    'mfa_session_inactivity_timeout',
    'mfa_session_overall_timeout',
  ],
)

const networkAclKey = obj(
  {
    id: str,
    name: str,
    alg: ref('NetworkAclKeyAlgorithmEnum'),
    fingerprint: str,
    created_at: str,
    updated_at: str,
  },
  ['id', 'name', 'alg', 'fingerprint', 'created_at', 'updated_at'],
)

const organizationClientFields = {
  client_id: str,
  use_for_member_access: bool,
  client: ref('OrganizationClientMetadata'),
}

/** Schemas the additions name, by node-auth0's names. None of them is in the definition. */
export const additionSchemas: Record<string, JsonSchema> = {
  AgentMetadata: { type: 'object', additionalProperties: true },
  AgentResponseContent: obj(
    {
      agent_id: str,
      name: str,
      created_at: str,
      updated_at: str,
      external_agent_id: str,
      metadata: ref('AgentMetadata'),
    },
    ['agent_id', 'name', 'created_at', 'updated_at', 'metadata'],
  ),
  ListAgentsResponseContent: checkpointPage('agents', ref('AgentResponseContent')),
  CreateAgentRequestContent: obj(
    { name: str, client_id: str, external_agent_id: str, metadata: ref('AgentMetadata') },
    ['name'],
  ),
  PatchAgentRequestParameters: obj({
    name: str,
    metadata: nullable({ type: 'object', additionalProperties: true }),
  }),

  AddSynchronizedGroupsRequestContent: obj(
    {
      groups: arrayOf(obj({ id: str, name: str, email: str, direct_members_count: num }, ['id'])),
    },
    ['groups'],
  ),
  DeleteSynchronizedGroupsRequestContent: obj({ groups: arrayOf(obj({ id: str }, ['id'])) }, [
    'groups',
  ]),

  AdvanceRampRequestContent: obj({ target_level: num }, ['target_level']),
  AdvanceRampResponseContent: obj(
    { experiment_id: str, from_level: num, to_level: num, current_level: num },
    ['experiment_id', 'from_level', 'to_level', 'current_level'],
  ),

  GetEmailFactorSettingsResponseContent: otpSettings,
  SetEmailFactorSettingsRequestContent: otpSettings,
  SetEmailFactorSettingsResponseContent: otpSettings,
  GetPhoneFactorSettingsResponseContent: otpSettings,
  SetPhoneFactorSettingsRequestContent: otpSettings,
  SetPhoneFactorSettingsResponseContent: otpSettings,
  GetGuardianSettingsResponseContent: guardianSettings,
  SetGuardianSettingsRequestContent: guardianSettings,
  SetGuardianSettingsResponseContent: guardianSettings,

  NetworkAclKeyAlgorithmEnum: oneOfStrings('hmac-sha256'),
  NetworkAclKey: networkAclKey,
  CreateKeysNetworkAclsRequestContent: obj(
    { name: str, alg: ref('NetworkAclKeyAlgorithmEnum'), value: str },
    ['name', 'alg', 'value'],
  ),
  CreateKeysNetworkAclsResponseContent: networkAclKey,
  GetAllKeysNetworkAclsResponseContent: obj({ keys: arrayOf(ref('NetworkAclKey')) }, ['keys']),

  OrganizationClientMetadataOrganizationUsageEnum: oneOfStrings('deny', 'allow', 'require'),
  OrganizationClientMetadata: obj({
    name: str,
    app_type: str,
    logo_uri: nullable(str),
    is_first_party: bool,
    grant_types: strings,
    organization_usage: ref('OrganizationClientMetadataOrganizationUsageEnum'),
  }),
  OrganizationClient: obj(organizationClientFields, [
    'client_id',
    'use_for_member_access',
    'client',
  ]),
  ListOrganizationClientsResponseContent: checkpointPage('clients', ref('OrganizationClient')),
  CreateOrganizationClientsRequestContent: obj(
    {
      clients: arrayOf(
        obj({ client_id: str, use_for_member_access: bool }, [
          'client_id',
          'use_for_member_access',
        ]),
      ),
    },
    ['clients'],
  ),
  CreateOrganizationClientsResponseContent: arrayOf(ref('OrganizationClient')),
  DeleteOrganizationClientsRequestContent: obj({ clients: strings }, ['clients']),
  GetOrganizationClientResponseContent: obj(organizationClientFields, [
    'client_id',
    'use_for_member_access',
    'client',
  ]),
  UpdateOrganizationClientRequestContent: obj({ use_for_member_access: bool }),
  UpdateOrganizationClientResponseContent: obj(organizationClientFields, [
    'client_id',
    'use_for_member_access',
  ]),

  OrganizationTemplateRoleVisibilityEnum: oneOfStrings('write', 'read_only', 'hidden'),
  OrganizationTemplate: obj({
    id: str,
    name: str,
    is_default: bool,
    organization_deletion_behavior: oneOfStrings('allow', 'allow_if_empty'),
    connection_deletion_behavior: oneOfStrings('allow', 'allow_if_empty'),
    enforce_permission_ceiling: bool,
    enforce_self_assignment_restriction: bool,
    connection_profile_id: str,
    user_attribute_profile_id: str,
    allowed_strategies: arrayOf(
      oneOfStrings('adfs', 'google-apps', 'oidc', 'okta', 'pingfederate', 'samlp', 'waad'),
    ),
    invitation_landing_client_id: str,
    admin_roles_assignment: strings,
    use_for_organization_discovery: nullable(
      obj({ default_value: bool, allowed_values: arrayOf(bool) }, ['default_value']),
    ),
    role_visibility_policy: nullable(
      obj(
        {
          default_value: ref('OrganizationTemplateRoleVisibilityEnum'),
          overrides: arrayOf(
            obj({ role_id: str, access: ref('OrganizationTemplateRoleVisibilityEnum') }, [
              'role_id',
              'access',
            ]),
          ),
        },
        ['default_value'],
      ),
    ),
    created_at: str,
    updated_at: str,
  }),

  RoleGroup: obj(
    {
      id: str,
      name: str,
      external_id: str,
      connection_id: str,
      organization_id: nullable(str),
      tenant_name: str,
      description: nullable(str),
      created_at: str,
      updated_at: str,
    },
    ['id', 'name'],
  ),
  ListOrganizationRoleGroupsResponseContent: checkpointPage('groups', ref('RoleGroup')),
  RoleMember: obj({ user_id: str, picture: str, name: str, email: str }),
  ListOrganizationRoleMembersResponseContent: checkpointPage('members', ref('RoleMember')),

  SearchParserEnum: oneOfStrings('scim', 'lucene'),
  SearchOrganization: open({
    id: str,
    name: str,
    display_name: str,
    branding: ref('OrganizationBranding'),
    metadata: ref('OrganizationMetadata'),
    token_quota: ref('TokenQuota'),
    third_party_client_access: oneOfStrings('block', 'allow'),
    is_app_entitlement_active: bool,
  }),
  SearchOrganizationsPaginatedResponseContent: checkpointPage(
    'organizations',
    ref('SearchOrganization'),
  ),
  ResourceServerSearchResponse: obj({
    id: str,
    name: str,
    is_system: bool,
    identifier: str,
    scopes: arrayOf(ref('ResourceServerScope')),
    signing_alg: ref('SigningAlgorithmEnum'),
    allow_offline_access: bool,
    allow_online_access: bool,
    allow_online_access_with_ephemeral_sessions: bool,
    skip_consent_for_verifiable_first_party_clients: bool,
    token_lifetime: num,
    token_lifetime_for_web: num,
    enforce_policies: bool,
    token_lifetime_for_anonymous_access_tokens: num,
    token_dialect: ref('ResourceServerTokenDialectResponseEnum'),
    token_encryption: ref('ResourceServerTokenEncryption'),
    consent_policy: ref('ResourceServerConsentPolicyEnum'),
    authorization_details: nullable({ type: 'array', items: {} }),
    proof_of_possession: ref('ResourceServerProofOfPossession'),
    subject_type_authorization: ref('ResourceServerSubjectTypeAuthorization'),
    authorization_policy: ref('ResourceServerAuthorizationPolicy'),
    client_id: str,
  }),
  SearchResourceServersResponseContent: checkpointPage(
    'resource_servers',
    ref('ResourceServerSearchResponse'),
  ),
}

/** The operations, by node-auth0's group and name. */
export const additionOperations: readonly AddedOperation[] = [
  {
    group: 'agents',
    name: 'list',
    method: 'GET',
    path: '/agents',
    query: checkpointQuery,
    requestName: 'ListAgentsRequestParameters',
    response: { status: 200, schema: ref('ListAgentsResponseContent') },
  },
  {
    group: 'agents',
    name: 'create',
    method: 'POST',
    path: '/agents',
    body: ref('CreateAgentRequestContent'),
    response: { status: 201, schema: ref('AgentResponseContent') },
  },
  {
    group: 'agents',
    name: 'read',
    method: 'GET',
    path: '/agents/{id}',
    response: { status: 200, schema: ref('AgentResponseContent') },
  },
  {
    group: 'agents',
    name: 'delete',
    method: 'DELETE',
    path: '/agents/{id}',
    response: { status: 204 },
  },
  {
    group: 'agents',
    name: 'update',
    method: 'PATCH',
    path: '/agents/{id}',
    body: ref('PatchAgentRequestParameters'),
    response: { status: 200, schema: ref('AgentResponseContent') },
  },
  {
    group: 'connections.directoryProvisioning',
    name: 'addSynchronizedGroupSelections',
    method: 'POST',
    path: '/connections/{id}/directory-provisioning/synchronized-groups',
    body: ref('AddSynchronizedGroupsRequestContent'),
    response: { status: 204 },
  },
  {
    group: 'connections.directoryProvisioning',
    name: 'deleteSynchronizedGroupSelections',
    method: 'DELETE',
    path: '/connections/{id}/directory-provisioning/synchronized-groups',
    body: ref('DeleteSynchronizedGroupsRequestContent'),
    response: { status: 204 },
  },
  {
    group: 'experimentation.experiments',
    name: 'advanceRamp',
    method: 'POST',
    path: '/experimentation/experiments/{id}/advance-ramp',
    body: ref('AdvanceRampRequestContent'),
    response: { status: 200, schema: ref('AdvanceRampResponseContent') },
  },
  {
    group: 'guardian',
    name: 'get',
    method: 'GET',
    path: '/guardian/settings',
    response: { status: 200, schema: ref('GetGuardianSettingsResponseContent') },
  },
  {
    group: 'guardian',
    name: 'set',
    method: 'PUT',
    path: '/guardian/settings',
    body: ref('SetGuardianSettingsRequestContent'),
    response: { status: 200, schema: ref('SetGuardianSettingsResponseContent') },
  },
  {
    group: 'guardian.factors.email',
    name: 'get',
    method: 'GET',
    path: '/guardian/factors/email/settings',
    response: { status: 200, schema: ref('GetEmailFactorSettingsResponseContent') },
  },
  {
    group: 'guardian.factors.email',
    name: 'set',
    method: 'PUT',
    path: '/guardian/factors/email/settings',
    body: ref('SetEmailFactorSettingsRequestContent'),
    response: { status: 200, schema: ref('SetEmailFactorSettingsResponseContent') },
  },
  {
    group: 'guardian.factors.phone',
    name: 'get',
    method: 'GET',
    path: '/guardian/factors/phone/settings',
    response: { status: 200, schema: ref('GetPhoneFactorSettingsResponseContent') },
  },
  {
    group: 'guardian.factors.phone',
    name: 'set',
    method: 'PUT',
    path: '/guardian/factors/phone/settings',
    body: ref('SetPhoneFactorSettingsRequestContent'),
    response: { status: 200, schema: ref('SetPhoneFactorSettingsResponseContent') },
  },
  {
    group: 'keys.networkAcls',
    name: 'list',
    method: 'GET',
    path: '/keys/network-acls',
    response: { status: 200, schema: ref('GetAllKeysNetworkAclsResponseContent') },
  },
  {
    group: 'keys.networkAcls',
    name: 'create',
    method: 'POST',
    path: '/keys/network-acls',
    body: ref('CreateKeysNetworkAclsRequestContent'),
    response: { status: 201, schema: ref('CreateKeysNetworkAclsResponseContent') },
  },
  {
    group: 'keys.networkAcls',
    name: 'get',
    method: 'GET',
    path: '/keys/network-acls/{id}',
    response: { status: 200, schema: ref('NetworkAclKey') },
  },
  {
    group: 'keys.networkAcls',
    name: 'delete',
    method: 'DELETE',
    path: '/keys/network-acls/{id}',
    response: { status: 204 },
  },
  {
    group: 'organizations',
    name: 'search',
    method: 'GET',
    path: '/organizations/search',
    query: {
      q: str,
      parser: ref('SearchParserEnum'),
      take: num,
      from: str,
      sort: oneOfStrings('name', 'display_name', 'created_at'),
    },
    requestName: 'SearchOrganizationsRequestParameters',
    response: { status: 200, schema: ref('SearchOrganizationsPaginatedResponseContent') },
  },
  {
    group: 'organizations.clients',
    name: 'list',
    method: 'GET',
    path: '/organizations/{id}/clients',
    query: checkpointQuery,
    requestName: 'ListOrganizationClientsRequestParameters',
    response: { status: 200, schema: ref('ListOrganizationClientsResponseContent') },
  },
  {
    group: 'organizations.clients',
    name: 'create',
    method: 'POST',
    path: '/organizations/{id}/clients',
    body: ref('CreateOrganizationClientsRequestContent'),
    response: { status: 201, schema: ref('CreateOrganizationClientsResponseContent') },
  },
  {
    group: 'organizations.clients',
    name: 'delete',
    method: 'DELETE',
    path: '/organizations/{id}/clients',
    body: ref('DeleteOrganizationClientsRequestContent'),
    response: { status: 204 },
  },
  {
    group: 'organizations.clients',
    name: 'get',
    method: 'GET',
    path: '/organizations/{id}/clients/{client_id}',
    response: { status: 200, schema: ref('GetOrganizationClientResponseContent') },
  },
  {
    group: 'organizations.clients',
    name: 'update',
    method: 'PATCH',
    path: '/organizations/{id}/clients/{client_id}',
    body: ref('UpdateOrganizationClientRequestContent'),
    response: { status: 200, schema: ref('UpdateOrganizationClientResponseContent') },
  },
  {
    group: 'organizations.organizationTemplate',
    name: 'get',
    method: 'GET',
    path: '/organizations/{id}/organization-templates',
    response: { status: 200, schema: ref('OrganizationTemplate') },
  },
  {
    group: 'organizations.organizationTemplate',
    name: 'assignOrganizationTemplate',
    method: 'PUT',
    path: '/organizations/{id}/organization-templates/{template_id}',
    response: { status: 204 },
  },
  {
    group: 'organizations.organizationTemplate',
    name: 'unassignOrganizationTemplate',
    method: 'DELETE',
    path: '/organizations/{id}/organization-templates/{template_id}',
    response: { status: 204 },
  },
  {
    group: 'organizations.roles.groups',
    name: 'list',
    method: 'GET',
    path: '/organizations/{organization_id}/roles/{role_id}/groups',
    query: checkpointQuery,
    requestName: 'ListOrganizationRoleGroupsRequestParameters',
    response: { status: 200, schema: ref('ListOrganizationRoleGroupsResponseContent') },
  },
  {
    group: 'organizations.roles.members',
    name: 'list',
    method: 'GET',
    path: '/organizations/{id}/roles/{role_id}/members',
    query: { ...checkpointQuery, fields: str, include_fields: bool },
    requestName: 'ListOrganizationRoleMembersRequestParameters',
    response: { status: 200, schema: ref('ListOrganizationRoleMembersResponseContent') },
  },
  {
    group: 'resourceServers',
    name: 'search',
    method: 'GET',
    path: '/resource-servers/search',
    query: {
      q: str,
      parser: ref('SearchParserEnum'),
      fields: str,
      include_fields: bool,
      take: num,
      from: str,
      sort: oneOfStrings('identifier', 'name', 'updated_at'),
    },
    requestName: 'SearchResourceServersRequestParameters',
    response: { status: 200, schema: ref('SearchResourceServersResponseContent') },
  },
]
