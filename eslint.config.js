// Flat config for the whole monorepo. Layering (style.md §1) is enforced with no-restricted-imports.
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const restrict = (files, banned, message) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: banned.map((group) => ({ group: [group], message })) },
    ],
  },
})

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
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  // core knows nothing of the packages above it
  restrict(
    ['packages/core/src/**'],
    ['@auth0-ts/*', 'react'],
    'core must not import other auth0-ts packages or React.',
  ),
  // siblings never import each other; nobody's src imports the emulator
  restrict(
    ['packages/authentication/src/**', 'packages/token-verifier/src/**'],
    [
      '@auth0-ts/management',
      '@auth0-ts/authentication',
      '@auth0-ts/token-verifier',
      '@auth0-ts/react-hooks',
      '@auth0-ts/mock-tenant',
      '@auth0-ts/redis',
      'react',
    ],
    'authentication and token-verifier depend on core alone.',
  ),
  restrict(
    ['packages/management/src/**'],
    [
      '@auth0-ts/authentication',
      '@auth0-ts/token-verifier',
      '@auth0-ts/react-hooks',
      '@auth0-ts/mock-tenant',
      '@auth0-ts/redis',
      'react',
    ],
    'management depends on core alone.',
  ),
  restrict(
    ['packages/react-hooks/src/**', 'packages/redis/src/**'],
    ['@auth0-ts/mock-tenant', '@auth0-ts/authentication', '@auth0-ts/token-verifier'],
    'This package must not import that package from src/.',
  ),
  restrict(
    ['packages/*/src/**/!(*.test).ts'],
    ['@auth0-ts/mock-tenant', '@auth0-ts/mock-tenant/*'],
    'Only tests may import the mock tenant.',
  ),
)
