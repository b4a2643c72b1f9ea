// packages/management/src/generated/operations/<group>.ts and generated/index.ts: each operation is its own exported
// const (`usersRolesList`), an object literal of facts typed with `as Operation<Args, Req, Res, Item>`, and one plain
// const object per top-level group references them by name, subgroups nested (`users.roles.list`), its type declared as
// `typeof` each const. There is no request code and no function call: a group object that is never used tree-shakes
// away, and a client that imports single operations (the `Auth0` client) bundles only those, since a bundler cannot
// drop one property of an object it keeps.
import type { ModelOperation } from './model.js'
import { propertyKey, renderType } from './render.js'

export interface GroupNode {
  operations: Map<string, ModelOperation>
  groups: Map<string, GroupNode>
}

const newNode = (): GroupNode => ({ operations: new Map(), groups: new Map() })

/** The operations as a tree of groups. Throws when a name is both an operation and a subgroup. */
export function groupTree(ops: readonly ModelOperation[]): Map<string, GroupNode> {
  const root = newNode()
  for (const op of ops) {
    let node = root
    for (const segment of op.group) {
      let child = node.groups.get(segment)
      if (child === undefined) {
        child = newNode()
        node.groups.set(segment, child)
      }
      node = child
    }
    node.operations.set(op.name, op)
  }
  const check = (node: GroupNode, path: string[]): void => {
    for (const [name, child] of node.groups) {
      if (node.operations.has(name)) {
        const where = [...path, name].join('.')
        throw new Error(`${where} is both an operation and a group of operations`)
      }
      check(child, [...path, name])
    }
  }
  check(root, [])
  if (root.operations.size > 0)
    throw new Error(`operations without a group: ${[...root.operations.keys()].join(', ')}`)
  return root.groups
}

/** `attackProtection` → `attack-protection`. */
export function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
}

const typeRef = (name: string): string => `T.${name}`

function tsOf(op: ModelOperation, which: 'args' | 'request' | 'response' | 'item'): string {
  const render = (s: Parameters<typeof renderType>[0]): string => renderType(s, { nameOf: typeRef })
  switch (which) {
    case 'args':
      return `[${op.pathParams.map((p) => `${argLabel(p.name)}: ${render(p.schema)}`).join(', ')}]`
    case 'request':
      if (op.requestName !== undefined) return typeRef(op.requestName)
      return op.body === undefined ? 'void' : render(op.body.schema)
    case 'response': {
      if (op.response === 'none' || op.responseSchema === undefined) return 'void'
      const t = op.responseName === undefined ? render(op.responseSchema) : typeRef(op.responseName)
      return op.response === 'optional' ? `${t} | undefined` : t
    }
    case 'item':
      return op.list === undefined ? 'never' : render(op.list.item)
  }
}

/** The request and response types of an operation as its descriptor writes them. */
export function operationTypes(op: ModelOperation): { request: string; response: string } {
  return { request: tsOf(op, 'request'), response: tsOf(op, 'response') }
}

/** A tuple label: the wire name when it is an identifier, else camelCase. */
function argLabel(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name)
    ? name
    : name.replace(/[^A-Za-z0-9]+(.)/g, (_, c: string) => c.toUpperCase())
}

/** The TSDoc of an operation: facts only. */
function operationDoc(op: ModelOperation): string[] {
  const lines = [`\`${op.method} ${op.path}\``]
  if (op.scopes.length > 0)
    lines.push('', `Scopes (any one): ${op.scopes.map((s) => `\`${s}\``).join(', ')}.`)
  if (op.lifecycle === 'EA' || op.lifecycle === 'beta')
    lines.push('', `Lifecycle: ${op.lifecycle}.`)
  if (op.source === 'node-auth0')
    lines.push('', "Not in Auth0's definition: declared from node-auth0 v7.1.")
  return lines
}

function descriptor(op: ModelOperation): string {
  const fields = [`method: '${op.method}'`, `path: ${JSON.stringify(op.path)}`]
  if (op.request !== undefined) fields.push(`request: '${op.request}'`)
  if (op.response !== 'json') fields.push(`response: '${op.response}'`)
  if (op.list !== undefined) {
    const items = op.list.items === undefined ? '' : `items: ${JSON.stringify(op.list.items)}, `
    fields.push(`list: { ${items}paging: '${op.list.paging}' }`)
  }
  if (op.defaults !== undefined)
    fields.push(
      `defaults: { ${Object.entries(op.defaults)
        .map(([k, v]) => `${propertyKey(k)}: ${JSON.stringify(v)}`)
        .join(', ')} }`,
    )
  if (op.customDomain) fields.push('customDomain: true')
  const type = ['args', 'request', 'response', 'item'].map((w) =>
    tsOf(op, w as 'args' | 'request' | 'response' | 'item'),
  )
  if (type[3] === 'never') type.pop()
  return `{ ${fields.join(', ')} } as Operation<${type.join(', ')}>`
}

function doc(lines: string[]): string {
  return `/**\n${lines.map((l) => (l === '' ? ' *' : ` * ${l}`)).join('\n')}\n */`
}

/** The const an operation is exported as: its group path and name in camelCase (`users.roles.list` → `usersRolesList`). */
export function operationConstName(op: Pick<ModelOperation, 'group' | 'name'>): string {
  const [first = '', ...rest] = [...op.group, op.name]
  return first + rest.map((s) => s.charAt(0).toUpperCase() + s.slice(1)).join('')
}

/** Every operation under a node, depth first in the order the group object lists them. */
function operationsOf(node: GroupNode): ModelOperation[] {
  const out: ModelOperation[] = []
  for (const name of [...node.operations.keys()].sort())
    out.push(node.operations.get(name) as ModelOperation)
  for (const name of [...node.groups.keys()].sort())
    out.push(...operationsOf(node.groups.get(name) as GroupNode))
  return out
}

/** The group object's declared type: each operation as `typeof` its const, with its TSDoc (which hovers show). */
function objectType(node: GroupNode): string {
  const entries: string[] = []
  for (const name of [...node.operations.keys()].sort()) {
    const op = node.operations.get(name) as ModelOperation
    entries.push(`${doc(operationDoc(op))}\n${propertyKey(name)}: typeof ${operationConstName(op)}`)
  }
  for (const name of [...node.groups.keys()].sort())
    entries.push(`${propertyKey(name)}: ${objectType(node.groups.get(name) as GroupNode)}`)
  return `{\n${entries.join('\n')}\n}`
}

function objectLiteral(node: GroupNode): string {
  const entries: string[] = []
  for (const name of [...node.operations.keys()].sort())
    entries.push(
      `${propertyKey(name)}: ${operationConstName(node.operations.get(name) as ModelOperation)},`,
    )
  for (const name of [...node.groups.keys()].sort())
    entries.push(`${propertyKey(name)}: ${objectLiteral(node.groups.get(name) as GroupNode)},`)
  return `{\n${entries.join('\n')}\n}`
}

/** The unformatted source of each group file by file name, and of index.ts. Throws when two consts would share a name. */
export function emitManagement(ops: readonly ModelOperation[]): Map<string, string> {
  const groups = groupTree(ops)
  const files = new Map<string, string>()
  const names = [...groups.keys()].sort()
  const taken = new Map<string, string>(names.map((n) => [n, `the group ${n}`]))
  for (const name of names) {
    const node = groups.get(name) as GroupNode
    const consts = operationsOf(node).map((op) => {
      const constName = operationConstName(op)
      const where = [...op.group, op.name].join('.')
      const other = taken.get(constName)
      if (other !== undefined)
        throw new Error(`${where} and ${other} would both be exported as ${constName}`)
      taken.set(constName, where)
      return `${doc(operationDoc(op))}\nexport const ${constName} = ${descriptor(op)}`
    })
    const body = objectLiteral(node)
    const operationTypes = consts.some((c) => /\bUpload\b/.test(c))
      ? 'Operation, Upload'
      : 'Operation'
    const source = [
      `import type { ${operationTypes} } from '../../operation.js'`,
      "import type * as T from '../types.js'",
      '',
      consts.join('\n\n'),
      '',
      `/** The \`${name}\` operations: each a typed descriptor that \`ManagementClient\` interprets. */`,
      // Declared, not inferred: the published declarations then name each operation's const once (`typeof
      // usersGet`) instead of repeating its whole `Operation<...>` type, which every user's compiler would parse.
      `export const ${name}: ${objectType(node)} = ${body}`,
    ].join('\n')
    files.set(`operations/${kebab(name)}.ts`, `${source}\n`)
  }
  const index = names.map((n) => `export { ${n} } from './operations/${kebab(n)}.js'`)
  files.set('index.ts', `${index.join('\n')}\n`)
  return files
}
