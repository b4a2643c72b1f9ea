// A route table kept as a segment trie: a lookup walks one node per path segment, so its cost does not grow with the
// number of routes (the whole Management API is about 480 of them).
import { apiError } from '../http.js'

/** The HTTP methods the tenant routes. */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * Where a route comes from. For the same method and path shape, a hand-written route wins over a generated one,
 * whichever was added first.
 */
export type RouteSource = 'hand-written' | 'generated'

interface Entry<T> {
  readonly value: T
  readonly template: string
  readonly names: readonly string[]
  readonly source: RouteSource
}

interface Node<T> {
  readonly statics: Map<string, Node<T>>
  param: Node<T> | undefined
  /** Per method: the hand-written entry first when there is one. */
  readonly leaves: Map<string, Entry<T>[]>
}

/** A route found for a request: its value, its template and its path parameters, decoded. */
export interface RouteMatch<T> {
  readonly value: T
  readonly template: string
  readonly source: RouteSource
  readonly params: Readonly<Record<string, string>>
}

/** One registered route, as {@link RouteTable.entries} lists it. */
export interface RouteEntry<T> {
  readonly method: Method
  readonly template: string
  readonly source: RouteSource
  readonly value: T
  /** A hand-written route with the same method and shape serves the requests instead. */
  readonly shadowed: boolean
}

const PARAM = /^\{([A-Za-z_][\w-]*)\}$/

function newNode<T>(): Node<T> {
  return { statics: new Map(), param: undefined, leaves: new Map() }
}

/** The segments of a template such as `/users/{id}/roles`; `{name}` is a parameter and must fill its segment. */
function parseTemplate(template: string): { segments: (string | null)[]; names: string[] } {
  if (!template.startsWith('/')) throw new Error(`Route template must start with /: ${template}`)
  const names: string[] = []
  const segments = template === '/' ? [] : template.slice(1).split('/')
  return {
    names,
    segments: segments.map((segment) => {
      const param = PARAM.exec(segment)
      if (param) {
        names.push(param[1] as string)
        return null
      }
      if (segment === '' || /[{}]/.test(segment))
        throw new Error(`Bad segment "${segment}" in route template ${template}`)
      return segment
    }),
  }
}

function decode(segment: string): string {
  if (!segment.includes('%')) return segment
  try {
    return decodeURIComponent(segment)
  } catch {
    throw apiError(400, 'Bad Request: malformed path parameter', 'invalid_uri')
  }
}

/**
 * Routes by method and path template (`/users/{id}`). A literal segment is tried before a parameter, so
 * `/organizations/name/{name}` and `/organizations/{id}` live side by side.
 */
export class RouteTable<T> {
  private readonly root: Node<T> = newNode()
  private count = 0

  /** How many routes were added, shadowed ones included. */
  get size(): number {
    return this.count
  }

  /**
   * Adds a route.
   *
   * @throws Error when the template is malformed, or a route of the same source already has this method and shape
   */
  add(method: Method, template: string, value: T, source: RouteSource = 'hand-written'): void {
    const { segments, names } = parseTemplate(template)
    let node = this.root
    for (const segment of segments) {
      if (segment === null) node = node.param ??= newNode()
      else {
        let next = node.statics.get(segment)
        if (!next) node.statics.set(segment, (next = newNode()))
        node = next
      }
    }
    const entries = node.leaves.get(method) ?? []
    const same = entries.find((e) => e.source === source)
    if (same) throw new Error(`Duplicate ${source} route: ${method} ${template} (${same.template})`)
    const entry: Entry<T> = { value, template, names, source }
    node.leaves.set(method, source === 'hand-written' ? [entry, ...entries] : [...entries, entry])
    this.count += 1
  }

  /**
   * Finds the route for a method and a raw (still percent-encoded) path; a trailing slash is ignored.
   *
   * @throws HttpError 400 when a path parameter is not valid percent-encoding
   */
  match(method: string, pathname: string): RouteMatch<T> | undefined {
    let end = pathname.length
    while (end > 0 && pathname.charCodeAt(end - 1) === 47 /* / */) end -= 1
    const segments = end === 0 ? [] : pathname.slice(1, end).split('/')
    const values: string[] = []
    const entry = this.walk(this.root, method, segments, 0, values)
    if (!entry) return undefined
    const params: Record<string, string> = {}
    entry.names.forEach((name, i) => (params[name] = decode(values[i] as string)))
    return { value: entry.value, template: entry.template, source: entry.source, params }
  }

  private walk(
    node: Node<T>,
    method: string,
    segments: readonly string[],
    i: number,
    values: string[],
  ): Entry<T> | undefined {
    if (i === segments.length) return node.leaves.get(method)?.[0]
    const segment = segments[i] as string
    const literal = node.statics.get(segment)
    if (literal) {
      const found = this.walk(literal, method, segments, i + 1, values)
      if (found) return found
    }
    if (node.param && segment !== '') {
      values.push(segment)
      const found = this.walk(node.param, method, segments, i + 1, values)
      if (found) return found
      values.pop()
    }
    return undefined
  }

  /** Every route, in no particular order: for coverage reports and tests. */
  *entries(): IterableIterator<RouteEntry<T>> {
    const stack: Node<T>[] = [this.root]
    for (let node = stack.pop(); node; node = stack.pop()) {
      for (const [method, entries] of node.leaves)
        for (const [i, e] of entries.entries())
          yield {
            method: method as Method,
            template: e.template,
            source: e.source,
            value: e.value,
            shadowed: i > 0,
          }
      stack.push(...node.statics.values())
      if (node.param) stack.push(node.param)
    }
  }
}
