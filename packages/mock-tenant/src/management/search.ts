// The subset of Auth0's Lucene user-search syntax (search_engine v3) that the emulator understands.
import { apiError, type Json } from '../http.js'

type Node =
  | { kind: 'and' | 'or'; left: Node; right: Node }
  | { kind: 'not'; inner: Node }
  | { kind: 'term'; field: string | undefined; value: string; quoted: boolean }
  | { kind: 'range'; field: string; lo: string; hi: string; loIncl: boolean; hiIncl: boolean }

type Token =
  { kind: 'lp' | 'rp' | 'and' | 'or' | 'not' } | Extract<Node, { kind: 'term' | 'range' }>

/** Fields searched by a term without a field. */
const FREE_TEXT_FIELDS = [
  'user_id',
  'email',
  'name',
  'nickname',
  'username',
  'given_name',
  'family_name',
  'phone_number',
]
/** Short names Auth0 accepts for nested fields. */
const ALIASES: Record<string, string> = {
  connection: 'identities.connection',
  provider: 'identities.provider',
}

const invalid = (why: string) => apiError(400, `Invalid query: ${why}`, 'invalid_query')

function tokenize(q: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  const readQuoted = (): string => {
    let out = ''
    i++ // opening quote
    while (i < q.length && q[i] !== '"') {
      if (q[i] === '\\' && i + 1 < q.length) i++
      out += q[i]
      i++
    }
    if (i >= q.length) throw invalid('unterminated quoted string')
    i++
    return out
  }
  const readBare = (): string => {
    const start = i
    while (i < q.length && !/[\s()]/.test(q[i] as string)) i++
    return q.slice(start, i)
  }
  while (i < q.length) {
    const c = q[i] as string
    if (/\s/.test(c)) {
      i++
      continue
    }
    if (c === '(' || c === ')') {
      tokens.push({ kind: c === '(' ? 'lp' : 'rp' })
      i++
      continue
    }
    if (c === '-' && i + 1 < q.length && !/\s/.test(q[i + 1] as string)) {
      tokens.push({ kind: 'not' })
      i++
      continue
    }
    const fieldMatch = /^(_exists_|[A-Za-z_][\w.]*):/.exec(q.slice(i))
    const field = fieldMatch?.[1]
    if (fieldMatch) i += fieldMatch[0].length
    const next = q[i]
    if (field !== undefined && (next === '[' || next === '{')) {
      const close = q.slice(i).search(/[\]}]/)
      if (close === -1) throw invalid('unterminated range')
      const body = q.slice(i + 1, i + close)
      const parts = body.split(/\s+TO\s+/)
      if (parts.length !== 2) throw invalid(`bad range ${body}`)
      tokens.push({
        kind: 'range',
        field,
        lo: (parts[0] as string).trim(),
        hi: (parts[1] as string).trim(),
        loIncl: next === '[',
        hiIncl: q[i + close] === ']',
      })
      i += close + 1
      continue
    }
    if (next === '"') {
      tokens.push({ kind: 'term', field, value: readQuoted(), quoted: true })
      continue
    }
    const word = readBare()
    if (field === undefined && (word === 'AND' || word === '&&')) tokens.push({ kind: 'and' })
    else if (field === undefined && (word === 'OR' || word === '||')) tokens.push({ kind: 'or' })
    else if (field === undefined && word === 'NOT') tokens.push({ kind: 'not' })
    else if (word === '') throw invalid(`missing value after ${field ?? ''}:`)
    else tokens.push({ kind: 'term', field, value: word, quoted: false })
  }
  return tokens
}

function parse(tokens: Token[]): Node {
  let pos = 0
  const peek = () => tokens[pos]
  const parseOr = (): Node => {
    let left = parseAnd()
    while (peek()?.kind === 'or') {
      pos++
      left = { kind: 'or', left, right: parseAnd() }
    }
    return left
  }
  const parseAnd = (): Node => {
    let left = parseUnary()
    for (;;) {
      const t = peek()
      if (t === undefined || t.kind === 'or' || t.kind === 'rp') return left
      if (t.kind === 'and') pos++
      left = { kind: 'and', left, right: parseUnary() }
    }
  }
  const parseUnary = (): Node => {
    const t = tokens[pos++]
    if (t === undefined) throw invalid('unexpected end of query')
    switch (t.kind) {
      case 'not':
        return { kind: 'not', inner: parseUnary() }
      case 'lp': {
        const inner = parseOr()
        if (tokens[pos++]?.kind !== 'rp') throw invalid('missing )')
        return inner
      }
      case 'term':
      case 'range':
        return t
      case 'rp':
      case 'and':
      case 'or':
        throw invalid(`unexpected ${t.kind.toUpperCase()}`)
    }
  }
  const node = parseOr()
  if (pos < tokens.length) throw invalid('unexpected )')
  return node
}

/** Every leaf value at a dotted path; arrays on the way are walked. */
function valuesAt(record: unknown, path: string): unknown[] {
  let current: unknown[] = [record]
  for (const key of path.split('.')) {
    current = current.flatMap((v) => {
      if (Array.isArray(v))
        return v.map((x) => (x !== null && typeof x === 'object' ? (x as Json)[key] : undefined))
      return v !== null && typeof v === 'object' ? [(v as Json)[key]] : []
    })
  }
  return current
    .flatMap((v) => (Array.isArray(v) ? v : [v]))
    .filter((v) => v !== undefined && v !== null)
}

function wildcard(value: string): RegExp {
  const escaped = value.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')
  return new RegExp(`^${escaped}$`, 'i')
}

function matchesValue(
  actual: unknown,
  term: { value: string; quoted: boolean },
  wholeWordsToo: boolean,
): boolean {
  const s = String(actual)
  if (!term.quoted && term.value.includes('*')) {
    const re = wildcard(term.value)
    return re.test(s) || (wholeWordsToo && s.split(/[^\p{L}\p{N}]+/u).some((w) => re.test(w)))
  }
  const want = term.value.toLowerCase()
  return (
    s.toLowerCase() === want ||
    (wholeWordsToo &&
      s
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .includes(want))
  )
}

function compare(a: unknown, b: string): number {
  const x = Number(a)
  const y = Number(b)
  if (typeof a === 'number' && Number.isFinite(y)) return x - y
  return String(a).localeCompare(b)
}

function evaluate(node: Node, record: Json): boolean {
  switch (node.kind) {
    case 'and':
      return evaluate(node.left, record) && evaluate(node.right, record)
    case 'or':
      return evaluate(node.left, record) || evaluate(node.right, record)
    case 'not':
      return !evaluate(node.inner, record)
    case 'range': {
      const values = valuesAt(record, ALIASES[node.field] ?? node.field)
      return values.some((v) => {
        const lo =
          node.lo === '*' || (node.loIncl ? compare(v, node.lo) >= 0 : compare(v, node.lo) > 0)
        const hi =
          node.hi === '*' || (node.hiIncl ? compare(v, node.hi) <= 0 : compare(v, node.hi) < 0)
        return lo && hi
      })
    }
    case 'term': {
      if (node.field === '_exists_')
        return valuesAt(record, ALIASES[node.value] ?? node.value).length > 0
      if (node.field === undefined) {
        return FREE_TEXT_FIELDS.some((f) =>
          valuesAt(record, f).some((v) => matchesValue(v, node, true)),
        )
      }
      return valuesAt(record, ALIASES[node.field] ?? node.field).some((v) =>
        matchesValue(v, node, false),
      )
    }
  }
}

/**
 * Compiles a `q` into a predicate. Supported: `field:value`, `field:"quoted value"`, `field:prefix*`,
 * nested fields (`app_metadata.plan:pro`, `identities.connection:"x"`, `connection:"x"`), ranges
 * (`logins_count:[1 TO 5]`, `{` `}` for exclusive ends, `*` for open ends), `_exists_:field`, free text,
 * `AND` / `OR` / `NOT` / `-term`, and parentheses. A space between terms means AND.
 */
export function compileQuery(q: string | null): (record: Json) => boolean {
  if (q === null || q.trim() === '') return () => true
  const node = parse(tokenize(q))
  return (record) => evaluate(node, record)
}
