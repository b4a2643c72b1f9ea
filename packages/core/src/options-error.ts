const BRAND = Symbol.for('auth0-ts.OptionsError')

/**
 * Bad options given to a constructor or a call, found before anything is sent. Every problem is listed, by path, in
 * `problems` and in the message; nothing was half done. Every auth0-ts package throws this one class.
 *
 * @example
 * ```ts
 * try {
 *   new ManagementClient({ domain: 'https://tenant.auth0.com', token: '' })
 * } catch (e) {
 *   if (isOptionsError(e)) console.error(e.problems) // ['domain: expected a host name ...', 'token: ...']
 * }
 * ```
 */
export class OptionsError extends TypeError {
  override name = 'OptionsError'
  /** A stable code to switch on. */
  readonly code = 'invalid_options'
  /** What was being checked, such as `ManagementClient options`. */
  readonly where: string
  /** Each problem as `path: what was expected`, in the order found. */
  readonly problems: readonly string[]

  /** @param where what was being checked, such as `ManagementClient options` */
  constructor(where: string, problems: readonly string[]) {
    super(`Invalid ${where}:\n  - ${problems.join('\n  - ')}`)
    this.where = where
    this.problems = Object.freeze([...problems])
    Object.defineProperty(this, BRAND, { value: true, enumerable: false })
  }
}

/** Whether `e` is an {@link OptionsError}, from any copy of the package. */
export function isOptionsError(e: unknown): e is OptionsError {
  return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[BRAND] === true
}
