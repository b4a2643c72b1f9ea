// Dev script: lists every operation node-auth0 v7.1 declares, read from its installed dist (never committed output).
// For each public method of each resource client: the group, the name, the HTTP method, the path, the path
// arguments, where the request goes, the query parameters with the defaults node-auth0 sends, whether it returns a
// page, and the request and response type names from its declarations. Used to find the operations the definition
// lacks and to check additions.ts and overrides.ts.
//
//   pnpm --filter @auth0-ts/codegen build && node codegen/dist/list-node-auth0.js [--json out.json] [--oas def.json]
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import ts from 'typescript'

export interface NodeAuth0Operation {
  /** `users.roles` */
  group: string
  name: string
  method: string
  /** `/users/{id}/roles`, with node-auth0's argument names. */
  path: string
  /** Positional arguments before `request`, in order. */
  args: string[]
  /** `query`, `json`, `file`, or `none`. */
  request: 'query' | 'json' | 'file' | 'none'
  /** Whether `request` may be left out (it defaults to `{}`). */
  requestOptional: boolean
  /** Query parameters by wire name, with the default node-auth0 sends when the caller leaves one out. */
  query: { name: string; default?: string | number | boolean }[]
  /** Present when the method returns a `core.Page`. */
  page?: { items: string; by: 'page' | 'from' }
  /** `sse` for the event stream. */
  responseType?: string
  /** Type text of the request parameter and of the result, from the `.d.mts`. */
  requestType?: string
  responseType2?: string
}

function nodeAuth0Root(): string {
  const require = createRequire(import.meta.url)
  const pkg = require.resolve('auth0/package.json', {
    paths: [process.cwd(), join(process.cwd(), 'codegen')],
  })
  return join(dirname(pkg), 'dist/esm/management/api/resources')
}

function clientFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isDirectory()) walk(p)
      else if (e.name === 'Client.mjs' && d.endsWith('/client')) out.push(p)
    }
  }
  walk(dir)
  return out.sort()
}

function groupOf(root: string, file: string): string {
  return relative(root, file)
    .replace(/\/client\/Client\.mjs$/, '')
    .split('/resources/')
    .join('.')
}

function literalValue(e: ts.Expression): string | number | boolean | undefined {
  if (ts.isStringLiteral(e)) return e.text
  if (ts.isNumericLiteral(e)) return Number(e.text)
  if (e.kind === ts.SyntaxKind.TrueKeyword) return true
  if (e.kind === ts.SyntaxKind.FalseKeyword) return false
  return undefined
}

function find<T extends ts.Node>(node: ts.Node, test: (n: ts.Node) => n is T): T[] {
  const out: T[] = []
  const visit = (n: ts.Node): void => {
    if (test(n)) out.push(n)
    ts.forEachChild(n, visit)
  }
  visit(node)
  return out
}

function propText(obj: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const p of obj.properties)
    if (ts.isPropertyAssignment(p) && p.name.getText() === name) return p.initializer
  return undefined
}

function pathOf(url: ts.Expression): string {
  // core.url.join(base, "users") or core.url.join(base, `users/${core.url.encodePathParam(id)}/roles`)
  if (!ts.isCallExpression(url)) throw new Error(`unexpected url ${url.getText()}`)
  const arg = url.arguments[1]
  if (arg === undefined) throw new Error('url without path')
  if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) return `/${arg.text}`
  if (!ts.isTemplateExpression(arg)) throw new Error(`unexpected path ${arg.getText()}`)
  let path = `/${arg.head.text}`
  for (const span of arg.templateSpans) {
    const e = span.expression
    const name =
      ts.isCallExpression(e) && e.arguments[0] !== undefined
        ? e.arguments[0].getText()
        : e.getText()
    path += `{${name}}${span.literal.text}`
  }
  return path
}

interface DeclaredTypes {
  params: Map<string, string>
  result: string
}

function declaredTypes(file: string): Map<string, DeclaredTypes> {
  const dts = file.replace(/\.mjs$/, '.d.mts')
  const out = new Map<string, DeclaredTypes>()
  if (!existsSync(dts)) return out
  const sf = ts.createSourceFile(dts, readFileSync(dts, 'utf8'), ts.ScriptTarget.Latest, true)
  for (const cls of find(sf, ts.isClassDeclaration)) {
    for (const m of cls.members) {
      if (!ts.isMethodDeclaration(m) || m.type === undefined) continue
      const params = new Map<string, string>()
      for (const p of m.parameters) params.set(p.name.getText(), p.type?.getText() ?? '')
      out.set(m.name.getText(), { params, result: m.type.getText() })
    }
  }
  return out
}

function listClient(root: string, file: string): NodeAuth0Operation[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
  const cls = find(sf, ts.isClassDeclaration)[0]
  if (cls === undefined) return []
  const methods = new Map<string, ts.MethodDeclaration>()
  for (const m of cls.members) if (ts.isMethodDeclaration(m)) methods.set(m.name.getText(), m)
  const types = declaredTypes(file)
  const group = groupOf(root, file)
  const out: NodeAuth0Operation[] = []
  for (const [name, m] of methods) {
    if (name.startsWith('__')) continue
    const impl = methods.get(`__${name}`) ?? m
    // The parameters: the method's own, or (for lists) those of the generator passed to __awaiter.
    // `list(id_1) { return __awaiter(this, arguments, void 0, function* (id, request = {}, requestOptions) ...`
    let params: readonly ts.ParameterDeclaration[] = m.parameters
    const gen = find(m, ts.isFunctionExpression).find((f) => f.asteriskToken !== undefined)
    if (impl === m && gen !== undefined) params = gen.parameters
    const names = params.map((p) => p.name.getText())
    const requestParam = params.find((p) => p.name.getText() === 'request')
    const args = names.filter((n) => n !== 'request' && n !== 'requestOptions')
    const call = find(impl, ts.isObjectLiteralExpression).find(
      (o) => propText(o, 'url') !== undefined && propText(o, 'method') !== undefined,
    )
    if (call === undefined) throw new Error(`${group}.${name}: no fetcher call`)
    const method = literalValue(propText(call, 'method') as ts.Expression) as string
    const path = pathOf(propText(call, 'url') as ts.Expression)
    const requestType = propText(call, 'requestType')
    const responseType = propText(call, 'responseType')
    // Query: the _queryParams object, with defaults from the destructuring of `request`.
    const defaults = new Map<string, string | number | boolean>()
    for (const d of find(impl, ts.isVariableDeclaration)) {
      if (!ts.isObjectBindingPattern(d.name) || d.initializer?.getText() !== 'request') continue
      for (const el of d.name.elements) {
        const wire = (el.propertyName ?? el.name).getText()
        const v = el.initializer === undefined ? undefined : literalValue(el.initializer)
        if (v !== undefined) defaults.set(wire.replace(/^"|"$/g, ''), v)
      }
    }
    const query: NodeAuth0Operation['query'] = []
    const qp = find(impl, ts.isVariableDeclaration).find((d) => d.name.getText() === '_queryParams')
    if (qp?.initializer !== undefined && ts.isObjectLiteralExpression(qp.initializer)) {
      for (const p of qp.initializer.properties) {
        const wire = (p.name?.getText() ?? '').replace(/^"|"$/g, '')
        const d = defaults.get(wire)
        query.push(d === undefined ? { name: wire } : { name: wire, default: d })
      }
    }
    let page: NodeAuth0Operation['page']
    const pageNew = find(m, ts.isNewExpression).find((n) => n.expression.getText() === 'core.Page')
    if (pageNew !== undefined) {
      const text = pageNew.getText()
      const items = /getItems: \(response\) => \{[^}]*response\.(\w+)\)/.exec(text)?.[1] ?? ''
      const by = /setObjectProperty\(request, "(\w+)"/.exec(text)?.[1]
      page = { items, by: by === 'from' ? 'from' : 'page' }
    }
    const kind: NodeAuth0Operation['request'] =
      requestType !== undefined
        ? (literalValue(requestType) as 'json' | 'file')
        : qp !== undefined
          ? 'query'
          : 'none'
    const decl = types.get(name)
    const op: NodeAuth0Operation = {
      group,
      name,
      method,
      path,
      args,
      request: kind,
      requestOptional:
        requestParam?.initializer !== undefined || requestParam?.questionToken !== undefined,
      query,
    }
    if (page !== undefined) op.page = page
    if (responseType !== undefined) op.responseType = String(literalValue(responseType))
    const reqType = decl?.params.get('request')
    if (reqType !== undefined) op.requestType = reqType
    if (decl !== undefined) op.responseType2 = decl.result
    out.push(op)
  }
  return out
}

/** Every operation of the installed node-auth0, sorted by group and name. */
export function listNodeAuth0(): NodeAuth0Operation[] {
  const root = nodeAuth0Root()
  const ops = clientFiles(root).flatMap((f) => listClient(root, f))
  return ops.sort((a, b) =>
    `${a.group}.${a.name}` < `${b.group}.${b.name}`
      ? -1
      : `${a.group}.${a.name}` > `${b.group}.${b.name}`
        ? 1
        : 0,
  )
}

/** `/users/{}/roles`: a path with its parameter names dropped, to match operations across sources. */
export const pathShape = (path: string): string => path.replace(/\{[^}]*\}/g, '{}')

function main(): void {
  const argv = process.argv.slice(2).filter((a) => a !== '--')
  const flag = (f: string): string | undefined => {
    const i = argv.indexOf(f)
    return i === -1 ? undefined : argv[i + 1]
  }
  const ops = listNodeAuth0()
  const jsonOut = flag('--json')
  if (jsonOut !== undefined) writeFileSync(jsonOut, `${JSON.stringify(ops, null, 2)}\n`)
  console.log(`node-auth0: ${ops.length} operations`)
  const oas = flag('--oas')
  if (oas === undefined) return
  const def = JSON.parse(readFileSync(oas, 'utf8')) as {
    paths: Record<
      string,
      Record<string, { 'x-operation-group': string | string[]; 'x-operation-name': string }>
    >
  }
  const defOps = new Map<string, string>()
  for (const [path, item] of Object.entries(def.paths))
    for (const [method, o] of Object.entries(item)) {
      const g = o['x-operation-group']
      defOps.set(
        `${method.toUpperCase()} ${pathShape(path)}`,
        `${Array.isArray(g) ? g.join('.') : g}.${o['x-operation-name']}`,
      )
    }
  const nodeKeys = new Map(ops.map((o) => [`${o.method} ${pathShape(o.path)}`, o]))
  const onlyNode = ops.filter((o) => !defOps.has(`${o.method} ${pathShape(o.path)}`))
  const onlyDef = [...defOps].filter(([k]) => !nodeKeys.has(k))
  const renamed = ops.filter((o) => {
    const id = defOps.get(`${o.method} ${pathShape(o.path)}`)
    return id !== undefined && id !== `${o.group}.${o.name}`
  })
  console.log(`definition: ${defOps.size}; in both: ${ops.length - onlyNode.length}`)
  console.log(`\nonly in node-auth0 (${onlyNode.length}):`)
  for (const o of onlyNode) console.log(`  ${o.group}.${o.name}  ${o.method} ${o.path}`)
  console.log(`\nonly in the definition (${onlyDef.length}):`)
  for (const [k, id] of onlyDef.sort((a, b) => (a[1] < b[1] ? -1 : 1))) console.log(`  ${id}  ${k}`)
  console.log(`\nsame route, another name (${renamed.length}):`)
  for (const o of renamed)
    console.log(`  ${o.group}.${o.name} = ${defOps.get(`${o.method} ${pathShape(o.path)}`)}`)
}

if (process.argv[1] !== undefined && /list-node-auth0\.[jt]s$/.test(process.argv[1])) main()
