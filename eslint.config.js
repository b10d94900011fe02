// ESLint 9 flat config: `npm run lint` (and so `npm test`). Type-aware typescript-eslint on src/ and
// scripts/, its plain recommended rules on tests and benchmarks, and the layering of
// docs/architecture.md as import rules: no cycle, and no import against the direction of the layers.
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** The layers of src/, lowest first: a folder may import only from the folders before it (and itself). */
const LAYERS = [
  'util',
  'templates',
  'diagnostics',
  'load',
  'validate',
  'model',
  'analyses',
  'rules',
  'config',
  'pipeline',
  'edit',
  'view',
  'format',
  'import',
  'lsp',
  'cli',
];

/**
 * One zone per layer: it may not import from any layer above it. `diagnostics/report.ts` names the
 * file type of `load/source-file.ts` (a module that imports nothing of argmap): the one exception.
 */
const zones = LAYERS.flatMap((layer, i) =>
  LAYERS.slice(i + 1).map((above) => ({
    target: `./src/${layer}`,
    from: `./src/${above}`,
    ...(layer === 'diagnostics' && above === 'load' ? { except: ['./source-file.ts'] } : {}),
    message: `src/${layer}/ sits below src/${above}/ (docs/architecture.md): move the shared code down, or pass it in.`,
  })),
);

export default tseslint.config(
  {
    ignores: [
      'editors/vscode/node_modules/',
      'dist/',
      'src/validate/generated/',
      'test/fixtures/',
      'test/artifacts/',
      'node_modules/',
      'coverage/',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        setImmediate: 'readonly',
      },
    },
    rules: {
      'prefer-const': ['error', { destructuring: 'all' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // The VS Code client (editors/vscode/) is a CommonJS extension, as VS Code loads them.
    files: ['editors/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests look for control characters in output on purpose (terminal safety).
    files: ['test/**/*.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    files: ['src/**/*.ts', 'scripts/**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.mjs', '.json'] })],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': ['error', { zones }],
      // `f(...list)` passes every item as an argument, and V8 throws RangeError past about 120,000
      // of them: a file with 200,000 warnings once crashed `check` that way. Array and object
      // literals may spread (they have no such limit).
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression > SpreadElement',
          message: 'Do not spread a list into a call: past ~120,000 items V8 throws RangeError. Loop, or pass the array.',
        },
        {
          selector: 'NewExpression > SpreadElement',
          message: 'Do not spread a list into a constructor call: past ~120,000 items V8 throws RangeError. Pass the array.',
        },
      ],
    },
  },
);
