import {
  connectionsCreate,
  connectionsDelete,
  connectionsGet,
  connectionsList,
  connectionsUpdate,
  connectionsUsersDeleteByEmail,
} from '../generated/operations/connections.js'
import { Manager, type BodyOf } from '../manager.js'
import { BODY, EXTRA, FIELDS, PAGE } from '../params.js'
import type { ExtraParamsOptions, FieldsOptions, PageOptions } from '../types.js'

/** Connections: `/api/v2/connections`. */
export class Connections extends Manager {
  /** Lists connections, optionally of one strategy or name. */
  all = this.listEndpoint<
    typeof connectionsList,
    [],
    { strategy?: string; name?: string } & FieldsOptions & PageOptions & ExtraParamsOptions
  >(connectionsList, {
    options: {
      strategy: { query: 'strategy' },
      ...FIELDS,
      ...PAGE,
      ...EXTRA,
      name: { query: 'name' },
    },
  })
  /** Gets a connection. */
  get = this.endpoint<typeof connectionsGet, [id: string], FieldsOptions>(connectionsGet, {
    options: FIELDS,
  })
  /** Creates a connection. */
  create = this.endpoint<typeof connectionsCreate, [body: BodyOf<typeof connectionsCreate>]>(
    connectionsCreate,
    BODY,
  )
  /** Updates a connection. */
  update = this.endpoint<
    typeof connectionsUpdate,
    [id: string, body: BodyOf<typeof connectionsUpdate>]
  >(connectionsUpdate, BODY)
  /** Deletes a connection. */
  delete = this.endpoint<typeof connectionsDelete, [id: string]>(connectionsDelete)
  /** Deletes a user of a database connection, by email. */
  deleteUserByEmail = this.endpoint<
    typeof connectionsUsersDeleteByEmail,
    [id: string, email: string]
  >(connectionsUsersDeleteByEmail, { args: [{ query: 'email' }] })
}
