import { Manager } from '../manager.js'
import { BODY, EXTRA, FIELDS, PAGE } from '../params.js'
import type {
  Connection,
  ExtraParamsOptions,
  FieldsOptions,
  ListBody,
  PageOptions,
} from '../types.js'

/** Connections: `/api/v2/connections`. */
export class Connections extends Manager {
  /** Lists connections, optionally of one strategy or name. */
  all = this.listEndpoint<
    [],
    { strategy?: string; name?: string } & FieldsOptions & PageOptions & ExtraParamsOptions,
    ListBody<'connections', Connection>,
    Connection
  >('GET /connections', {
    options: { strategy: '?strategy', ...FIELDS, ...PAGE, ...EXTRA, name: '?name' },
    items: 'connections',
  })
  /** Gets a connection. */
  get = this.endpoint<[id: string], FieldsOptions, Connection>('GET /connections/{id}', {
    options: FIELDS,
  })
  /** Creates a connection. */
  create = this.endpoint<[body: Partial<Connection>], void, Connection>('POST /connections', BODY)
  /** Updates a connection. */
  update = this.endpoint<[id: string, body: Partial<Connection>], void, Connection>(
    'PATCH /connections/{id}',
    BODY,
  )
  /** Deletes a connection. */
  delete = this.endpoint<[id: string], void, unknown>('DELETE /connections/{id}')
  /** Deletes a user of a database connection, by email. */
  deleteUserByEmail = this.endpoint<[id: string, email: string], void, unknown>(
    'DELETE /connections/{id}/users',
    { args: { email: '?email' } },
  )
}
