// Strings that match a JSON Schema `pattern`: a small parser for the regular expressions Auth0's definition uses
// (classes, groups, alternation, quantifiers; lookarounds are skipped), a generator over its tree, and a final check
// with the real RegExp, so a string is only ever returned when it matches.

type Range = readonly [number, number]

type Node =
  | { readonly kind: 'seq'; readonly items: readonly Node[] }
  | { readonly kind: 'alt'; readonly options: readonly Node[] }
  | { readonly kind: 'repeat'; readonly node: Node; readonly min: number; readonly max: number }
  | { readonly kind: 'set'; readonly ranges: readonly Range[]; readonly negated: boolean }

const DIGIT: Range[] = [[48, 57]]
const WORD: Range[] = [
  [65, 90],
  [97, 122],
  [48, 57],
  [95, 95],
]
const SPACE: Range[] = [
  [32, 32],
  [9, 13],
]
const ANY: Node = { kind: 'set', ranges: [[10, 10]], negated: true }
const literal = (code: number): Node => ({ kind: 'set', ranges: [[code, code]], negated: false })

class Parser {
  private i = 0
  constructor(private readonly src: string) {}

  parse(): Node {
    const node = this.alternation()
    if (this.i < this.src.length) throw new Error(`unexpected ) at ${this.i}`)
    return node
  }

  private peek(): string | undefined {
    return this.src[this.i]
  }

  private alternation(): Node {
    const options = [this.sequence()]
    while (this.peek() === '|') {
      this.i += 1
      options.push(this.sequence())
    }
    return options.length === 1 ? (options[0] as Node) : { kind: 'alt', options }
  }

  private sequence(): Node {
    const items: Node[] = []
    while (this.i < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      const atom = this.atom()
      if (atom !== undefined) items.push(this.quantified(atom))
    }
    return { kind: 'seq', items }
  }

  /** One atom, or undefined for an anchor or a lookaround (they produce nothing). */
  private atom(): Node | undefined {
    const c = this.src[this.i++] as string
    switch (c) {
      case '^':
      case '$':
        return undefined
      case '.':
        return ANY
      case '[':
        return this.set()
      case '(':
        return this.group()
      case '\\':
        return this.escape(false) as Node | undefined
      default:
        return literal(c.charCodeAt(0))
    }
  }

  private group(): Node | undefined {
    let skip = false
    if (this.src.startsWith('?:', this.i)) this.i += 2
    else if (/^\?<?[=!]/.test(this.src.slice(this.i, this.i + 3))) {
      this.i += this.src[this.i + 1] === '<' ? 3 : 2
      skip = true
    } else if (this.src.startsWith('?<', this.i)) this.i = this.src.indexOf('>', this.i) + 1
    const inner = this.alternation()
    if (this.src[this.i++] !== ')') throw new Error('unclosed group')
    return skip ? undefined : inner
  }

  private set(): Node {
    const negated = this.peek() === '^'
    if (negated) this.i += 1
    const ranges: Range[] = []
    let first = true
    while (this.i < this.src.length && (this.peek() !== ']' || first)) {
      first = false
      const lo = this.setChar()
      if (Array.isArray(lo)) {
        ranges.push(...lo)
        continue
      }
      if (this.peek() === '-' && this.src[this.i + 1] !== ']' && this.i + 1 < this.src.length) {
        this.i += 1
        const hi = this.setChar()
        if (Array.isArray(hi)) ranges.push([lo, lo], [45, 45], ...hi)
        else ranges.push([lo, hi])
      } else ranges.push([lo, lo])
    }
    this.i += 1
    return { kind: 'set', ranges, negated }
  }

  /** One member of a class: a code point, or the ranges of a class escape such as `\d`. */
  private setChar(): number | Range[] {
    const c = this.src[this.i++] as string
    if (c !== '\\') return c.charCodeAt(0)
    const escaped = this.escape(true)
    if (escaped === undefined) return 98 // \b in a class is a backspace; any letter will do
    if (escaped.kind === 'set' && !escaped.negated) return [...escaped.ranges]
    return [[97, 97]]
  }

  private escape(inSet: boolean): Extract<Node, { kind: 'set' }> | undefined {
    const c = this.src[this.i++] as string
    const set = (ranges: Range[], negated = false) => ({ kind: 'set' as const, ranges, negated })
    switch (c) {
      case 'd':
        return set(DIGIT)
      case 'D':
        return set(DIGIT, true)
      case 'w':
        return set(WORD)
      case 'W':
        return set(WORD, true)
      case 's':
        return set(SPACE)
      case 'S':
        return set(SPACE, true)
      case 'b':
      case 'B':
        return inSet ? set([[8, 8]]) : undefined
      case 'n':
        return set([[10, 10]])
      case 'r':
        return set([[13, 13]])
      case 't':
        return set([[9, 9]])
      case 'x':
      case 'u': {
        const width = c === 'x' ? 2 : 4
        const code = parseInt(this.src.slice(this.i, this.i + width), 16)
        this.i += width
        return set([[code, code]])
      }
      default:
        return set([[c.charCodeAt(0), c.charCodeAt(0)]])
    }
  }

  private quantified(atom: Node): Node {
    const bounds = this.bounds()
    if (bounds === undefined) return atom
    if (this.peek() === '?') this.i += 1 // lazy: the same strings
    return { kind: 'repeat', node: atom, min: bounds[0], max: bounds[1] }
  }

  /** The bounds of a quantifier at the cursor (consumed), or undefined when there is none. */
  private bounds(): [number, number] | undefined {
    const c = this.peek()
    if (c === '*' || c === '+' || c === '?') {
      this.i += 1
      return c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1]
    }
    if (c !== '{') return undefined
    const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i))
    if (m === null) return undefined // a literal brace, as in `{org_id}`
    this.i += m[0].length
    const min = Number(m[1])
    return [min, m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3])]
  }
}

/** Characters tried first for a negated class or `.`: letters, then digits, then a few safe symbols. */
const PREFERRED = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.'

function inRanges(code: number, ranges: readonly Range[]): boolean {
  return ranges.some(([lo, hi]) => code >= lo && code <= hi)
}

/** A deterministic source of choices: `next(n)` is an integer in [0, n). */
export interface Choices {
  next(n: number): number
}

/** Choices from a seed (mulberry32): the same seed gives the same strings. */
export function seeded(seed: number): Choices {
  let a = seed >>> 0
  return {
    next(n) {
      a = (a + 0x6d2b79f5) >>> 0
      let t = a
      t = Math.imul(t ^ (t >>> 15), t | 1)
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n)
    },
  }
}

/** Always the first choice: the plainest string a pattern allows. */
const FIRST: Choices = { next: () => 0 }

interface Policy {
  readonly choices: Choices
  /** Extra repetitions for an open or ranged quantifier, to reach a minimum length. */
  readonly extra: number
  /** Which alternative to take at each alternation, counted from the first. */
  readonly alternative: number
}

function pick(node: Extract<Node, { kind: 'set' }>, choices: Choices): string {
  if (node.negated) {
    const allowed = [...PREFERRED].filter((ch) => !inRanges(ch.charCodeAt(0), node.ranges))
    return allowed[choices === FIRST ? 0 : choices.next(allowed.length)] ?? 'a'
  }
  const printable = node.ranges.filter(([lo, hi]) => hi >= 32 && lo <= 126)
  const ranges = printable.length > 0 ? printable : node.ranges
  const size = ranges.reduce((n, [lo, hi]) => n + hi - lo + 1, 0)
  let k = choices.next(size)
  for (const [lo, hi] of ranges) {
    if (k <= hi - lo) return String.fromCharCode(lo + k)
    k -= hi - lo + 1
  }
  return 'a'
}

function generate(node: Node, policy: Policy): string {
  switch (node.kind) {
    case 'set':
      return pick(node, policy.choices)
    case 'seq':
      return node.items.map((n) => generate(n, policy)).join('')
    case 'alt':
      return generate(
        node.options[Math.min(policy.alternative, node.options.length - 1)] as Node,
        policy,
      )
    case 'repeat': {
      const count = Math.min(node.max, node.min + (node.max > node.min ? policy.extra : 0))
      let out = ''
      for (let i = 0; i < count; i++) out += generate(node.node, policy)
      return out
    }
  }
}

const parsed = new Map<string, { tree: Node; regex: RegExp } | null>()

/** The parsed tree and RegExp of a pattern, or null when either cannot be built. Cached. */
function compile(pattern: string): { tree: Node; regex: RegExp } | null {
  let entry = parsed.get(pattern)
  if (entry === undefined) {
    try {
      entry = { tree: new Parser(pattern).parse(), regex: new RegExp(pattern) }
    } catch {
      entry = null
    }
    parsed.set(pattern, entry)
  }
  return entry
}

/** Whether a string matches a pattern, as JSON Schema (and ajv without the `u` flag) reads it. */
export function matches(pattern: string, value: string): boolean {
  const compiled = compile(pattern)
  if (compiled) return compiled.regex.test(value)
  try {
    return new RegExp(pattern).test(value)
  } catch {
    return true // a pattern no RegExp accepts constrains nothing that can be checked
  }
}

/**
 * A string that matches `pattern` and fits the length bounds, or undefined when none is found. Without `choices`
 * the plainest such string; with seeded choices, one of many (for ids that must differ).
 */
export function sampleMatching(
  pattern: string,
  bounds: { minLength?: number; maxLength?: number } = {},
  choices: Choices = FIRST,
): string | undefined {
  const compiled = compile(pattern)
  if (!compiled) return undefined
  const min = bounds.minLength ?? 0
  const max = bounds.maxLength ?? Infinity
  for (const alternative of [0, 1, 2, 3])
    for (const extra of [0, 1, 2, 4, 8, 16, 32, 64]) {
      const s = generate(compiled.tree, { choices, extra, alternative })
      const length = [...s].length
      if (length >= min && length <= max && compiled.regex.test(s)) return s
    }
  return undefined
}
