import {
  hooksCreate,
  hooksDelete,
  hooksGet,
  hooksList,
  hooksSecretsCreate,
  hooksSecretsDelete,
  hooksSecretsGet,
  hooksSecretsUpdate,
  hooksUpdate,
} from '../generated/operations/hooks.js'
import { Manager, type BodyOf } from '../manager.js'
import { BODY, FIELDS, NO_TOTALS, PAGE } from '../params.js'
import type { FieldsOptions, PageOptions, TotalsOptions } from '../types.js'

/** Hooks: `/api/v2/hooks`. */
export class Hooks extends Manager {
  /** Lists hooks. */
  all = this.listEndpoint<
    typeof hooksList,
    [],
    { /** @default true */ enabled?: boolean } & FieldsOptions & PageOptions & TotalsOptions
  >(hooksList, {
    options: {
      enabled: { query: 'enabled', default: true },
      ...FIELDS,
      ...PAGE,
      ...NO_TOTALS,
    },
  })
  /** Gets a hook. */
  get = this.endpoint<typeof hooksGet, [id: string], Pick<FieldsOptions, 'fields'>>(hooksGet, {
    options: { fields: { query: 'fields' } },
  })
  /** Creates a hook. */
  create = this.endpoint<typeof hooksCreate, [body: BodyOf<typeof hooksCreate>]>(hooksCreate, BODY)
  /** Updates a hook. */
  update = this.endpoint<typeof hooksUpdate, [id: string, body: BodyOf<typeof hooksUpdate>]>(
    hooksUpdate,
    BODY,
  )
  /** Deletes a hook. */
  delete = this.endpoint<typeof hooksDelete, [id: string]>(hooksDelete)
  /** Gets a hook's secrets (values are masked). */
  getSecrets = this.endpoint<typeof hooksSecretsGet, [id: string]>(hooksSecretsGet)
  /** Adds secrets to a hook. */
  addSecrets = this.endpoint<
    typeof hooksSecretsCreate,
    [id: string, body: BodyOf<typeof hooksSecretsCreate>]
  >(hooksSecretsCreate, BODY)
  /** Updates a hook's secrets. */
  updateSecrets = this.endpoint<
    typeof hooksSecretsUpdate,
    [id: string, body: BodyOf<typeof hooksSecretsUpdate>]
  >(hooksSecretsUpdate, BODY)
  /** Deletes secrets of a hook, by name. */
  deleteSecrets = this.endpoint<
    typeof hooksSecretsDelete,
    [id: string, body: BodyOf<typeof hooksSecretsDelete>]
  >(hooksSecretsDelete, BODY)
}
