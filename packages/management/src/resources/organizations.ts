import { Manager } from '../manager.js'
import { BODY, CHECKPOINT, FIELDS, NO_TOTALS, PAGE, TOTALS } from '../params.js'
import type {
  Body,
  CheckpointOptions,
  ClientGrant,
  FieldsOptions,
  ListBody,
  Organization,
  PageOptions,
  Role,
  TotalsOptions,
} from '../types.js'

type Paged = PageOptions & TotalsOptions

/** Organizations, their members, connections, invitations and client grants: `/api/v2/organizations`. */
export class Organizations extends Manager {
  /** Lists organizations. */
  allOrganizations = this.listEndpoint<
    [],
    Paged & CheckpointOptions,
    ListBody<'organizations', Organization>,
    Organization
  >('GET /organizations', {
    options: { ...PAGE, ...TOTALS, ...CHECKPOINT },
    items: 'organizations',
  })
  /** Gets an organization. */
  getOrganization = this.endpoint<[id: string], void, Organization>('GET /organizations/{id}')
  /**
   * Gets an organization by name.
   * @throws TypeError `name is required` when `name` is missing, before anything is sent
   */
  getOrganizationByName = this.endpoint<[], { name: string }, Organization>(
    'GET /organizations/name/{name}',
    { options: { name: '{name}' } },
  )
  /** Creates an organization. */
  createOrganization = this.endpoint<[body: Partial<Organization>], void, Organization>(
    'POST /organizations',
    BODY,
  )
  /** Updates an organization. */
  updateOrganization = this.endpoint<[id: string, body: Partial<Organization>], void, Organization>(
    'PATCH /organizations/{id}',
    BODY,
  )
  /** Deletes an organization. */
  deleteOrganization = this.endpoint<[id: string], void, unknown>('DELETE /organizations/{id}')

  /** Lists an organization's enabled connections. */
  allOrganizationConnections = this.listEndpoint<
    [id: string],
    PageOptions,
    ListBody<'enabled_connections', Body>,
    Body
  >('GET /organizations/{id}/enabled_connections', {
    options: PAGE,
    items: 'enabled_connections',
  })
  /** Gets one enabled connection of an organization. */
  getOrganizationConnection = this.endpoint<[id: string, connectionId: string], void, Body>(
    'GET /organizations/{id}/enabled_connections/{connectionId}',
  )
  /** Enables a connection for an organization. */
  createOrganizationConnection = this.endpoint<[id: string, body: Body], void, Body>(
    'POST /organizations/{id}/enabled_connections',
    BODY,
  )
  /** Updates an organization's enabled connection. */
  updateOrganizationConnection = this.endpoint<
    [id: string, connectionId: string, body: Body],
    void,
    Body
  >('PATCH /organizations/{id}/enabled_connections/{connectionId}', BODY)
  /** Disables a connection for an organization. */
  deleteOrganizationConnection = this.endpoint<[id: string, connectionId: string], void, unknown>(
    'DELETE /organizations/{id}/enabled_connections/{connectionId}',
  )

  /** Lists an organization's members. */
  allOrganizationMembers = this.listEndpoint<
    [id: string],
    Paged & CheckpointOptions & FieldsOptions,
    ListBody<'members', Body>,
    Body
  >('GET /organizations/{id}/members', {
    options: { ...PAGE, ...TOTALS, ...CHECKPOINT, ...FIELDS },
    items: 'members',
  })
  /** Adds members to an organization (`{ members: [user ids] }`). */
  createOrganizationMembers = this.endpoint<[id: string, body: Body], void, unknown>(
    'POST /organizations/{id}/members',
    BODY,
  )
  /** Removes members from an organization (`{ members: [user ids] }`). */
  deleteOrganizationMembers = this.endpoint<[id: string, body: Body], void, unknown>(
    'DELETE /organizations/{id}/members',
    BODY,
  )
  /** Lists the roles of an organization member. */
  allOrganizationMemberRoles = this.listEndpoint<
    [id: string, userId: string],
    Paged,
    ListBody<'roles', Role>,
    Role
  >('GET /organizations/{id}/members/{userId}/roles', {
    options: { ...PAGE, ...NO_TOTALS },
    items: 'roles',
  })
  /** Assigns roles to an organization member (`{ roles: [role ids] }`). */
  createOrganizationMemberRoles = this.endpoint<
    [id: string, userId: string, body: Body],
    void,
    unknown
  >('POST /organizations/{id}/members/{userId}/roles', BODY)
  /** Removes roles from an organization member (`{ roles: [role ids] }`). */
  deleteOrganizationMemberRoles = this.endpoint<
    [id: string, userId: string, body: Body],
    void,
    unknown
  >('DELETE /organizations/{id}/members/{userId}/roles', BODY)

  /** Lists an organization's invitations. */
  allOrganizationInvitations = this.listEndpoint<
    [id: string],
    Paged,
    ListBody<'invitations', Body>,
    Body
  >('GET /organizations/{id}/invitations', {
    options: { ...PAGE, ...NO_TOTALS },
    items: 'invitations',
  })
  /** Gets an invitation. */
  getOrganizationInvitation = this.endpoint<[id: string, invitatonId: string], void, Body>(
    'GET /organizations/{id}/invitations/{invitatonId}',
  )
  /** Creates an invitation. */
  createOrganizationInvitation = this.endpoint<[id: string, body: Body], void, Body>(
    'POST /organizations/{id}/invitations',
    BODY,
  )
  /** Deletes an invitation. */
  deleteOrganizationInvitation = this.endpoint<[id: string, invitationId: string], void, unknown>(
    'DELETE /organizations/{id}/invitations/{invitationId}',
  )

  /** Lists the client grants associated with an organization. */
  getClientGrants = this.listEndpoint<
    [id: string],
    { audience?: string; clientId?: string } & Paged,
    ListBody<'client_grants', ClientGrant>,
    ClientGrant
  >('GET /organizations/{id}/client-grants', {
    options: { audience: '?audience', clientId: '?client_id', ...PAGE, ...NO_TOTALS },
    items: 'client_grants',
  })
  /** Associates a client grant with an organization. */
  addClientGrant = this.endpoint<[id: string, grantId: string], void, Body>(
    'POST /organizations/{id}/client-grants',
    { args: { grantId: '.grant_id' } },
  )
  /** Removes a client grant from an organization. */
  deleteClientGrant = this.endpoint<[id: string, grantId: string], void, unknown>(
    'DELETE /organizations/{id}/client-grants/{grantId}',
  )
}
