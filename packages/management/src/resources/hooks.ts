import { Manager } from '../manager.js'
import { BODY, FIELDS, NO_TOTALS, PAGE } from '../params.js'
import type { Body, FieldsOptions, ListBody, PageOptions, TotalsOptions } from '../types.js'

/** Hooks: `/api/v2/hooks`. */
export class Hooks extends Manager {
  /** Lists hooks. */
  all = this.listEndpoint<
    [],
    { /** @default true */ enabled?: boolean } & FieldsOptions & PageOptions & TotalsOptions,
    ListBody<'hooks', Body>,
    Body
  >('GET /hooks', {
    options: { enabled: ['?enabled', true], ...FIELDS, ...PAGE, ...NO_TOTALS },
    items: 'hooks',
  })
  /** Gets a hook. */
  get = this.endpoint<[id: string], Pick<FieldsOptions, 'fields'>, Body>('GET /hooks/{id}', {
    options: { fields: '?fields' },
  })
  /** Creates a hook. */
  create = this.endpoint<[body: Body], void, Body>('POST /hooks', BODY)
  /** Updates a hook. */
  update = this.endpoint<[id: string, body: Body], void, Body>('PATCH /hooks/{id}', BODY)
  /** Deletes a hook. */
  delete = this.endpoint<[id: string], void, unknown>('DELETE /hooks/{id}')
  /** Gets a hook's secrets (values are masked). */
  getSecrets = this.endpoint<[id: string], void, Record<string, string>>('GET /hooks/{id}/secrets')
  /** Adds secrets to a hook. */
  addSecrets = this.endpoint<[id: string, body: Record<string, string>], void, unknown>(
    'POST /hooks/{id}/secrets',
    BODY,
  )
  /** Updates a hook's secrets. */
  updateSecrets = this.endpoint<[id: string, body: Record<string, string>], void, unknown>(
    'PATCH /hooks/{id}/secrets',
    BODY,
  )
  /** Deletes secrets of a hook, by name. */
  deleteSecrets = this.endpoint<[id: string, body: readonly string[]], void, unknown>(
    'DELETE /hooks/{id}/secrets',
    BODY,
  )
}
