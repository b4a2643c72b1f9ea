export interface WorkerConfig {
  worker?: number
  baseUrl: string
  redisUrl?: string
  limiter?: 'redis' | 'local'
  perSecond?: number
  burst?: number
  lockTtl?: number
  calls: number
  concurrency?: number
  pauseMs?: number
  retries?: number
  /** Stop after this many calls (concurrency 1), emit `held`, and go on after `resume()`. */
  holdAt?: number
}
export interface WorkerEvent {
  event: 'ready' | 'progress' | 'held' | 'done' | 'crash'
  [field: string]: unknown
}
export interface WorkerDone {
  ok: number
  failed: number
  errors: string[]
  tokenIds: string[]
  ms: number
}
export interface WorkerExit {
  code: number | null
  done: WorkerDone | undefined
  stderr: string
}
export interface WorkerHandle {
  pid: number
  ready: Promise<void>
  go(): void
  resume(): void
  kill(): void
  exit: Promise<WorkerExit>
}
export function spawnWorker(
  config: WorkerConfig,
  onEvent?: (event: WorkerEvent) => void,
): WorkerHandle
export function runFleet(
  n: number,
  configFor: (i: number) => WorkerConfig,
  onEvent?: (worker: number, event: WorkerEvent, workers: readonly WorkerHandle[]) => void,
): Promise<{ results: WorkerExit[]; wallMs: number }>
