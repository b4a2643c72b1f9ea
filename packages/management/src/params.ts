// Targets that many declarations share (see `Target` in manager.ts). Plain constants: nothing runs at import.
import type { Declaration, Target } from './manager.js'

/** The one positional `body` parameter is the whole JSON body. */
export const BODY = { args: [{ body: true }] } as const satisfies Declaration<void>
/** `fields` (comma-joined) and `include_fields` (default `true`). */
export const FIELDS = {
  fields: { query: 'fields' },
  includeFields: { query: 'include_fields', default: true },
} as const satisfies Record<string, Target>
/** `page` and `per_page`, sent only when given. */
export const PAGE = {
  page: { query: 'page' },
  perPage: { query: 'per_page' },
} as const satisfies Record<string, Target>
/** `page` (default 0) and `per_page` (default 25). */
export const PAGE_25 = {
  page: { query: 'page', default: 0 },
  perPage: { query: 'per_page', default: 25 },
} as const satisfies Record<string, Target>
/** `page` (default 0) and `per_page` (default 50). */
export const PAGE_50 = {
  page: { query: 'page', default: 0 },
  perPage: { query: 'per_page', default: 50 },
} as const satisfies Record<string, Target>
/** `include_totals`, default `true`: awaiting the list gives the page object. */
export const TOTALS = {
  includeTotals: { query: 'include_totals', default: true },
} as const satisfies Record<string, Target>
/** `include_totals`, default `false`: awaiting the list gives the bare array. */
export const NO_TOTALS = {
  includeTotals: { query: 'include_totals', default: false },
} as const satisfies Record<string, Target>
/** Checkpoint paging: `from` and `take`. */
export const CHECKPOINT = {
  fromParam: { query: 'from' },
  take: { query: 'take' },
} as const satisfies Record<string, Target>
/** Extra query parameters, spread into the query. */
export const EXTRA = { extraParams: { extra: true } } as const satisfies Record<string, Target>
