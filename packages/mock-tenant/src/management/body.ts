// Request-body checks of the Management API, from a table of field kinds: the first problem found is a 400
// `invalid_body` worded as a tenant words it, and what passes comes back typed.
import { badBody, isObject, type Json } from '../http.js'

/** What a body field must be. `string` means a non-empty string. */
export type FieldKind =
  'string' | 'boolean' | 'integer' | 'object' | 'string[]' | 'object[]' | 'unknown'

interface KindTypes {
  string: string
  boolean: boolean
  integer: number
  object: Json
  'string[]': string[]
  'object[]': Json[]
  unknown: unknown
}

/** The accepted fields of a body and their kinds. */
export type Fields = Readonly<Record<string, FieldKind>>

/** A checked body: each field that was sent, of its kind. */
export type BodyOf<F extends Fields> = { -readonly [K in keyof F]?: KindTypes[F[K]] }

/** How {@link checkBody} reads a body. */
export interface BodyRules<F extends Fields> {
  /** Fields that must be present. */
  readonly required?: readonly (keyof F & string)[]
  /** Keep fields that are not listed, unchecked (clients have dozens of settings). @default false */
  readonly open?: boolean
}

/** The JSON type name of a value, as Auth0's validation errors give it. */
export function typeOf(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number'
  return typeof v
}

function kindProblem(kind: FieldKind, v: unknown, key: string): string | undefined {
  const found = `but found type ${typeOf(v)} on property ${key}`
  switch (kind) {
    case 'string':
      if (typeof v !== 'string') return `Expected type string ${found}`
      return v === '' ? `String is too short (0 chars), minimum 1 on property ${key}` : undefined
    case 'boolean':
      return typeof v === 'boolean' ? undefined : `Expected type boolean ${found}`
    case 'integer':
      return Number.isInteger(v) ? undefined : `Expected type integer ${found}`
    case 'object':
      return isObject(v) ? undefined : `Expected type object ${found}`
    case 'string[]':
      return Array.isArray(v) && v.every((x) => typeof x === 'string')
        ? undefined
        : `Expected type array of strings ${found}`
    case 'object[]':
      return Array.isArray(v) && v.every(isObject)
        ? undefined
        : `Expected type array of objects ${found}`
    case 'unknown':
      return undefined
  }
}

/**
 * Checks a body against its fields: unknown fields first, then missing required ones, then kinds.
 *
 * @throws HttpError 400 `invalid_body` on the first problem
 */
export function checkBody<F extends Fields>(
  body: Json,
  fields: F,
  rules: BodyRules<F> = {},
): BodyOf<F> {
  if (!rules.open) {
    const extra = Object.keys(body).filter((k) => !Object.hasOwn(fields, k))
    if (extra.length > 0) throw badBody(`Additional properties not allowed: ${extra.join(',')}`)
  }
  for (const key of rules.required ?? [])
    if (body[key] === undefined) throw badBody(`Missing required property: ${key}`)
  for (const [key, kind] of Object.entries(fields)) {
    const v = body[key]
    if (v === undefined) continue
    const problem = kindProblem(kind, v, key)
    if (problem !== undefined) throw badBody(problem)
  }
  // every listed field was checked against its kind just above
  return structuredClone(body) as BodyOf<F>
}

/** Merges metadata the Management API way: one level deep, and a `null` removes the key. */
export function mergeMetadata(current: Json | undefined, patch: Json): Json {
  const out: Json = { ...current }
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]
    else out[k] = v
  }
  return out
}
