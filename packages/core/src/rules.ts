// The one way auth0-ts checks options: small rule functions and a checker that lists every problem. No schema library,
// so the paths whose size we promise (one management resource, GetToken with a secret) stay small. Rules built at module
// level are marked pure, so that a bundler drops the ones an app does not use.
import { OptionsError } from './options-error.js'

/** A check of one value: returns what was expected when the value does not fit, `undefined` when it fits. */
export type Rule = (value: unknown) => string | undefined

/** A rule from a description of what is expected and a predicate. */
export const rule =
  (expected: string, ok: (value: unknown) => boolean): Rule =>
  (value) =>
    ok(value) ? undefined : expected

/** Plain objects (not arrays, not null). */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

export const string = /* @__PURE__ */ rule('a string', (v) => typeof v === 'string')
export const nonEmptyString = /* @__PURE__ */ rule(
  'a non-empty string',
  (v) => typeof v === 'string' && v.length > 0,
)
export const url = /* @__PURE__ */ rule(
  'an absolute http(s) URL',
  (v) => typeof v === 'string' && /^https?:\/\/[^\s]+$/i.test(v) && URL.canParse(v),
)
export const fn = /* @__PURE__ */ rule('a function', (v) => typeof v === 'function')
export const boolean = /* @__PURE__ */ rule('a boolean', (v) => typeof v === 'boolean')
export const object = /* @__PURE__ */ rule('an object', isRecord)
export const nonNegative = /* @__PURE__ */ rule(
  'a finite number >= 0',
  (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0,
)
export const positive = /* @__PURE__ */ rule(
  'a finite number > 0',
  (v) => typeof v === 'number' && Number.isFinite(v) && v > 0,
)
export const finite = /* @__PURE__ */ rule(
  'a finite number',
  (v) => typeof v === 'number' && Number.isFinite(v),
)
/** An integer in `[min, max]`. */
export const integer = (min: number, max: number): Rule =>
  rule(
    `an integer from ${min} to ${max}`,
    (v) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max,
  )
/** One of the given strings. */
export const oneOf = (values: readonly string[]): Rule =>
  rule(
    `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`,
    (v) => typeof v === 'string' && values.includes(v),
  )
/** An object with the given methods, such as `{ get, set }`. */
export const withMethods = (...names: readonly string[]): Rule =>
  rule(
    `an object with ${names.length > 1 ? 'functions' : 'a function'} ${names.join(', ')}`,
    (v) =>
      typeof v === 'object' &&
      v !== null &&
      names.every((n) => typeof (v as Record<string, unknown>)[n] === 'function'),
  )
/** Either rule. */
export const either =
  (a: Rule, b: Rule): Rule =>
  (value) => {
    const ea = a(value)
    if (ea === undefined) return undefined
    const eb = b(value)
    return eb === undefined ? undefined : `${ea}, or ${eb}`
  }
/** One value, or a non-empty array of values, that each fit `inner`. */
export const oneOrMany =
  (inner: Rule): Rule =>
  (value) => {
    if (!Array.isArray(value)) return inner(value) === undefined ? undefined : describeMany(inner)
    const bad = value.length === 0 || value.some((v) => inner(v) !== undefined)
    return bad ? describeMany(inner) : undefined
  }
const describeMany = (inner: Rule): string =>
  `${inner(Symbol()) ?? 'a value'}, or a non-empty array of them`
/** An array whose items each fit `inner`. */
export const arrayOf = (inner: Rule): Rule =>
  rule(
    `an array of ${inner(Symbol()) ?? 'values'}`,
    (v) => Array.isArray(v) && v.every((x) => inner(x) === undefined),
  )

/** The rules of an options object: one per accepted key. */
/** `https` or `http`: the protocol option of every client. */
export const protocol = /* @__PURE__ */ oneOf(['https', 'http'])
/** A token source: a non-empty string, or a function that returns one. */
export const tokenSource = /* @__PURE__ */ rule(
  'a non-empty string or a function that returns one',
  (v) => typeof v === 'function' || (typeof v === 'string' && v !== ''),
)
/** A rate limiter (`{ acquire, update }`), or `false` for none. */
export const rateLimiter = /* @__PURE__ */ rule(
  '{ acquire, update } or false',
  (v) =>
    v === false ||
    (typeof v === 'object' &&
      v !== null &&
      typeof (v as Record<string, unknown>)['acquire'] === 'function' &&
      typeof (v as Record<string, unknown>)['update'] === 'function'),
)
/** An `AbortSignal`. */
export const abortSignal = /* @__PURE__ */ rule('an AbortSignal', (v) => v instanceof AbortSignal)

export type Rules = Readonly<Record<string, Rule>>

/** How {@link optionProblems} reads an options object. */
export interface CheckSettings {
  /** Keys that must be present (not `undefined`). */
  readonly required?: readonly string[]
  /** Prefixed to every path, such as `restOptions.`. */
  readonly prefix?: string
  /** Keys accepted without a rule (checked elsewhere). Any other key without a rule is reported as unknown. */
  readonly known?: readonly string[]
  /** Accept any key without a rule (an open object, such as per-call options that wrappers extend). @default false */
  readonly open?: boolean
}

/**
 * Lists the problems of an options object, as `path: expected ...`, without throwing, so that callers can combine the
 * problems of several objects into one {@link OptionsError}. Keys absent or `undefined` are skipped unless required.
 */
export function optionProblems(
  options: unknown,
  rules: Rules,
  settings: CheckSettings = {},
): string[] {
  const prefix = settings.prefix ?? ''
  if (options === undefined && !settings.required?.length) return []
  if (!isRecord(options))
    return [`${prefix ? prefix.replace(/\.$/, '') : '(root)'}: expected an object`]
  const problems: string[] = []
  if (!settings.open)
    for (const key of Object.keys(options))
      if (!Object.hasOwn(rules, key) && !settings.known?.includes(key))
        problems.push(`${prefix}${key}: unknown option`)
  for (const [key, check] of Object.entries(rules)) {
    const value = options[key]
    if (value === undefined) {
      if (settings.required?.includes(key)) problems.push(`${prefix}${key}: is required`)
      continue
    }
    const expected = check(value)
    if (expected !== undefined) problems.push(`${prefix}${key}: expected ${expected}`)
  }
  return problems
}

/**
 * Checks an options object once, at construction: every problem is listed, by path, in one {@link OptionsError}.
 *
 * @throws OptionsError when any option is missing, unknown or of the wrong type
 */
export function checkOptions(
  where: string,
  options: unknown,
  rules: Rules,
  settings?: CheckSettings,
): void {
  const problems = optionProblems(options, rules, settings)
  if (problems.length > 0) throw new OptionsError(where, problems)
}
