// Option targets that many endpoints share (see `Target` in manager.ts). Plain constants: nothing runs at import.
import type { Endpoint } from './manager.js'

/** The one positional `body` parameter is the whole JSON body. */
export const BODY = { args: { body: '.' } } as const satisfies Endpoint<void>
/** `fields` and `include_fields` (default `true`). */
export const FIELDS = { fields: '?fields', includeFields: ['?include_fields', true] } as const
/** `page` and `per_page`, sent only when given. */
export const PAGE = { page: '?page', perPage: '?per_page' } as const
/** `page` (default 0) and `per_page` (default 25). */
export const PAGE_25 = { page: ['?page', 0], perPage: ['?per_page', 25] } as const
/** `page` (default 0) and `per_page` (default 50). */
export const PAGE_50 = { page: ['?page', 0], perPage: ['?per_page', 50] } as const
/** `include_totals`, default `true`. */
export const TOTALS = { includeTotals: ['?include_totals', true] } as const
/** `include_totals`, default `false`. */
export const NO_TOTALS = { includeTotals: ['?include_totals', false] } as const
/** Checkpoint paging: `from` and `take`. */
export const CHECKPOINT = { fromParam: '?from', take: '?take' } as const
/** Extra query parameters, spread into the query. */
export const EXTRA = { extraParams: '?*' } as const
