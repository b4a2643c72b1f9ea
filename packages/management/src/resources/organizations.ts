import {
  organizationsClientGrantsCreate,
  organizationsClientGrantsDelete,
  organizationsClientGrantsList,
  organizationsCreate,
  organizationsDelete,
  organizationsEnabledConnectionsAdd,
  organizationsEnabledConnectionsDelete,
  organizationsEnabledConnectionsGet,
  organizationsEnabledConnectionsList,
  organizationsEnabledConnectionsUpdate,
  organizationsGet,
  organizationsGetByName,
  organizationsInvitationsCreate,
  organizationsInvitationsDelete,
  organizationsInvitationsGet,
  organizationsInvitationsList,
  organizationsList,
  organizationsMembersCreate,
  organizationsMembersDelete,
  organizationsMembersList,
  organizationsMembersRolesAssign,
  organizationsMembersRolesDelete,
  organizationsMembersRolesList,
  organizationsUpdate,
} from '../generated/operations/organizations.js'
import { Manager, type BodyOf } from '../manager.js'
import { BODY, CHECKPOINT, FIELDS, NO_TOTALS, PAGE, TOTALS } from '../params.js'
import type {
  CheckpointOptions,
  FieldsOptions,
  PageOptions,
  PagedOptions as Paged,
} from '../types.js'

/** Organizations, their members, connections, invitations and client grants: `/api/v2/organizations`. */
export class Organizations extends Manager {
  /** Lists organizations. */
  allOrganizations = this.totalsListEndpoint<
    typeof organizationsList,
    [],
    Paged & CheckpointOptions
  >(organizationsList, {
    options: { ...PAGE, ...TOTALS, ...CHECKPOINT },
  })
  /** Gets an organization. */
  getOrganization = this.endpoint<typeof organizationsGet, [id: string]>(organizationsGet)
  /**
   * Gets an organization by name.
   * @throws TypeError `name is required` when `name` is missing, before anything is sent
   */
  getOrganizationByName = this.endpoint<typeof organizationsGetByName, [], { name: string }>(
    organizationsGetByName,
    { options: { name: { path: 'name' } } },
  )
  /** Creates an organization. */
  createOrganization = this.endpoint<
    typeof organizationsCreate,
    [body: BodyOf<typeof organizationsCreate>]
  >(organizationsCreate, BODY)
  /** Updates an organization. */
  updateOrganization = this.endpoint<
    typeof organizationsUpdate,
    [id: string, body: BodyOf<typeof organizationsUpdate>]
  >(organizationsUpdate, BODY)
  /** Deletes an organization. */
  deleteOrganization = this.endpoint<typeof organizationsDelete, [id: string]>(organizationsDelete)

  /** Lists an organization's enabled connections. */
  allOrganizationConnections = this.listEndpoint<
    typeof organizationsEnabledConnectionsList,
    [id: string],
    PageOptions
  >(organizationsEnabledConnectionsList, {
    options: PAGE,
  })
  /** Gets one enabled connection of an organization. */
  getOrganizationConnection = this.endpoint<
    typeof organizationsEnabledConnectionsGet,
    [id: string, connectionId: string]
  >(organizationsEnabledConnectionsGet)
  /** Enables a connection for an organization. */
  createOrganizationConnection = this.endpoint<
    typeof organizationsEnabledConnectionsAdd,
    [id: string, body: BodyOf<typeof organizationsEnabledConnectionsAdd>]
  >(organizationsEnabledConnectionsAdd, BODY)
  /** Updates an organization's enabled connection. */
  updateOrganizationConnection = this.endpoint<
    typeof organizationsEnabledConnectionsUpdate,
    [id: string, connectionId: string, body: BodyOf<typeof organizationsEnabledConnectionsUpdate>]
  >(organizationsEnabledConnectionsUpdate, BODY)
  /** Disables a connection for an organization. */
  deleteOrganizationConnection = this.endpoint<
    typeof organizationsEnabledConnectionsDelete,
    [id: string, connectionId: string]
  >(organizationsEnabledConnectionsDelete)

  /** Lists an organization's members. */
  allOrganizationMembers = this.totalsListEndpoint<
    typeof organizationsMembersList,
    [id: string],
    Paged & CheckpointOptions & FieldsOptions
  >(organizationsMembersList, {
    options: { ...PAGE, ...TOTALS, ...CHECKPOINT, ...FIELDS },
  })
  /** Adds members to an organization (`{ members: [user ids] }`). */
  createOrganizationMembers = this.endpoint<
    typeof organizationsMembersCreate,
    [id: string, body: BodyOf<typeof organizationsMembersCreate>]
  >(organizationsMembersCreate, BODY)
  /** Removes members from an organization (`{ members: [user ids] }`). */
  deleteOrganizationMembers = this.endpoint<
    typeof organizationsMembersDelete,
    [id: string, body: BodyOf<typeof organizationsMembersDelete>]
  >(organizationsMembersDelete, BODY)
  /** Lists the roles of an organization member. */
  allOrganizationMemberRoles = this.listEndpoint<
    typeof organizationsMembersRolesList,
    [id: string, userId: string],
    Paged
  >(organizationsMembersRolesList, {
    options: { ...PAGE, ...NO_TOTALS },
  })
  /** Assigns roles to an organization member (`{ roles: [role ids] }`). */
  createOrganizationMemberRoles = this.endpoint<
    typeof organizationsMembersRolesAssign,
    [id: string, userId: string, body: BodyOf<typeof organizationsMembersRolesAssign>]
  >(organizationsMembersRolesAssign, BODY)
  /** Removes roles from an organization member (`{ roles: [role ids] }`). */
  deleteOrganizationMemberRoles = this.endpoint<
    typeof organizationsMembersRolesDelete,
    [id: string, userId: string, body: BodyOf<typeof organizationsMembersRolesDelete>]
  >(organizationsMembersRolesDelete, BODY)

  /** Lists an organization's invitations. */
  allOrganizationInvitations = this.listEndpoint<
    typeof organizationsInvitationsList,
    [id: string],
    Paged
  >(organizationsInvitationsList, {
    options: { ...PAGE, ...NO_TOTALS },
  })
  /** Gets an invitation. */
  getOrganizationInvitation = this.endpoint<
    typeof organizationsInvitationsGet,
    [id: string, invitatonId: string]
  >(organizationsInvitationsGet)
  /** Creates an invitation. */
  createOrganizationInvitation = this.endpoint<
    typeof organizationsInvitationsCreate,
    [id: string, body: BodyOf<typeof organizationsInvitationsCreate>]
  >(organizationsInvitationsCreate, BODY)
  /** Deletes an invitation. */
  deleteOrganizationInvitation = this.endpoint<
    typeof organizationsInvitationsDelete,
    [id: string, invitationId: string]
  >(organizationsInvitationsDelete)

  /** Lists the client grants associated with an organization. */
  getClientGrants = this.listEndpoint<
    typeof organizationsClientGrantsList,
    [id: string],
    { audience?: string; clientId?: string } & Paged
  >(organizationsClientGrantsList, {
    options: {
      audience: { query: 'audience' },
      clientId: { query: 'client_id' },
      ...PAGE,
      ...NO_TOTALS,
    },
  })
  /** Associates a client grant with an organization. */
  addClientGrant = this.endpoint<
    typeof organizationsClientGrantsCreate,
    [id: string, grantId: string]
  >(organizationsClientGrantsCreate, { args: [{ body: 'grant_id' }] })
  /** Removes a client grant from an organization. */
  deleteClientGrant = this.endpoint<
    typeof organizationsClientGrantsDelete,
    [id: string, grantId: string]
  >(organizationsClientGrantsDelete)
}
