/** A check of one option: returns what was expected when the value does not fit. */
export type Rule = (value: unknown) => string | undefined

const rule =
  (expected: string, ok: (value: unknown) => boolean): Rule =>
  (value) =>
    ok(value) ? undefined : expected

export const nonEmptyString = rule(
  'a non-empty string',
  (v) => typeof v === 'string' && v.length > 0,
)
export const url = rule(
  'an absolute http(s) URL',
  (v) => typeof v === 'string' && /^https?:\/\/[^\s]+$/i.test(v) && URL.canParse(v),
)
export const fn = rule('a function', (v) => typeof v === 'function')
export const nonNegative = rule(
  'a finite number >= 0',
  (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0,
)
export const positive = rule(
  'a finite number > 0',
  (v) => typeof v === 'number' && Number.isFinite(v) && v > 0,
)
export const boolean = rule('a boolean', (v) => typeof v === 'boolean')
export const oneOf = (values: readonly string[]): Rule =>
  rule(
    `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`,
    (v) => typeof v === 'string' && values.includes(v),
  )
/** One value, or a non-empty array of values, that each fit `inner`. */
export const oneOrMany =
  (inner: Rule): Rule =>
  (value) => {
    if (!Array.isArray(value)) return inner(value)
    const bad = value.length === 0 || value.some((v) => inner(v) !== undefined)
    return bad ? `${inner(undefined) ?? 'a value'}, or a non-empty array of them` : undefined
  }
export const arrayOf = (inner: Rule): Rule =>
  rule(
    `an array of ${inner(undefined) ?? 'values'}`,
    (v) => Array.isArray(v) && v.every((x) => inner(x) === undefined),
  )

/**
 * Checks an options object against its rules once, at construction: every problem is listed, by name, in a
 * single TypeError. Keys absent or `undefined` are skipped unless listed in `required`; unknown keys are errors.
 *
 * @throws TypeError when any option is missing, unknown or of the wrong type
 */
export function checkOptions(
  where: string,
  options: unknown,
  rules: Readonly<Record<string, Rule>>,
  required: readonly string[] = [],
): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`${where}: options must be an object`)
  }
  const values = options as Record<string, unknown>
  const problems: string[] = []
  for (const key of Object.keys(values))
    if (!(key in rules)) problems.push(`${key}: unknown option`)
  for (const [key, check] of Object.entries(rules)) {
    const value = values[key]
    if (value === undefined) {
      if (required.includes(key)) problems.push(`${key}: is required`)
      continue
    }
    const expected = check(value)
    if (expected !== undefined) problems.push(`${key}: expected ${expected}`)
  }
  if (problems.length > 0)
    throw new TypeError(`${where}: invalid options\n  - ${problems.join('\n  - ')}`)
}
