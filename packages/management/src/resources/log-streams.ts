import {
  logStreamsCreate,
  logStreamsDelete,
  logStreamsGet,
  logStreamsList,
  logStreamsUpdate,
} from '../generated/operations/log-streams.js'
import { Manager, type BodyOf } from '../manager.js'
import { BODY } from '../params.js'

/** Log streams: `/api/v2/log-streams`. */
export class LogStreams extends Manager {
  /** Lists log streams. */
  list = this.endpoint<typeof logStreamsList, []>(logStreamsList)
  /** Gets a log stream. */
  get = this.endpoint<typeof logStreamsGet, [id: string]>(logStreamsGet)
  /** Creates a log stream. */
  create = this.endpoint<typeof logStreamsCreate, [body: BodyOf<typeof logStreamsCreate>]>(
    logStreamsCreate,
    BODY,
  )
  /** Updates a log stream. */
  update = this.endpoint<
    typeof logStreamsUpdate,
    [id: string, body: BodyOf<typeof logStreamsUpdate>]
  >(logStreamsUpdate, BODY)
  /** Deletes a log stream. */
  delete = this.endpoint<typeof logStreamsDelete, [id: string]>(logStreamsDelete)
}
