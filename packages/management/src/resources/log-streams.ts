import { Manager } from '../manager.js'
import { BODY } from '../params.js'
import type { Body } from '../types.js'

/** Log streams: `/api/v2/log-streams`. */
export class LogStreams extends Manager {
  /** Lists log streams. */
  list = this.endpoint<[], void, Body[]>('GET /log-streams')
  /** Gets a log stream. */
  get = this.endpoint<[id: string], void, Body>('GET /log-streams/{id}')
  /** Creates a log stream. */
  create = this.endpoint<[body: Body], void, Body>('POST /log-streams', BODY)
  /** Updates a log stream. */
  update = this.endpoint<[id: string, body: Body], void, Body>('PATCH /log-streams/{id}', BODY)
  /** Deletes a log stream. */
  delete = this.endpoint<[id: string], void, unknown>('DELETE /log-streams/{id}')
}
