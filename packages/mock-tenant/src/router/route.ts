// What a route is: a method, a path template, what it needs from the caller, and its handler.
import type { Json } from '../http.js'
import type { Method } from './route-table.js'

/** Who called a protected route, from the verified bearer token. */
export interface ApiAuth {
  readonly scopes: ReadonlySet<string>
  readonly sub: string
}

/** The scopes a bearer token must hold: every one of them, or any one of them (as Auth0 lists them per operation). */
export type ScopeRule =
  { readonly allOf: readonly string[] } | { readonly anyOf: readonly string[] }

/** What a route handler receives. */
export interface RouteRequest<Auth = undefined> {
  readonly request: Request
  readonly url: URL
  /** Path parameters, decoded. */
  readonly params: Readonly<Record<string, string>>
  readonly query: URLSearchParams
  /** The JSON or form body when it is an object; `{}` otherwise. */
  readonly body: Json
  /** The body as sent: any JSON value, a form or multipart object, or `undefined` when empty. */
  readonly payload: unknown
  readonly auth: Auth
}

export type Handler<Auth = undefined> = (req: RouteRequest<Auth>) => Response | Promise<Response>

/** A route anyone may call (the Authentication API checks its own credentials). */
export interface PublicRoute {
  readonly method: Method
  readonly path: string
  readonly bearer?: undefined
  readonly handle: Handler
}

/** A route that needs a Management API bearer token with some scopes. */
export interface ProtectedRoute {
  readonly method: Method
  readonly path: string
  readonly bearer: ScopeRule
  readonly handle: Handler<ApiAuth>
}

export type Route = PublicRoute | ProtectedRoute

/** Which scopes are missing from `held`, or `undefined` when the rule is met. An empty rule is always met. */
export function missingScopes(
  rule: ScopeRule,
  held: ReadonlySet<string>,
): readonly string[] | undefined {
  if ('allOf' in rule) {
    const missing = rule.allOf.filter((s) => !held.has(s))
    return missing.length === 0 ? undefined : missing
  }
  return rule.anyOf.length === 0 || rule.anyOf.some((s) => held.has(s)) ? undefined : rule.anyOf
}
