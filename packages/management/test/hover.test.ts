// What an editor shows on hover: each method of ManagementClient keeps its operation's TSDoc (method, path, scopes)
// through the mapped types, asked of TypeScript's language service as an editor asks it.
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const here = fileURLToPath(new URL('.', import.meta.url))
// an in-memory file: nothing is written next to the tests
const file = `${here}hover.fixture.ts`
const source = `import { ManagementClient, UsersClient } from '../src/index.js'
declare const client: ManagementClient
declare const users: UsersClient
client.users.roles.list
client.organizations.members.roles.delete
users.get
client.events.subscribe
`

function quickInfo(expression: string): { text: string; docs: string } {
  const options: ts.CompilerOptions = {
    strict: true,
    exactOptionalPropertyTypes: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: [],
    skipLibCheck: true,
    noEmit: true,
  }
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [file, `${here}../../../tooling/globals.d.ts`],
    getScriptVersion: () => '1',
    getScriptSnapshot: (name) =>
      ts.ScriptSnapshot.fromString(name === file ? source : (ts.sys.readFile(name) ?? '')),
    getCurrentDirectory: () => here,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (name) => name === file || ts.sys.fileExists(name),
    readFile: (name) => (name === file ? source : ts.sys.readFile(name)),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  }
  const service = languageService ?? (languageService = ts.createLanguageService(host))
  const position = source.indexOf(expression) + expression.length - 1
  const info = service.getQuickInfoAtPosition(file, position)
  return {
    text: ts.displayPartsToString(info?.displayParts),
    docs: ts.displayPartsToString(info?.documentation),
  }
}
let languageService: ts.LanguageService | undefined

describe('hover', () => {
  it('shows the operation’s TSDoc and signature on each method', () => {
    const list = quickInfo('client.users.roles.list')
    expect(list.docs).toContain('`GET /users/{id}/roles`')
    expect(list.docs).toContain('`read:users`')
    expect(list.text).toBe(
      '(property) list: (id: string, request?: ListUserRolesRequestParameters | undefined, options?: ManagementRequestOptions | undefined) => PagePromise<Role, ListRolesResponseContent>',
    )
    const del = quickInfo('client.organizations.members.roles.delete')
    expect(del.docs).toContain('`DELETE /organizations/{id}/members/{user_id}/roles`')
    expect(del.text).toContain('request: DeleteOrganizationMemberRolesRequestContent')
    expect(quickInfo('users.get').docs).toContain('`GET /users/{id}`')
    expect(quickInfo('client.events.subscribe').docs).toContain('`GET /events`')
  }, 120_000)
})
