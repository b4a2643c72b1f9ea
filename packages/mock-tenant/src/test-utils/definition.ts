// Auth0's Management API definition, when `../shared/oas` holds it (it is never committed): a JSON Schema 2020-12
// validator (ajv) for the success body of every operation. Suites that need it skip, saying why, when it is absent.
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'

/** Where the definition lives, from the repository root's parent, as codegen reads it. */
const DEFINITION_PATH = resolve(
  import.meta.dirname,
  '../../../../../shared/oas/management-api-oas.json',
)

/** Why definition checks are skipped, or undefined when the definition is present. */
export const definitionMissing = existsSync(DEFINITION_PATH)
  ? undefined
  : `Auth0's definition is not at ${DEFINITION_PATH}: response bodies are not validated against it`

interface OasOperation {
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>
}
interface OasDocument {
  paths: Record<string, Record<string, OasOperation>>
  components: { schemas: Record<string, unknown> }
}

// The standard formats, written here independently of the emulator's own checks; Auth0's custom formats (client-id,
// connection-id, ...) are accepted as any string, as ajv does with `strict: false`.
const FORMATS: Record<string, RegExp | ((value: string) => boolean)> = {
  'date-time': (v) =>
    /^\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d)$/.test(v) &&
    !Number.isNaN(Date.parse(v)),
  date: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  email:
    /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9-]+)+$/,
  uri: /^[a-zA-Z][a-zA-Z0-9+.-]*:\S*$/,
  url: (v) => URL.canParse(v),
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  ipv4: /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/,
  ipv6: (v) => v.includes(':') && URL.canParse(`http://[${v}]/`),
  hostname:
    /^(?=.{1,253}$)[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/,
}

/** Validates success bodies against the definition, by method, path template and status. */
export interface DefinitionValidator {
  /** The problems of a body, as ajv words them; empty when it is valid. @throws Error for an unknown operation */
  problems(method: string, path: string, status: number, body: unknown): string[]
  /** Whether the definition declares this operation (node-auth0's additions are not in it). */
  has(method: string, path: string): boolean
  /** The problems of a body against a schema that may name the definition's schemas and the extra ones. */
  against(schema: unknown, body: unknown): string[]
}

let cached: DefinitionValidator | undefined

/**
 * The validator, built once per process (the first call's `extraSchemas`, such as node-auth0's additions, are added
 * beside the definition's schemas); undefined when the definition is absent.
 */
export function definitionValidator(
  extraSchemas: Record<string, unknown> = {},
): DefinitionValidator | undefined {
  if (definitionMissing !== undefined) return undefined
  if (cached) return cached
  const doc = JSON.parse(readFileSync(DEFINITION_PATH, 'utf8')) as OasDocument
  const ajv = new Ajv2020({ strict: false, unicodeRegExp: false, allErrors: false, logger: false })
  for (const [name, check] of Object.entries(FORMATS))
    ajv.addFormat(name, typeof check === 'function' ? { validate: check } : check)
  ajv.addSchema(
    { $id: 'oas', components: { schemas: { ...doc.components.schemas, ...extraSchemas } } },
    'oas',
  )
  const compiled = new Map<string, ValidateFunction>()
  const compile = (key: string, schema: unknown) => {
    let validate = compiled.get(key)
    if (!validate) {
      validate = ajv.compile({ $id: `oas-${compiled.size}`, ...rebase(schema) })
      compiled.set(key, validate)
    }
    return validate
  }
  const report = (validate: ValidateFunction, body: unknown) =>
    validate(body)
      ? []
      : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`)
  cached = {
    has: (method, path) => doc.paths[path]?.[method.toLowerCase()] !== undefined,
    problems(method, path, status, body) {
      const op = doc.paths[path]?.[method.toLowerCase()]
      if (!op) throw new Error(`The definition has no ${method} ${path}`)
      const content = op.responses[String(status)]?.content
      const schema = content && Object.values(content)[0]?.schema
      if (schema === undefined)
        return body === undefined || body === '' ? [] : [`/ no body is declared for ${status}`]
      return report(compile(`${method} ${path} ${status}`, schema), body)
    },
    against: (schema, body) => report(compile(JSON.stringify(schema), schema), body),
  }
  return cached
}

/** Points the definition's `#/components/...` references at the schema added as `oas`. */
function rebase(schema: unknown): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(schema).replace(/"#\/components\//g, '"oas#/components/'),
  ) as Record<string, unknown>
}
