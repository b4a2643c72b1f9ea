export interface RedisServer {
  port: number
  url: string
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>
  /** SIGKILL, then waits for the exit. */
  kill(): Promise<void>
}
export function hasRedisServer(): boolean
export function startRedis(): Promise<RedisServer>
export function freePort(): Promise<number>
