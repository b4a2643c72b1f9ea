export interface TenantStats {
  tokenRequests: number
  apiRequests: number
  ok: number
  tooMany: number
  unauthorized: number
}
export interface Tenant {
  stats: TenantStats
  domain: string
  baseUrl: string
  close(): Promise<void>
}
export function startTenant(options?: {
  burst?: number
  perSecond?: number
  tokenDelay?: (n: number) => number | 'hang'
  onTokenRequest?: (n: number, worker: string | undefined) => void
}): Promise<Tenant>
