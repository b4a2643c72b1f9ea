// JSON Schema → TypeScript type expressions. Pure functions of the schema and a naming function for `$ref`s, so
// the same renderer serves structural comparison (names are class ids) and emission (names are type names).
import { refName, type JsonSchema } from './model.js'

export interface RenderOptions {
  /** The type name to print for a `$ref` to this schema name. */
  nameOf: (schema: string) => string
  /** Add `| undefined` to optional properties (request objects, which users fill from optional values). */
  optionalUndefined?: boolean
}

interface Rendered {
  text: string
  /** A top-level `|` or `&`: needs parentheses inside `T[]` or beside another operator. */
  compound: boolean
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/** A property key as TypeScript accepts it. */
export function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name)
}

export function typesOf(s: JsonSchema): string[] {
  return s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type]
}

function literal(value: unknown): string {
  if (value === null) return 'null'
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return JSON.stringify(value)
  return 'unknown'
}

function union(parts: Rendered[]): Rendered {
  const texts: string[] = []
  for (const p of parts) {
    const t = p.compound && p.text.includes('&') && !p.text.startsWith('(') ? `(${p.text})` : p.text
    if (!texts.includes(t)) texts.push(t)
  }
  if (texts.includes('unknown')) return { text: 'unknown', compound: false }
  if (texts.length === 1) return { text: texts[0] as string, compound: parts[0]?.compound ?? false }
  return { text: texts.join(' | '), compound: true }
}

function intersection(parts: Rendered[]): Rendered {
  const texts: string[] = []
  for (const p of parts) {
    const t = p.compound ? `(${p.text})` : p.text
    if (t !== 'unknown' && !texts.includes(t)) texts.push(t)
  }
  if (texts.length === 0) return { text: 'unknown', compound: false }
  if (texts.length === 1) {
    const only = parts.find((p) => (p.compound ? `(${p.text})` : p.text) === texts[0]) as Rendered
    return only
  }
  return { text: texts.join(' & '), compound: true }
}

/** An object schema that allows anything: it adds nothing to an intersection. */
function isAnyObject(s: JsonSchema): boolean {
  const keys = Object.keys(s).filter((k) => !IGNORED.has(k))
  return (
    keys.every((k) => k === 'type' || k === 'additionalProperties') &&
    (s.type === undefined || s.type === 'object') &&
    (s.additionalProperties === undefined || s.additionalProperties === true)
  )
}

/** Keywords that never change the TypeScript type. */
const IGNORED = new Set([
  'description',
  'summary',
  'title',
  'default',
  'example',
  'examples',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'contains',
  'readOnly',
  'writeOnly',
  'deprecated',
  'discriminator',
  'x-release-lifecycle',
  'x-merge-priority',
])

function objectType(s: JsonSchema, o: RenderOptions): Rendered {
  const required = new Set(s.required ?? [])
  const props = Object.entries(s.properties ?? {})
  const ap = s.additionalProperties
  const apType = typeof ap === 'object' ? renderInner(ap, o) : undefined
  const members: string[] = []
  const propTypes: Rendered[] = []
  for (const [name, schema] of props) {
    const metadata = name === 'user_metadata' || name === 'app_metadata'
    const t = metadata && isOpenObject(schema) ? RECORD : renderInner(schema, o)
    propTypes.push(t)
    const optional = !required.has(name)
    const deprecated = schema.deprecated === true ? '/** @deprecated */ ' : ''
    const type = optional && o.optionalUndefined === true ? `${t.text} | undefined` : t.text
    members.push(`${deprecated}${propertyKey(name)}${optional ? '?' : ''}: ${type}`)
  }
  // Keys required here but declared elsewhere (an allOf member) or only through additionalProperties.
  for (const name of required)
    if (!props.some(([p]) => p === name))
      members.push(`${propertyKey(name)}: ${apType?.text ?? 'unknown'}`)
  if (ap !== false) {
    let index = apType ?? { text: 'unknown', compound: false }
    if (apType !== undefined && props.length > 0) {
      const anyOptional = props.some(([p]) => !required.has(p))
      index = union([
        apType,
        ...propTypes,
        ...(anyOptional ? [{ text: 'undefined', compound: false }] : []),
      ])
    }
    if (members.length === 0) return { text: `Record<string, ${index.text}>`, compound: false }
    members.push(`[key: string]: ${index.text}`)
  }
  if (members.length === 0) return { text: 'Record<string, never>', compound: false }
  return { text: `{ ${members.join('; ')} }`, compound: false }
}

const RECORD: Rendered = { text: 'Record<string, unknown>', compound: false }

function isOpenObject(s: JsonSchema): boolean {
  return (
    s.$ref !== undefined ||
    isAnyObject(s) ||
    (s.type === 'object' && s.additionalProperties !== false)
  )
}

function base(s: JsonSchema, o: RenderOptions, types: string[]): Rendered | undefined {
  if ('const' in s) return { text: literal(s.const), compound: false }
  if (s.enum !== undefined) {
    const values = s.enum.filter((v) => v !== null || types.length === 0 || types.includes('null'))
    return union(values.map((v) => ({ text: literal(v), compound: false })))
  }
  const nonNull = types.filter((t) => t !== 'null')
  const hasObjectKeywords = s.properties !== undefined || typeof s.additionalProperties === 'object'
  if (nonNull.length === 0 && hasObjectKeywords) return objectType(s, o)
  if (nonNull.length === 0 && s.items !== undefined) return arrayType(s, o)
  if (nonNull.length === 0)
    return types.includes('null') ? { text: 'null', compound: false } : undefined
  return union(
    nonNull.map((t): Rendered => {
      switch (t) {
        case 'string':
          return {
            text: s.contentMediaType !== undefined || s.format === 'binary' ? 'Upload' : 'string',
            compound: false,
          }
        case 'integer':
        case 'number':
          return { text: 'number', compound: false }
        case 'boolean':
          return { text: 'boolean', compound: false }
        case 'array':
          return arrayType(s, o)
        case 'object':
          return objectType(s, o)
        default:
          throw new Error(`unsupported JSON Schema type ${t}`)
      }
    }),
  )
}

function arrayType(s: JsonSchema, o: RenderOptions): Rendered {
  const item =
    s.items === undefined ? { text: 'unknown', compound: false } : renderInner(s.items, o)
  return { text: item.compound ? `(${item.text})[]` : `${item.text}[]`, compound: false }
}

function renderInner(s: JsonSchema, o: RenderOptions): Rendered {
  if (s.$ref !== undefined) return { text: o.nameOf(refName(s.$ref)), compound: false }
  const types = typesOf(s)
  const nullable = types.includes('null') || s.nullable === true
  const parts: Rendered[] = []
  const b = base(s, o, types)
  const composite = s.allOf !== undefined || s.oneOf !== undefined || s.anyOf !== undefined
  // A bare `type` beside allOf/oneOf only restates what the members say.
  const trivialBase =
    b !== undefined &&
    composite &&
    s.properties === undefined &&
    typeof s.additionalProperties !== 'object' &&
    s.enum === undefined &&
    !('const' in s) &&
    s.items === undefined
  if (b !== undefined && !trivialBase) parts.push(b)
  if (s.allOf !== undefined) {
    const members = s.allOf.filter((m) => !isAnyObject(m))
    if (members.length > 0) parts.push(intersection(members.map((m) => renderInner(m, o))))
    else if (parts.length === 0) parts.push(RECORD)
  }
  const alternatives = s.oneOf ?? s.anyOf
  if (alternatives !== undefined) parts.push(union(alternatives.map((m) => renderInner(m, o))))
  // Keys an outer `required` adds to allOf members: `{ key: unknown }` makes them required in the intersection.
  if (s.allOf !== undefined && s.properties === undefined && (s.required?.length ?? 0) > 0)
    parts.push({
      text: `{ ${(s.required ?? []).map((k) => `${propertyKey(k)}: unknown`).join('; ')} }`,
      compound: false,
    })
  let out = parts.length === 0 ? { text: 'unknown', compound: false } : intersection(parts)
  if (nullable && out.text !== 'unknown' && !/(^|\| )null( \||$)/.test(out.text))
    out = union([out, { text: 'null', compound: false }])
  return out
}

/** The TypeScript type of a schema. */
export function renderType(s: JsonSchema, o: RenderOptions): string {
  return renderInner(s, o).text
}

/** Whether a rendered type is an object literal type, which can be declared as an interface. */
export function isObjectLiteralType(text: string): boolean {
  if (!text.startsWith('{') || !text.endsWith('}')) return false
  // `{ a: 1 } | { b: 2 }` starts and ends with braces too: check the first brace closes at the end.
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '{' || c === '(' || c === '[') depth++
    else if (c === '}' || c === ')' || c === ']') depth--
    else if (c === '"' || c === "'") {
      const quote = c
      for (i++; i < text.length && text[i] !== quote; i++) if (text[i] === '\\') i++
    }
    if (depth === 0 && i < text.length - 1) return false
  }
  return true
}
