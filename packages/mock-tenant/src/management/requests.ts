// The generated request checks of an operation: required query parameters and body fields, their basic types and
// enums, and no unknown body field where the definition closes the body. A failure is a 400 in Auth0's shape.
import type { FieldCheck, JsonType, OperationEntry } from '../generated/operations.js'
import { badBody, badQuery, isObject } from '../http.js'
import { kindOf } from '../schema/shapes.js'

const types = (t: JsonType | readonly JsonType[]): readonly JsonType[] =>
  typeof t === 'string' ? [t] : t

/** The JSON type name of a value, as Auth0's validation messages give it. */
function typeName(value: unknown): string {
  return kindOf(value) ?? typeof value
}

function isType(value: unknown, type: JsonType | readonly JsonType[]): boolean {
  const kind = kindOf(value)
  return types(type).some(
    (t) => t === 'any' || t === kind || (t === 'number' && kind === 'integer'),
  )
}

/** A query value as the type its check names, or undefined when it is not one. */
function parseQueryValue(raw: string, type: JsonType): unknown {
  switch (type) {
    case 'integer':
      return /^-?\d+$/.test(raw) ? Number(raw) : undefined
    case 'number':
      return raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : undefined
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : undefined
    default:
      return raw
  }
}

function queryValueProblem(name: string, raw: string, check: FieldCheck): string | undefined {
  const wanted = types(check.type)
  if (wanted.includes('any') || wanted.includes('string') || wanted.includes('object')) {
    if (check.enum !== undefined && !check.enum.includes(raw))
      return `Invalid value "${raw}" on property ${name}: it must be one of ${check.enum.join(', ')}`
    return undefined
  }
  if (wanted.includes('array')) {
    const itemType = check.items === undefined ? 'string' : (types(check.items)[0] ?? 'string')
    const bad = raw.split(',').find((v) => parseQueryValue(v, itemType) === undefined)
    return bad === undefined
      ? undefined
      : `Expected type ${itemType} but found type string on property ${name}`
  }
  const parsed = wanted.map((t) => parseQueryValue(raw, t)).find((v) => v !== undefined)
  if (parsed === undefined)
    return `Expected type ${wanted.join(',')} but found type string on property ${name}`
  if (check.enum !== undefined && !check.enum.includes(parsed as string | number | boolean))
    return `Invalid value "${raw}" on property ${name}: it must be one of ${check.enum.join(', ')}`
  return undefined
}

/**
 * Checks an operation's query parameters: required ones present, each value of its basic type and enum.
 *
 * @throws HttpError 400 `invalid_query_string` on the first problem
 */
export function checkQuery(op: OperationEntry, query: URLSearchParams): void {
  for (const [name, check] of Object.entries(op.query ?? {})) {
    const values = query.getAll(name)
    if (values.length === 0) {
      if (check.required) throw badQuery(`Missing required property: ${name}`)
      continue
    }
    for (const raw of values) {
      const problem = queryValueProblem(name, raw, check)
      if (problem !== undefined) throw badQuery(problem)
    }
  }
}

function fieldProblem(name: string, value: unknown, check: FieldCheck): string | undefined {
  if (!isType(value, check.type))
    return `Expected type ${types(check.type).join(',')} but found type ${typeName(value)} on property ${name}`
  if (check.enum !== undefined && !check.enum.some((e) => e === value))
    return `Invalid value "${String(value)}" on property ${name}: it must be one of ${check.enum.join(', ')}`
  if (check.items !== undefined && Array.isArray(value)) {
    const bad = value.find((v) => !isType(v, check.items as JsonType | readonly JsonType[]))
    if (bad !== undefined)
      return `Expected type ${types(check.items).join(',')} but found type ${typeName(bad)} on property ${name}[]`
  }
  return undefined
}

/**
 * Checks an operation's body: its type, required fields, the basic type and enum of each field it declares, and no
 * unknown field where the definition closes it. A multipart body's parts are strings, so only presence is checked.
 *
 * @throws HttpError 400 `invalid_body` on the first problem
 */
export function checkPayload(op: OperationEntry, payload: unknown): void {
  const check = op.body
  if (check === undefined) return
  if (payload === undefined) {
    if ((check.required ?? []).length > 0)
      throw badBody(`Missing required property: ${(check.required ?? [])[0]}`)
    return
  }
  if (!isType(payload, check.type))
    throw badBody(
      `Expected type ${types(check.type).join(',')} but found type ${typeName(payload)}`,
    )
  if (!isObject(payload)) return
  if (check.open === false) {
    const extra = Object.keys(payload).filter((k) => check.fields?.[k] === undefined)
    if (extra.length > 0) throw badBody(`Additional properties not allowed: ${extra.join(',')}`)
  }
  for (const key of check.required ?? [])
    if (payload[key] === undefined) throw badBody(`Missing required property: ${key}`)
  if (op.request === 'multipart') return
  for (const [key, field] of Object.entries(check.fields ?? {})) {
    const value = payload[key]
    if (value === undefined) continue
    const problem = fieldProblem(key, value, field)
    if (problem !== undefined) throw badBody(problem)
  }
}
