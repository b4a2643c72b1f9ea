#!/usr/bin/env node
// Scaffolds a package with the shape every package shares: node scripts/new-package.mjs <dir> "<description>" [--node]
// --node: the package targets Node only (gets Node's types in src).
import { mkdirSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'

const [dir, description = '', ...flags] = process.argv.slice(2)
if (!dir) throw new Error('usage: new-package.mjs <dir> "<description>" [--node]')
const nodeOnly = flags.includes('--node')
const root = join('packages', dir)
const name = `@auth0-ts/${dir}`
if (existsSync(join(root, 'package.json'))) throw new Error(`${root} exists`)
mkdirSync(join(root, 'src'), { recursive: true })

const pkg = {
  name,
  version: '0.1.0',
  description,
  license: 'MIT',
  type: 'module',
  sideEffects: false,
  main: './dist/index.cjs',
  module: './dist/index.js',
  types: './dist/index.d.cts',
  exports: {
    '.': {
      import: { types: './dist/index.d.ts', default: './dist/index.js' },
      require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
    },
    './package.json': './package.json',
  },
  files: ['dist'],
  engines: { node: '>=20.19.0' },
  repository: { type: 'git', url: 'git+https://github.com/auth0-ts/auth0-ts.git', directory: root },
  keywords: ['auth0'],
  scripts: {
    build: 'tsup',
    typecheck: 'tsc -p tsconfig.src.json && tsc -p tsconfig.json',
    lint: 'eslint .',
    test: 'vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json',
    'check:pkg': 'publint --strict && attw --pack . --profile node16',
  },
  dependencies: {},
  devDependencies: {},
}
const w = (f, s) => writeFileSync(join(root, f), s)
w('package.json', JSON.stringify(pkg, null, 2) + '\n')
w(
  'tsconfig.json',
  JSON.stringify(
    {
      extends: '../../tsconfig.base.json',
      compilerOptions: { types: ['node'] },
      include: ['src', 'test', '*.ts', '../../tooling/globals.d.ts'],
    },
    null,
    2,
  ) + '\n',
)
w(
  'tsconfig.src.json',
  JSON.stringify(
    {
      extends: '../../tsconfig.base.json',
      compilerOptions: { types: nodeOnly ? ['node'] : [] },
      include: ['src', '../../tooling/globals.d.ts'],
      exclude: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'src/**/*.test-d.ts', 'src/test-utils'],
    },
    null,
    2,
  ) + '\n',
)
w(
  'tsup.config.ts',
  `import { defineConfig } from 'tsup'\nimport { baseConfig } from '../../tooling/tsup.ts'\n\nexport default defineConfig(baseConfig(import.meta.dirname))\n`,
)
w(
  'vitest.config.ts',
  `import { packageVitestConfig } from '../../tooling/vitest.ts'\n\nexport default packageVitestConfig(import.meta.dirname)\n`,
)
w('src/index.ts', 'export {}\n')
w('README.md', `# ${name}\n\n${description}\n`)
console.log(`created ${root}`)
