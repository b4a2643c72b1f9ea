import type { FileContent, HttpMethod, QueryValue } from '@auth0-ts/core'

/**
 * Where a call's request object goes.
 *
 * - `query`: its keys are query parameters (wire names). Array values repeat the key (`strategy=a&strategy=b`), as
 *   OpenAPI's default `form` style and node-auth0 v7.1 send them.
 * - `json`: it is the JSON body, whatever its type (an object, an array, a string or a `oneOf` value).
 * - `multipart`: its keys are `multipart/form-data` parts; an {@link Upload} value is a file part.
 */
export type RequestKind = 'query' | 'json' | 'multipart'

/**
 * What a successful response carries, when it is not a JSON value.
 *
 * - `none`: the definition declares no body (204, or a 2xx without content); the result is `void`.
 * - `optional`: some 2xx statuses carry a JSON body and others none; the result may be `undefined`.
 * - `stream`: `text/event-stream`; each event's `data` is the operation's response type.
 */
export type ResponseKind = 'none' | 'optional' | 'stream'

/**
 * How a list pages.
 *
 * - `page`: `page` (from 0) and `per_page`; `include_totals=true` selects the object shape with `total`.
 * - `checkpoint`: `from` and `take`; the object shape's `next` is the following `from`.
 * - `both`: the operation accepts either style.
 */
export type Paging = 'page' | 'checkpoint' | 'both'

/** A paginated list: where its items are and how it pages. */
export interface ListSpec {
  /**
   * The key of the items in the paginated object (`users` in `{ users, total, start, limit }`). Absent when the
   * response is always a bare array.
   */
  readonly items?: string
  /** How the list pages. */
  readonly paging: Paging
}

/**
 * One Management API operation, as data: what `ManagementClient` needs to send it. Generated from Auth0's definition
 * into `generated/operations/*.ts`; a newcomer reads one without a legend, and the client interprets every field in
 * one place.
 *
 * The call's arguments are the path parameters, positionally in path order, then one request object (see
 * {@link RequestKind}).
 */
export interface OperationSpec {
  readonly method: HttpMethod
  /** Relative to `/api/v2`, such as `/users/{id}/roles`; each `{name}` is filled, percent-encoded, in order. */
  readonly path: string
  /** Where the request object goes. Absent: the operation takes none. */
  readonly request?: RequestKind
  /** Absent: the response is a JSON value. */
  readonly response?: ResponseKind
  /** Present when the operation returns a paginated list. */
  readonly list?: ListSpec
  /** The query values node-auth0 v7.1 sends when the caller leaves them out (`page=0&per_page=50&include_totals=true`). */
  readonly defaults?: Readonly<Record<string, QueryValue>>
  /** The definition lists the `auth0-custom-domain` header on this operation. */
  readonly customDomain?: true
}

declare const types: unique symbol

/**
 * An {@link OperationSpec} with its types: `Args` the labelled path parameters, `Req` the request object (`void`
 * when there is none), `Res` the parsed result and, for lists, `Item` the type of one item. The types exist only at
 * compile time.
 *
 * @example
 * ```ts
 * import { users } from './generated/index.js'
 * type Roles = ResponseOf<typeof users.roles.list> // T.ListUserRolesResponseContent
 * ```
 */
export interface Operation<
  Args extends readonly unknown[],
  Req,
  Res,
  Item = never,
> extends OperationSpec {
  /** Phantom: never present at run time. */
  readonly [types]?: {
    readonly args: Args
    readonly request: Req
    readonly response: Res
    readonly item: Item
  }
}

/** The path parameters of an operation, as a labelled tuple in path order. */
export type ArgsOf<O> = O extends Operation<infer A, unknown, unknown, unknown> ? A : never
/** The request object of an operation; `void` when it takes none. */
export type RequestOf<O> =
  O extends Operation<readonly unknown[], infer R, unknown, unknown> ? R : never
/** The result of an operation. */
export type ResponseOf<O> =
  O extends Operation<readonly unknown[], unknown, infer R, unknown> ? R : never
/** The type of one item of a list operation; `never` for other operations. */
export type ItemOf<O> =
  O extends Operation<readonly unknown[], unknown, unknown, infer I> ? I : never

/** A file for a `multipart` request: its content, or its content with a file name and a content type. */
export type Upload =
  | FileContent
  | { readonly file: FileContent; readonly filename?: string; readonly contentType?: string }
