// Flat config for the whole monorepo. Layering (style.md §1) is enforced with no-restricted-imports.
import { readdirSync, readFileSync } from 'node:fs'
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// What each package's shipped source (src/ without tests and test-utils) may import of the @auth0-ts packages,
// besides itself. Every package must have an entry. tooling/lint-fixtures/check.mjs proves these are enforced.
const LAYERS = {
  core: [],
  authentication: ['core'],
  management: ['core'],
  'token-verifier': ['core'],
  'mock-tenant': [],
  'react-hooks': ['core', 'management'],
  redis: ['core'],
}
// The one package whose shipped source may import React (react-dom stays out: it is not one of its dependencies).
const REACT_PACKAGES = ['react-hooks']

// In flat config a later block that sets a rule replaces the options of an earlier one for the same file, so every
// file class below gets ONE block with its complete list, built here. no-restricted-imports sees static imports and
// re-exports; no-restricted-syntax adds import() with the same messages (require() and import('x').Type are
// already errors everywhere: no-require-imports, consistent-type-imports).
const CODE = '{ts,tsx,mts,cts,js,jsx,mjs,cjs}'
const MOCK_TENANT_MESSAGE =
  '@auth0-ts/mock-tenant is a test tool: only tests, test-utils and the playground may import it.'
const REACT_MESSAGE = 'Only react-hooks and the playground may import React.'

function restrictions({ label, self, auth0, mockTenant, react, reactDom }) {
  const bans = []
  // auth0: the @auth0-ts packages allowed besides `self`, or null for no check of them
  if (auth0 !== null) {
    const allowed = [...new Set([...auth0, ...(self ? [self] : [])])]
    // mock-tenant gets its own message, unless it is judged like any other package (tests follow their package.json)
    const exempt = mockTenant === 'separate' ? [...new Set([...allowed, 'mock-tenant'])] : allowed
    const names = auth0.map((n) => `@auth0-ts/${n}`).join(' and ')
    bans.push({
      regex: `^@auth0-ts/${exempt.length ? `(?!(?:${exempt.join('|')})(?:/|$))` : ''}`,
      message: auth0.length
        ? `${label} may import only ${names} (and subpaths) of the @auth0-ts packages (style.md §1).`
        : `${label} may import no other @auth0-ts package (style.md §1).`,
    })
  }
  if (mockTenant === 'separate' && self !== 'mock-tenant')
    bans.push({ regex: '^@auth0-ts/mock-tenant(?:/|$)', message: MOCK_TENANT_MESSAGE })
  if (!react) bans.push({ regex: '^react(?:-dom)?(?:/|$)', message: REACT_MESSAGE })
  else if (!reactDom)
    bans.push({
      regex: '^react-dom(?:/|$)',
      message: `${label} may not import react-dom: it is not one of its dependencies.`,
    })
  // esquery reads a regex up to the next '/', so slashes are written as \u002F
  const selector = (regex) => `/${regex.replaceAll('/', '\\u002F')}/`
  return {
    'no-restricted-imports': ['error', { patterns: bans }],
    'no-restricted-syntax': [
      'error',
      ...bans.flatMap(({ regex, message }) => [
        { selector: `ImportExpression[source.value=${selector(regex)}]`, message },
      ]),
    ],
  }
}

const readJson = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'))
const PACKAGES = readdirSync(new URL('./packages/', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
for (const name of PACKAGES)
  if (!(name in LAYERS))
    throw new Error(
      `eslint.config.js: packages/${name} has no entry in LAYERS (what its src/ may import)`,
    )

/** What a workspace directory's tests may import: the @auth0-ts packages and React its package.json lists. */
function testRestrictions(dir, label) {
  const pkg = readJson(`./${dir}/package.json`)
  const deps = Object.keys({
    ...pkg.dependencies,
    ...pkg.devDependencies,
    ...pkg.peerDependencies,
  })
  return restrictions({
    label,
    self: pkg.name.replace('@auth0-ts/', ''),
    auth0: deps.filter((d) => d.startsWith('@auth0-ts/')).map((d) => d.replace('@auth0-ts/', '')),
    mockTenant: 'as-package',
    react: deps.includes('react'),
    reactDom: deps.includes('react-dom'),
  })
}

const TEST_FILES = (dir) => [
  `${dir}/src/**/*.test.${CODE}`,
  `${dir}/src/**/*.test-d.ts`,
  `${dir}/src/**/test-utils/**/*.${CODE}`,
  `${dir}/test/**/*.${CODE}`,
]

const layerBlocks = [
  // everything not named below (config files, codegen, scripts): no emulator, no React
  {
    files: [`**/*.${CODE}`],
    rules: restrictions({
      label: 'This file',
      auth0: null,
      mockTenant: 'separate',
      react: false,
    }),
  },
  ...PACKAGES.flatMap((name) => [
    {
      files: [`packages/${name}/src/**/*.${CODE}`],
      ignores: TEST_FILES(`packages/${name}`),
      rules: restrictions({
        label: `The shipped source of ${name}`,
        self: name,
        auth0: LAYERS[name],
        mockTenant: 'separate',
        react: REACT_PACKAGES.includes(name),
        reactDom: false,
      }),
    },
    {
      files: TEST_FILES(`packages/${name}`),
      rules: testRestrictions(`packages/${name}`, `The tests of ${name}`),
    },
  ]),
  { files: [`smoke/**/*.${CODE}`], rules: testRestrictions('smoke', 'The smoke tests') },
  // the playground wires every package together, the emulator included
  {
    files: [`apps/playground/**/*.${CODE}`],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-syntax': 'off' },
  },
]

export default defineConfig(
  globalIgnores([
    '**/dist/**',
    '**/node_modules/**',
    '**/.turbo/**',
    '**/test-results/**',
    '.tools/**',
    '.runtimes/**',
    '**/.build/**',
    '**/e2e/out/**',
    // files that must fail lint: tooling/lint-fixtures/check.mjs lints them as if they sat in each package's src/
    'tooling/lint-fixtures/**',
    'smoke/**/*.mjs',
    'bench/**',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['packages/*/src/**/*.ts', 'packages/*/src/**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['**/*.tsx', 'packages/react-hooks/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  ...layerBlocks,
)
