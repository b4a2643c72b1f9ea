import { AbortError, Auth0Error, TimeoutError, type FileContent } from '@auth0-ts/core'
import { defaultSleep } from '@auth0-ts/core/internal'
import {
  jobsErrorsGet,
  jobsGet,
  jobsUsersExportsCreate,
  jobsUsersImportsCreate,
  jobsVerificationEmailCreate,
} from '../generated/operations/jobs.js'
import { Manager, type BodyOf } from '../manager.js'
import { BODY } from '../params.js'
import type { Body, Job, JobFailure } from '../types.js'

/** Options of {@link Jobs.waitFor}. */
export interface WaitForJobOptions {
  /** Called with the job after every poll, the last one included. */
  onProgress?: (job: Job) => void
  /** Time between polls, in ms. @default 1000 */
  interval?: number
  /** Stops waiting (the job itself goes on). */
  signal?: AbortSignal
  /** The longest wait in ms, after which a `TimeoutError` is thrown. @default no limit */
  timeout?: number
  /** Sleep between polls, for tests. @default a timer */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  /** Clock in epoch ms, for tests. @default Date.now */
  now?: () => number
}

/**
 * A job that ended with status `failed`. `job` is its last state and `failures` what `jobs.getFailedJob` reported
 * (`undefined` if that could not be read).
 */
export class JobFailedError extends Auth0Error {
  override name = 'JobFailedError'
  /** The job, as last polled. */
  readonly job: Job
  /** The failed entries, from `GET /api/v2/jobs/{id}/errors`. */
  readonly failures: JobFailure[] | Body | undefined

  constructor(job: Job, failures: JobFailure[] | Body | undefined, cause?: unknown) {
    super({
      statusCode: 200,
      errorCode: 'job_failed',
      message: `Job ${job.id} (${job.type}) failed`,
      content: failures,
      cause,
    })
    this.job = job
    this.failures = failures
  }
}

/** Import, export and verification-email jobs: `/api/v2/jobs`. */
export class Jobs extends Manager {
  /** Gets a job. */
  get = this.endpoint<typeof jobsGet, [id: string]>(jobsGet)
  /** Gets the failed entries of a job. */
  getFailedJob = this.endpoint<typeof jobsErrorsGet, [id: string]>(jobsErrorsGet)
  /** Starts a users export job. */
  exportUsers = this.endpoint<
    typeof jobsUsersExportsCreate,
    [body: BodyOf<typeof jobsUsersExportsCreate>]
  >(jobsUsersExportsCreate, BODY)
  /** Starts a job that sends a verification email. */
  sendVerificationEmail = this.endpoint<
    typeof jobsVerificationEmailCreate,
    [body: BodyOf<typeof jobsVerificationEmailCreate>]
  >(jobsVerificationEmailCreate, BODY)
  /**
   * Starts a users import job from a JSON file (multipart; the file part is `users`, named after a `File`'s name).
   * @example
   * ```ts
   * const job = await auth0.jobs.importUsers('con_123', JSON.stringify(users), { upsert: true })
   * ```
   */
  importUsers = this.endpoint<
    typeof jobsUsersImportsCreate,
    [connectionId: string, fileObj: FileContent],
    {
      /** @default false */ upsert?: boolean
      /** @default true */ sendCompletionEmail?: boolean
      externalId?: string
    }
  >(jobsUsersImportsCreate, {
    args: [{ body: 'connection_id' }, { file: 'users' }],
    options: {
      upsert: { body: 'upsert', default: false },
      sendCompletionEmail: { body: 'send_completion_email', default: true },
      externalId: { body: 'external_id' },
    },
  })

  /**
   * Polls a job until it is `completed` (resolving to the job) or `failed`.
   *
   * @throws JobFailedError when the job fails, with the job and its failed entries
   * @throws TimeoutError when `timeout` passes first, or the signal's `AbortSignal.timeout()` fires
   * @throws AbortError when the signal aborts (the job itself goes on), with the signal's reason as `cause`
   * @example
   * ```ts
   * const { id } = await auth0.jobs.importUsers(connectionId, file)
   * const job = await auth0.jobs.waitFor(id, { onProgress: (j) => console.log(j.status, j.percentage_done) })
   * ```
   */
  async waitFor(jobId: string, options: WaitForJobOptions = {}): Promise<Job> {
    const {
      onProgress,
      interval = 1000,
      signal,
      timeout,
      sleep = defaultSleep,
      now = Date.now,
    } = options
    if (!(interval >= 0)) throw new TypeError('interval: must be a number >= 0')
    const deadline = timeout === undefined ? Number.POSITIVE_INFINITY : now() + timeout
    const ro = signal ? { signal } : {}
    for (;;) {
      const job = await this.get(jobId, ro)
      onProgress?.(job)
      if (job.status === 'completed') return job
      if (job.status === 'failed') {
        let failures: JobFailure[] | Body | undefined
        let cause: unknown
        try {
          failures = await this.getFailedJob(jobId, ro)
        } catch (e) {
          cause = e
        }
        throw new JobFailedError(job, failures, cause)
      }
      const left = deadline - now()
      if (left <= 0)
        throw new TimeoutError({
          message: `Job ${jobId} did not finish within ${timeout} ms (status: ${job.status})`,
          timeout: timeout ?? 0,
        })
      try {
        await sleep(Math.min(interval, left), signal)
      } catch (e) {
        if (signal?.aborted) throw stoppedBy(signal.reason, jobId)
        throw e
      }
    }
  }
}

/** An abort between polls is core's typed error too, as an abort of a poll is, with the signal's reason as cause. */
function stoppedBy(reason: unknown, jobId: string): Auth0Error {
  const message = `Waiting for job ${jobId} was stopped by its signal`
  return (reason as { name?: unknown } | undefined)?.name === 'TimeoutError'
    ? new TimeoutError({ message, timeout: -1, bound: 'signal', cause: reason })
    : new AbortError({ message, cause: reason })
}
