// The response shapes of the generated table, put to work: `fits` checks a value against a shape (the JSON Schema
// keywords the table keeps), `sample` makes a valid value, and `conform` turns a stored record into a valid body,
// keeping what already fits, dropping fields the shape forbids and filling the required fields it lacks.
import {
  shapes as GENERATED,
  type JsonType,
  type Shape,
  type ShapeRef,
} from '../generated/operations.js'
import { formatSample, hasFormat } from './formats.js'
import { matches, sampleMatching, type Choices } from './pattern.js'

export type { Shape, ShapeRef } from '../generated/operations.js'

/** Shapes by name. */
export type ShapeTable = Readonly<Record<string, Shape>>

/** What a made-up value may depend on. */
export interface SampleContext {
  /** The clock, in epoch ms, for dates. */
  readonly now: number
  /** Where a pattern's characters come from; absent, the plainest string. */
  readonly choices?: Choices
  /** The field being filled, as a hint (`created_at`, `email`, ...). */
  readonly field?: string
}

type Kind = Exclude<JsonType, 'any'>

/** The JSON type of a value; `integer` for whole numbers. Undefined for what JSON cannot hold. */
export function kindOf(value: unknown): Kind | undefined {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'string':
      return 'string'
    case 'boolean':
      return 'boolean'
    case 'number':
      return Number.isFinite(value) ? (Number.isInteger(value) ? 'integer' : 'number') : undefined
    case 'object':
      return Array.isArray(value) ? 'array' : 'object'
    default:
      return undefined
  }
}

function typesOf(shape: Shape): readonly JsonType[] {
  return typeof shape.type === 'string' ? [shape.type] : shape.type
}

function allows(shape: Shape, kind: Kind): boolean {
  const types = typesOf(shape)
  return (
    types.includes('any') ||
    types.includes(kind) ||
    (kind === 'integer' && types.includes('number'))
  )
}

function equal(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && JSON.stringify(a) === JSON.stringify(b))
}

const length = (s: string) => [...s].length
const ANYTHING: Shape = { type: 'any' }

/** Checks, samples and conforms values against a table of shapes. */
export class Shapes {
  constructor(private readonly table: ShapeTable = GENERATED) {}

  /** The shape a reference names. @throws Error for a name the table lacks */
  resolve(ref: ShapeRef): Shape {
    if (typeof ref !== 'string') return ref
    const shape = this.table[ref]
    if (shape === undefined) throw new Error(`No shape named ${ref}`)
    return shape
  }

  /** The shape of one field of an object shape: declared, else what extra fields must be, else undefined. */
  field(ref: ShapeRef, key: string): ShapeRef | undefined {
    const shape = this.objectOf(ref)
    if (shape === undefined) return undefined
    const declared = shape.properties?.[key]
    if (declared !== undefined) return declared
    return shape.additional === false ? undefined : (shape.additional ?? ANYTHING)
  }

  /** The object shape behind a reference, following `oneOf`/`anyOf` to their first object alternative. */
  objectOf(ref: ShapeRef): Shape | undefined {
    const shape = this.resolve(ref)
    const alternatives = shape.oneOf ?? shape.anyOf
    if (alternatives === undefined)
      return allows(shape, 'object') && !typesOf(shape).includes('any')
        ? shape
        : shape.properties
          ? shape
          : undefined
    for (const a of alternatives) {
      const found = this.objectOf(a)
      if (found !== undefined) return found
    }
    return undefined
  }

  /**
   * Why a value with every declared field (and some items in each array) cannot follow a shape, when that is plain
   * from the shape itself: a required field that a closed object does not declare (Auth0's definition has a few).
   * Looks into fields and items, not into alternatives.
   */
  contradiction(ref: ShapeRef, seen = new Set<ShapeRef>()): string | undefined {
    const shape = this.resolve(ref)
    if (seen.has(ref) || shape.oneOf !== undefined || shape.anyOf !== undefined) return undefined
    seen.add(ref)
    for (const key of shape.required ?? [])
      if (shape.properties?.[key] === undefined && shape.additional === false)
        return `requires ${key}, which it does not allow`
    for (const [key, field] of Object.entries(shape.properties ?? {})) {
      const inner = this.contradiction(field, seen)
      if (inner !== undefined) return `${key} ${inner}`
    }
    const items = shape.items === undefined ? undefined : this.contradiction(shape.items, seen)
    return items === undefined ? undefined : `[] ${items}`
  }

  /** Whether a value follows a shape. */
  fits(value: unknown, ref: ShapeRef): boolean {
    const shape = this.resolve(ref)
    if (shape.oneOf !== undefined) {
      let count = 0
      for (const a of shape.oneOf) if (this.fits(value, a) && ++count > 1) return false
      return count === 1
    }
    if (shape.anyOf !== undefined) return shape.anyOf.some((a) => this.fits(value, a))
    if (shape.const !== undefined && !equal(value, shape.const)) return false
    if (shape.enum !== undefined && !shape.enum.some((e) => equal(e, value))) return false
    const kind = kindOf(value)
    if (kind === undefined || !allows(shape, kind)) return false
    switch (kind) {
      case 'string':
        return this.stringFits(value as string, shape)
      case 'integer':
      case 'number': {
        const n = value as number
        return (
          (shape.minimum === undefined || n >= shape.minimum) &&
          (shape.maximum === undefined || n <= shape.maximum)
        )
      }
      case 'array': {
        const items = value as unknown[]
        if (shape.minItems !== undefined && items.length < shape.minItems) return false
        if (shape.maxItems !== undefined && items.length > shape.maxItems) return false
        const item = shape.items
        return item === undefined || items.every((v) => this.fits(v, item))
      }
      case 'object':
        return this.objectFits(value as Record<string, unknown>, shape)
      default:
        return true
    }
  }

  private stringFits(value: string, shape: Shape): boolean {
    if (shape.minLength !== undefined && length(value) < shape.minLength) return false
    if (shape.maxLength !== undefined && length(value) > shape.maxLength) return false
    if (shape.pattern !== undefined && !matches(shape.pattern, value)) return false
    return shape.format === undefined || hasFormat(shape.format, value)
  }

  private objectFits(value: Record<string, unknown>, shape: Shape): boolean {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined)
    if (shape.minProperties !== undefined && keys.length < shape.minProperties) return false
    if (shape.maxProperties !== undefined && keys.length > shape.maxProperties) return false
    for (const key of shape.required ?? []) if (value[key] === undefined) return false
    for (const key of keys) {
      const declared = shape.properties?.[key]
      const rule = declared ?? shape.additional
      if (rule === false) return false
      if (rule !== undefined && !this.fits(value[key], rule)) return false
    }
    return true
  }

  /** Whether a shape admits values of a JSON type, following `oneOf`/`anyOf`. */
  admits(ref: ShapeRef, kind: Kind): boolean {
    const shape = this.resolve(ref)
    const alternatives = shape.oneOf ?? shape.anyOf
    return alternatives === undefined
      ? allows(shape, kind)
      : alternatives.some((a) => this.admits(a, kind))
  }

  /** A fuller valid value than {@link Shapes.sample}: an object gets every declared field, when that still fits. */
  example(ref: ShapeRef, context: SampleContext): unknown {
    const object = this.objectOf(ref)
    if (object !== undefined) {
      const full = this.conform(this.sampleObject(object, context, true), ref, context)
      if (this.fits(full, ref)) return full
    }
    return this.sample(ref, context)
  }

  /** A valid value of a shape: its const, its first enum value, or the plainest value of its first type. */
  sample(ref: ShapeRef, context: SampleContext): unknown {
    const shape = this.resolve(ref)
    if (shape.const !== undefined) return shape.const
    if (shape.enum !== undefined) return shape.enum.find((e) => e !== null) ?? shape.enum[0]
    const alternatives = shape.oneOf ?? shape.anyOf
    if (alternatives !== undefined) {
      // an alternative's plainest value may fit several; with every declared field it rarely does
      for (const full of [false, true])
        for (const a of alternatives) {
          const value = full
            ? this.sampleObject(this.resolve(a), context, true)
            : this.sample(a, context)
          if (this.fits(value, shape)) return value
        }
      return this.sample(alternatives[0] as ShapeRef, context)
    }
    switch (this.preferredType(shape)) {
      case 'null':
        return null
      case 'boolean':
        return false
      case 'integer':
      case 'number':
        return this.sampleNumber(shape)
      case 'string':
        return this.sampleString(shape, context)
      case 'array': {
        const item = shape.items ?? ANYTHING
        return Array.from({ length: shape.minItems ?? 0 }, () => this.sample(item, context))
      }
      default:
        return this.sampleObject(shape, context)
    }
  }

  private preferredType(shape: Shape): Kind {
    const concrete = typesOf(shape).filter((t): t is Kind => t !== 'any' && t !== 'null')
    if (concrete[0] !== undefined) return concrete[0]
    if (shape.items !== undefined) return 'array'
    if (typesOf(shape).includes('null') && shape.properties === undefined) return 'null'
    return 'object'
  }

  private sampleNumber(shape: Shape): number {
    const integer = !typesOf(shape).includes('number')
    let n = shape.minimum ?? Math.min(0, shape.maximum ?? 0)
    if (integer) n = Math.ceil(n)
    return n
  }

  private sampleString(shape: Shape, context: SampleContext): string {
    const fits = (s: string | undefined): s is string =>
      s !== undefined && this.stringFits(s, shape)
    const bounds = {
      ...(shape.minLength === undefined ? {} : { minLength: shape.minLength }),
      ...(shape.maxLength === undefined ? {} : { maxLength: shape.maxLength }),
    }
    const byFormat =
      shape.format === undefined ? undefined : formatSample(shape.format, context.now)
    if (fits(byFormat)) return byFormat
    if (shape.pattern !== undefined) {
      const byPattern = sampleMatching(shape.pattern, bounds, context.choices)
      if (fits(byPattern)) return byPattern
    }
    const hinted = hint(context)
    if (fits(hinted)) return hinted
    let s = 'mock'
    while (length(s) < (shape.minLength ?? 0)) s += '-mock'
    return [...s].slice(0, Math.max(shape.maxLength ?? Infinity, shape.minLength ?? 0)).join('')
  }

  /** The required fields (all declared ones when `full`), then more until `minProperties` is met. */
  private sampleObject(
    shape: Shape,
    context: SampleContext,
    full = false,
  ): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    const extra = shape.additional === false ? ANYTHING : (shape.additional ?? ANYTHING)
    const fieldShape = (key: string): ShapeRef => shape.properties?.[key] ?? extra
    const add = (key: string) =>
      (out[key] = this.sample(fieldShape(key), { ...context, field: key }))
    for (const key of shape.required ?? []) add(key)
    const enough = () => !full && Object.keys(out).length >= (shape.minProperties ?? 0)
    for (const key of Object.keys(shape.properties ?? {})) if (!enough() && !(key in out)) add(key)
    const count = () => Object.keys(out).length
    for (let i = 1; count() < (shape.minProperties ?? 0) && shape.additional !== false; i++)
      add(`mock-${i}`)
    return out
  }

  /**
   * A valid value made from `value`: unchanged when it fits; an object keeps the fields that fit (or can be made to),
   * loses the ones the shape forbids or that cannot fit, and gains samples of the required ones it lacks.
   */
  conform(value: unknown, ref: ShapeRef, context: SampleContext): unknown {
    if (this.fits(value, ref)) return value
    const shape = this.resolve(ref)
    const alternatives = shape.oneOf ?? shape.anyOf
    if (alternatives !== undefined) {
      // alternatives of the value's own kind first (an envelope stays an envelope, not an empty array); when the value
      // fits several, every declared field of one, overlaid with the value, singles that one out. A paging cursor
      // (`next`) is never made up: it would send a client after a page that does not exist.
      const kind = kindOf(value)
      const own = alternatives.filter((a) => kind !== undefined && this.admits(a, kind))
      const attempts = [
        ...own.map((a) => () => this.conform(value, a, context)),
        ...(kind === 'object'
          ? own.map((a) => () => {
              const { next: _cursor, ...full } = this.sampleObject(this.resolve(a), context, true)
              return this.conform({ ...full, ...(value as object) }, a, context)
            })
          : []),
        // a value of another kind altogether becomes one of the alternatives (its data cannot be kept)
        ...(own.length > 0 ? [] : alternatives.map((a) => () => this.conform(value, a, context))),
      ]
      for (const attempt of attempts) {
        const candidate = attempt()
        if (this.fits(candidate, shape)) return candidate
      }
      // nothing fits (the alternatives overlap): keep the value's data in the shape of its own kind
      return own[0] === undefined
        ? this.sample(shape, context)
        : this.conform(value, own[0], context)
    }
    const kind = kindOf(value)
    if (kind === 'object' && allows(shape, 'object'))
      return this.conformObject(value as Record<string, unknown>, shape, context)
    if (kind === 'array' && allows(shape, 'array')) {
      const item = shape.items ?? ANYTHING
      const items = (value as unknown[])
        .slice(0, shape.maxItems ?? Infinity)
        .map((v) => this.conform(v, item, context))
      while (items.length < (shape.minItems ?? 0)) items.push(this.sample(item, context))
      return items
    }
    return this.sample(shape, context)
  }

  private conformObject(
    value: Record<string, unknown>,
    shape: Shape,
    context: SampleContext,
  ): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    const required = new Set(shape.required ?? [])
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined) continue
      const rule = shape.properties?.[key] ?? shape.additional
      if (rule === false) continue
      if (rule === undefined || this.fits(v, rule)) {
        out[key] = v
        continue
      }
      const kind = kindOf(v)
      const nested = (kind === 'object' || kind === 'array') && allows(this.resolve(rule), kind)
      if (required.has(key) || nested) {
        const made = this.conform(v, rule, { ...context, field: key })
        // where the definition contradicts itself nothing fits: the stored data is kept rather than lost
        if (this.fits(made, rule) || this.contradiction(rule) !== undefined) out[key] = made
      }
    }
    for (const key of required)
      if (out[key] === undefined)
        out[key] = this.sample(shape.properties?.[key] ?? (shape.additional || ANYTHING), {
          ...context,
          field: key,
        })
    const optional = Object.keys(out).filter((k) => !required.has(k))
    while (shape.maxProperties !== undefined && Object.keys(out).length > shape.maxProperties) {
      const last = optional.pop()
      if (last === undefined) break
      delete out[last]
    }
    for (const key of Object.keys(shape.properties ?? {})) {
      if (Object.keys(out).length >= (shape.minProperties ?? 0)) break
      if (!(key in out))
        out[key] = this.sample(shape.properties?.[key] as ShapeRef, { ...context, field: key })
    }
    return out
  }
}

/** A plain string suggested by the field's name: a date for `*_at`, an address for `email`, a URL for `*_url`. */
function hint(context: SampleContext): string | undefined {
  const field = context.field
  if (field === undefined) return undefined
  if (/(^|_)(at|date)$/.test(field)) return new Date(context.now).toISOString()
  if (/(^|_)email$/.test(field)) return 'mock.user@example.com'
  if (/(^|_)(url|uri)$/.test(field)) return 'https://tenant.mock.test/'
  return `mock-${field.replace(/_/g, '-')}`
}
